import { z } from 'zod';

/**
 * Equality monitoring, asked on its own screen after a sign-up and always optional. Categories follow the
 * 2021 census for England and Wales (ethnic group, religion, sexual orientation, disability, unpaid care);
 * gender and age bands are the network's own. Every question has "Prefer not to say"; a question left
 * blank is "not answered". Answers are only ever reported as counts, with small counts hidden.
 */

export const PREFER_NOT = 'prefer-not-to-say';

export interface EqualityOption {
	value: string;
	label: string;
	/** The census group a category belongs to (ethnic group). */
	group?: string;
}

export interface EqualityQuestion {
	key: EqualityKey;
	legend: string;
	hint?: string;
	options: readonly EqualityOption[];
}

export const EQUALITY_KEYS = [
	'ageBand',
	'gender',
	'transHistory',
	'ethnicGroup',
	'religion',
	'sexualOrientation',
	'disability',
	'carer'
] as const;
export type EqualityKey = (typeof EQUALITY_KEYS)[number];

const preferNot: EqualityOption = { value: PREFER_NOT, label: 'Prefer not to say' };

function options(list: readonly (readonly [string, string] | readonly [string, string, string])[]) {
	return [
		...list.map(([value, label, group]) => (group ? { value, label, group } : { value, label })),
		preferNot
	];
}

const ASIAN = 'Asian, Asian British or Asian Welsh';
const BLACK = 'Black, Black British, Black Welsh, Caribbean or African';
const MIXED = 'Mixed or Multiple ethnic groups';
const WHITE = 'White';
const OTHER = 'Other ethnic group';

export const EQUALITY_QUESTIONS: readonly EqualityQuestion[] = [
	{
		key: 'ageBand',
		legend: 'How old are you?',
		options: options([
			['under-18', 'Under 18'],
			['18-24', '18 to 24'],
			['25-34', '25 to 34'],
			['35-44', '35 to 44'],
			['45-54', '45 to 54'],
			['55-64', '55 to 64'],
			['65-74', '65 to 74'],
			['75-plus', '75 or over']
		])
	},
	{
		key: 'gender',
		legend: 'What is your gender?',
		options: options([
			['woman', 'Woman'],
			['man', 'Man'],
			['non-binary', 'Non-binary'],
			['other', 'In another way']
		])
	},
	{
		key: 'transHistory',
		legend: 'Is the gender you identify with the same as your sex registered at birth?',
		options: options([
			['yes', 'Yes'],
			['no', 'No']
		])
	},
	{
		key: 'ethnicGroup',
		legend: 'What is your ethnic group?',
		hint: 'The groups used in the 2021 census',
		options: options([
			['asian-bangladeshi', 'Bangladeshi', ASIAN],
			['asian-chinese', 'Chinese', ASIAN],
			['asian-indian', 'Indian', ASIAN],
			['asian-pakistani', 'Pakistani', ASIAN],
			['asian-other', 'Any other Asian background', ASIAN],
			['black-african', 'African', BLACK],
			['black-caribbean', 'Caribbean', BLACK],
			['black-other', 'Any other Black, Black British or Caribbean background', BLACK],
			['mixed-white-asian', 'White and Asian', MIXED],
			['mixed-white-black-african', 'White and Black African', MIXED],
			['mixed-white-black-caribbean', 'White and Black Caribbean', MIXED],
			['mixed-other', 'Any other Mixed or Multiple ethnic background', MIXED],
			['white-british', 'English, Welsh, Scottish, Northern Irish or British', WHITE],
			['white-irish', 'Irish', WHITE],
			['white-gypsy-traveller', 'Gypsy or Irish Traveller', WHITE],
			['white-roma', 'Roma', WHITE],
			['white-other', 'Any other White background', WHITE],
			['other-arab', 'Arab', OTHER],
			['other-any', 'Any other ethnic group', OTHER]
		])
	},
	{
		key: 'religion',
		legend: 'What is your religion?',
		options: options([
			['none', 'No religion'],
			['christian', 'Christian (all denominations)'],
			['buddhist', 'Buddhist'],
			['hindu', 'Hindu'],
			['jewish', 'Jewish'],
			['muslim', 'Muslim'],
			['sikh', 'Sikh'],
			['other', 'Any other religion']
		])
	},
	{
		key: 'sexualOrientation',
		legend: 'Which of the following best describes your sexual orientation?',
		options: options([
			['straight', 'Straight or heterosexual'],
			['gay-lesbian', 'Gay or lesbian'],
			['bisexual', 'Bisexual'],
			['other', 'Another sexual orientation']
		])
	},
	{
		key: 'disability',
		legend:
			'Do you have a condition or illness lasting 12 months or more that reduces your ability to do day-to-day things?',
		options: options([
			['yes-a-lot', 'Yes, a lot'],
			['yes-a-little', 'Yes, a little'],
			['no', 'No']
		])
	},
	{
		key: 'carer',
		legend:
			'Do you look after or help anyone because of a long-term condition, illness or problems related to old age?',
		hint: 'Unpaid care only',
		options: options([
			['no', 'No'],
			['up-to-9', 'Yes, 9 hours a week or less'],
			['10-19', 'Yes, 10 to 19 hours a week'],
			['20-34', 'Yes, 20 to 34 hours a week'],
			['35-49', 'Yes, 35 to 49 hours a week'],
			['50-plus', 'Yes, 50 or more hours a week']
		])
	}
];

