import {
	getLocale,
	getTextDirection,
	locales,
	overwriteGetLocale,
	setLocale,
	type Locale
} from '$lib/paraglide/runtime';

/**
 * The language of the app's own words. Text lives in messages/<locale>.json and is compiled by Paraglide
 * into `$lib/paraglide/messages` (one function a message, with plural rules); dates and numbers go through
 * `Intl` with `language.tag`.
 * Words from the domain, the store or the server arrive in English and go through `say`
 * (`$lib/domain-words.svelte`).
 */

/** A language named in itself ("English", "اردو"), as `Intl` knows it. */
function ownName(locale: Locale): string {
	return new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
}

/** Each language named in itself, for the switch; `tag` is the BCP 47 tag for `lang` and `Intl`. */
export const LANGUAGES: Record<Locale, { name: string; tag: string }> = {
	en: { name: ownName('en'), tag: 'en-GB' },
	ur: { name: ownName('ur'), tag: 'ur' }
};

/** The languages in the switch's order: English first, then the others as listed in project.inlang. */
export const LANGUAGE_CHOICES: readonly Locale[] = locales;

class Language {
	/** The language chosen on this device (kept in localStorage by Paraglide's strategy). */
	chosen = $state<Locale>(getLocale());

	/** The language the app's words are in now. */
	get locale(): Locale {
		return this.chosen;
	}

	get tag(): string {
		return LANGUAGES[this.locale].tag;
	}

	get dir(): 'ltr' | 'rtl' {
		return getTextDirection(this.locale);
	}

	/** Chooses the language on this device, without reloading the page (what was typed stays). */
	choose(locale: Locale): void {
		void setLocale(locale, { reload: false });
		this.chosen = locale;
	}
}

export const language = new Language();

// Every message function asks `getLocale()`: reading `language.locale`, a rune, makes text follow the switch.
overwriteGetLocale(() => language.locale);
