import { describe, expect, it } from 'vitest';
import { Attempt } from './attempt.svelte';

describe('Attempt', () => {
	it('says why a one-tap change could not be saved, until the next one is', async () => {
		const approval = new Attempt('The approval');
		const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		expect(await approval.run(() => Promise.reject(full))).toBe(false);
		expect(approval.problem).toMatch(
			/^The approval could not be saved on this device: this device has run out of storage space\./
		);
		expect(await approval.run(() => Promise.resolve())).toBe(true);
		expect(approval.problem).toBeUndefined();
	});
});
