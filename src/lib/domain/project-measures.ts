import { buckets, periodColumn, type Series, share } from './measure-series';
import type { PChartInput } from './p-chart';
import { periodLabel, spanOf, type SpanOptions } from './period';
import { coproducedFromStart, hasBigI, type ProjectFields } from './project';

/**
 * Co-production projects, measured: how many were co-produced from the start (the bid's measure) and, per
 * month, how many active projects had Big I involvement (the input of the p-chart ELFT draws). Pure
 * functions over the project rows the page reads from the desk.
 */

export type ProjectRow = Pick<
	ProjectFields,
	'status' | 'startDate' | 'endDate' | 'membersFirstInvolved' | 'team'
>;

export interface FromStartRow {
	period: string;
	label: string;
	started: number;
	/** Members involved from the first stage, identifying the problem. */
	fromStart: number;
	/** Members first involved at a later stage. */
	later: number;
	/** No member involved yet. */
	noMembers: number;
	/** fromStart of started. */
	share: number | null;
}

/**
 * Projects by the period they started (quarters unless asked otherwise): how many had members from the
 * start, how many brought members in later, how many have none yet. Projects not started (no start date,
 * as a proposed project) are not counted.
 */
export function coproducedFromStartSeries(
	projects: readonly ProjectRow[],
	options: SpanOptions = { by: 'quarter' }
): Series<FromStartRow> {
	const started = projects.filter((project): project is ProjectRow & { startDate: string } =>
		Boolean(project.startDate)
	);
	const span = spanOf(
		started.map((project) => project.startDate),
		options
	);
	const rows = buckets(span, () => ({ started: 0, fromStart: 0, later: 0, noMembers: 0 }));
	for (const project of started) {
		const row = rows[span.indexOf(project.startDate)];
		if (!row) continue;
		row.started += 1;
		if (coproducedFromStart(project)) row.fromStart += 1;
		else if (project.membersFirstInvolved) row.later += 1;
		else row.noMembers += 1;
	}
	return {
		title: 'Projects co-produced from the start',
		columns: [
			periodColumn(span.granularity),
			{ key: 'started', label: 'Projects started' },
			{ key: 'fromStart', label: 'Members involved from the start' },
			{ key: 'later', label: 'Members involved later' },
			{ key: 'noMembers', label: 'No members involved yet' },
			{ key: 'share', label: 'Share from the start' }
		],
		rows: rows.map((row) => ({ ...row, share: share(row.fromStart, row.started) }))
	};
}

/**
 * For the Big I p-chart: per month, the active projects (n) and those with a member involved as Big I (x).
 * A project is active in a month when it is not proposed, started on or before the month's last day, and
 * has no end date or ended on or after its first day. Big I is read from the team as it is now. The span
 * runs from the first project's start to `options.to` (give today), or to the last start or end date.
 */
export function bigIByMonth(
	projects: readonly ProjectRow[],
	options: Omit<SpanOptions, 'by'> = {}
): PChartInput[] {
	const counted = projects.filter(
		(project): project is ProjectRow & { startDate: string } =>
			project.status !== 'proposed' && Boolean(project.startDate)
	);
	const span = spanOf(
		counted.flatMap((project) =>
			project.endDate ? [project.startDate, project.endDate] : [project.startDate]
		),
		{ ...options, by: 'month' }
	);
	const size = span.periods.length;
	// How n and x change at the first month a project is active and at the month after its last.
	const changes = span.periods.map((period) => ({ period, n: 0, x: 0 }));
	for (const project of counted) {
		const first = changes[Math.max(0, span.indexOf(project.startDate))];
		const to = project.endDate ? span.indexOf(project.endDate) : size;
		if (!first || to < span.indexOf(first.period)) continue;
		const bigI = hasBigI(project) ? 1 : 0;
		first.n += 1;
		first.x += bigI;
		const after = changes[to + 1];
		if (after) {
			after.n -= 1;
			after.x -= bigI;
		}
	}
	let n = 0;
	let x = 0;
	return changes.map((change) => {
		n += change.n;
		x += change.x;
		return { period: change.period, x, n };
	});
}

/** The Big I figures as a table: month, active projects, with Big I, share. */
export function bigISeries(input: readonly PChartInput[]): Series<{
	period: string;
	label: string;
	active: number;
	bigI: number;
	share: number | null;
}> {
	return {
		title: 'Active projects with Big I involvement',
		columns: [
			{ key: 'label', label: 'Month' },
			{ key: 'active', label: 'Active projects' },
			{ key: 'bigI', label: 'With Big I' },
			{ key: 'share', label: 'Share with Big I' }
		],
		rows: input.map(({ period, x, n }) => ({
			period,
			label: periodLabel(period),
			active: n,
			bigI: x,
			share: share(x, n)
		}))
	};
}
