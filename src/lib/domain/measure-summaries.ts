import type { FunnelRow, Growth } from './network-measures';
import type { FromStartRow } from './project-measures';
import type { Reach } from './seldom-heard';
import type { IdeasSeries, MeetingsRow } from './work-measures';
import { share } from './measure-series';
import { periodLabel, periodNoun, type Granularity } from './period';

/**
 * Each measure in a sentence or two of plain English, for the top of its section and for screen readers
 * (the p-chart has its own, `summarisePChart`). Totals are over the periods shown.
 */

/** "45%", or "no share" when there is nothing to share of. */
export function percentOf(part: number, whole: number): string {
	const proportion = share(part, whole);
	return proportion === null ? 'no share' : `${Math.round(proportion * 100)}%`;
}

function sum<R>(rows: readonly R[], value: (row: R) => number): number {
	return rows.reduce((total, row) => total + value(row), 0);
}

function spanWords(rows: readonly { period: string }[], granularity: Granularity): string {
	const first = rows[0];
	const last = rows.at(-1);
	if (!first || !last) return '';
	const count = rows.length;
	if (count === 1) return `in ${periodLabel(first.period)}`;
	// A quarter's label has its own "to" (January to March 2026): "through" joins two of them.
	const join = granularity === 'month' ? 'to' : 'through';
	return `over ${count} ${periodNoun(granularity, count)}, ${periodLabel(first.period)} ${join} ${periodLabel(last.period)}`;
}

export function summariseGrowth(growth: Growth, granularity: Granularity): string {
	const first = growth.rows[0];
	const last = growth.rows.at(-1);
	if (!first || !last) return 'No member accounts on this device yet, so there is nothing to chart.';
	const joined = sum(growth.rows, (row) => row.joined);
	const left = sum(growth.rows, (row) => row.left);
	const before = first.members - first.joined + first.left;
	return (
		`${last.members} members at the end of ${periodLabel(last.period)}, from ${before} before ` +
		`${periodLabel(first.period)}: ${joined} joined and ${left} left ${spanWords(growth.rows, granularity)}.`
	);
}

export function summariseFunnel(rows: readonly FunnelRow[], of: string): string {
	const signups = sum(rows, (row) => row.signups);
	if (signups === 0) return 'No sign-ups yet, so there is nothing to chart.';
	const contacted = sum(rows, (row) => row.contacted);
	const joined = sum(rows, (row) => row.joined);
	const best = [...rows].sort((a, b) => b.joined - a.joined)[0];
	const most = best && best.joined > 0 ? ` Most joined from ${best.label} (${best.joined}).` : '';
	return (
		`Of ${signups} sign-ups ${of}, ${contacted} (${percentOf(contacted, signups)}) were contacted and ` +
		`${joined} (${percentOf(joined, signups)}) joined.${most}`
	);
}

export function summariseReach(reach: Reach, granularity: Granularity, small: number): string {
	const { joined, seldomHeard } = reach.total;
	if (joined === 0) return 'Nobody who signed up at an event has joined yet, so there is nothing to chart.';
	const span = spanWords(reach.rows, granularity);
	if (seldomHeard === null)
		return `${joined} people joined ${span}. Fewer than ${small} of them are from the groups you count as seldom heard, so the number is hidden.`;
	return `${joined} people joined ${span}; ${seldomHeard} of them (${percentOf(seldomHeard, joined)}) are from the groups you count as seldom heard.`;
}

export function summariseFromStart(rows: readonly FromStartRow[], granularity: Granularity): string {
	const started = sum(rows, (row) => row.started);
	if (started === 0) return 'No projects have started yet, so there is nothing to chart.';
	const fromStart = sum(rows, (row) => row.fromStart);
	const later = sum(rows, (row) => row.later);
	return (
		`Of ${started} projects started ${spanWords(rows, granularity)}, ${fromStart} ` +
		`(${percentOf(fromStart, started)}) involved members from the start and ${later} brought them in later.`
	);
}

export function summariseMeetings(rows: readonly MeetingsRow[]): string {
	const meetings = sum(rows, (row) => row.meetings);
	if (meetings === 0) return 'No meetings on this device yet, so there is nothing to chart.';
	const chaired = sum(rows, (row) => row.memberChaired);
	const fromMembers = sum(rows, (row) => row.itemsFromMembers);
	const items = fromMembers + sum(rows, (row) => row.itemsFromStaff);
	const onTime = sum(rows, (row) => row.actionsDoneOnTime);
	const judged = sum(rows, (row) => row.actionsDone + row.actionsOverdue);
	return (
		`Members chaired ${chaired} of ${meetings} meetings (${percentOf(chaired, meetings)}) and proposed ` +
		`${fromMembers} of ${items} agenda items (${percentOf(fromMembers, items)}); ${onTime} of ${judged} ` +
		`actions due so far were done on time (${percentOf(onTime, judged)}).`
	);
}

export function summariseIdeas(series: IdeasSeries): string {
	const raised = sum(series.rows, (row) => row.raised);
	const outcomes = sum(series.rows, (row) => row.outcomes);
	if (raised === 0 && outcomes === 0) return 'No ideas on this device yet, so there is nothing to chart.';
	const days =
		series.medianDays === null
			? ''
			: `, half of them within ${series.medianDays} ${series.medianDays === 1 ? 'day' : 'days'} of the idea`;
	return `${raised} ideas raised and ${outcomes} given an outcome ("You said, we did")${days}.`;
}
