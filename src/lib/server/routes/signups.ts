import express from 'express';
import type { Request, Response, Router } from 'express';
import type { DatabaseName } from '../domain/accounts';
import { keyringUploadSchema, type KeyringEntry } from '../domain/coordinator-key';
import { describeIssues } from '../domain/documents';
import { keyIdOf, keyIdSchema } from '../domain/sealing';
import {
	inboxEntrySchema,
	sealedSignupSchema,
	SIGNUP_BODY_MAX,
	signupStatusChangeSchema,
	type InboxEntry,
	type SealedSignup,
	type SignupStatus
} from '../domain/signup';
import type { Account } from './accounts';
import type { StoredDoc } from './couch';
import type { GatewayContext } from './context';
import { handle, jsonBody, sendError, sessionToken } from './http';
import { mayReadSignups, maySendSignups } from './policy';
import { isRecord } from './writes';

const SIGNUPS: DatabaseName = 'signups';
const SIGNUP_ID = /^signup:[0-9A-HJKMNP-TV-Z]{26}$/;
const RETRIES = 3;

/** A sealed sign-up as the `signups` database stores it. */
export interface StoredSignup extends StoredDoc {
	type: 'signup';
	schemaVersion: 1;
	sealed: SealedSignup;
	/** The account that delivered it (always its `collectedBy`). */
	submittedBy: string;
	receivedAt: string;
	status: SignupStatus;
	statusBy?: string;
	statusAt?: string;
	account?: string;
}

interface StoredKeyring extends StoredDoc, KeyringEntry {
	type: 'keyring';
}

export function keyringDocId(keyId: string): string {
	return `keyring:${keyId}`;
}

/** Sorted-key JSON, so two copies of one envelope compare equal whatever their key order. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (isRecord(value)) {
		const keys = Object.keys(value).sort();
		return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/** JSON bodies up to SIGNUP_BODY_MAX; larger ones get 413 with a plain reason. */
const smallJson = jsonBody(SIGNUP_BODY_MAX, `A sign-up can be at most ${SIGNUP_BODY_MAX}`);

function entryOf(doc: StoredSignup): InboxEntry | undefined {
	const parsed = inboxEntrySchema.safeParse({
		id: doc._id,
		sealed: doc.sealed,
		receivedAt: doc.receivedAt,
		status: doc.status,
		...(doc.statusBy ? { statusBy: doc.statusBy } : {}),
		...(doc.statusAt ? { statusAt: doc.statusAt } : {}),
		...(doc.account ? { account: doc.account } : {})
	});
	return parsed.success ? parsed.data : undefined;
}

/**
 * The write-only sign-up inbox and coordinators' keyrings, in the `signups` database (reached only through
 * the gateway's own backend client, never through `/db` writes):
 * - `PUT /signups/:id`: deliver a sealed sign-up (any active account; idempotent; only your own)
 * - `GET /signups`, `GET /signups/:id`: read sealed sign-ups (coordinators)
 * - `PATCH /signups/:id`: mark contacted, joined or declined (coordinators)
 * - `DELETE /signups/:id`: delete a sign-up for good (coordinators)
 * - `PUT /keyring/:keyId`, `GET /keyring`: a coordinator's own passphrase-protected private keys
 */
