import type { PeopleNames } from '$lib/store/meeting-query';
import type { MeetingRow } from '$lib/store/meeting-rows';

const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long' });
const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/** "Monday 5 October 2026" */
export function meetingDay(iso: string): string {
	const at = new Date(iso);
	return `${weekday.format(at)} ${shortDay.format(at)}`;
}

/** The name an account's person goes by, or the account name when this device does not know it. */
export function personName(names: PeopleNames, account: string): string {
	return names.get(account) ?? account;
}

/** "18:20" */
export function clockTime(iso: string): string {
	return time.format(new Date(iso));
}

/** "Monday 5 October 2026, 18:00 to 20:00" */
export function meetingWhen(meeting: Pick<MeetingRow, 'startsAt' | 'durationMinutes'>): string {
	const end = new Date(Date.parse(meeting.startsAt) + meeting.durationMinutes * 60_000).toISOString();
	return `${meetingDay(meeting.startsAt)}, ${clockTime(meeting.startsAt)} to ${clockTime(end)}`;
}

/** A due date (YYYY-MM-DD) as "20 October 2026". */
export function dueDate(date: string): string {
	return shortDay.format(new Date(`${date}T12:00:00`));
}

/** The local time of a moment as HH:MM, for a time input. */
export function timeInputValue(iso: string): string {
	const at = new Date(iso);
	return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}
