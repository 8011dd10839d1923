import { localDate } from '$lib/domain/meeting-logic';
import { language } from '$lib/i18n.svelte';

/**
 * Dates, times and counts in the language chosen (`Intl` with `language.tag`). Setting up an `Intl`
 * formatter is slow enough for lists to feel, so each is made once a language.
 */
export function formatter<T>(make: (tag: string) => T): () => T {
	const made = new Map<string, T>();
	return () => {
		const tag = language.tag;
		let one = made.get(tag);
		if (!one) made.set(tag, (one = make(tag)));
		return one;
	};
}

const time = formatter(
	(tag) => new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
);
const date = formatter(
	(tag) => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric' })
);
const dateTime = formatter(
	(tag) =>
		new Intl.DateTimeFormat(tag, {
			day: 'numeric',
			month: 'short',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23'
		})
);
const whole = formatter((tag) => new Intl.NumberFormat(tag));

/** "14:05" today, otherwise "3 Nov, 14:05". */
export function when(iso: string, now: Date = new Date()): string {
	const at = new Date(iso);
	return at.toDateString() === now.toDateString() ? time().format(at) : dateTime().format(at);
}

export function longDate(iso: string): string {
	return date().format(new Date(iso));
}

const list = formatter((tag) => new Intl.ListFormat(tag, { type: 'unit', style: 'short' }));

/** Words one after another the language's way: "Monday, Tuesday" in English, "a، b" in Urdu. */
export function listed(items: readonly string[]): string {
	return list().format(items);
}

export function formatCount(n: number): string {
	return whole().format(n);
}

/** The current time as an ISO string (documents and the desk store times this way). */
export function nowIso(): string {
	return new Date().toISOString();
}

/** Today's calendar date where the device is (`YYYY-MM-DD`, as due dates are written). */
export function today(): string {
	return localDate(nowIso());
}
