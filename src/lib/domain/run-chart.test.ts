/**
 * Known answers for the run-chart rules.
 *
 * Sources, and how far each goes:
 * - The runs limits. Perla, Provost and Murray's Table 1 (BMJ Qual Saf 2011;20:46–51) is Swed and
 *   Eisenhart's table (Ann Math Stat 1943;14:66–87) for two halves of equal size, at about 5% in all. The
 *   text of Perla's Table 1 could not be retrieved with the tools this was written with, so its rows are
 *   not quoted here. Instead the rows below are Swed and Eisenhart's published critical values at 2.5% in
 *   each tail for equal halves (as reproduced in Siegel S, Nonparametric statistics for the behavioral
 *   sciences, 1956, Table F): r ≤ lower is too few, r ≥ upper too many, so the usual range is
 *   lower + 1 to upper − 1. They were also checked against the exact distribution worked out separately.
 * - A published series: Balestracci D, "An underrated test for run charts", Quality Digest, October 2008:
 *   16 monthly points with runs of 7 above, 7 below, 1 above and 1 below the median (4 runs), and a fall
 *   over observations 5 to 9; his conclusion is that 4 runs is fewer than chance gives for 16 points (his
 *   table: 5 to 12), so the change made after observation 6 had an effect. The article gives the pattern,
 *   not the values, so the values below are made to have exactly that pattern.
 * - Counting runs over useful observations: the iecodesign.com post "n/3 approximation for too few runs"
 *   (2019) on Perla's table: 29 values, 2 of them on the median, so 27 useful observations, and 6 runs, too
 *   few. Again the values are made to fit the published counts.
 * - Everything else is built so that the answer follows unambiguously from the rules' published text
 *   (shift 6+, trend 5+ with repeated values ignored, points on the median ignored, at least 10 points).
 */
import { describe, expect, it } from 'vitest';
import {
	analyseRunChart,
	formatMeasureValue,
	median,
	pointSignals,
	runsLimits,
	sortRunPoints,
	summariseRunChart,
	type RunPoint
} from './run-chart';

/** Points a week apart from 6 January 2025, in the order given. */
function weekly(values: readonly number[], start = '2025-01-06'): RunPoint[] {
	const first = Date.parse(`${start}T00:00:00Z`);
	return values.map((value, i) => ({
		date: new Date(first + i * 7 * 86_400_000).toISOString().slice(0, 10),
		value
	}));
}

const handover = { name: 'Handover time', unit: 'minutes', better: 'lower' as const };

describe('runsLimits: Swed and Eisenhart’s critical values for equal halves at 2.5% a tail', () => {
	// [points in each half, largest number of runs that is too few, smallest that is too many]
	const published: [number, number, number][] = [
		[5, 2, 10],
		[6, 3, 11],
		[7, 3, 13],
		[8, 4, 14],
		[9, 5, 15],
		[10, 6, 16],
		[12, 7, 19],
		[15, 10, 22],
		[20, 14, 28]
	];
	it.each(published)('%i + %i points: too few at %i or fewer, too many at %i or more', (half, low, high) => {
		expect(runsLimits(2 * half)).toEqual({ fewest: low + 1, most: high - 1 });
	});

	it('has no row below 10 useful observations', () => {
		expect(runsLimits(9)).toBeNull();
		expect(runsLimits(0)).toBeNull();
	});

	it('widens as the points grow, and always holds the expected number of runs', () => {
		for (let n = 10; n <= 60; n++) {
			const limits = runsLimits(n);
			const next = runsLimits(n + 1);
			if (!limits || !next) throw new Error(`no limits for ${n}`);
			expect(next.fewest).toBeGreaterThanOrEqual(limits.fewest);
			expect(next.most).toBeGreaterThanOrEqual(limits.most);
			const expected = 1 + n / 2; // about 1 + 2ab/(a+b)
			expect(limits.fewest).toBeLessThan(expected);
			expect(limits.most).toBeGreaterThan(expected);
		}
	});
});

