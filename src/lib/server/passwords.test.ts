import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';

describe('passwords', () => {
	it('hashes with a random salt and the parameters, and verifies in constant time', async () => {
		const a = await hashPassword('open sesame');
		const b = await hashPassword('open sesame');
		expect(a).not.toBe(b);
		expect(a).toMatch(/^scrypt\$32768\$8\$3\$[\w-]+\$[\w-]+$/);
		expect(await verifyPassword('open sesame', a)).toBe(true);
		expect(await verifyPassword('open sesame!', a)).toBe(false);
		expect(await verifyPassword('open sesame', 'scrypt$1$1$1$$')).toBe(false);
		expect(await verifyPassword('open sesame', 'plain')).toBe(false);
	});
});
