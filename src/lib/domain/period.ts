/**
 * Calendar periods for the network's measures: a month (`2026-03`) or a calendar quarter (`2026-Q1`,
 * January to March), always in UTC so a figure is the same on every device. Periods sort as text and a
 * range of them has no gaps, so a series shows a month with nothing in it as a zero, not as a missing bar.
 */

export type Granularity = 'month' | 'quarter';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

const MONTH_NAMES = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/** The period a date (`yyyy-mm-dd`, read as UTC) or a timestamp falls in, in UTC. */
export function periodOf(at: string | Date, granularity: Granularity): string {
	const date = typeof at === 'string' ? new Date(at) : at;
	if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(at)}`);
	return fromIndex(date.getUTCFullYear() * 12 + date.getUTCMonth(), granularity);
}

/** Whether `period` is a month or a quarter (throws for anything else). */
export function granularityOf(period: string): Granularity {
	if (MONTH.test(period)) return 'month';
	if (QUARTER.test(period)) return 'quarter';
	throw new RangeError(`Not a period: ${period}`);
}

/** The first calendar date (`yyyy-mm-dd`) of a period. */
export function periodStart(period: string): string {
	return isoDate(Date.UTC(...yearMonth(monthIndex(period))));
}

/** The last calendar date (`yyyy-mm-dd`) of a period. */
export function periodEnd(period: string): string {
	const months = granularityOf(period) === 'month' ? 1 : 3;
	const [year, month] = yearMonth(monthIndex(period) + months);
	return isoDate(Date.UTC(year, month) - 86_400_000);
}

/** Every period from `from` to `to`, both included (none when `from` is after `to`). */
export function periodRange(from: string, to: string): string[] {
	const granularity = granularityOf(from);
	if (granularityOf(to) !== granularity) throw new RangeError(`${from} and ${to} are not the same kind`);
	const step = granularity === 'month' ? 1 : 3;
	const periods: string[] = [];
	for (let index = monthIndex(from); index <= monthIndex(to); index += step) {
		periods.push(fromIndex(index, granularity));
	}
	return periods;
}

/** "March 2026", or "January to March 2026" for a quarter (which says which months, unlike "Q1"). */
export function periodLabel(period: string): string {
	const [year, month] = yearMonth(monthIndex(period));
	if (granularityOf(period) === 'month') return `${MONTH_NAMES[month]} ${year}`;
	return `${MONTH_NAMES[month]} to ${MONTH_NAMES[month + 2]} ${year}`;
}

/** "month" or "quarter", for sentences such as "8 months in a row". */
export function periodNoun(granularity: Granularity, count: number): string {
	const noun = granularity === 'month' ? 'month' : 'quarter';
	return count === 1 ? noun : `${noun}s`;
}

/** Months since year 0 of the first month of the period. */
function monthIndex(period: string): number {
	const month = MONTH.exec(period);
	if (month) return Number(month[1]) * 12 + Number(month[2]) - 1;
	const quarter = QUARTER.exec(period);
	if (quarter) return Number(quarter[1]) * 12 + (Number(quarter[2]) - 1) * 3;
	throw new RangeError(`Not a period: ${period}`);
}

function fromIndex(index: number, granularity: Granularity): string {
	const [year, month] = yearMonth(index);
	return granularity === 'month'
		? `${year}-${String(month + 1).padStart(2, '0')}`
		: `${year}-Q${Math.floor(month / 3) + 1}`;
}

function yearMonth(index: number): [number, number] {
	return [Math.floor(index / 12), index % 12];
}

function isoDate(time: number): string {
	return new Date(time).toISOString().slice(0, 10);
}

/** Which periods a series covers: `from` and `to` are dates or timestamps; each defaults to the data's. */
export interface SpanOptions {
	by: Granularity;
	from?: string;
	to?: string;
}

/** The periods of a series, and where a date falls among them. */
export interface Span {
	granularity: Granularity;
	periods: string[];
	/** The index of the period `at` falls in: -1 before the first, `periods.length` after the last. */
	indexOf(at: string): number;
}

/** The span from the earliest to the latest of `dates` (or the bounds given), every period in between. */
export function spanOf(dates: Iterable<string>, options: SpanOptions): Span {
	let first = options.from === undefined ? undefined : periodOf(options.from, options.by);
	let last = options.to === undefined ? undefined : periodOf(options.to, options.by);
	if (first === undefined || last === undefined) {
		for (const date of dates) {
			const period = periodOf(date, options.by);
			if (options.from === undefined && (first === undefined || period < first)) first = period;
			if (options.to === undefined && (last === undefined || period > last)) last = period;
		}
	}
	const periods = first === undefined || last === undefined ? [] : periodRange(first, last);
	const index = new Map(periods.map((period, i) => [period, i]));
	return {
		granularity: options.by,
		periods,
		indexOf(at) {
			const period = periodOf(at, options.by);
			const first = periods[0];
			return index.get(period) ?? (first === undefined || period < first ? -1 : periods.length);
		}
	};
}
