import { language } from '$lib/i18n.svelte';
import { baseLocale } from '$lib/paraglide/runtime';
import { reportProblem } from '$lib/report';

/**
 * Words that reach the screen from outside the app's own screens — the domain's validation messages and
 * rules, the store's names for documents, the sync engine's and the server's answers — are written in
 * English, since the domain and the server serve everyone. `say` gives such a text in the language chosen.
 * Its dictionary (outside-words.ts, some 700 messages) is loaded only once another language is chosen, so
 * English pages never carry it; until it arrives the text shows as it came, and then follows.
 */

type Dictionary = { translate(text: string): string };

let dictionary = $state<Dictionary | undefined>();
let loading: Promise<void> | undefined;

async function fetchDictionary(): Promise<void> {
	try {
		dictionary = await import('./outside-words');
	} catch (error) {
		loading = undefined;
		reportProblem('the translations of the app’s other words could not be loaded', error);
	}
}

/** Loads the dictionary (once; again after a failure). */
export function loadOutsideWords(): Promise<void> {
	loading ??= fetchDictionary();
	return loading;
}

/** `text` in the chosen language, if it is one of the outside words this app translates; else `text`. */
export function say(text: string): string {
	if (language.locale === baseLocale) return text;
	if (!dictionary) {
		void loadOutsideWords();
		return text;
	}
	return dictionary.translate(text);
}
