/**
 * A measure as a table: named columns and one row per period (or per event), the same rows the chart, its
 * data table and its CSV download show, so the three can never disagree. `toCsv` writes RFC 4180 text that
 * a spreadsheet opens safely: text that would start a formula is written with an apostrophe before it.
 */

import { periodLabel, type Granularity } from './period';

export type Cell = string | number | null;

export interface Column<Row> {
	key: keyof Row & string;
	/** The heading in the table and the CSV. */
	label: string;
}

export interface Series<Row extends object> {
	title: string;
	columns: readonly Column<Row>[];
	rows: readonly Row[];
}

/** The first column of a series by period: its label ("March 2026"), headed Month or Quarter. */
export const periodColumn = (granularity: Granularity) =>
	({ key: 'label', label: granularity === 'month' ? 'Month' : 'Quarter' }) as const;

/** Characters that make a spreadsheet read a cell as a formula (OWASP's list: = + - @, tab, return). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The series as CSV: a header row of the column labels, then the rows; lines end CRLF (RFC 4180). A null
 * cell is empty; a number is written as it is, fractions to at most 4 decimal places; text starting with
 * = + - @ (or a tab or return) gets an apostrophe before it so it cannot run as a formula.
 */
export function toCsv<Row extends { [K in keyof Row]: Cell }>(series: Series<Row>): string {
	const lines = [series.columns.map((column) => csvCell(column.label))];
	for (const row of series.rows) lines.push(series.columns.map((column) => csvCell(row[column.key])));
	return lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

/** One CSV field: quoted when it holds a comma, a quote or a line break, quotes doubled. */
export function csvCell(value: Cell): string {
	if (value === null) return '';
	if (typeof value === 'number') return String(Number.isInteger(value) ? value : Number(value.toFixed(4)));
	const text = FORMULA_START.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** `part` of `whole` as a proportion from 0 to 1; null when there is no whole to share. */
export function share(part: number, whole: number): number | null {
	return whole > 0 ? part / whole : null;
}

/** The median of `values` (null when there are none); sorts a copy. */
export function medianOf(values: ArrayLike<number>): number | null {
	const sorted = Float64Array.from(values).sort();
	const middle = sorted.length >> 1;
	const upper = sorted[middle];
	if (upper === undefined) return null;
	return sorted.length % 2 ? upper : (upper + (sorted[middle - 1] ?? upper)) / 2;
}

/** A fresh row for each period of the span, named and labelled. */
export function buckets<T extends object>(
	span: { periods: string[] },
	make: () => T
): (T & { period: string; label: string })[] {
	return span.periods.map((period) => ({ period, label: periodLabel(period), ...make() }));
}