describe('analyseRunChart: published series', () => {
	it('Balestracci’s 16 points with runs of 7, 7, 1 and 1: too few runs', () => {
		const above = [24, 27, 23, 26, 28, 25, 22];
		const below = [15, 13, 16, 12, 14, 11, 15.5];
		const analysis = analyseRunChart(weekly([...above, ...below, 21, 12.5]));
		expect(analysis.median).toBe(18.5);
		expect(analysis.useful).toBe(16);
		expect(analysis.runs).toBe(4);
		expect(analysis.runsRange).toEqual({ fewest: 5, most: 13 });
		expect(analysis.tooFewRuns).toBe(true);
		expect(analysis.tooManyRuns).toBe(false);
		// Under the IHI rules (6 for a shift, 5 for a trend, whatever the length of the chart) the two long
		// runs are shifts and the fall over observations 5 to 9 (28, 25, 22, 15, 13) is a trend.
		expect(analysis.shifts).toEqual([
			{ from: 0, to: 6, side: 'above' },
			{ from: 7, to: 13, side: 'below' }
		]);
		expect(analysis.trends).toEqual([{ from: 4, to: 8, direction: 'down' }]);
	});

	it('29 values, 2 on the median, 6 runs: 27 useful observations, too few runs', () => {
		const values = [
			...[40, 42, 38, 44, 41, 39, 43], // above
			37, // on the median
			...[30, 28, 33, 31, 29], // below
			...[45, 47, 46], // above
			...[32, 27, 34, 30, 26, 35], // below
			37, // on the median
			...[48, 52, 49], // above
			...[25, 24, 33] // below
		];
		const analysis = analyseRunChart(weekly(values));
		expect(values).toHaveLength(29);
		expect(analysis.median).toBe(37);
		expect(analysis.useful).toBe(27);
		expect(analysis.runs).toBe(6);
		expect(analysis.runsRange?.fewest).toBeGreaterThan(6);
		expect(analysis.tooFewRuns).toBe(true);
	});
});

describe('analyseRunChart: the rules as written', () => {
	it('finds a shift of 6 below the median, with a point on the median inside it neither adding nor breaking', () => {
		// Median of these 13 values is 10.
		const values = [12, 14, 11, 13, 12, 8, 7, 10, 9, 6, 8, 7, 15];
		const analysis = analyseRunChart(weekly(values));
		expect(analysis.median).toBe(10);
		expect(analysis.useful).toBe(12);
		expect(analysis.shifts).toEqual([{ from: 5, to: 11, side: 'below' }]);
		expect(pointSignals(analysis, 7, 10)).toEqual([]);
		expect(pointSignals(analysis, 6, 7)).toEqual(['Part of a shift below the median']);
	});

	it('does not call 5 on one side a shift', () => {
		const values = [12, 14, 11, 13, 12, 8, 7, 9, 6, 8, 15, 9];
		expect(analyseRunChart(weekly(values)).shifts).toEqual([]);
	});

	it('finds a trend of 5 rising, with a repeated value neither adding nor breaking it', () => {
		const values = [10, 9, 11, 10, 12, 12, 13, 14, 15, 11];
		const analysis = analyseRunChart(weekly(values));
		// 10 → 12, 12 → 13 → 14 → 15: five different values going up, the repeated 12 not counted.
		expect(analysis.trends).toEqual([{ from: 3, to: 8, direction: 'up' }]);
		expect(pointSignals(analysis, 5, 12)).toEqual(['Part of a trend going up']);
	});

	it('does not call 4 rising values a trend, even with a repeat among them', () => {
		const values = [10, 9, 11, 10, 12, 12, 13, 14, 11, 12];
		expect(analyseRunChart(weekly(values)).trends).toEqual([]);
	});

	it('finds falling trends, and a turning point can end one trend and start the next', () => {
		const values = [20, 18, 16, 14, 12, 14, 16, 18, 20, 15];
		expect(analyseRunChart(weekly(values)).trends).toEqual([
			{ from: 0, to: 4, direction: 'down' },
			{ from: 4, to: 8, direction: 'up' }
		]);
	});

	it('counts runs as crossings + 1 over the useful observations, and flags too many', () => {
		// Alternating above and below, 12 useful points: 12 runs, more than the usual 4 to 10.
		const values = [1, 9, 2, 8, 1, 9, 2, 8, 1, 9, 2, 8];
		const analysis = analyseRunChart(weekly(values));
		expect(analysis.runs).toBe(12);
		expect(analysis.runsRange).toEqual({ fewest: 4, most: 10 });
		expect(analysis.tooManyRuns).toBe(true);
		expect(analysis.tooFewRuns).toBe(false);
	});

	it('judges later points against a baseline median when one is given', () => {
		const values = [40, 42, 38, 41, 39, 43, 37, 40, 41, 39, 30, 31, 29, 32, 28, 30];
		const analysis = analyseRunChart(weekly(values), { baselinePoints: 10 });
		expect(analysis.median).toBe(40);
		expect(analysis.shifts).toEqual([{ from: 9, to: 15, side: 'below' }]);
	});
});

