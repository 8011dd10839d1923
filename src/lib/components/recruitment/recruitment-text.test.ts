import { describe, expect, it } from 'vitest';
import {
	equalityFigures,
	EVENT_KIND_LABELS,
	EVENT_KINDS,
	SIGNUP_STATUS_LABELS,
	type SignupStatus
} from '$lib/domain';
import { equalityAnswer, equalityLegend } from './equality-text';
import { eventKindLabel, signupStatusLabel } from './recruitment-text';

// The app's words in English are the domain's labels, word for word (the figures and reports use those).
describe('recruitment words in English', () => {
	it('names each kind of event and state of a sign-up as the domain does', () => {
		for (const kind of EVENT_KINDS) expect(eventKindLabel(kind)).toBe(EVENT_KIND_LABELS[kind]);
		for (const status of Object.keys(SIGNUP_STATUS_LABELS) as SignupStatus[]) {
			expect(signupStatusLabel(status)).toBe(SIGNUP_STATUS_LABELS[status]);
		}
	});

	it('tells every row of the equality figures as the domain does, census group first', () => {
		for (const question of equalityFigures([])) {
			expect(equalityLegend(question)).toBe(question.legend);
			for (const cell of question.cells) expect(equalityAnswer(question.key, cell.value)).toBe(cell.label);
		}
	});
});
