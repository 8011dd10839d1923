import { describe, expect, it } from 'vitest';
import { makeClaim, makeClaimStep } from '../../../tests/involvement-factories';
import { claimStatus, claimTotal } from './claim';
import { formatPence, mileagePence, parsePounds, parseTenthsOfMiles, penceAsPounds } from './money';

describe('money in pence', () => {
	it('reads amounts typed in pounds without floating point', () => {
		expect(parsePounds('12.5')).toBe(1250);
		expect(parsePounds('£0.10')).toBe(10);
		expect(parsePounds('1,234.56')).toBe(123456);
		expect(parsePounds('0.29')).toBe(29); // 0.29 * 100 is 28.999999999999996 in floating point
		for (const bad of ['', 'ten', '1.234', '-3', '£', '1e3']) expect(parsePounds(bad)).toBeUndefined();
	});

	it('shows pence as pounds', () => {
		expect(formatPence(563)).toBe('£5.63');
		expect(formatPence(123456)).toBe('£1,234.56');
		expect(penceAsPounds(123456)).toBe('1234.56');
		expect(penceAsPounds(5)).toBe('0.05');
	});

	it('pays mileage by the tenth of a mile, rounded half up to the penny', () => {
		expect(parseTenthsOfMiles('12.5')).toBe(125);
		expect(parseTenthsOfMiles('12.55')).toBeUndefined();
		expect(mileagePence(125, 45)).toBe(563); // 562.5
		expect(mileagePence(10, 45)).toBe(45);
	});
});

describe('a claim', () => {
	it('adds its lines in pence and stands where its latest step says', () => {
		const claim = makeClaim();
		expect(claimTotal(claim)).toBe(983);
		expect(claimStatus([])).toBe('submitted');
		const query = makeClaimStep(claim, { kind: 'queried', note: 'Which car park?' });
		const answer = makeClaimStep(claim, { author: 'member', kind: 'answered', note: 'Leeds General.' });
		const approval = makeClaimStep(claim);
		expect(claimStatus([query])).toBe('queried');
		expect(claimStatus([approval, query, answer])).toBe('approved');
	});

	it('refuses a mileage line whose amount is not the miles at the rate', () => {
		expect(() =>
			makeClaim('member', {
				lines: [{ kind: 'mileage', tenthsOfMiles: 100, pencePerMile: 45, amountPence: 500 }]
			})
		).toThrow(/miles at the rate/);
		expect(() => makeClaim('member', { lines: [] })).toThrow(/at least one cost/);
	});
});
