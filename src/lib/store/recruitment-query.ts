import { calendarDate, isUpcoming } from '$lib/domain';
import type { Desk } from './desk';
import type { CoordinatorKeyRow, EventRow, InboxRow, KeyringRow, OutboxRow } from './recruitment';

/**
 * Reading recruitment from the desk, on the device: events with their sign-up counts, one event with the
 * keys sign-ups are sealed for, the coordinator's inbox copy and keyring. Counts never name anyone.
 */

export interface EventSignupCounts {
	/** Collected on this device and delivered. */
	sent: number;
	/** Collected on this device, sealed, not delivered yet. */
	waiting: number;
	/** In the coordinator's inbox copy on this device. */
	received: number;
}

const NO_COUNTS: EventSignupCounts = { sent: 0, waiting: 0, received: 0 };

export interface EventItem {
	row: EventRow;
	counts: EventSignupCounts;
}

export interface EventLists {
	upcoming: EventItem[];
	past: EventItem[];
}

export interface EventView {
	row: EventRow;
	counts: EventSignupCounts;
	keys: CoordinatorKeyRow[];
	/** Sign-ups collected here that the server refused: they wait, sealed, for someone to decide. */
	refused: OutboxRow[];
}

export async function signupCounts(desk: Desk, eventId: string): Promise<EventSignupCounts> {
	const [sent, waiting, received] = await Promise.all([
		desk.sentSignups.where('eventId').equals(eventId).count(),
		desk.outbox.where('eventId').equals(eventId).count(),
		desk.inbox.where('eventId').equals(eventId).count()
	]);
	return { sent, waiting, received };
}

/** Sign-ups collected for an event that the server refused (they stay in the outbox, marked). */
export function refusedSignups(desk: Desk, eventId: string): Promise<OutboxRow[]> {
	return desk.outbox
		.where('eventId')
		.equals(eventId)
		.filter((row) => !!row.refused)
		.toArray();
}

/** Counts for every event at once: eventId → counts. */
export async function allSignupCounts(desk: Desk): Promise<Map<string, EventSignupCounts>> {
	const [sent, waiting, received] = await Promise.all([
		desk.sentSignups.toArray(),
		desk.outbox.toArray(),
		desk.inbox.toArray()
	]);
	const counts = new Map<string, EventSignupCounts>();
	const bump = (eventId: string, field: keyof EventSignupCounts) => {
		const entry = counts.get(eventId) ?? { ...NO_COUNTS };
		entry[field] += 1;
		counts.set(eventId, entry);
	};
	for (const row of sent) bump(row.eventId, 'sent');
	for (const row of waiting) bump(row.eventId, 'waiting');
	for (const row of received) bump(row.eventId, 'received');
	return counts;
}

/** Upcoming events soonest first, then past events latest first, each with its sign-up counts. */
export async function loadEvents(desk: Desk, now = Date.now()): Promise<EventLists> {
	const [rows, counts] = await Promise.all([desk.events.orderBy('date').toArray(), allSignupCounts(desk)]);
	const today = calendarDate(now);
	const items = rows.map((row) => ({ row, counts: counts.get(row.id) ?? NO_COUNTS }));
	return {
		upcoming: items.filter((item) => isUpcoming(item.row.date, today)),
		past: items.filter((item) => !isUpcoming(item.row.date, today)).reverse()
	};
}

/** One event with its counts, the coordinators' keys sign-ups would be sealed for and refused sign-ups. */
export async function loadEventView(desk: Desk, eventId: string): Promise<EventView | undefined> {
	const row = await desk.events.get(eventId);
	if (!row) return undefined;
	const [counts, keys, refused] = await Promise.all([
		signupCounts(desk, eventId),
		desk.coordinatorKeys.toArray(),
		refusedSignups(desk, eventId)
	]);
	return { row, counts, keys, refused };
}

/** The coordinator's inbox copy, newest first. */
export async function loadInbox(desk: Desk): Promise<InboxRow[]> {
	return (await desk.inbox.orderBy('receivedAt').toArray()).reverse();
}

/** Every event's name by id (an inbox names the event each sign-up came from). */
export async function loadEventNames(desk: Desk): Promise<Record<string, string>> {
	return Object.fromEntries((await desk.events.toArray()).map((event) => [event.id, event.name]));
}

/** A coordinator's own protected keys, as kept on this device. */
export function loadKeyring(desk: Desk, owner: string): Promise<KeyringRow[]> {
	return desk.keyring.where('owner').equals(owner).toArray();
}
