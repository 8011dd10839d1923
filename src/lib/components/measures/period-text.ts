import { granularityOf, periodStart, type Granularity } from '$lib/domain/period';
import { formatter } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { parseDay } from '../charts/chart-layout';

/**
 * Periods in the person's language: "March 2026", "January to March 2026" for a quarter (as the domain's
 * `periodLabel`, which the CSV keeps), and "month" or "quarter" for the sentences about them.
 */

const utc = { timeZone: 'UTC' } as const;
const monthYear = formatter(
	(tag) => new Intl.DateTimeFormat(tag, { ...utc, month: 'long', year: 'numeric' })
);
const monthName = formatter((tag) => new Intl.DateTimeFormat(tag, { ...utc, month: 'long' }));
const yearOnly = formatter((tag) => new Intl.DateTimeFormat(tag, { ...utc, year: 'numeric' }));

/** "March 2026", or "January to March 2026" for a quarter. */
export function periodName(period: string): string {
	const first = parseDay(periodStart(period));
	if (granularityOf(period) === 'month') return monthYear().format(first);
	const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 2));
	return m.msr_quarter({
		from: monthName().format(first),
		to: monthName().format(last),
		year: yearOnly().format(first)
	});
}

const WORD: Record<Granularity, () => string> = {
	month: m.msr_period_month,
	quarter: m.msr_period_quarter
};

/** "month" or "quarter", as it reads inside a sentence ("each month", "that quarter"). */
export const periodWord = (by: Granularity): string => WORD[by]();
