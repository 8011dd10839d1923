import { describe, expect, it } from 'vitest';
import { equalityFigures, EQUALITY_QUESTIONS, NOT_ANSWERED, type EqualityAnswers } from './equality';
import { cleanEquality } from './signup';

function figures(answers: EqualityAnswers[], key: string) {
	const question = equalityFigures(answers).find((q) => q.key === key);
	if (!question) throw new Error(key);
	return Object.fromEntries(question.cells.map((cell) => [cell.value, cell.count]));
}

describe('equality figures', () => {
	it('counts answers per category, with "prefer not to say" and "not answered"', () => {
		const answers: EqualityAnswers[] = [
			...Array.from({ length: 6 }, () => ({ ageBand: '25-34' })),
			...Array.from({ length: 5 }, () => ({ ageBand: 'prefer-not-to-say' })),
			...Array.from({ length: 7 }, () => ({}))
		];
		const age = figures(answers, 'ageBand');
		expect(age['25-34']).toBe(6);
		expect(age['prefer-not-to-say']).toBe(5);
		expect(age[NOT_ANSWERED]).toBe(7);
		expect(age['75-plus']).toBe(0);
		expect(equalityFigures(answers)[0]?.total).toBe(18);
	});

	it('hides counts from 1 to 4, and one more when only one would be hidden', () => {
		const answers: EqualityAnswers[] = [
			...Array.from({ length: 9 }, () => ({ religion: 'none' })),
			...Array.from({ length: 6 }, () => ({ religion: 'christian' })),
			...Array.from({ length: 3 }, () => ({ religion: 'jewish' }))
		];
		const religion = figures(answers, 'religion');
		expect(religion.jewish).toBeNull();
		// 18 in total, 9 shown: without hiding a second count, 18 − 9 − 6 = 3 would give it away.
		expect(religion.christian).toBeNull();
		expect(religion.none).toBe(9);
		expect(religion.buddhist).toBe(0);
		expect(religion[NOT_ANSWERED]).toBe(0);
	});

	it('hides nothing more when two or more counts are already hidden', () => {
		const answers: EqualityAnswers[] = [
			...Array.from({ length: 10 }, () => ({ carer: 'no' })),
			{ carer: 'up-to-9' },
			...Array.from({ length: 2 }, () => ({ carer: '50-plus' }))
		];
		const carer = figures(answers, 'carer');
		expect(carer['up-to-9']).toBeNull();
		expect(carer['50-plus']).toBeNull();
		expect(carer.no).toBe(10);
	});

	it('shows nothing identifying for a handful of sign-ups', () => {
		const answers: EqualityAnswers[] = [
			{ sexualOrientation: 'bisexual' },
			{ sexualOrientation: 'gay-lesbian' }
		];
		const cells = equalityFigures(answers).flatMap((question) => question.cells);
		expect(cells.every((cell) => cell.count === null || cell.count === 0)).toBe(true);
	});

	it('has the 19 ethnic groups of the 2021 census, and "prefer not to say" everywhere', () => {
		const ethnic = EQUALITY_QUESTIONS.find((q) => q.key === 'ethnicGroup');
		expect(ethnic?.options.filter((o) => o.group)).toHaveLength(19);
		for (const question of EQUALITY_QUESTIONS) {
			expect(question.options.at(-1)?.label, question.key).toBe('Prefer not to say');
		}
	});

	it('keeps only answered questions, and refuses values that are not options', () => {
		expect(cleanEquality({ ageBand: '18-24', gender: '', religion: undefined })).toEqual({
			ageBand: '18-24'
		});
		expect(() => cleanEquality({ ageBand: 'ancient' })).toThrow();
	});
});
