import { describe, expect, it } from 'vitest';
import { PASSWORD_EXAMPLE, passwordProblem } from './passwords';

describe('passwordProblem', () => {
	it('refuses the example the app shows, however it is written', () => {
		for (const copied of [PASSWORD_EXAMPLE, 'Kettle-Violin-Harbour', 'kettleviolinharbour'])
			expect(passwordProblem(copied)).toBe(
				'This is the example password everyone can see. Choose three random words of your own'
			);
	});

	it('refuses short, common and repeated passwords and one with the user name, and takes three words', () => {
		expect(passwordProblem('kettle')).toBe('Password must be 8 characters or more');
		expect(passwordProblem('Password1')).toMatch(/^This password is too easy to guess/);
		expect(passwordProblem('zzzzzzzzzz')).toMatch(/^This password is too easy to guess/);
		expect(passwordProblem('sam.patel rides bikes', 'sam.patel')).toBe(
			'Password must not contain your user name'
		);
		expect(passwordProblem('lantern otter quarry')).toBeUndefined();
	});
});