describe('analyseRunChart: an unusual (astronomical) point', () => {
	const steady = [38, 41, 39, 40, 37, 42, 40, 39, 41, 38, 40];

	it('flags one value far beyond all the others', () => {
		const analysis = analyseRunChart(weekly([...steady, 95]));
		expect(analysis.astronomical).toEqual([11]);
		expect(pointSignals(analysis, 11, 95)).toEqual(['Looks unusual: far from all the others']);
	});

	it('flags a value far below all the others too', () => {
		expect(analyseRunChart(weekly([...steady.slice(0, 5), 2, ...steady.slice(5)])).astronomical).toEqual([5]);
	});

	it('does not flag a value that is only somewhat high, even where the others vary little', () => {
		// 46 against 37 to 42: four times the median absolute deviation, but its gap (4) is narrower than
		// the spread of the others (5).
		expect(analyseRunChart(weekly([...steady, 46])).astronomical).toEqual([]);
		expect(analyseRunChart(weekly([...steady, 48])).astronomical).toEqual([11]);
	});

	it('does not flag two similar high values: that is a pattern, not an odd point', () => {
		expect(analyseRunChart(weekly([...steady, 95, 96])).astronomical).toEqual([]);
	});

	it('flags nothing when more than half the values are the same', () => {
		expect(analyseRunChart(weekly([0, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 50])).astronomical).toEqual([]);
	});
});

describe('analyseRunChart: edge cases', () => {
	it('no points', () => {
		expect(analyseRunChart([])).toEqual({
			median: null,
			useful: 0,
			runs: 0,
			runsRange: null,
			shifts: [],
			trends: [],
			tooFewRuns: false,
			tooManyRuns: false,
			astronomical: [],
			enoughToJudge: false
		});
	});

	it('one point: it is the median, nothing is useful, nothing is judged', () => {
		const analysis = analyseRunChart(weekly([7]));
		expect(analysis).toMatchObject({ median: 7, useful: 0, runs: 0, enoughToJudge: false, runsRange: null });
	});

	it('fewer than 10 points: a clear shift and trend are not flagged yet', () => {
		const analysis = analyseRunChart(weekly([1, 2, 3, 4, 5, 6, 100, 101, 102]));
		expect(analysis.enoughToJudge).toBe(false);
		expect(analysis.shifts).toEqual([]);
		expect(analysis.trends).toEqual([]);
		expect(analysis.astronomical).toEqual([]);
	});

	it('all equal: every point is on the median, so there are no runs, shifts or trends', () => {
		const analysis = analyseRunChart(weekly(new Array(12).fill(5)));
		expect(analysis).toMatchObject({
			median: 5,
			useful: 0,
			runs: 0,
			runsRange: null,
			shifts: [],
			trends: []
		});
		expect(analysis.tooFewRuns).toBe(false);
	});

	it('many points on the median: the table applies only to the useful ones', () => {
		// 12 points, 4 of them on the median: 8 useful, below the table's first row.
		const analysis = analyseRunChart(weekly([5, 5, 5, 5, 1, 9, 2, 8, 1, 9, 2, 8]));
		expect(analysis.median).toBe(5);
		expect(analysis.useful).toBe(8);
		expect(analysis.enoughToJudge).toBe(true);
		expect(analysis.runsRange).toBeNull();
	});

	it('sorts by date first: the same points in any order give the same analysis', () => {
		const points = weekly([12, 14, 11, 13, 12, 8, 7, 10, 9, 6, 8, 7, 15]);
		const shuffled = [...points.slice(7), ...points.slice(0, 7)].reverse();
		expect(analyseRunChart(shuffled)).toEqual(analyseRunChart(points));
	});

	it('keeps points of the same date in the order given', () => {
		const points = [
			{ date: '2025-02-01', value: 2 },
			{ date: '2025-01-01', value: 1 },
			{ date: '2025-02-01', value: 3 }
		];
		expect(sortRunPoints(points).map((point) => point.value)).toEqual([1, 2, 3]);
	});

	it('median of odd and even counts', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([])).toBeNull();
	});
});

