import { formatter, longDate } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import type { PeopleNames } from '$lib/store/meeting-query';
import type { MeetingRow } from '$lib/store/meeting-rows';

const weekday = formatter((tag) => new Intl.DateTimeFormat(tag, { weekday: 'long' }));
/** On the 24-hour clock in every language, as meetings are set ("18:30"), with no "PM" to translate. */
const time = formatter(
	(tag) => new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
);

/** "Monday 5 October 2026" */
export function meetingDay(iso: string): string {
	return `${weekday().format(new Date(iso))} ${longDate(iso)}`;
}

/** The name an account's person goes by, or the account name when this device does not know it. */
export function personName(names: PeopleNames, account: string): string {
	return names.get(account) ?? account;
}

/** "18:20" */
export function clockTime(iso: string): string {
	return time().format(new Date(iso));
}

/** "Monday 5 October 2026, 18:00 to 20:00" */
export function meetingWhen(meeting: Pick<MeetingRow, 'startsAt' | 'durationMinutes'>): string {
	const end = new Date(Date.parse(meeting.startsAt) + meeting.durationMinutes * 60_000).toISOString();
	return m.mtg_when({
		day: meetingDay(meeting.startsAt),
		start: clockTime(meeting.startsAt),
		end: clockTime(end)
	});
}

/** A due date (YYYY-MM-DD) as "20 October 2026". */
export function dueDate(date: string): string {
	return longDate(`${date}T12:00:00`);
}

/** The local time of a moment as HH:MM, for a time input. */
export function timeInputValue(iso: string): string {
	const at = new Date(iso);
	return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}
