import { granularityOf, periodLabel, periodNoun, type Granularity } from './period';

/**
 * The p-chart (Shewhart's control chart for a proportion), as ELFT charts Big I involvement: for each
 * period, x of n (projects with Big I of the active projects) as p = x / n.
 *
 * - Centre line p̄ = Σx / Σn over the periods shown; limits p̄ ± 3·√(p̄(1 − p̄) / n) for each period's
 *   own n (so they are wider in a month with few projects), clipped to [0, 1]. A period with n = 0 has no
 *   proportion: it is left out of the chart and listed in `leftOut` (the summary says so).
 * - Special causes, by the rules for detecting them on Shewhart charts in Provost LP, Murray SK. The Health
 *   Care Data Guide: Learning from Data for Improvement. Jossey-Bass, 2011 (the rules IHI teaches, and so
 *   the QI teams at ELFT whose charts this measure copies):
 *     1. a point outside the limits (strictly above the upper or below the lower);
 *     2. a shift: 8 or more consecutive points all above, or all below, the centre line; a point exactly
 *        on the centre line neither adds to nor breaks a shift;
 *     3. a trend: 6 or more consecutive points all going up, or all going down; a value equal to the one
 *        before neither adds to nor breaks a trend.
 *   NHS England's "Making Data Count" calls 7 points on one side a shift; we follow IHI instead because
 *   the ELFT charts this measure copies do, and the projects' run charts (#24) use the IHI run-chart
 *   rules, so one family of rules runs through the app.
 * - Provost and Murray advise 20 or more subgroups for limits; with fewer they are trial limits
 *   (`trial`), and the summary says the limits are provisional.
 *
 * Which side of the centre line a point is on, and whether one point is above the one before, are decided
 * on the counts themselves (x·Σn against n·Σx), so a point on the line is never off it by a rounding error.
 */

export interface PChartInput {
	period: string;
	/** How many of the n have the quality counted (projects with Big I). */
	x: number;
	/** How many there are (active projects). */
	n: number;
}

export interface PChartPoint extends PChartInput {
	p: number;
	lower: number;
	upper: number;
	/** Outside the limits: above the upper, below the lower, or neither. */
	outside: 'above' | 'below' | null;
}

export interface PChartSignal {
	/** Indexes into `points`, both included. */
	from: number;
	to: number;
}

export interface PChart {
	granularity: Granularity | null;
	/** p̄; null when there are no points. */
	centre: number | null;
	points: PChartPoint[];
	/** Periods with n = 0, left out of the chart and of p̄. */
	leftOut: string[];
	shifts: (PChartSignal & { side: 'above' | 'below' })[];
	trends: (PChartSignal & { direction: 'up' | 'down' })[];
	/** Fewer than `P_CHART_FULL_LIMITS` points: the limits are trial limits. */
	trial: boolean;
}

export const P_CHART_SHIFT = 8;
export const P_CHART_TREND = 6;
export const P_CHART_FULL_LIMITS = 20;

/** The p-chart of `input`, in the order given (oldest period first). */
export function pChart(input: readonly PChartInput[]): PChart {
	for (const { period, x, n } of input) {
		if (!Number.isInteger(x) || !Number.isInteger(n) || x < 0 || x > n) {
			throw new RangeError(`${period}: ${x} of ${n} is not a count of a whole`);
		}
	}
	const counted = input.filter((row) => row.n > 0);
	const leftOut = input.filter((row) => row.n === 0).map((row) => row.period);
	const granularity = input[0] ? granularityOf(input[0].period) : null;
	let sumX = 0;
	let sumN = 0;
	for (const row of counted) {
		sumX += row.x;
		sumN += row.n;
	}
	if (sumN === 0)
		return { granularity, centre: null, points: [], leftOut, shifts: [], trends: [], trial: true };
	const centre = sumX / sumN;
	const points = counted.map(({ period, x, n }): PChartPoint => {
		const spread = 3 * Math.sqrt((centre * (1 - centre)) / n);
		const p = x / n;
		const lower = Math.max(0, centre - spread);
		const upper = Math.min(1, centre + spread);
		return { period, x, n, p, lower, upper, outside: p > upper ? 'above' : p < lower ? 'below' : null };
	});
	// The sign of p_i − p̄, exactly: x_i / n_i against Σx / Σn.
	const side = (point: PChartPoint) => Math.sign(point.x * sumN - point.n * sumX);
	return {
		granularity,
		centre,
		points,
		leftOut,
		shifts: shifts(points.map(side)),
		trends: trends(points),
		trial: points.length < P_CHART_FULL_LIMITS
	};
}

