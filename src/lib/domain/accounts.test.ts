import { describe, expect, it } from 'vitest';
import { accountNameSchema, suggestAccountName } from './index';

describe('suggestAccountName', () => {
	it('turns a name into a user name the account form accepts', () => {
		expect(suggestAccountName('Sam Patel')).toBe('sam.patel');
		expect(suggestAccountName("  Siobhán O'Brien-Nwosu ")).toBe('siobhan.o.brien.nwosu');
		expect(suggestAccountName('Zoë  Ng (she/her)')).toBe('zoe.ng.she.her');
		const long = suggestAccountName('A very long name indeed that goes on and on past forty characters');
		expect(long.length).toBeLessThanOrEqual(40);
		for (const name of ['Sam Patel', 'Zoë Ng', long])
			expect(accountNameSchema.safeParse(suggestAccountName(name)).success).toBe(true);
	});

	it('leaves nothing for a name without Latin letters or digits, for the coordinator to fill in', () => {
		expect(suggestAccountName('李小龍')).toBe('');
		expect(accountNameSchema.safeParse('').success).toBe(false);
	});
});
