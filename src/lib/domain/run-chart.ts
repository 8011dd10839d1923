/**
 * Run-chart rules, as the IHI teaches them (Perla RJ, Provost LP, Murray SK. The run chart: a simple
 * analytical tool for learning from variation in healthcare processes. BMJ Qual Saf 2011;20:46–51):
 *
 * - The centre line is the median of the points, or of the first `baselinePoints` of them when a baseline
 *   is given (the line is then "frozen" and later points are judged against it).
 * - A point exactly on the median neither adds to nor breaks a shift or a run; the points not on it are the
 *   "useful observations".
 * - Shift: 6 or more consecutive useful points all above, or all below, the median.
 * - Trend: 5 or more consecutive points all going up, or all going down. A value repeated from the point
 *   before neither adds to nor breaks a trend.
 * - Runs: a run is a series of useful points on one side of the median (count = crossings + 1). Too few or
 *   too many runs for the number of useful observations is a sign of change. The limits are those of Perla's
 *   Table 1, which is Swed and Eisenhart's table (Ann Math Stat 1943;14:66–87) for two halves of equal size
 *   (or sizes one apart) at about 5% in all, 2.5% in each tail: they are worked out here from the exact
 *   distribution of the number of runs that table was made from, so no row can be mistyped.
 * - Astronomical point: the paper leaves it to judgement ("obviously different, all would agree"). Here a
 *   point only "looks unusual" when all of these hold, so that anyone looking would agree:
 *     1. its modified z-score is above 3.5 (Iglewicz B, Hoaglin DC. How to detect and handle outliers.
 *        ASQC, 1993): |value − median| > 3.5 × MAD / 0.6745, where the median and the median absolute
 *        deviation (MAD) are those of all the points, so one wild value cannot hide itself;
 *     2. it stands apart: the gap between it and the nearest other point is more than half the range of all
 *        the points, that is, wider than the spread of all the others together (Dixon's Q above 0.5; Dean RB,
 *        Dixon WJ. Anal Chem 1951;23:636–8, whose 95% critical value is 0.466 at 10 points and smaller
 *        beyond). So only the single highest or lowest point can qualify, and two similar high values are
 *        a pattern, not an odd point;
 *     3. the MAD is not zero (when more than half the points are equal nothing can be scaled, so nothing is
 *        called unusual: conservative for counts that are mostly zero).
 *   It is a flag for a person to look at, and the words say so ("looks unusual"), never a certainty.
 * - The rules need at least 10 points (the paper's advice): with fewer, nothing is flagged and the summary
 *   says there are too few points to judge yet.
 *
 * Every index in an analysis is an index into the points sorted by date (`sortRunPoints`: oldest first,
 * points of the same date in the order given).
 */

export type Better = 'higher' | 'lower';

export interface RunPoint {
	/** ISO date, yyyy-mm-dd. */
	date: string;
	value: number;
}

export interface RunChartAnalysis {
	/** Null when there are no points. */
	median: number | null;
	/** Points not on the median. */
	useful: number;
	runs: number;
	/** The number of runs chance alone usually gives (inclusive); null when the table does not apply. */
	runsRange: { fewest: number; most: number } | null;
	/** Indexes into the sorted points, inclusive (first and last useful point of the shift). */
	shifts: { from: number; to: number; side: 'above' | 'below' }[];
	/** Indexes into the sorted points, inclusive. */
	trends: { from: number; to: number; direction: 'up' | 'down' }[];
	tooFewRuns: boolean;
	tooManyRuns: boolean;
	/** Indexes into the sorted points. */
	astronomical: number[];
	/** At least `MIN_POINTS_TO_JUDGE` points. */
	enoughToJudge: boolean;
}

export interface Measure {
	name: string;
	unit: string;
	better: Better;
}

export const MIN_POINTS_TO_JUDGE = 10;
export const SHIFT_LENGTH = 6;
export const TREND_LENGTH = 5;
/** Iglewicz and Hoaglin's cut-off for the modified z-score. */
const UNUSUAL_Z = 3.5;
/** How far apart an unusual point must stand: its gap to the nearest point over the range of all of them. */
const DIXON_Q = 0.5;
/** Perla's Table 1 starts at 10 useful observations. */
const RUNS_TABLE_FROM = 10;
/** The chance allowed in each tail for too few or too many runs. */
const RUNS_TAIL = 0.025;

