import type { Desk } from './desk';
import { EVENT_LOCK_KEY, type EventLockRow } from './event-lock';
import type { EventRow } from './recruitment';

/** Event mode's reads: the lock on this device, and the events it may be started for today. No schemas. */

export function readEventLock(desk: Desk): Promise<EventLockRow | undefined> {
	return desk.getSetting<EventLockRow>(EVENT_LOCK_KEY);
}

/** Events on `date` (YYYY-MM-DD), by name: where a recruiter may start event mode today. */
export async function eventsOn(desk: Desk, date: string): Promise<EventRow[]> {
	const rows = await desk.events.where('date').equals(date).toArray();
	return rows.sort((a, b) => a.name.localeCompare(b.name));
}
