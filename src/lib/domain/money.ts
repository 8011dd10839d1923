/**
 * Money in whole pence, never floating-point pounds: amounts are typed as text ("12.50", "£3"), read
 * digit by digit, and shown back as pounds.
 */

const AMOUNT = /^£?\s*(\d{1,6})(?:\.(\d{1,2}))?$/;

/** "12.5" → 1250; undefined when it is not an amount of money in pounds and pence. */
export function parsePounds(text: string): number | undefined {
	const match = AMOUNT.exec(text.trim().replace(/,/g, ''));
	if (!match) return undefined;
	const [, pounds = '0', pence = ''] = match;
	return Number(pounds) * 100 + Number(pence.padEnd(2, '0'));
}

/** 1250 → "£12.50". */
export function formatPence(pence: number): string {
	const sign = pence < 0 ? '-' : '';
	const whole = Math.abs(pence);
	const pounds = Math.floor(whole / 100).toLocaleString('en-GB');
	return `${sign}£${pounds}.${String(whole % 100).padStart(2, '0')}`;
}

/** 1250 → "12.50" (for a CSV a finance team's spreadsheet reads as a number). */
export function penceAsPounds(pence: number): string {
	return formatPence(pence).replace(/[£,]/g, '');
}

/** "12.5" miles → 125 tenths of a mile; undefined when it is not a distance with at most one decimal place. */
export function parseTenthsOfMiles(text: string): number | undefined {
	const match = /^(\d{1,4})(?:\.(\d))?$/.exec(text.trim());
	if (!match) return undefined;
	return Number(match[1]) * 10 + Number(match[2] ?? '0');
}

/** The mileage payment for a distance in tenths of a mile at a rate in pence a mile, rounded half up to a penny. */
export function mileagePence(tenths: number, pencePerMile: number): number {
	return Math.floor((tenths * pencePerMile + 5) / 10);
}

/** A total in pence (integers add exactly). */
export function sumPence(amounts: Iterable<number>): number {
	let total = 0;
	for (const amount of amounts) total += amount;
	return total;
}
