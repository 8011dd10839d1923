/**
 * The easy-read words of the main journeys, written for people with a learning disability: short
 * sentences, everyday words, one idea a line, each with a picture. Written, not shortened by a machine:
 * change them with the same care (read them aloud; a line should make sense on its own), in every language.
 * Each line's words are a message (`easy_…`), read when the line is shown, so they follow the language.
 */
import { m } from '$lib/paraglide/messages';
import type { EasyIcon, EasyLine } from './icons';

/** A line whose words are read from `message` each time they are shown. */
function line(icon: EasyIcon, message: () => string): EasyLine {
	return {
		icon,
		get text() {
			return message();
		}
	};
}

export const EASY_SIGN_IN: readonly EasyLine[] = [
	line('key', m.easy_sign_in_1),
	line('person', m.easy_sign_in_2),
	line('lock', m.easy_sign_in_3),
	line('noSignal', m.easy_sign_in_4),
	line('question', m.easy_sign_in_5),
	line('question', m.easy_sign_in_6)
];

export function easyHome(name: string): EasyLine[] {
	return [
		line('hello', () => m.easy_home_hello({ name })),
		line('idea', m.easy_home_ideas),
		line('support', m.easy_home_support),
		line('people', m.easy_home_meetings),
		line('phone', m.easy_home_phone)
	];
}

const HOME_CARDS: Record<string, () => string> = {
	'/ideas': m.easy_card_ideas,
	'/visits': m.easy_card_visits,
	'/events': m.easy_card_events,
	'/meetings': m.easy_card_meetings,
	'/glossary': m.easy_card_glossary
};

/** Home's cards in easy read, by where they lead (each read when shown). */
export const EASY_HOME_CARDS: Readonly<Record<string, string>> = Object.defineProperties(
	{},
	Object.fromEntries(
		Object.entries(HOME_CARDS).map(([href, message]) => [href, { get: message, enumerable: true }])
	)
);

export const EASY_IDEAS: readonly EasyLine[] = [
	line('idea', m.easy_ideas_1),
	line('pen', m.easy_ideas_2),
	line('support', m.easy_ideas_3),
	line('search', m.easy_ideas_4)
];

export const EASY_IDEA: readonly EasyLine[] = [
	line('idea', m.easy_idea_1),
	line('support', m.easy_idea_2),
	line('talk', m.easy_idea_3),
	line('done', m.easy_idea_4)
];

export const EASY_MEETINGS: readonly EasyLine[] = [
	line('people', m.easy_meetings_1),
	line('calendar', m.easy_meetings_2),
	line('list', m.easy_meetings_3),
	line('add', m.easy_meetings_4),
	line('done', m.easy_meetings_5)
];

export const EASY_MEETING: readonly EasyLine[] = [
	line('calendar', m.easy_meeting_1),
	line('list', m.easy_meeting_2),
	line('add', m.easy_meeting_3),
	line('pen', m.easy_meeting_4),
	line('done', m.easy_meeting_5)
];

export const EASY_SIGNUP: readonly EasyLine[] = [
	line('hello', m.easy_signup_1),
	line('idea', m.easy_signup_2),
	line('pen', m.easy_signup_3),
	line('lock', m.easy_signup_4),
	line('done', m.easy_signup_5)
];

export const EASY_EQUALITY: readonly EasyLine[] = [
	line('question', m.easy_equality_1),
	line('people', m.easy_equality_2),
	line('done', m.easy_equality_3),
	line('lock', m.easy_equality_4)
];

export const EASY_THANKS: readonly EasyLine[] = [
	line('done', m.easy_thanks_1),
	line('talk', m.easy_thanks_2)
];