/** The points oldest first; points of the same date keep the order given. */
export function sortRunPoints<T extends RunPoint>(points: readonly T[]): T[] {
	return points
		.map((point, index) => ({ point, index }))
		.sort((a, b) => (a.point.date < b.point.date ? -1 : a.point.date > b.point.date ? 1 : a.index - b.index))
		.map(({ point }) => point);
}

export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const upper = sorted[middle];
	if (upper === undefined) return null;
	return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

/**
 * The usual range of the number of runs for `useful` observations (Perla's Table 1): fewer than `fewest`
 * is too few, more than `most` too many. Null below 10 useful observations, where the table has no row.
 */
export function runsLimits(useful: number): { fewest: number; most: number } | null {
	if (!Number.isInteger(useful) || useful < RUNS_TABLE_FROM) return null;
	const below = Math.floor(useful / 2);
	const chances = runsDistribution(below, useful - below);
	let fewest = 2;
	for (let tail = chances[fewest] ?? 0; tail <= RUNS_TAIL; tail += chances[fewest] ?? 0) fewest += 1;
	let most = useful;
	for (let tail = chances[most] ?? 0; tail <= RUNS_TAIL; tail += chances[most] ?? 0) most -= 1;
	return { fewest, most };
}

/**
 * The chance of each number of runs (index = runs) when `a` points of one kind and `b` of the other are
 * put in a random order (Swed and Eisenhart's distribution).
 */
function runsDistribution(a: number, b: number): number[] {
	const all = choose(a + b, a);
	const chances = new Array<number>(a + b + 1).fill(0);
	for (let runs = 2; runs <= a + b; runs++) {
		const k = Math.floor(runs / 2);
		const ways =
			runs % 2 === 0
				? 2 * choose(a - 1, k - 1) * choose(b - 1, k - 1)
				: choose(a - 1, k) * choose(b - 1, k - 1) + choose(a - 1, k - 1) * choose(b - 1, k);
		chances[runs] = ways / all;
	}
	return chances;
}

function choose(n: number, k: number): number {
	if (k < 0 || k > n) return 0;
	let result = 1;
	for (let i = 1; i <= Math.min(k, n - k); i++) result = (result * (n - i + 1)) / i;
	return result;
}

/** Applies the rules to the points (sorted by date first: every index in the answer is into that order). */
export function analyseRunChart(
	points: readonly RunPoint[],
	options: { baselinePoints?: number } = {}
): RunChartAnalysis {
	const values = sortRunPoints(points).map((point) => point.value);
	const baseline = options.baselinePoints;
	const centre = median(baseline !== undefined && baseline > 0 ? values.slice(0, baseline) : values);
	const sides = values.map((value) => (centre === null || value === centre ? 0 : value > centre ? 1 : -1));
	const usefulSides = sides.filter((side) => side !== 0);
	const runs = usefulSides.filter((side, i) => i === 0 || side !== usefulSides[i - 1]).length;
	const enoughToJudge = values.length >= MIN_POINTS_TO_JUDGE;
	const runsRange = enoughToJudge ? runsLimits(usefulSides.length) : null;
	return {
		median: centre,
		useful: usefulSides.length,
		runs,
		runsRange,
		shifts: enoughToJudge ? findShifts(sides) : [],
		trends: enoughToJudge ? findTrends(values) : [],
		tooFewRuns: runsRange !== null && runs < runsRange.fewest,
		tooManyRuns: runsRange !== null && runs > runsRange.most,
		astronomical: enoughToJudge ? findUnusual(values) : [],
		enoughToJudge
	};
}

