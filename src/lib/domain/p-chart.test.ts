import { describe, expect, it } from 'vitest';
import { pChart, summarisePChart, type PChartInput } from './p-chart';
import { periodRange } from './period';

const WORDS = { subject: 'Big I', of: 'active projects' };
const months = (count: number, from = '2024-01') => periodRange(from, '2099-12').slice(0, count);
const series = (rows: readonly (readonly [x: number, n: number])[], from?: string): PChartInput[] => {
	const periods = months(rows.length, from);
	return rows.map(([x, n], i) => ({ period: periods[i] ?? '', x, n }));
};

/*
 * Known answer 1, constant n: NIST/SEMATECH e-Handbook of Statistical Methods, section 6.3.3.2
 * "Proportions Control Charts" (https://www.itl.nist.gov/div898/handbook/pmc/section3/pmc332.htm): 30 wafers,
 * 50 chips each, a chip defective when misregistered. Defective chips per wafer:
 *   12 15 8 10 4 7 16 9 14 10 5 6 17 12 22 8 10 5 13 11 20 18 24 15 9 12 7 13 9 6
 * Published: p̄ = .2313, UCL = .4102, LCL = .0524; wafers 15 (.44) and 23 (.48) lie above the UCL.
 */
const NIST = [
	12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6
];

/*
 * Known answer 2, varying n: Pyzdek T, Keller P. The Handbook for Quality Management, 2nd ed. McGraw-Hill,
 * 2013, Table 9.6 "Raw Data for p Chart": bruised peaches in 25 shipments, one crate (250 peaches) or two
 * (500) opened. Published totals: 8,000 peaches, 1,544 bruised, so p̄ = 0.193. The limits below are the
 * book's formula, p̄ ± 3·√(p̄(1 − p̄)/n), worked by hand from the published table: for n = 250,
 * σ = 0.024960, limits 0.1181 and 0.2679; for n = 500, σ = 0.017649, limits 0.1401 and 0.2459. No shipment is
 * outside its limits.
 */
const PYZDEK: [number, number][] = [
	[47, 250],
	[42, 250],
	[55, 250],
	[51, 250],
	[46, 250],
	[61, 250],
	[39, 250],
	[44, 250],
	[41, 250],
	[51, 250],
	[88, 500],
	[101, 500],
	[101, 500],
	[40, 250],
	[48, 250],
	[47, 250],
	[50, 250],
	[48, 250],
	[57, 250],
	[45, 250],
	[43, 250],
	[105, 500],
	[98, 500],
	[100, 500],
	[96, 500]
];

describe('p-chart: published worked examples', () => {
	it('NIST wafers: centre line, limits and the two points above the upper limit', () => {
		const chart = pChart(series(NIST.map((x) => [x, 50])));
		expect(chart.centre).toBeCloseTo(0.2313, 4);
		for (const point of chart.points) {
			expect(point.upper).toBeCloseTo(0.4102, 4);
			expect(point.lower).toBeCloseTo(0.0524, 4);
		}
		const outside = chart.points.flatMap((point, i) => (point.outside ? [[i + 1, point.outside]] : []));
		expect(outside).toEqual([
			[15, 'above'],
			[23, 'above']
		]);
		expect(chart.shifts).toEqual([]);
		expect(chart.trends).toEqual([]);
		expect(chart.trial).toBe(false);
	});

	it('Pyzdek peaches: limits that vary with each shipment’s n', () => {
		const chart = pChart(series(PYZDEK));
		expect(chart.centre).toBeCloseTo(0.193, 10);
		const one = chart.points[0];
		const two = chart.points[10];
		expect(one?.n).toBe(250);
		expect(one?.lower).toBeCloseTo(0.1181, 4);
		expect(one?.upper).toBeCloseTo(0.2679, 4);
		expect(two?.n).toBe(500);
		expect(two?.lower).toBeCloseTo(0.1401, 4);
		expect(two?.upper).toBeCloseTo(0.2459, 4);
		expect(chart.points.every((point) => point.outside === null)).toBe(true);
		expect(summarisePChart(chart, WORDS)).toBe(
			'On average 19% of active projects had Big I. No unusual variation: the proportion moved within its limits.'
		);
	});
});

