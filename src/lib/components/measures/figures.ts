import type { Cell } from '$lib/domain/measure-series';
import { m } from '$lib/paraglide/messages';
import { periodName } from './period-text';

/** How a measure's table shows a cell (the CSV keeps the raw figure). */
export interface CellFormat {
	/** Columns holding proportions (0 to 1), shown as percentages. */
	percent?: readonly string[];
	/** What an empty cell means in this table: "fewer than 5" where a small number is hidden. */
	empty?: string;
}

/** "45%", "12", "3.5", the cell's text, or what an empty cell means. */
function formatCell(key: string, value: Cell, format: CellFormat = {}): string {
	if (value === null) return format.empty ?? m.msr_no_figure();
	if (typeof value === 'string') return value;
	if (format.percent?.includes(key)) return `${Math.round(value * 100)}%`;
	return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** A row's cell as `formatCell` shows it; a row of a period is named in the person's language. */
export function cellText<Row extends { [K in keyof Row]: Cell }>(
	row: Row,
	key: keyof Row & string,
	format?: CellFormat
): string {
	const period: Cell | undefined = (row as Partial<Record<string, Cell>>).period;
	if (key === 'label' && typeof period === 'string') return periodName(period);
	return formatCell(key, row[key], format);
}
