import { localDate } from '$lib/domain/meeting-logic';

const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const date = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const dateTime = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'short',
	hour: '2-digit',
	minute: '2-digit'
});
/** One formatter for counts ("10,008"): `toLocaleString('en-GB')` sets one up on every call, which lists feel. */
const whole = new Intl.NumberFormat('en-GB');

/** "14:05" today, otherwise "3 Nov, 14:05". */
export function when(iso: string, now: Date = new Date()): string {
	const at = new Date(iso);
	return at.toDateString() === now.toDateString() ? time.format(at) : dateTime.format(at);
}

export function longDate(iso: string): string {
	return date.format(new Date(iso));
}

export function formatCount(n: number): string {
	return whole.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
	return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** The current time as an ISO string (documents and the desk store times this way). */
export function nowIso(): string {
	return new Date().toISOString();
}

/** Today's calendar date where the device is (`YYYY-MM-DD`, as due dates are written). */
export function today(): string {
	return localDate(nowIso());
}
