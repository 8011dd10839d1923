import { describe, expect, it } from 'vitest';
import { FIRST_RETRY_MS, MAX_RETRY_MS, nextBackoff } from './backoff';

describe('nextBackoff', () => {
	it('starts at about a second and doubles', () => {
		const mid = () => 0.5;
		expect(nextBackoff(0, mid)).toBe(FIRST_RETRY_MS);
		expect(nextBackoff(1_000, mid)).toBe(2_000);
		expect(nextBackoff(2_000, mid)).toBe(4_000);
	});

	it('never waits longer than the cap, even with jitter', () => {
		expect(nextBackoff(MAX_RETRY_MS, () => 0.999)).toBe(MAX_RETRY_MS);
		expect(nextBackoff(10 * MAX_RETRY_MS, () => 0)).toBe(Math.round(MAX_RETRY_MS * 0.8));
	});

	it('spreads retries out with jitter', () => {
		expect(nextBackoff(4_000, () => 0)).toBe(6_400);
		expect(nextBackoff(4_000, () => 1)).toBe(9_600);
	});
});
