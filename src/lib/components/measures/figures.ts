import type { Cell } from '$lib/domain/measure-series';

/** How a measure's table shows a cell (the CSV keeps the raw figure). */
export interface CellFormat {
	/** Columns holding proportions (0 to 1), shown as percentages. */
	percent?: readonly string[];
	/** What an empty cell means in this table: "fewer than 5" where a small number is hidden. */
	empty?: string;
}

const NO_FIGURE = 'No figure';

/** "45%", "12", "3.5", the cell's text, or what an empty cell means. */
export function formatCell(key: string, value: Cell, format: CellFormat = {}): string {
	if (value === null) return format.empty ?? NO_FIGURE;
	if (typeof value === 'string') return value;
	if (format.percent?.includes(key)) return `${Math.round(value * 100)}%`;
	return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
