import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';

/**
 * Words that reach the screen from outside the app's own screens — the domain's rules and validation
 * messages, the store's labels, the server's refusals — are written in English, since the domain and the
 * server serve everyone. `say` gives such a text in the language chosen: each one the app knows is a
 * message in messages/domain/, found here by its English words; a text it does not know stays as it came.
 */

type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

/** Every message in messages/domain/; its English must be the domain's, store's or server's words exactly. */
const OUTSIDE: readonly Message[] = [];

let byEnglish: Map<string, Message> | undefined;

/** `text` in the chosen language, if it is one of the outside words this app translates; else `text`. */
export function say(text: string): string {
	byEnglish ??= new Map(OUTSIDE.map((message) => [message({}, { locale: 'en' }), message]));
	return byEnglish.get(text)?.() ?? text;
}

/** Whether `text` is one of the outside words with a translation (for the coverage test). */
export function knowsOutsideWords(text: string): boolean {
	say('');
	return byEnglish?.has(text) ?? false;
}

void m;
