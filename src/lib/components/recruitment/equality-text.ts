import {
	EQUALITY_QUESTIONS,
	NOT_ANSWERED,
	type EqualityKey,
	type EqualityOption,
	type EqualityQuestion
} from '$lib/domain';
import { m } from '$lib/paraglide/messages';

/**
 * The equality questions in the person's language. The domain keeps the English labels (the figures and
 * reports use them); the questions a person answers are told by key and value:
 * `equality_<key>_legend`, `equality_<key>_hint`, `equality_<key>_<value>` and `equality_group_<group>`,
 * with `-` as `_` (equality-text.test.ts checks that every one exists in every language).
 */

// These messages take no inputs; a message that needs inputs is never looked up here.
const messages: Readonly<Record<string, ((...inputs: never[]) => string) | undefined>> = m;

function message(id: string): string {
	const text = messages[id];
	if (!text) throw new Error(`There is no message ${id}`);
	return text();
}

const id = (value: string) => value.replaceAll('-', '_');

export const equalityLegend = (question: Pick<EqualityQuestion, 'key'>) =>
	message(`equality_${question.key}_legend`);

export const equalityHint = (question: EqualityQuestion) =>
	question.hint === undefined ? undefined : message(`equality_${question.key}_hint`);

export const equalityOption = (question: EqualityQuestion, option: EqualityOption) =>
	message(`equality_${question.key}_${id(option.value)}`);

/** The census group of an option ("Asian, Asian British or Asian Welsh"), named by its value's first word. */
export const equalityGroup = (option: EqualityOption) =>
	option.group === undefined ? undefined : message(`equality_group_${option.value.split('-')[0]}`);

/** An answer in the equality figures (`equalityFigures`): "Group: answer" for an ethnic group, or "Not answered". */
export function equalityAnswer(key: EqualityKey, value: string): string {
	if (value === NOT_ANSWERED) return m.equality_not_answered();
	const answer = message(`equality_${key}_${id(value)}`);
	const option = EQUALITY_QUESTIONS.find((question) => question.key === key)?.options.find(
		(candidate) => candidate.value === value
	);
	const group = option && equalityGroup(option);
	return group === undefined ? answer : m.ppl_equality_grouped({ group, answer });
}
