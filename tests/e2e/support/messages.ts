import { readFileSync } from 'node:fs';

/** The app's messages, read from the same files the app is built from (every area in project.inlang). */

type Variant = { match?: Record<string, string> };
type Message = string | Variant[];

const read = (path: string): unknown =>
	JSON.parse(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8'));

const patterns = (
	read('project.inlang/settings.json') as { 'plugin.inlang.messageFormat': { pathPattern: string[] } }
)['plugin.inlang.messageFormat'].pathPattern;

function messagesOf(locale: string): Record<string, Message> {
	return Object.assign(
		{},
		...patterns.map((pattern) => read(pattern.replace('./', '').replace('{locale}', locale)) as object)
	) as Record<string, Message>;
}

const urdu = messagesOf('ur');
const english = messagesOf('en');

/** One Urdu message without inputs, by its key. */
export function ur(key: string): string {
	const message = urdu[key];
	if (typeof message !== 'string') throw new Error(`The Urdu messages have no plain message ${key}`);
	return message;
}

/** Every form of a message: the text itself, or each plural form. */
const forms = (message: Message | undefined): string[] =>
	typeof message === 'string'
		? [message]
		: (message ?? []).flatMap((variant) => Object.values(variant.match ?? {}));

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The app's own English words, to look for on a page shown in Urdu. Each English message that is not the
 * same in Urdu (a name like Coproduce) and has two words or more, or is one word alone, gives a pattern for a whole text on the page, what fills its inputs
 * left open; its longer runs of words (five or more) are looked for inside texts too, for sentences a link
 * splits. People's own words (titles, names) may be English, and may hold a few of the app's words.
 */
export function englishWords(): { whole: RegExp[]; runs: string[] } {
	const whole: RegExp[] = [];
	const runs = new Set<string>();
	for (const [key, message] of Object.entries(english)) {
		if (key.startsWith('$')) continue;
		const inUrdu = forms(urdu[key]);
		for (const form of forms(message)) {
			// A message of one word counts only alone, with four letters or more ("Synced", not "No").
			if (inUrdu.includes(form) || !/[A-Za-z]{2,}\s+[A-Za-z]{2,}|^[A-Za-z]{4,}$/.test(form)) continue;
			const parts = form.split(/\{[^}]*\}/);
			whole.push(new RegExp(`^${parts.map((part) => escape(part.trim())).join('.+?')}$`, 's'));
			for (const part of parts)
				if (part.trim().split(/\s+/).length >= 5 && !inUrdu.some((u) => u.includes(part.trim())))
					runs.add(part.trim());
		}
	}
	return { whole, runs: [...runs] };
}
