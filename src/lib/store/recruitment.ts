import type { EventKind, InboxEntry, KeyringEntry, PublicJwk, SealedSignup, SignupStatus } from '$lib/domain';
import type { Desk } from './desk';

/**
 * Recruitment's rows in the desk and the writes to its local tables: the outbox of sealed sign-ups, the
 * sent log, a coordinator's inbox copy and keyring. Reads are in recruitment-query.ts.
 */

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

/** A sign-up deleted for good: its copy on this device goes too. */
export async function removeFromInbox(desk: Desk, id: string): Promise<void> {
	await desk.inbox.delete(id);
}

/** Replaces the device's copy of `owner`'s protected keys with what the server holds. */
export async function replaceKeyring(
	desk: Desk,
	owner: string,
	entries: readonly KeyringRow[]
): Promise<void> {
	await desk.transaction('rw', desk.keyring, async () => {
		await desk.keyring.where('owner').equals(owner).delete();
		await desk.keyring.bulkPut([...entries]);
	});
}

/** Keeps a new protected key on this device, so it unlocks offline. */
export async function keepKeyringEntry(desk: Desk, entry: KeyringRow): Promise<void> {
	await desk.keyring.put(entry);
}
