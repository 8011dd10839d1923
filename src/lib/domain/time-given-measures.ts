import { buckets, periodColumn, type Column, type Series } from './measure-series';
import { TIME_KIND_LABELS, TIME_KINDS, type TimeKind } from './opportunity';
import { spanOf, type SpanOptions } from './period';

/**
 * Time given to involvement opportunities, measured: hours per period, by what the time was spent on, the
 * number of different members who gave it, and beside them the opportunities posted and the people
 * selected. Time given is private to the member, the poster and coordinators (private.ts), so only a
 * coordinator's device holds all of it. Minutes are added up whole and turned into hours at the end.
 */

export interface TimeGivenRow {
	member: string;
	/** The day the time was given (`yyyy-mm-dd`). */
	on: string;
	minutes: number;
	kind: TimeKind;
}

export interface TimeGivenInput {
	given: readonly TimeGivenRow[];
	/** When each opportunity was posted. */
	posted: readonly string[];
	/** When each person was selected (the selection's latest change, for a selection saying "selected"). */
	selected: readonly string[];
}

type KindHours = { [K in TimeKind as `hours:${K}`]: number };

export type TimeGivenPeriodRow = KindHours & {
	period: string;
	label: string;
	hours: number;
	/** Different members who gave time in the period. */
	members: number;
	posted: number;
	selected: number;
};

export interface TimeGivenSeries extends Series<TimeGivenPeriodRow> {
	/** Over every period shown: minutes given, and the different members who gave them. */
	totalMinutes: number;
	members: number;
	/** What most of the time was spent on (undefined when none was given). */
	mostlyOn: TimeKind | undefined;
	posted: number;
	selected: number;
}

const kindKey = (kind: TimeKind) => `hours:${kind}` as const;
const hoursOf = (minutes: number) => minutes / 60;

/** Time given per period (of the day it was given), with the opportunities posted and people selected. */
export function timeGivenSeries(input: TimeGivenInput, options: SpanOptions): TimeGivenSeries {
	const span = spanOf(
		(function* () {
			for (const row of input.given) yield row.on;
			yield* input.posted;
			yield* input.selected;
		})(),
		options
	);
	const groups = buckets(span, () => ({
		minutes: 0,
		byKind: new Map<TimeKind, number>(),
		members: new Set<string>(),
		posted: 0,
		selected: 0
	}));
	const everyone = new Set<string>();
	const byKind = new Map<TimeKind, number>();
	for (const row of input.given) {
		const group = groups[span.indexOf(row.on)];
		if (!group) continue;
		group.minutes += row.minutes;
		group.byKind.set(row.kind, (group.byKind.get(row.kind) ?? 0) + row.minutes);
		group.members.add(row.member);
		everyone.add(row.member);
		byKind.set(row.kind, (byKind.get(row.kind) ?? 0) + row.minutes);
	}
	const count = (dates: readonly string[], field: 'posted' | 'selected') => {
		for (const at of dates) {
			const group = groups[span.indexOf(at)];
			if (group) group[field] += 1;
		}
	};
	count(input.posted, 'posted');
	count(input.selected, 'selected');
	const kindColumns = TIME_KINDS.map((kind): Column<TimeGivenPeriodRow> => ({
		key: kindKey(kind),
		label: `Hours ${TIME_KIND_LABELS[kind].toLowerCase()}`
	}));
	const rows = groups.map((group): TimeGivenPeriodRow => {
		const kinds = Object.fromEntries(
			TIME_KINDS.map((kind) => [kindKey(kind), hoursOf(group.byKind.get(kind) ?? 0)])
		) as KindHours;
		return {
			period: group.period,
			label: group.label,
			hours: hoursOf(group.minutes),
			...kinds,
			members: group.members.size,
			posted: group.posted,
			selected: group.selected
		};
	});
	const most = [...byKind].sort((a, b) => b[1] - a[1])[0];
	return {
		title: 'Time given to involvement opportunities',
		columns: [
			periodColumn(span.granularity),
			{ key: 'hours', label: 'Hours given' },
			...kindColumns,
			{ key: 'members', label: 'Members who gave time' },
			{ key: 'posted', label: 'Opportunities posted' },
			{ key: 'selected', label: 'People selected' }
		],
		rows,
		totalMinutes: groups.reduce((total, group) => total + group.minutes, 0),
		members: everyone.size,
		mostlyOn: most?.[0],
		posted: groups.reduce((total, group) => total + group.posted, 0),
		selected: groups.reduce((total, group) => total + group.selected, 0)
	};
}

/** "1 hour", "7.5 hours": to the nearest tenth of an hour. */
export function hoursText(minutes: number): string {
	const hours = Math.round(minutes / 6) / 10;
	return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The measure in a sentence or two, for the top of its section and for screen readers. */
export function summariseTimeGiven(series: TimeGivenSeries): string {
	const beside =
		`${plural(series.posted, 'opportunity', 'opportunities')} posted and ` +
		`${plural(series.selected, 'person', 'people')} selected`;
	if (series.totalMinutes === 0 || !series.mostlyOn) {
		return `No time given is recorded on this device yet, so there is nothing to chart; ${beside}.`;
	}
	const most = TIME_KIND_LABELS[series.mostlyOn].toLowerCase();
	return (
		`${plural(series.members, 'member', 'members')} gave ${hoursText(series.totalMinutes)}, ` +
		`most of it ${most}; ${beside}.`
	);
}
