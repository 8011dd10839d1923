import type { Series } from './measure-series';
import type { PChart, PChartInput } from './p-chart';
import { bigISeries } from './project-measures';

/** A month of the Big I p-chart's table. */
export interface BigIRow {
	period: string;
	label: string;
	active: number;
	bigI: number;
	share: number | null;
	lower: number | null;
	upper: number | null;
	signal: string;
}

/** The p-chart's figures as a table: each month's count, share, limits and any special cause, in words. */
export function bigITable(input: readonly PChartInput[], chart: PChart): Series<BigIRow> {
	const base = bigISeries(input);
	const points = new Map(chart.points.map((point, i) => [point.period, { point, i }]));
	const within = (signals: readonly { from: number; to: number }[], i: number) =>
		signals.some((signal) => signal.from <= i && i <= signal.to);
	return {
		title: base.title,
		columns: [
			...base.columns,
			{ key: 'lower', label: 'Lower limit' },
			{ key: 'upper', label: 'Upper limit' },
			{ key: 'signal', label: 'Unusual variation' }
		],
		rows: base.rows.map((row) => {
			const found = points.get(row.period);
			if (!found) return { ...row, lower: null, upper: null, signal: 'No active projects' };
			const { point, i } = found;
			const signals = [
				point.outside === 'above' ? 'Above the upper limit' : '',
				point.outside === 'below' ? 'Below the lower limit' : '',
				within(chart.shifts, i) ? 'Part of a shift' : '',
				within(chart.trends, i) ? 'Part of a trend' : ''
			].filter(Boolean);
			return { ...row, lower: point.lower, upper: point.upper, signal: signals.join('; ') || 'None' };
		})
	};
}
