import { describe, expect, it } from 'vitest';
import { hashPin, PIN_FREE_TRIES, PIN_WAIT_MS, pinMatches, pinProblem, pinWait } from './pin';

describe('event mode PIN', () => {
	it('takes 4 to 12 numbers that are not a row or a run', () => {
		expect(pinProblem('2580')).toBeUndefined();
		expect(pinProblem('741852963')).toBeUndefined();
		expect(pinProblem('')).toBe('Choose a PIN');
		expect(pinProblem('12a4')).toBe('Use numbers only for the PIN');
		expect(pinProblem('258')).toBe('The PIN must be 4 to 12 numbers long');
		expect(pinProblem('2580258025802')).toBe('The PIN must be 4 to 12 numbers long');
		for (const guessable of ['1111', '1234', '9876', '0000000'])
			expect(pinProblem(guessable), guessable).toMatch(/harder to guess/);
	});

	it('keeps only a salted hash, which the PIN and nothing else matches', async () => {
		const stored = await hashPin('2580', 1_000);
		expect(JSON.stringify(stored)).not.toContain('2580');
		expect(stored.iterations).toBe(1_000);
		expect(await pinMatches('2580', stored)).toBe(true);
		expect(await pinMatches('2581', stored)).toBe(false);
		expect(await pinMatches('', stored)).toBe(false);
		const again = await hashPin('2580', 1_000);
		expect(again.salt).not.toBe(stored.salt);
		expect(again.hash).not.toBe(stored.hash);
	});

	it('uses PBKDF2-SHA-256 with 600,000 iterations unless told otherwise', async () => {
		const stored = await hashPin('2580', undefined, new Uint8Array(16));
		expect(stored.iterations).toBe(600_000);
		const key = await crypto.subtle.importKey('raw', new TextEncoder().encode('2580'), 'PBKDF2', false, [
			'deriveBits'
		]);
		const bits = await crypto.subtle.deriveBits(
			{ name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(16), iterations: 600_000 },
			key,
			256
		);
		expect(stored.hash).toBe(Buffer.from(bits).toString('base64'));
	});

	it('makes each try wait a minute after five wrong PINs in a row', () => {
		const at = 1_000_000;
		expect(pinWait(PIN_FREE_TRIES - 1, at, at)).toBe(0);
		expect(pinWait(PIN_FREE_TRIES, at, at)).toBe(PIN_WAIT_MS);
		expect(pinWait(PIN_FREE_TRIES + 3, at, at + 20_000)).toBe(PIN_WAIT_MS - 20_000);
		expect(pinWait(PIN_FREE_TRIES, at, at + PIN_WAIT_MS)).toBe(0);
	});
});