describe('p-chart: rules (Provost and Murray)', () => {
	it('a shift is 8 points on one side; a point on the centre line neither adds nor breaks it', () => {
		// p̄ = 85 / 170 = 0.5 exactly; 0.6 above, 0.5 on the line, 0.4 below.
		const rows: [number, number][] = [6, 6, 6, 6, 5, 6, 6, 6, 6, 4, 4, 4, 4, 4, 4, 4, 4].map((x) => [x, 10]);
		const chart = pChart(series(rows));
		expect(chart.centre).toBe(0.5);
		expect(chart.shifts).toEqual([
			{ from: 0, to: 8, side: 'above' },
			{ from: 9, to: 16, side: 'below' }
		]);
		expect(chart.points.some((point) => point.outside)).toBe(false);
		expect(summarisePChart(chart, WORDS)).toBe(
			'On average 50% of active projects had Big I. Big I stayed above its average from January 2024 to ' +
				'September 2024. Big I stayed below its average from October 2024 to May 2025. The limits are ' +
				'provisional until there are 20 months of figures.'
		);
	});

	it('7 on one side is not a shift', () => {
		const chart = pChart(series([6, 6, 6, 6, 6, 6, 6, 4, 4, 4, 4, 4, 4, 4].map((x) => [x, 10])));
		expect(chart.shifts).toEqual([]);
	});

	it('the side is decided on the counts: 5 of 20 is on a centre line of 1 in 4', () => {
		// p̄ = (1 + 5 + 3) / (4 + 20 + 12) = 9 / 36 = 0.25: every point is on the line, so none makes a shift.
		const chart = pChart(
			series([
				[1, 4],
				[5, 20],
				[3, 12],
				[1, 4],
				[5, 20],
				[3, 12],
				[1, 4],
				[5, 20]
			])
		);
		expect(chart.centre).toBe(0.25);
		expect(chart.shifts).toEqual([]);
		expect(chart.trends).toEqual([]);
	});

	it('a trend is 6 points each higher (or lower) than the last; an equal value is skipped', () => {
		const up = pChart(series([1, 2, 2, 3, 4, 5, 6].map((x) => [x, 10])));
		expect(up.trends).toEqual([{ from: 0, to: 6, direction: 'up' }]);
		expect(summarisePChart(up, WORDS)).toContain('Big I kept rising from January 2024 to July 2024.');
		const five = pChart(series([1, 2, 3, 4, 5, 4].map((x) => [x, 10])));
		expect(five.trends).toEqual([]);
		// Falling across different n: 9/10, 16/20, 7/10, 12/20, 5/10, 8/20 (0.9 down to 0.4).
		const down = pChart(
			series([
				[9, 10],
				[16, 20],
				[7, 10],
				[12, 20],
				[5, 10],
				[8, 20]
			])
		);
		expect(down.trends).toEqual([{ from: 0, to: 5, direction: 'down' }]);
	});

	it('a point outside a limit, said in words', () => {
		// p̄ = 12 / 120 = 0.1; with n = 10, limits 0 and 0.3846: 6 of 10 is far above it.
		const chart = pChart(
			series(
				[
					[1, 10],
					[0, 10],
					[1, 10],
					[6, 10],
					[1, 10],
					[0, 10],
					[1, 10],
					[1, 10],
					[0, 10],
					[1, 10],
					[0, 10],
					[0, 10]
				],
				'2026-01'
			)
		);
		expect(chart.points[3]?.outside).toBe('above');
		expect(chart.points[3]?.lower).toBe(0);
		expect(chart.points[1]?.outside).toBeNull();
		expect(summarisePChart(chart, WORDS)).toContain('Big I rose above its upper limit in April 2026.');
	});

	it('limits are clipped to 0 and 1', () => {
		const chart = pChart(
			series([
				[1, 2],
				[2, 2],
				[0, 2]
			])
		);
		expect(chart.points.map((point) => [point.lower, point.upper])).toEqual([
			[0, 1],
			[0, 1],
			[0, 1]
		]);
	});
});

describe('p-chart: edges', () => {
	it('leaves out periods with n = 0, and says so', () => {
		const chart = pChart(
			series(
				[
					[0, 0],
					[1, 2],
					[0, 0]
				],
				'2026-01'
			)
		);
		expect(chart.leftOut).toEqual(['2026-01', '2026-03']);
		expect(chart.points.map((point) => point.period)).toEqual(['2026-02']);
		expect(chart.centre).toBe(0.5);
		expect(summarisePChart(chart, WORDS)).toBe(
			'On average 50% of active projects had Big I. No unusual variation: the proportion moved within its ' +
				'limits. 2 months with no active projects are left out. The limits are provisional until there are ' +
				'20 months of figures.'
		);
	});

	it('one period', () => {
		const chart = pChart(series([[3, 4]]));
		expect(chart.centre).toBe(0.75);
		expect(chart.points[0]?.outside).toBeNull();
		expect(chart.trial).toBe(true);
	});

	it('nothing to chart', () => {
		expect(pChart([])).toEqual({
			granularity: null,
			centre: null,
			points: [],
			leftOut: [],
			shifts: [],
			trends: [],
			trial: true
		});
		expect(summarisePChart(pChart([]), WORDS)).toBe(
			'No months with active projects yet, so there is nothing to chart.'
		);
		expect(summarisePChart(pChart([{ period: '2026-Q1', x: 0, n: 0 }]), WORDS)).toBe(
			'No quarters with active projects yet, so there is nothing to chart.'
		);
	});

	it('a proportion the same every period has no spread and no signal', () => {
		const chart = pChart(
			series([
				[0, 3],
				[0, 5],
				[0, 2]
			])
		);
		expect(chart.centre).toBe(0);
		expect(chart.points.every((point) => point.lower === 0 && point.upper === 0 && !point.outside)).toBe(
			true
		);
	});

	it('refuses counts that are not a part of a whole', () => {
		expect(() => pChart(series([[3, 2]]))).toThrow(RangeError);
		expect(() => pChart(series([[-1, 2]]))).toThrow(RangeError);
		expect(() => pChart(series([[0.5, 2]]))).toThrow(RangeError);
	});
});