function answerSchema(question: EqualityQuestion) {
	const values = question.options.map((option) => option.value) as [string, ...string[]];
	return z.enum(values).optional();
}

/** The answers of one person; a missing key is a question not answered. */
export const equalityAnswersSchema = z.strictObject(
	Object.fromEntries(EQUALITY_QUESTIONS.map((question) => [question.key, answerSchema(question)])) as Record<
		EqualityKey,
		z.ZodOptional<z.ZodEnum<Record<string, string>>>
	>
);
export type EqualityAnswers = Partial<Record<EqualityKey, string>>;

/** Counts under this are never shown. */
export const SMALL_COUNT = 5;

export interface FigureCell {
	value: string;
	label: string;
	/** null: hidden because it is small (or would let a small count be worked out). */
	count: number | null;
}

export interface QuestionFigures {
	key: EqualityKey;
	legend: string;
	cells: FigureCell[];
	/** Everyone counted: the number of sign-ups. */
	total: number;
}

export const NOT_ANSWERED = 'not-answered';

/**
 * Equality figures as counts only. A count from 1 to `minimum - 1` is hidden (primary suppression). When
 * exactly one count of a question is hidden, the next smallest non-zero count is hidden too (secondary
 * suppression), because the total is shown and the hidden one could otherwise be worked out by subtraction.
 * Zero is shown: it says nobody, which identifies nobody.
 */
export function equalityFigures(
	everyone: readonly EqualityAnswers[],
	minimum: number = SMALL_COUNT
): QuestionFigures[] {
	return EQUALITY_QUESTIONS.map((question) => {
		const counts = new Map<string, number>();
		for (const option of question.options) counts.set(option.value, 0);
		counts.set(NOT_ANSWERED, 0);
		for (const answers of everyone) {
			const answer = answers[question.key];
			const key = answer !== undefined && counts.has(answer) ? answer : NOT_ANSWERED;
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
		const labels = [...question.options, { value: NOT_ANSWERED, label: 'Not answered' }];
		const raw = labels.map((option) => ({ ...option, n: counts.get(option.value) ?? 0 }));
		const hidden = hiddenCounts(raw, minimum);
		return {
			key: question.key,
			legend: question.legend,
			total: everyone.length,
			cells: raw.map((cell) => ({
				value: cell.value,
				label: 'group' in cell && cell.group ? `${cell.group}: ${cell.label}` : cell.label,
				count: hidden.has(cell.value) ? null : cell.n
			}))
		};
	});
}

/**
 * The small-number rule of `equalityFigures`, for any counts shown beside their total: the values of the
 * cells to hide. A count from 1 to `minimum - 1` is hidden; when exactly one is, the next smallest non-zero
 * count is hidden too (ties: the value first in `localeCompare` order), so no hidden count can be worked
 * out by subtraction from the total. Zero is shown.
 */
export function hiddenCounts(
	cells: readonly { value: string; n: number }[],
	minimum: number = SMALL_COUNT
): Set<string> {
	const hidden = new Set(cells.filter((cell) => cell.n > 0 && cell.n < minimum).map((cell) => cell.value));
	if (hidden.size === 1) {
		const next = cells
			.filter((cell) => cell.n > 0 && !hidden.has(cell.value))
			.sort((a, b) => a.n - b.n || a.value.localeCompare(b.value))[0];
		if (next) hidden.add(next.value);
	}
	return hidden;
}
