import { periodStart } from '$lib/domain/period';
import { formatter } from '$lib/format';
import { chartLayout, MARGIN, parseDay, type ChartLayout } from '../charts/chart-layout';

/**
 * The layout of a chart over periods (months or quarters): each period drawn at its first day, the time
 * axis ticked at period starts only (every second, third… when they would not fit), and the value axis
 * from 0, to 100 for a percentage.
 */

/** About one "Mar 2026" label per this many pixels. */
const PIXELS_PER_PERIOD_TICK = 80;

export function periodLayout(
	width: number,
	periods: readonly string[],
	values: readonly number[],
	percent: boolean,
	/** Other dates to fit in (events marked on the axis). */
	marked: readonly string[] = []
): ChartLayout {
	const dates = periods.map(periodStart);
	const layout = chartLayout(width, [...dates, ...marked], [0, ...(percent ? [100] : []), ...values]);
	const fit = Math.max(2, Math.floor((width - MARGIN.left - MARGIN.right) / PIXELS_PER_PERIOD_TICK));
	const every = Math.ceil(dates.length / fit);
	return { ...layout, xTicks: dates.filter((_, i) => i % every === 0).map(parseDay) };
}

const periodTick = formatter(
	(tag) => new Intl.DateTimeFormat(tag, { month: 'short', year: 'numeric', timeZone: 'UTC' })
);

/** "Mar 2026": a period's first month, on the time axis. */
export function formatPeriodTick(date: Date): string {
	return periodTick().format(date);
}

/** A proportion (0 to 1) as a percentage to draw. */
export function asPercent(proportion: number): number {
	return Math.round(proportion * 1000) / 10;
}
