/** `/api/signups`: the write-only inbox of sealed sign-ups. */
import express from 'express';
import type { z } from 'zod';
import type { Request, RequestHandler, Response, Router } from 'express';
import type { DatabaseName } from '../../domain/accounts';
import { describeIssues } from '../../domain/documents';
import {
	inboxEntrySchema,
	sealedSignupSchema,
	SIGNUP_BODY_MAX,
	signupStatusChangeSchema,
	type InboxEntry,
	type SealedSignup,
	type SignupStatus
} from '../../domain/signup';
import type { Account } from '../accounts';
import type { StoredDoc } from '../couch';
import type { GatewayContext } from '../context';
import { handle, jsonBody, sendError } from '../http';
import { accountOf, requireThat, signedIn } from '../middleware/authentication';
import { mayReadSignups, maySendSignups } from '../policy';
import { isRecord } from '../writes';

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

/** The inbox's copy of a sealed sign-up as delivered: new, and not yet marked by anyone. */
export function inboxDoc(sealed: SealedSignup, submittedBy: string, receivedAt: string): StoredSignup {
	return { _id: sealed.id, type: 'signup', schemaVersion: 1, sealed, submittedBy, receivedAt, status: 'new' };
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
export const smallJson = jsonBody(SIGNUP_BODY_MAX, `A sign-up can be at most ${SIGNUP_BODY_MAX}`);

/** Sign-ups and keyrings are the coordinators' (and a recruiter only delivers). */
export const coordinatorsOnly = requireThat(mayReadSignups, 'Only coordinators can read sign-ups');

/** The backend database of the inbox and the keyrings. */
export function signupsDb(ctx: GatewayContext): string {
	return ctx.names.backendName(SIGNUPS);
}

const CONFLICT = 'This sign-up is being changed by someone else. Try again.';

/**
 * The write-only sign-up inbox, in the `signups` database (reached only through the gateway's own backend
 * client, never through `/db` writes):
 * - `PUT /signups/:id`: deliver a sealed sign-up (any active account; idempotent; only your own)
 * - `GET /signups`, `GET /signups/:id`: read sealed sign-ups (coordinators)
 * - `PATCH /signups/:id`: mark contacted, joined or declined (coordinators)
 * - `DELETE /signups/:id`: delete a sign-up for good (coordinators)
 */
export function signupRoutes(ctx: GatewayContext): Router {
	const router = express.Router();
	const mayDeliver = requireThat(maySendSignups, 'Your account cannot send sign-ups');
	router.put('/signups/:id', smallJson, ...signedIn(ctx), mayDeliver, deliverSignup(ctx));
	router.get('/signups', ...signedIn(ctx), coordinatorsOnly, listSignups(ctx));
	router.get('/signups/:id', ...signedIn(ctx), coordinatorsOnly, getSignup(ctx));
	router.patch('/signups/:id', smallJson, ...signedIn(ctx), coordinatorsOnly, markSignup(ctx));
	router.delete('/signups/:id', ...signedIn(ctx), coordinatorsOnly, deleteSignup(ctx));
	return router;
}

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

function noSuchSignup(res: Response): void {
	sendError(res, 404, 'not_found', 'There is no such sign-up');
}

/** The sign-up's `:id`, or undefined after answering 404. */
function signupId(req: Request, res: Response): string | undefined {
	const id = String(req.params.id ?? '');
	if (SIGNUP_ID.test(id)) return id;
	noSuchSignup(res);
	return undefined;
}

/** What a handler of one sign-up (`/signups/:id`) works with. */
interface OneSignup {
	req: Request;
	res: Response;
	db: string;
	caller: Account;
	id: string;
}

/** A handler of `/signups/:id` (signed in): an id that is not a sign-up's is answered 404 before `answer` runs. */
function oneSignup(ctx: GatewayContext, answer: (request: OneSignup) => Promise<void>): RequestHandler {
	const db = signupsDb(ctx);
	return handle(async (req, res) => {
		const id = signupId(req, res);
		if (id) await answer({ req, res, db, caller: accountOf(res), id });
	});
}

/** The request's body checked by `schema`, or undefined after answering 400 with `what` and the issues. */
function checkedBody<T>(req: Request, res: Response, schema: z.ZodType<T>, what: string): T | undefined {
	const parsed = schema.safeParse(req.body);
	if (parsed.success) return parsed.data;
	sendError(res, 400, 'bad_request', what + describeIssues(parsed.error.issues));
	return undefined;
}

/** Whether the id was ever used (a deleted sign-up leaves a tombstone). */
async function tombstoned(ctx: GatewayContext, id: string): Promise<boolean> {
	const [row] = await ctx.couch.allDocsByKeys<StoredSignup>(signupsDb(ctx), [id]);
	return row?.value?.deleted === true;
}

function deliverSignup(ctx: GatewayContext): RequestHandler {
	return oneSignup(ctx, async ({ req, res, db, caller, id }) => {
		const sealed = checkedBody(req, res, sealedSignupSchema, 'Not a sealed sign-up: ');
		if (!sealed) return;
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
			if (await tombstoned(ctx, id)) {
				res.status(200).json({ ok: true, id, deleted: true });
				return;
			}
			const doc = inboxDoc(sealed, caller.name, new Date().toISOString());
			if (await ctx.couch.put(db, doc)) {
				res.status(201).json({ ok: true, id, received: doc.receivedAt });
				return;
			}
			// Two copies arrived at once: look again.
		}
		sendError(res, 409, 'conflict', CONFLICT);
	});
}

