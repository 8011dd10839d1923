import type { EqualityOption, EqualityQuestion } from '$lib/domain';
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

export const equalityLegend = (question: EqualityQuestion) => message(`equality_${question.key}_legend`);

export const equalityHint = (question: EqualityQuestion) =>
	question.hint === undefined ? undefined : message(`equality_${question.key}_hint`);

export const equalityOption = (question: EqualityQuestion, option: EqualityOption) =>
	message(`equality_${question.key}_${id(option.value)}`);

/** The census group of an option ("Asian, Asian British or Asian Welsh"), named by its value's first word. */
export const equalityGroup = (option: EqualityOption) =>
	option.group === undefined ? undefined : message(`equality_group_${option.value.split('-')[0]}`);
