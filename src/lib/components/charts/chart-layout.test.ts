import { describe, expect, it } from 'vitest';
import { language } from '$lib/i18n.svelte';
import {
	chartLayout,
	drawnText,
	formatDateTick,
	formatLongDate,
	formatValueTick,
	markerPath,
	parseDay
} from './chart-layout';

const weeks = ['2025-01-06', '2025-02-03', '2025-03-03', '2025-03-31', '2025-04-28', '2025-05-26'];

describe('chartLayout', () => {
	it('maps the dates across the plot area and the values up it, widened to nice ticks', () => {
		const layout = chartLayout(640, weeks, [31, 38, 44]);
		const [x0, x1] = layout.x.range();
		expect(x0).toBe(layout.margin.left);
		expect(x1).toBe(640 - layout.margin.right);
		expect(layout.x.domain()[0]!.getTime()).toBeLessThanOrEqual(parseDay('2025-01-06').getTime());
		expect(layout.x.domain()[1]!.getTime()).toBeGreaterThanOrEqual(parseDay('2025-05-26').getTime());
		expect(layout.y.domain()).toEqual([30, 44]);
		expect(layout.y(30)).toBe(layout.height - layout.margin.bottom);
		expect(layout.y(44)).toBe(layout.margin.top);
		expect(layout.yTicks).toEqual([30, 32, 34, 36, 38, 40, 42, 44]);
		expect(layout.xTicks.map(formatDateTick)).toEqual(['1 Jan', '1 Feb', '1 Mar', '1 Apr', '1 May', '1 Jun']);
	});

	it('draws fewer ticks, and a shorter chart, when narrow', () => {
		const wide = chartLayout(640, weeks, [31, 38, 44]);
		const narrow = chartLayout(300, weeks, [31, 38, 44]);
		expect(narrow.height).toBeLessThan(wide.height);
		expect(narrow.xTicks.length).toBeLessThan(wide.xTicks.length);
		expect(narrow.xTicks.length).toBeGreaterThanOrEqual(2);
		expect(narrow.yTicks.length).toBeLessThanOrEqual(wide.yTicks.length);
	});

	it('puts a single point in the middle of the plot', () => {
		const layout = chartLayout(640, ['2025-03-03'], [38]);
		const middleX = (layout.margin.left + 640 - layout.margin.right) / 2;
		const middleY = (layout.margin.top + layout.height - layout.margin.bottom) / 2;
		expect(layout.x(parseDay('2025-03-03'))).toBeCloseTo(middleX, 0);
		expect(layout.y(38)).toBeCloseTo(middleY, 0);
	});

	it('reads a date as a whole day, whatever the time zone', () => {
		expect(parseDay('2025-03-03').toISOString()).toBe('2025-03-03T00:00:00.000Z');
	});
});

describe('formatting', () => {
	it('labels ticks the British way', () => {
		expect(formatDateTick(parseDay('2025-03-03'))).toBe('3 Mar');
		expect(formatValueTick(1250)).toBe('1,250');
		expect(formatValueTick(0.25)).toBe('0.25');
		expect(formatLongDate('2025-03-03')).toBe('3 March 2025');
	});

	it('labels ticks in the chosen language, and sets Urdu words apart to read right to left', () => {
		expect(drawnText('Average 45%')).toBe('Average 45%');
		language.choose('ur');
		try {
			expect(formatDateTick(parseDay('2025-03-03'))).toBe('3 مارچ');
			expect(drawnText('اوسط 45%')).toBe('\u2067اوسط 45%\u2069');
		} finally {
			language.choose('en');
		}
	});
});

describe('markerPath', () => {
	it('gives each kind of point its own shape', () => {
		const paths = new Set([markerPath('plain'), markerPath('signal'), markerPath('unusual')]);
		expect(paths.size).toBe(3);
		for (const path of paths) expect(path).toMatch(/^M/);
	});
});
