import { scaleLinear, scaleUtc, type ScaleLinear, type ScaleTime } from 'd3-scale';
import { symbol, symbolCircle, symbolDiamond, symbolSquare, type SymbolType } from 'd3-shape';
import { formatter } from '$lib/format';
import { language } from '$lib/i18n.svelte';

/**
 * The layout every chart shares (run charts now, p-charts later): the drawing's size in CSS pixels, the
 * plot area inside its margins, the scales from dates and values to positions (d3-scale, rounded to nice
 * ticks), the ticks and their labels, and the marker shapes the series and the key both draw.
 */

export interface Margins {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

export interface ChartLayout {
	width: number;
	height: number;
	margin: Margins;
	x: ScaleTime<number, number>;
	y: ScaleLinear<number, number>;
	xTicks: Date[];
	yTicks: number[];
}

/** The width drawn before the chart's container has been measured. */
export const DEFAULT_CHART_WIDTH = 640;
export const MARGIN: Margins = { top: 24, right: 16, bottom: 40, left: 56 };
/** Below this width the chart is drawn for a phone: shorter, with fewer ticks. */
const NARROW = 480;
/** About one date label per this many pixels, so labels never overlap. */
const PIXELS_PER_DATE_TICK = 70;
const PIXELS_PER_VALUE_TICK = 45;

/** A yyyy-mm-dd date as midnight UTC, so a day never moves with the time zone. */
export function parseDay(date: string): Date {
	return new Date(`${date}T00:00:00Z`);
}

/**
 * Scales and ticks for a drawing `width` pixels wide: x over every date given (points and annotations),
 * y over every value given (points, centre line, limits), both widened to nice round ticks.
 */
export function chartLayout(width: number, dates: readonly string[], values: readonly number[]): ChartLayout {
	const height = width < NARROW ? 240 : 320;
	const margin = MARGIN;
	const times = dates.map((date) => parseDay(date).getTime());
	const first = Math.min(...times);
	const last = Math.max(...times);
	// One date (or none): a week either side, so the point sits in the middle.
	const week = 7 * 86_400_000;
	const span =
		times.length === 0 ? [0, 2 * week] : first === last ? [first - week, last + week] : [first, last];
	const plotWidth = width - margin.left - margin.right;
	const plotHeight = height - margin.top - margin.bottom;
	const xCount = Math.max(2, Math.floor(plotWidth / PIXELS_PER_DATE_TICK));
	const yCount = Math.max(3, Math.floor(plotHeight / PIXELS_PER_VALUE_TICK));
	const x = scaleUtc()
		.domain(span.map((time) => new Date(time)))
		.range([margin.left, width - margin.right])
		.nice(xCount);
	const low = Math.min(...values);
	const high = Math.max(...values);
	// One value (or all equal): a band around it, so the line is in the middle rather than on an edge.
	const pad = values.length === 0 ? 1 : low === high ? Math.max(Math.abs(low) * 0.1, 1) : 0;
	const y = scaleLinear()
		.domain(values.length === 0 ? [0, 1] : [low - pad, high + pad])
		.range([height - margin.bottom, margin.top])
		.nice(yCount);
	// d3 picks the calendar interval nearest the count asked for, which can be more than fit: keep every
	// second (third…) tick until they do.
	const dateTicks = x.ticks(xCount);
	const every = Math.ceil(dateTicks.length / xCount);
	const xTicks = dateTicks.filter((_, i) => i % every === 0);
	return { width, height, margin, x, y, xTicks, yTicks: y.ticks(yCount) };
}

const tickDate = formatter(
	(tag) => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', timeZone: 'UTC' })
);
const tickNumber = formatter((tag) => new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }));

/** "3 Mar". */
export function formatDateTick(date: Date): string {
	return tickDate().format(date);
}

const longDate = formatter(
	(tag) => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
);

/** "3 March 2025", for tables and keys. */
export function formatLongDate(date: string): string {
	return longDate().format(parseDay(date));
}

/**
 * Words drawn in a chart, set apart for the bidirectional algorithm. A chart is drawn left to right in
 * every language (time runs to the right, `ChartFrame`), so its `text-anchor`s stay where they are; in a
 * right-to-left language each label is isolated to read right to left inside that ("45% اوسط").
 */
export function drawnText(text: string): string {
	return language.dir === 'rtl' ? `\u2067${text}\u2069` : text;
}

/** "1,250", "0.25". */
export function formatValueTick(value: number): string {
	return tickNumber().format(value);
}

/**
 * How a point is marked: `plain`, `signal` (part of a shift or trend, or beyond a limit) or `unusual`
 * (looks astronomical). Each has its own shape, so the chart reads in black and white.
 */
export type MarkerKind = 'plain' | 'signal' | 'unusual';

export const MARKER_SHAPES: Record<MarkerKind, { type: SymbolType; size: number }> = {
	plain: { type: symbolCircle, size: 50 },
	signal: { type: symbolSquare, size: 90 },
	unusual: { type: symbolDiamond, size: 130 }
};

/** One line of a chart's key: a marker or a line, and what it means in words. */
export type KeyEntry =
	{ marker: MarkerKind; text: string } | { line: 'solid' | 'dashed' | 'dotted'; text: string };

/** An SVG path for a marker, centred on 0,0 (place it with a transform). */
export function markerPath(kind: MarkerKind): string {
	const shape = MARKER_SHAPES[kind];
	return symbol(shape.type, shape.size)() ?? '';
}