/** Runs of `P_CHART_SHIFT` or more points on one side (1 above, -1 below; 0 on the line is skipped). */
function shifts(sides: readonly number[]): PChart['shifts'] {
	const found: PChart['shifts'] = [];
	let side = 0;
	let from = 0;
	let to = 0;
	let count = 0;
	const close = () => {
		if (count >= P_CHART_SHIFT) found.push({ from, to, side: side > 0 ? 'above' : 'below' });
	};
	sides.forEach((current, i) => {
		if (current === 0) return;
		if (current === side) {
			count += 1;
			to = i;
			return;
		}
		close();
		side = current;
		from = i;
		to = i;
		count = 1;
	});
	close();
	return found;
}

/** Runs of `P_CHART_TREND` or more points each above (or below) the last; equal values are skipped. */
function trends(points: readonly PChartPoint[]): PChart['trends'] {
	const found: PChart['trends'] = [];
	let direction = 0;
	let from = 0;
	let last = 0;
	let count = 1;
	const close = () => {
		if (count >= P_CHART_TREND) found.push({ from, to: last, direction: direction > 0 ? 'up' : 'down' });
	};
	points.forEach((point, i) => {
		const before = points[last];
		const step = before ? Math.sign(point.x * before.n - before.x * point.n) : 0;
		if (step === 0) return;
		if (step === direction) {
			count += 1;
		} else {
			close();
			direction = step;
			from = last;
			count = 2;
		}
		last = i;
	});
	close();
	return found;
}

export interface PChartWords {
	/** What the proportion is of, as the subject of a sentence: "Big I". */
	subject: string;
	/** What n counts, for the periods left out: "active projects". */
	of: string;
}

/** The words of the network's Big I chart: the share of active projects with Big I involvement. */
export const BIG_I_WORDS: PChartWords = { subject: 'Big I', of: 'active projects' };

/**
 * The chart in plain words, never relying on colour: each special cause with its period(s), or that there
 * was none; the periods left out; whether the limits are provisional. E.g. "Big I rose above its upper
 * limit in March 2026." or "No unusual variation: the proportion moved within its limits."
 */
export function summarisePChart(chart: PChart, words: PChartWords): string {
	const granularity = chart.granularity ?? 'month';
	const noun = (count: number) => periodNoun(granularity, count);
	if (chart.centre === null) return `No ${noun(2)} with ${words.of} yet, so there is nothing to chart.`;
	const label = (index: number) => periodLabel(chart.points[index]?.period ?? '');
	const sentences = [`On average ${percent(chart.centre)} of ${words.of} had ${words.subject}.`];
	const above = chart.points.flatMap((point, i) => (point.outside === 'above' ? [label(i)] : []));
	const below = chart.points.flatMap((point, i) => (point.outside === 'below' ? [label(i)] : []));
	if (above.length) sentences.push(`${words.subject} rose above its upper limit in ${list(above)}.`);
	if (below.length) sentences.push(`${words.subject} fell below its lower limit in ${list(below)}.`);
	for (const shift of chart.shifts) {
		sentences.push(
			`${words.subject} stayed ${shift.side} its average from ${label(shift.from)} to ${label(shift.to)}.`
		);
	}
	for (const trend of chart.trends) {
		const verb = trend.direction === 'up' ? 'rising' : 'falling';
		sentences.push(`${words.subject} kept ${verb} from ${label(trend.from)} to ${label(trend.to)}.`);
	}
	if (sentences.length === 1) sentences.push('No unusual variation: the proportion moved within its limits.');
	if (chart.leftOut.length) {
		const count = chart.leftOut.length;
		sentences.push(`${count} ${noun(count)} with no ${words.of} ${count === 1 ? 'is' : 'are'} left out.`);
	}
	if (chart.trial) {
		sentences.push(
			`The limits are provisional until there are ${P_CHART_FULL_LIMITS} ${noun(2)} of figures.`
		);
	}
	return sentences.join(' ');
}

function percent(proportion: number): string {
	return `${Math.round(proportion * 100)}%`;
}

/** "March 2026", "March 2026 and May 2026", "March 2026, May 2026 and June 2026". */
function list(items: readonly string[]): string {
	const last = items.slice(-1).join('');
	return items.length === 1 ? last : `${items.slice(0, -1).join(', ')} and ${last}`;
}
