import { afterEach, describe, expect, it } from 'vitest';
import { periodLabel } from '$lib/domain/period';
import { language } from '$lib/i18n.svelte';
import { periodName, periodWord } from './period-text';

describe('periods in the chosen language', () => {
	afterEach(() => language.choose('en'));

	it('names a month and a quarter in English as the domain does (the CSV keeps its words)', () => {
		for (const period of ['2026-03', '2025-12', '2026-Q1', '2025-Q4']) {
			expect(periodName(period)).toBe(periodLabel(period));
		}
		expect(periodWord('quarter')).toBe('quarter');
	});

	it('names them in Urdu', () => {
		language.choose('ur');
		expect(periodName('2026-03')).toBe('مارچ 2026');
		expect(periodName('2026-Q1')).toBe('جنوری تا مارچ 2026');
		expect(periodWord('month')).toBe('مہینے');
	});
});
