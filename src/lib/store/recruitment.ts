import type { EventKind, InboxEntry, KeyringEntry, PublicJwk, SealedSignup, SignupStatus } from '$lib/domain';
import type { Desk } from './desk';

/** An event, projected from the ledger. */
export interface EventRow {
	id: string;
	rev: string;
	name: string;
	date: string;
	place: string;
	kind: EventKind;
	communities: string[];
	author: string;
	createdAt: string;
	updatedAt: string;
	conflicts: string[];
}

/** A coordinator's public sign-up key, projected from the ledger: what this device seals sign-ups for. */
export interface CoordinatorKeyRow {
	id: string;
	keyId: string;
	publicKey: PublicJwk;
	coordinatorName: string;
	author: string;
	createdAt: string;
}

/** A sealed sign-up waiting to be delivered. Ciphertext only: nothing here can be read on this device. */
export interface OutboxRow {
	id: string;
	eventId: string;
	sealed: SealedSignup;
	createdAt: string;
	attempts: number;
	/** Set when the server refused it (it stays here, visible, until someone deals with it). */
	refused?: string;
}

/** A sign-up this device delivered: its id, event and time, nothing about the person. For counts. */
export interface SentSignupRow {
	id: string;
	eventId: string;
	sentAt: string;
}

/** A sealed sign-up in a coordinator's inbox, as last read from the server (ciphertext, status). */
export interface InboxRow extends InboxEntry {
	eventId: string;
}

/** A coordinator's own passphrase-protected private key, kept on their device so it unlocks offline. */
export type KeyringRow = KeyringEntry;

/** Dexie stores of the recruitment tables (merged into the desk's schema). */
export const RECRUITMENT_STORES = {
	events: 'id, date',
	coordinatorKeys: 'id, keyId, author',
	outbox: 'id, eventId, createdAt',
	sentSignups: 'id, eventId',
	inbox: 'id, eventId, status, receivedAt',
	keyring: 'keyId, owner'
} as const;

/** Puts a sealed sign-up in the outbox. */
export async function enqueueSignup(desk: Desk, sealed: SealedSignup): Promise<void> {
	await desk.outbox.add({
		id: sealed.id,
		eventId: sealed.eventId,
		sealed,
		createdAt: new Date().toISOString(),
		attempts: 0
	});
}

/** The server holds it: the outbox entry goes and only a line in the sent log stays (one transaction). */
export async function markDelivered(desk: Desk, id: string): Promise<void> {
	await desk.transaction('rw', desk.outbox, desk.sentSignups, async () => {
		const row = await desk.outbox.get(id);
		if (!row) return;
		await desk.sentSignups.put({ id, eventId: row.eventId, sentAt: new Date().toISOString() });
		await desk.outbox.delete(id);
	});
}

export interface EventSignupCounts {
	/** Collected on this device and delivered. */
	sent: number;
	/** Collected on this device, sealed, not delivered yet. */
	waiting: number;
	/** In the coordinator's inbox copy on this device. */
	received: number;
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
		const entry = counts.get(eventId) ?? { sent: 0, waiting: 0, received: 0 };
		entry[field] += 1;
		counts.set(eventId, entry);
	};
	for (const row of sent) bump(row.eventId, 'sent');
	for (const row of waiting) bump(row.eventId, 'waiting');
	for (const row of received) bump(row.eventId, 'received');
	return counts;
}

/** Replaces the inbox copy with what the server holds now (deleted sign-ups disappear here too). */
export async function replaceInbox(desk: Desk, entries: readonly InboxEntry[]): Promise<void> {
	await desk.transaction('rw', desk.inbox, async () => {
		await desk.inbox.clear();
		await desk.inbox.bulkPut(entries.map((entry) => ({ ...entry, eventId: entry.sealed.eventId })));
	});
}

export async function updateInboxStatus(
	desk: Desk,
	id: string,
	change: { status: SignupStatus; statusBy: string; statusAt: string; account?: string }
): Promise<void> {
	await desk.inbox.update(id, change);
}