/** Every valid sign-up in the inbox (one that is not is logged and left out). */
export async function readInbox(ctx: GatewayContext): Promise<InboxEntry[]> {
	const rows = await ctx.couch.allDocsWithPrefix<StoredSignup>(signupsDb(ctx), 'signup:');
	const entries: InboxEntry[] = [];
	for (const row of rows) {
		const entry = row.doc ? entryOf(row.doc) : undefined;
		if (entry) entries.push(entry);
		else if (row.doc) ctx.log(`Skipped a stored sign-up that is not valid: ${row.id ?? row.key}`);
	}
	return entries;
}

function listSignups(ctx: GatewayContext): RequestHandler {
	return handle(async (_req, res) => {
		res.json(await readInbox(ctx));
	});
}

function getSignup(ctx: GatewayContext): RequestHandler {
	return oneSignup(ctx, async ({ res, db, id }) => {
		const doc = await ctx.couch.get<StoredSignup>(db, id);
		const entry = doc ? entryOf(doc) : undefined;
		if (!entry) return noSuchSignup(res);
		res.json(entry);
	});
}

function markSignup(ctx: GatewayContext): RequestHandler {
	return oneSignup(ctx, async ({ req, res, db, caller, id }) => {
		const asked = checkedBody(req, res, signupStatusChangeSchema, '');
		if (!asked) return;
		const outcome = await ctx.couch.update<StoredSignup>(db, id, {
			parse: (stored) => stored as StoredSignup,
			change: (doc) => ({
				...doc,
				status: asked.status,
				statusBy: caller.name,
				statusAt: new Date().toISOString(),
				...(asked.account ? { account: asked.account } : {})
			}),
			tries: RETRIES
		});
		if (outcome.reason === 'missing') return noSuchSignup(res);
		if (!outcome.written) return sendError(res, 409, 'conflict', CONFLICT);
		ctx.log(`${caller.name} marked the sign-up ${id} as ${asked.status}`);
		res.json(entryOf(outcome.written));
	});
}

function deleteSignup(ctx: GatewayContext): RequestHandler {
	return oneSignup(ctx, async ({ res, db, caller, id }) => {
		for (let attempt = 0; attempt < RETRIES; attempt++) {
			const doc = await ctx.couch.get<StoredSignup>(db, id);
			if (!doc?._rev) return noSuchSignup(res);
			if (!(await ctx.couch.remove(db, id, doc._rev))) continue;
			// The deletion leaves a tombstone (id and revision history, no content). Compaction drops the
			// bodies of earlier revisions, so the sealed content is gone from the database files too.
			const compacted = await ctx.couch.request('POST', ctx.couch.url(db, '_compact'), {});
			if (!compacted.ok) ctx.log(`Could not compact ${db} after a deletion: ${compacted.status}`);
			ctx.log(`${caller.name} deleted the sign-up ${id} for good`);
			res.status(204).end();
			return;
		}
		sendError(res, 409, 'conflict', CONFLICT);
	});
}
