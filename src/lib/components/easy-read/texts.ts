/**
 * The easy-read words of the main journeys, written for people with a learning disability: short
 * sentences, everyday words, one idea a line, each with a picture. Written, not shortened by a machine:
 * change them with the same care (read them aloud; a line should make sense on its own).
 */
import type { EasyLine } from './icons';

export const EASY_SIGN_IN: readonly EasyLine[] = [
	{ icon: 'key', text: 'Sign in to use Coproduce.' },
	{ icon: 'person', text: 'Type your user name. Your coordinator gave it to you.' },
	{ icon: 'lock', text: 'Type your password. Do not tell anyone your password.' },
	{ icon: 'noSignal', text: 'You need the internet the first time only. Then it works with no signal.' },
	{ icon: 'question', text: 'No user name yet? Ask your coordinator.' },
	{ icon: 'question', text: 'Forgot your password? Ask your coordinator for a new one.' }
];

export function easyHome(name: string): EasyLine[] {
	return [
		{ icon: 'hello', text: `Hello, ${name}.` },
		{ icon: 'idea', text: 'Tell us your ideas to make health services better.' },
		{ icon: 'support', text: 'Read other people’s ideas. Say if you agree.' },
		{ icon: 'people', text: 'Go to meetings. See what was agreed.' },
		{ icon: 'phone', text: 'Your work is kept on this phone, even with no signal.' }
	];
}

/** Home's cards in easy read, by where they lead. */
export const EASY_HOME_CARDS: Readonly<Record<string, string>> = {
	'/ideas': 'Read ideas and share your own.',
	'/visits': 'Visits to hospitals and ambulance stations.',
	'/events': 'Events where we meet new people.',
	'/meetings': 'Meetings, and what was agreed.',
	'/glossary': 'What short words like EOC mean.'
};

export const EASY_IDEAS: readonly EasyLine[] = [
	{ icon: 'idea', text: 'An idea is a way to make a service better.' },
	{ icon: 'pen', text: 'Press “Share an idea” to tell us your idea.' },
	{ icon: 'support', text: 'Press an idea to read it. You can say you agree.' },
	{ icon: 'search', text: 'Look for an idea: type a word in the search box.' }
];

export const EASY_IDEA: readonly EasyLine[] = [
	{ icon: 'idea', text: 'This page is about one idea.' },
	{ icon: 'support', text: 'Do you agree with it? Press “Support this idea”.' },
	{ icon: 'talk', text: 'Want to say something? Write a comment at the bottom of the page.' },
	{ icon: 'done', text: 'When something is done about the idea, it says so here.' }
];

export const EASY_MEETINGS: readonly EasyLine[] = [
	{ icon: 'people', text: 'Members meet in groups to talk about health services.' },
	{ icon: 'calendar', text: 'Here you can see when the next meetings are.' },
	{ icon: 'list', text: 'The agenda is the list of things to talk about at a meeting.' },
	{ icon: 'add', text: 'You can ask for something to go on the agenda.' },
	{ icon: 'done', text: 'After a meeting you can read what was agreed. This is called the minutes.' }
];

export const EASY_MEETING: readonly EasyLine[] = [
	{ icon: 'calendar', text: 'This page is about one meeting: when and where it is.' },
	{ icon: 'list', text: 'The agenda says what the meeting will talk about.' },
	{ icon: 'add', text: 'Want something talked about? Write it in the box, then press “Propose this item”.' },
	{ icon: 'pen', text: 'At the meeting, people write notes together.' },
	{ icon: 'done', text: 'The minutes say what was agreed. Read them after the meeting.' }
];

export const EASY_SIGNUP: readonly EasyLine[] = [
	{ icon: 'hello', text: 'Join our group of patients and local people.' },
	{ icon: 'idea', text: 'We help make ambulance and health services better.' },
	{ icon: 'pen', text: 'Tell us your name, and how we can contact you.' },
	{ icon: 'lock', text: 'We keep your details safe. Only our coordinators can read them.' },
	{ icon: 'done', text: 'Tick the 2 boxes to say you agree. Then press “Continue”.' }
];

export const EASY_EQUALITY: readonly EasyLine[] = [
	{ icon: 'question', text: 'These questions are about you, like your age.' },
	{ icon: 'people', text: 'They help us check we hear from all kinds of people.' },
	{ icon: 'done', text: 'You do not have to answer. You can skip any question.' },
	{ icon: 'lock', text: 'Only our coordinators can read your answers.' }
];

export const EASY_THANKS: readonly EasyLine[] = [
	{ icon: 'done', text: 'Thank you for joining.' },
	{ icon: 'talk', text: 'A coordinator will contact you soon.' }
];

/** The hint of every field where a person writes an easy-read version (of an outcome, a project, minutes). */
export const EASY_READ_HINT =
	'Short sentences and everyday words, one idea a line, for people who chose easy read. They see it first.';
