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

/**
 * English phrases of the app's own words, to look for on a page shown in Urdu: the parts of each English
 * message between its inputs that have two words or more and are not the same in Urdu (a name like
 * Coproduce, an example like name@example.com).
 */
export function englishPhrases(): string[] {
	const phrases = new Set<string>();
	for (const [key, message] of Object.entries(english)) {
		if (key.startsWith('$')) continue;
		const inUrdu = forms(urdu[key]).join('\n');
		for (const form of forms(message))
			for (const part of form.split(/\{[^}]*\}/))
				if (/[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(part) && !inUrdu.includes(part.trim()))
					phrases.add(part.trim());
	}
	return [...phrases];
}