describe('summariseRunChart', () => {
	it('says there are no data points yet', () => {
		expect(summariseRunChart(analyseRunChart([]), [], handover)).toBe('Handover time: no data points yet.');
	});

	it('says when there are too few points to judge', () => {
		const points = weekly([40, 38, 41, 37]);
		expect(summariseRunChart(analyseRunChart(points), points, handover)).toBe(
			'Handover time: 4 points, median 39 minutes; too few points to judge yet (4 of 10).'
		);
	});

	it('names a shift, its length, where it starts and whether it is for the better', () => {
		// 24 weekly points from 6 January 2025: 17 around 40 minutes, then 7 around 30.
		const before = [41, 39, 42, 38, 40, 43, 39, 41, 40, 38, 42, 39, 41, 40, 38, 42, 39];
		const after = [31, 29, 32, 30, 28, 31, 30];
		const points = weekly([...before, ...after]);
		const analysis = analyseRunChart(points);
		expect(analysis.median).toBe(39);
		expect(summariseRunChart(analysis, points, handover)).toBe(
			'Handover time: 24 points, median 39 minutes; a shift of 7 points below the median from 5 May (an improvement).'
		);
		expect(summariseRunChart(analysis, points, { ...handover, better: 'higher' })).toContain(
			'(a deterioration)'
		);
	});

	it('names a trend and an unusual point', () => {
		const points = weekly([38, 41, 39, 40, 37, 42, 40, 39, 41, 38, 40, 95]);
		const sentence = summariseRunChart(analyseRunChart(points), points, handover);
		expect(sentence).toBe(
			'Handover time: 12 points, median 40 minutes; the point on 24 March (95 minutes) looks unusual, far worse than all the others.'
		);
	});

	it('says when nothing suggests a change', () => {
		// Median 40 (two points on it), 10 useful points in 7 runs (3 to 9 is usual), no 5 in a row rising or
		// falling, no 6 on one side, and the highest and lowest are close to the next.
		const points = weekly([38, 41, 42, 37, 40, 43, 39, 36, 41, 44, 38, 40]);
		expect(summariseRunChart(analyseRunChart(points), points, handover)).toBe(
			'Handover time: 12 points, median 40 minutes; no sign of change beyond what chance would explain (no shift, trend, unusual pattern of crossing the median or unusual point).'
		);
	});

	it('joins several findings into one sentence and explains runs in words', () => {
		const above = [24, 27, 23, 26, 28, 25, 22];
		const below = [15, 13, 16, 12, 14, 11, 15.5];
		const points = weekly([...above, ...below, 21, 12.5]);
		const sentence = summariseRunChart(analyseRunChart(points), points, handover);
		expect(sentence.split('. ')).toHaveLength(1);
		expect(sentence).toContain('a shift of 7 points above the median from 6 January (a deterioration), ');
		expect(sentence).toContain('a trend of 5 points in a row going down from 3 February (an improvement)');
		expect(sentence).toContain(
			' and the line crosses the median less often than chance would explain (4 runs, or stretches on one side of it, where 5 to 13 would be usual), a sign that something has changed.'
		);
	});

	it('gives the year when the points span more than one', () => {
		const points = weekly([41, 39, 42, 38, 40, 43, 39, 41, 40, 38, 31, 29, 32, 30, 28, 31, 30], '2024-11-04');
		expect(summariseRunChart(analyseRunChart(points), points, handover)).toContain('from 13 January 2025');
	});
});

describe('formatMeasureValue', () => {
	it('puts the unit after the number, a per cent sign without a space', () => {
		expect(formatMeasureValue(38, 'minutes')).toBe('38 minutes');
		expect(formatMeasureValue(72.456, '%')).toBe('72.46%');
		expect(formatMeasureValue(1250, '')).toBe('1,250');
	});
});