/** Runs of `SHIFT_LENGTH` or more useful points on one side; points on the median are passed over. */
function findShifts(sides: readonly number[]): RunChartAnalysis['shifts'] {
	const shifts: RunChartAnalysis['shifts'] = [];
	let run: { side: number; from: number; to: number; length: number } | null = null;
	const close = () => {
		if (run && run.length >= SHIFT_LENGTH) {
			shifts.push({ from: run.from, to: run.to, side: run.side > 0 ? 'above' : 'below' });
		}
	};
	sides.forEach((side, index) => {
		if (side === 0) return;
		if (run && run.side === side) {
			run.to = index;
			run.length += 1;
		} else {
			close();
			run = { side, from: index, to: index, length: 1 };
		}
	});
	close();
	return shifts;
}

/**
 * Series of `TREND_LENGTH` or more points each higher (or each lower) than the one before, where a value
 * repeated from the point before is not counted and does not break the series. A trend runs from the last
 * of any repeated values it starts from to the first of any it ends on.
 */
function findTrends(values: readonly number[]): RunChartAnalysis['trends'] {
	// Consecutive equal values as one step: its first and last index.
	const steps: { value: number; first: number; last: number }[] = [];
	values.forEach((value, index) => {
		const previous = steps.at(-1);
		if (previous && previous.value === value) previous.last = index;
		else steps.push({ value, first: index, last: index });
	});
	if (steps.length < 2) return [];
	// directions[k]: up (1) or down (-1) from step k to step k + 1.
	const directions: number[] = [];
	steps.reduce((previous, step) => {
		directions.push(Math.sign(step.value - previous.value));
		return step;
	});
	const trends: RunChartAnalysis['trends'] = [];
	let segmentStart = 0;
	directions.forEach((direction, k) => {
		if (directions[k + 1] === direction) return;
		const first = steps[segmentStart];
		const last = steps[k + 1];
		if (first && last && k - segmentStart + 2 >= TREND_LENGTH) {
			trends.push({ from: first.last, to: last.first, direction: direction > 0 ? 'up' : 'down' });
		}
		segmentStart = k + 1;
	});
	return trends;
}

/** Points that look unusual by the three tests in the header: at most the highest and the lowest. */
function findUnusual(values: readonly number[]): number[] {
	const centre = median(values);
	const spread = centre === null ? null : median(values.map((value) => Math.abs(value - centre)));
	if (centre === null || !spread) return [];
	const sorted = [...values].sort((a, b) => a - b);
	const [lowest, nextLowest] = sorted;
	const highest = sorted.at(-1);
	const nextHighest = sorted.at(-2);
	if (
		lowest === undefined ||
		nextLowest === undefined ||
		highest === undefined ||
		nextHighest === undefined
	) {
		return [];
	}
	const range = highest - lowest;
	const candidates = [
		{ value: highest, gap: highest - nextHighest },
		{ value: lowest, gap: nextLowest - lowest }
	];
	return candidates
		.filter(
			({ value, gap }) => gap / range > DIXON_Q && (0.6745 * Math.abs(value - centre)) / spread > UNUSUAL_Z
		)
		.map(({ value }) => values.indexOf(value))
		.sort((a, b) => a - b);
}

/**
 * What the point at `index` (in date order) with this `value` is part of, in words, for a chart's table of
 * figures. A point on the median inside a shift is not part of it.
 */
export function pointSignals(analysis: RunChartAnalysis, index: number, value: number): string[] {
	const words: string[] = [];
	for (const shift of analysis.shifts) {
		if (index >= shift.from && index <= shift.to && value !== analysis.median) {
			words.push(`Part of a shift ${shift.side} the median`);
		}
	}
	for (const trend of analysis.trends) {
		if (index >= trend.from && index <= trend.to) words.push(`Part of a trend going ${trend.direction}`);
	}
	if (analysis.astronomical.includes(index)) words.push('Looks unusual: far from all the others');
	return words;
}

/** A value with its unit: "38 minutes", "72%". */
export function formatMeasureValue(value: number, unit: string): string {
	const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(value);
	const trimmed = unit.trim();
	if (trimmed === '') return number;
	return trimmed === '%' ? `${number}%` : `${number} ${trimmed}`;
}