export function signupsRouter(ctx: GatewayContext): Router {
	const router = express.Router();
	const db = ctx.names.backendName(SIGNUPS);

	async function account(req: Request, res: Response): Promise<Account | undefined> {
		const session = await ctx.sessions.resolve(sessionToken(req));
		if (!session) {
			sendError(res, 401, 'unauthorized', 'You are not signed in');
			return undefined;
		}
		return session.account;
	}

	async function coordinator(req: Request, res: Response): Promise<Account | undefined> {
		const caller = await account(req, res);
		if (!caller) return undefined;
		if (!mayReadSignups(caller)) {
			sendError(res, 403, 'forbidden', 'Only coordinators can read sign-ups');
			return undefined;
		}
		return caller;
	}

	/** The sign-up's `:id`, or undefined after answering 404. */
	function signupId(req: Request, res: Response): string | undefined {
		const id = String(req.params.id ?? '');
		if (SIGNUP_ID.test(id)) return id;
		sendError(res, 404, 'not_found', 'There is no such sign-up');
		return undefined;
	}

	/** Whether the id was ever used (a deleted sign-up leaves a tombstone). */
	async function tombstoned(id: string): Promise<boolean> {
		const [row] = await ctx.couch.allDocsByKeys<StoredSignup>(db, [id]);
		return row?.value?.deleted === true;
	}

	router.put(
		'/signups/:id',
		smallJson,
		handle(async (req, res) => {
			const caller = await account(req, res);
			if (!caller) return;
			if (!maySendSignups(caller)) {
				sendError(res, 403, 'forbidden', 'Your account cannot send sign-ups');
				return;
			}
			const id = signupId(req, res);
			if (!id) return;
			const parsed = sealedSignupSchema.safeParse(req.body);
			if (!parsed.success) {
				sendError(res, 400, 'bad_request', `Not a sealed sign-up: ${describeIssues(parsed.error.issues)}`);
				return;
			}
			const sealed = parsed.data;
			if (sealed.id !== id) {
				sendError(res, 400, 'bad_request', 'The sign-up id does not match the address');
				return;
			}
			if (sealed.collectedBy !== caller.name) {
				sendError(res, 403, 'forbidden', 'You can only send sign-ups you collected');
				return;
			}
			for (let attempt = 0; attempt < RETRIES; attempt++) {
				const existing = await ctx.couch.get<StoredSignup>(db, id);
				if (existing) {
					if (canonical(existing.sealed) === canonical(sealed)) {
						res.status(200).json({ ok: true, id, received: existing.receivedAt });
					} else {
						sendError(res, 409, 'conflict', 'A different sign-up already has this id');
					}
					return;
				}
				// Deleted for good at someone's request: a late copy from a phone must not bring it back.
				if (await tombstoned(id)) {
					res.status(200).json({ ok: true, id, deleted: true });
					return;
				}
				const receivedAt = new Date().toISOString();
				const doc: StoredSignup = {
					_id: id,
					type: 'signup',
					schemaVersion: 1,
					sealed,
					submittedBy: caller.name,
					receivedAt,
					status: 'new'
				};
				if (await ctx.couch.put(db, doc)) {
					res.status(201).json({ ok: true, id, received: receivedAt });
					return;
				}
				// Two copies arrived at once: look again.
			}
			sendError(res, 409, 'conflict', 'This sign-up is being changed by someone else. Try again.');
		})
	);

	router.get(
		'/signups',
		handle(async (req, res) => {
			if (!(await coordinator(req, res))) return;
			const rows = await ctx.couch.allDocsWithPrefix<StoredSignup>(db, 'signup:');
			const entries: InboxEntry[] = [];
			for (const row of rows) {
				const entry = row.doc ? entryOf(row.doc) : undefined;
				if (entry) entries.push(entry);
				else if (row.doc) ctx.log(`Skipped a stored sign-up that is not valid: ${row.id ?? row.key}`);
			}
			res.json(entries);
		})
	);

	router.get(
		'/signups/:id',
		handle(async (req, res) => {
			if (!(await coordinator(req, res))) return;
			const id = signupId(req, res);
			if (!id) return;
			const doc = await ctx.couch.get<StoredSignup>(db, id);
			const entry = doc ? entryOf(doc) : undefined;
			if (!entry) return sendError(res, 404, 'not_found', 'There is no such sign-up');
			res.json(entry);
		})
	);

	router.patch(
		'/signups/:id',
		smallJson,
		handle(async (req, res) => {
			const caller = await coordinator(req, res);
			if (!caller) return;
			const id = signupId(req, res);
			if (!id) return;
			const parsed = signupStatusChangeSchema.safeParse(req.body);
			if (!parsed.success) {
				sendError(res, 400, 'bad_request', describeIssues(parsed.error.issues));
				return;
			}
			for (let attempt = 0; attempt < RETRIES; attempt++) {
				const doc = await ctx.couch.get<StoredSignup>(db, id);
				if (!doc) return sendError(res, 404, 'not_found', 'There is no such sign-up');
				const changed: StoredSignup = {
					...doc,
					status: parsed.data.status,
					statusBy: caller.name,
					statusAt: new Date().toISOString()
				};
				if (parsed.data.account) changed.account = parsed.data.account;
				if (await ctx.couch.put(db, changed)) {
					ctx.log(`${caller.name} marked the sign-up ${id} as ${parsed.data.status}`);
					res.json(entryOf(changed));
					return;
				}
			}
			sendError(res, 409, 'conflict', 'This sign-up is being changed by someone else. Try again.');
		})
	);

	router.delete(
		'/signups/:id',
		handle(async (req, res) => {
			const caller = await coordinator(req, res);
			if (!caller) return;
			const id = signupId(req, res);
			if (!id) return;
			for (let attempt = 0; attempt < RETRIES; attempt++) {
				const doc = await ctx.couch.get<StoredSignup>(db, id);
				if (!doc?._rev) return sendError(res, 404, 'not_found', 'There is no such sign-up');
				if (!(await ctx.couch.remove(db, id, doc._rev))) continue;
				// The deletion leaves a tombstone (id and revision history, no content). Compaction drops the
				// bodies of earlier revisions, so the sealed content is gone from the database files too.
				const compacted = await ctx.couch.request('POST', ctx.couch.url(db, '_compact'), {});
				if (!compacted.ok) ctx.log(`Could not compact ${db} after a deletion: ${compacted.status}`);
				ctx.log(`${caller.name} deleted the sign-up ${id} for good`);
				res.status(204).end();
				return;
			}
			sendError(res, 409, 'conflict', 'This sign-up is being changed by someone else. Try again.');
		})
	);

	router.put(
		'/keyring/:keyId',
		smallJson,
		handle(async (req, res) => {
			const caller = await coordinator(req, res);
			if (!caller) return;
			const keyId = keyIdSchema.safeParse(req.params.keyId);
			const parsed = keyringUploadSchema.safeParse(req.body);
			if (!keyId.success || !parsed.success) {
				const reason = parsed.success ? 'Not a key id' : describeIssues(parsed.error.issues);
				sendError(res, 400, 'bad_request', `Not a protected key: ${reason}`);
				return;
			}
			const { publicKey, protectedKey } = parsed.data;
			if ((await keyIdOf(publicKey)) !== keyId.data || protectedKey.keyId !== keyId.data) {
				sendError(res, 400, 'bad_request', 'The key id does not match the key');
				return;
			}
			const id = keyringDocId(keyId.data);
			const existing = await ctx.couch.get<StoredKeyring>(db, id);
			if (existing && existing.owner !== caller.name) {
				sendError(res, 409, 'conflict', 'This key belongs to another coordinator');
				return;
			}
			const doc: StoredKeyring = {
				_id: id,
				...(existing?._rev ? { _rev: existing._rev } : {}),
				type: 'keyring',
				keyId: keyId.data,
				owner: caller.name,
				publicKey,
				protectedKey,
				createdAt: existing?.createdAt ?? new Date().toISOString()
			};
			if (!(await ctx.couch.put(db, doc))) {
				sendError(res, 409, 'conflict', 'This key was changed at the same time. Try again.');
				return;
			}
			ctx.log(`${caller.name} stored the sign-up key ${keyId.data}`);
			res.status(existing ? 200 : 201).json({ ok: true, keyId: keyId.data });
		})
	);

	router.get(
		'/keyring',
		handle(async (req, res) => {
			const caller = await coordinator(req, res);
			if (!caller) return;
			const rows = await ctx.couch.allDocsWithPrefix<StoredKeyring>(db, 'keyring:');
			const own = rows.flatMap((row) =>
				row.doc && row.doc.owner === caller.name
					? [
							{
								keyId: row.doc.keyId,
								owner: row.doc.owner,
								publicKey: row.doc.publicKey,
								protectedKey: row.doc.protectedKey,
								createdAt: row.doc.createdAt
							}
						]
					: []
			);
			res.json(own);
		})
	);

	return router;
}
