import { describe, expect, it } from 'vitest';
import { granularityOf, periodEnd, periodLabel, periodOf, periodRange, periodStart, spanOf } from './period';

describe('periods', () => {
	it('places dates and timestamps in UTC months and quarters', () => {
		expect(periodOf('2026-03-31', 'month')).toBe('2026-03');
		expect(periodOf('2026-03-31T23:30:00-01:00', 'month')).toBe('2026-04');
		expect(periodOf('2026-03-31', 'quarter')).toBe('2026-Q1');
		expect(periodOf('2026-04-01', 'quarter')).toBe('2026-Q2');
		expect(periodOf(new Date(Date.UTC(2025, 11, 31)), 'quarter')).toBe('2025-Q4');
		expect(() => periodOf('soon', 'month')).toThrow(RangeError);
	});

	it('knows first and last days, leap years included', () => {
		expect(periodStart('2024-02')).toBe('2024-02-01');
		expect(periodEnd('2024-02')).toBe('2024-02-29');
		expect(periodEnd('2025-02')).toBe('2025-02-28');
		expect(periodStart('2026-Q4')).toBe('2026-10-01');
		expect(periodEnd('2026-Q4')).toBe('2026-12-31');
		expect(granularityOf('2026-Q2')).toBe('quarter');
		expect(() => granularityOf('2026-13')).toThrow(RangeError);
	});

	it('ranges over years without gaps, and is empty backwards', () => {
		expect(periodRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
		expect(periodRange('2025-Q4', '2026-Q2')).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
		expect(periodRange('2026-03', '2026-03')).toEqual(['2026-03']);
		expect(periodRange('2026-03', '2026-02')).toEqual([]);
		expect(() => periodRange('2026-01', '2026-Q1')).toThrow(RangeError);
	});

	it('labels in words', () => {
		expect(periodLabel('2026-03')).toBe('March 2026');
		expect(periodLabel('2026-Q1')).toBe('January to March 2026');
		expect(periodLabel('2026-Q4')).toBe('October to December 2026');
	});

	it('spans the data, or the bounds given, and says where a date falls', () => {
		const span = spanOf(['2026-03-10', '2026-01-05T10:00:00Z'], { by: 'month' });
		expect(span.periods).toEqual(['2026-01', '2026-02', '2026-03']);
		expect(span.indexOf('2026-02-28')).toBe(1);
		expect(span.indexOf('2025-12-31')).toBe(-1);
		expect(span.indexOf('2026-04-01')).toBe(3);
		expect(spanOf(['2026-03-10'], { by: 'month', from: '2026-02-01', to: '2026-04-30' }).periods).toEqual([
			'2026-02',
			'2026-03',
			'2026-04'
		]);
		const empty = spanOf([], { by: 'quarter' });
		expect(empty.periods).toEqual([]);
		expect(empty.indexOf('2026-01-01')).toBe(-1);
	});
});