/** "3 March", or "3 March 2025" when the chart's points are not all in one year. */
function formatDay(date: string, withYear: boolean): string {
	return new Intl.DateTimeFormat('en-GB', {
		day: 'numeric',
		month: 'long',
		...(withYear ? { year: 'numeric' } : {}),
		timeZone: 'UTC'
	}).format(new Date(`${date}T00:00:00Z`));
}

/** Whether a change in this direction is for the better. */
function verdict(direction: 'up' | 'down', better: Better): string {
	return (direction === 'up') === (better === 'higher') ? 'an improvement' : 'a deterioration';
}

/** One plain-English sentence saying what the chart shows, for the text beside it. */
export function summariseRunChart(
	analysis: RunChartAnalysis,
	points: readonly RunPoint[],
	measure: Measure
): string {
	if (analysis.median === null || points.length === 0) return `${measure.name}: no data points yet.`;
	const sorted = sortRunPoints(points);
	const withYear = sorted[0]?.date.slice(0, 4) !== sorted.at(-1)?.date.slice(0, 4);
	const day = (index: number) => formatDay(sorted[index]?.date ?? '', withYear);
	const count = points.length === 1 ? '1 point' : `${points.length} points`;
	const opening = `${measure.name}: ${count}, median ${formatMeasureValue(analysis.median, measure.unit)}`;
	if (!analysis.enoughToJudge) {
		return `${opening}; too few points to judge yet (${points.length} of ${MIN_POINTS_TO_JUDGE}).`;
	}
	const findings = [
		...analysis.shifts.map(
			(shift) =>
				`a shift of ${pointsBetween(analysis, sorted, shift.from, shift.to)} points ${shift.side} the median from ${day(shift.from)} (${verdict(shift.side === 'above' ? 'up' : 'down', measure.better)})`
		),
		...analysis.trends.map(
			(trend) =>
				`a trend of ${stepsBetween(sorted, trend.from, trend.to)} points in a row going ${trend.direction} from ${day(trend.from)} (${verdict(trend.direction, measure.better)})`
		),
		...(analysis.tooFewRuns && analysis.runsRange
			? [
					`the line crosses the median less often than chance would explain (${analysis.runs} runs, or stretches on one side of it, where ${analysis.runsRange.fewest} to ${analysis.runsRange.most} would be usual), a sign that something has changed`
				]
			: []),
		...(analysis.tooManyRuns && analysis.runsRange
			? [
					`the line crosses the median more often than chance would explain (${analysis.runs} runs, or stretches on one side of it, where ${analysis.runsRange.fewest} to ${analysis.runsRange.most} would be usual), which can mean the figures mix different sources`
				]
			: []),
		...analysis.astronomical.flatMap((index) => {
			const value = sorted[index]?.value;
			if (value === undefined) return [];
			const direction = value > (analysis.median ?? value) ? 'up' : 'down';
			const side = verdict(direction, measure.better) === 'an improvement' ? 'better' : 'worse';
			return `the point on ${day(index)} (${formatMeasureValue(value, measure.unit)}) looks unusual, far ${side} than all the others`;
		})
	];
	if (findings.length === 0) {
		return `${opening}; no sign of change beyond what chance would explain (no shift, trend, unusual pattern of crossing the median or unusual point).`;
	}
	return `${opening}; ${joinWithAnd(findings)}.`;
}

/** The points of a shift from `from` to `to` that count (not on the median). */
function pointsBetween(
	analysis: RunChartAnalysis,
	sorted: readonly RunPoint[],
	from: number,
	to: number
): number {
	return sorted.slice(from, to + 1).filter((point) => point.value !== analysis.median).length;
}

/** The points of a trend from `from` to `to` that count (a repeated value counts once). */
function stepsBetween(sorted: readonly RunPoint[], from: number, to: number): number {
	return sorted.slice(from, to + 1).filter((point, i, all) => i === 0 || point.value !== all[i - 1]?.value)
		.length;
}

function joinWithAnd(parts: readonly string[]): string {
	const last = parts.at(-1) ?? '';
	return parts.length < 2 ? last : `${parts.slice(0, -1).join(', ')} and ${last}`;
}
