import express from 'express';
import type { Request, Response, Router } from 'express';
import { databaseSchema, type DatabaseName } from '../domain/accounts';
import type { Actor } from '../domain/rules';
import type { Account, AccountStore } from './accounts';
import type { Backend } from './backend';
import { readsOnly } from './backend/send';
import { chairDirectory } from './chairs';
import type { CouchClient } from './couch';
import { handle, noStore, readJson, sendError, sessionToken, type Json } from './http';
import { DB_ROUTES, may, mayOpen, type DbRoute } from './policy';
import { abortOnDisconnect, forward } from './proxy';
import type { SessionStore } from './sessions';
import type { FailureThrottle } from './throttle';
import { isRecord, judgeIncoming, mergeBulkResults, type Verdict } from './writes';

/** Backend names of the gateway's databases (a prefix lets tests share one CouchDB). */
export interface DatabaseNames {
	accounts: string;
	sessions: string;
	/** The backend database behind a replicated database's public name. */
	backendName(db: DatabaseName): string;
}

export interface GatewayContext {
	backend: Backend;
	couch: CouchClient;
	accounts: AccountStore;
	sessions: SessionStore;
	names: DatabaseNames;
	/** Stable per data directory: PouchDB's http adapter builds replication ids from it. */
	serverId: string;
	log: (message: string) => void;
	/** Sign-in throttles (tests pass their own). */
	throttles?: { byName?: FailureThrottle; byIp?: FailureThrottle };
}

const ALLOWED_CHANGES_FILTERS = new Set(['_doc_ids', '_selector']);
const ALLOWED_CHANGES_FEEDS = new Set(['normal', 'longpoll']);
/** A replication checkpoint is a few hundred bytes; this leaves room and no more. */
const MAX_CHECKPOINT_BYTES = 16 * 1024;

function refuse(res: Response, reason = 'This operation is not available') {
	sendError(res, 403, 'forbidden', reason);
}

/** `chairOf`: the groups the account chairs (chairs.ts), read for writes only. */
function actorOf(account: Account, chairOf: readonly string[] = []): Actor {
	return { name: account.name, roles: account.roles, chairOf };
}

/** The query string exactly as the client sent it (without `?`). */
function rawQuery(req: Request): string {
	const at = req.originalUrl.indexOf('?');
	return at < 0 ? '' : req.originalUrl.slice(at + 1);
}

function decodeSegments(path: string): string[] | undefined {
	const raw = path.split('/').slice(1);
	if (raw.length > 1 && raw[raw.length - 1] === '') raw.pop();
	try {
		return raw.map((segment) => decodeURIComponent(segment));
	} catch {
		return undefined;
	}
}

/**
 * Checkpoints are kept per account: what one account calls `_local/<id>` is `_local/<name>:<id>` in the
 * backend (account names have no `:`), so nobody can read or move anyone else's checkpoints.
 */
export function backendLocalId(account: string, id: string): string {
	return `_local/${account}:${id}`;
}

/** Which route of DB_ROUTES a request is, or undefined if it is none of them (refused for everyone). */
function classify(method: string, rest: readonly string[]): DbRoute | undefined {
	const [first, second, ...more] = rest;
	const read = readsOnly(method);
	if (first === undefined) return read ? 'info' : undefined;
	if (second === undefined) {
		switch (first) {
			case '_all_docs':
				return read || method === 'POST' ? 'allDocs' : undefined;
			case '_changes':
				return read || method === 'POST' ? 'changes' : undefined;
			case '_bulk_get':
				return method === 'POST' ? 'bulkGet' : undefined;
			case '_revs_diff':
				return method === 'POST' ? 'revsDiff' : undefined;
			case '_bulk_docs':
				return method === 'POST' ? 'bulkDocs' : undefined;
		}
		if (first.startsWith('_') || first === '') return undefined;
		if (read) return 'docRead';
		return method === 'PUT' || method === 'DELETE' ? 'docWrite' : undefined;
	}
	if (first === '_local') {
		if (more.length > 0 || !second) return undefined;
		if (read) return 'localRead';
		return method === 'PUT' ? 'localWrite' : undefined;
	}
	if (first.startsWith('_') || first === '' || more.some((segment) => segment === '')) return undefined;
	if (read) return 'attachmentRead';
	return method === 'PUT' || method === 'DELETE' ? 'attachmentWrite' : undefined;
}

/**
 * `/db`: a CouchDB-compatible surface with only the routes PouchDB replication needs, for the databases and
 * operations `policy.ts` grants the signed-in account. Anything else is answered here and never reaches
 * the backend.
 */
export function dbRouter(ctx: GatewayContext): Router {
	const router = express.Router();
	router.use(noStore);
	router.use(
		handle(async (req, res) => {
			const session = await ctx.sessions.resolve(sessionToken(req));
			if (!session) {
				sendError(res, 401, 'unauthorized', 'You are not signed in');
				return;
			}
			await routeDb(ctx, req, res, session.account);
		})
	);
	return router;
}

async function routeDb(ctx: GatewayContext, req: Request, res: Response, account: Account): Promise<void> {
	const method = req.method;
	const segments = decodeSegments(req.path);
	if (!segments) {
		sendError(res, 400, 'bad_request', 'Malformed path');
		return;
	}
	const [dbSegment = '', ...rest] = segments;

	// `/db/`: the server welcome, which PouchDB's http adapter reads for `db.id()`.
	if (dbSegment === '' && rest.length === 0) {
		if (!readsOnly(method)) return refuse(res);
		res.json({ couchdb: 'Welcome', uuid: ctx.serverId, vendor: { name: 'coproduce' } });
		return;
	}
	// Server routes (_config, _node, _replicate, _all_dbs, _users, _session…): never.
	if (dbSegment.startsWith('_')) return refuse(res);
	const known = databaseSchema.safeParse(dbSegment);
	if (!known.success) {
		sendError(res, 404, 'not_found', 'Database does not exist.');
		return;
	}
	const db = known.data;
	if (!mayOpen(account, db)) return refuse(res, 'You do not have access to this database');

	const route = classify(method, rest);
	if (!route) return refuse(res);
	if (!may(account, db, DB_ROUTES[route].operation)) {
		return refuse(
			res,
			DB_ROUTES[route].operation === 'read'
				? 'You cannot read this database'
				: 'You cannot write to this database'
		);
	}

	const base = '/' + encodeURIComponent(ctx.names.backendName(db));
	const query = rawQuery(req);
	const params = new URLSearchParams(query);
	// Only routes that write documents look up who chairs what (refused routes never reach the backend).
	const writes = route === 'bulkDocs' || route === 'docWrite';
	const actor = actorOf(
		account,
		writes ? await chairDirectory(ctx.couch, ctx.names.backendName('network')).chairOf(account.name) : []
	);

	/** Forwards a route that only reads, even as a POST (ids in the body), so it is safe to send twice. */
	const read = (path: string, body?: unknown) =>
		forward(ctx, req, res, { method, path: base + path, query, body, reads: true });

	switch (route) {
		case 'info':
			return read('/');
		case 'changes': {
			if (params.getAll('filter').some((f) => !ALLOWED_CHANGES_FILTERS.has(f))) {
				return refuse(res, 'Only the _doc_ids and _selector filters are available');
			}
			if (params.getAll('feed').some((f) => !ALLOWED_CHANGES_FEEDS.has(f))) {
				return refuse(res, 'Only normal and longpoll feeds are available');
			}
			return withBody(req, res, method === 'POST', (body) => {
				if (namesLocal(jsonParam(params, 'doc_ids')) || (isRecord(body) && namesLocal(body.doc_ids))) {
					return localRefused(res);
				}
				return read('/_changes', body);
			});
		}
		case 'allDocs':
			return withBody(req, res, method === 'POST', (body) => {
				const keys = [jsonParam(params, 'keys'), [jsonParam(params, 'key')], isRecord(body) ? body.keys : []];
				if (keys.some(namesLocal)) return localRefused(res);
				return read('/_all_docs', body);
			});
		case 'bulkGet':
			return withBody(req, res, true, (body) => {
				const ids =
					isRecord(body) && Array.isArray(body.docs) ? body.docs.map((d) => (isRecord(d) ? d.id : d)) : [];
				if (namesLocal(ids)) return localRefused(res);
				return read('/_bulk_get', body);
			});
		case 'revsDiff':
			return withBody(req, res, true, (body) => {
				if (isRecord(body) && namesLocal(Object.keys(body))) return localRefused(res);
				return read('/_revs_diff', body);
			});
		case 'bulkDocs':
			return withBody(req, res, true, (body) => bulkDocs(ctx, res, db, actor, body));
		case 'docRead':
		case 'docWrite':
			return documentRoute(ctx, req, res, db, actor, rest[0] ?? '');
		case 'attachmentRead':
			return forward(ctx, req, res, {
				method,
				path: `${base}/${rest.map((segment) => encodeURIComponent(segment)).join('/')}`,
				query,
				download: true
			});
		case 'attachmentWrite':
			// Attachments travel inside their document (as replication sends them), where decideWrite checks
			// them against their type's rules. A bare upload would bypass that check, so there is none.
			return refuse(res, 'Attachments are sent inside their document');
		case 'localRead':
		case 'localWrite':
			return localRoute(ctx, req, res, db, account.name, rest[1] ?? '');
	}
}

/** A JSON-encoded query parameter (`keys=[...]`, `doc_ids=[...]`), or undefined. */
function jsonParam(params: URLSearchParams, name: string): unknown {
	const value = params.get(name);
	if (value === null) return undefined;
	try {
		return JSON.parse(value) as unknown;
	} catch {
		return undefined;
	}
}

/** Whether a list of ids names a `_local` document: those are reachable only at `_local/<id>`. */
function namesLocal(ids: unknown): boolean {
	return Array.isArray(ids) && ids.some((id) => typeof id === 'string' && id.startsWith('_local/'));
}

function localRefused(res: Response): Promise<void> {
	refuse(res, 'Local documents are only available at _local/<id>');
	return Promise.resolve();
}

/** Parses a JSON body when the route takes one, then runs `next` with it. */
async function withBody(
	req: Request,
	res: Response,
	takesBody: boolean,
	next: (body: unknown) => Promise<void>
): Promise<void> {
	if (!takesBody) return next(undefined);
	if (!(await readJson(req, res))) return;
	return next(req.body as unknown);
}

/** The current winning revisions of `ids`, in one request; deleted and missing ids are absent. */
async function winningRevisions(
	ctx: GatewayContext,
	db: DatabaseName,
	ids: string[],
	signal: AbortSignal
): Promise<Map<string, Json>> {
	const existing = new Map<string, Json>();
	if (ids.length === 0) return existing;
	const rows = await ctx.couch.allDocsByKeys<Json>(ctx.names.backendName(db), ids, signal);
	for (const row of rows) {
		if (row.doc && !row.value?.deleted && typeof row.id === 'string') existing.set(row.id, row.doc);
	}
	return existing;
}

async function bulkDocs(
	ctx: GatewayContext,
	res: Response,
	db: DatabaseName,
	actor: Actor,
	body: unknown
): Promise<void> {
	if (!isRecord(body) || !Array.isArray(body.docs)) {
		sendError(res, 400, 'bad_request', 'The body must have a docs array');
		return;
	}
	const docs: unknown[] = body.docs;
	const newEdits = body.new_edits !== false;
	const signal = abortOnDisconnect(res);
	const ids = [
		...new Set(docs.flatMap((doc) => (isRecord(doc) && typeof doc._id === 'string' ? [doc._id] : [])))
	];
	const existing = await winningRevisions(ctx, db, ids, signal);
	const verdicts: Verdict[] = docs.map((doc) =>
		judgeIncoming(
			actor,
			doc,
			isRecord(doc) && typeof doc._id === 'string' ? existing.get(doc._id) : undefined
		)
	);
	const allowed = verdicts.flatMap((verdict) => (verdict.ok ? [verdict.forward] : []));
	for (const [i, verdict] of verdicts.entries()) {
		if (!verdict.ok) {
			const doc = docs[i];
			ctx.log(
				`Refused ${isRecord(doc) ? String(doc._id) : 'a non-document'} from ${actor.name}: ${verdict.reason}`
			);
		}
	}

	let status = 201;
	let backendResults: unknown[] = [];
	if (allowed.length > 0) {
		const answer = await ctx.couch.request<unknown>(
			'POST',
			ctx.couch.url(ctx.names.backendName(db), '_bulk_docs'),
			{ docs: allowed, new_edits: newEdits },
			// Revisions made elsewhere (replication's new_edits=false) are stored once however often they are sent.
			{ signal, repeatable: !newEdits }
		);
		if (!answer.ok || !Array.isArray(answer.body)) {
			res.status(answer.status).json(answer.body ?? { error: 'unknown_error', reason: 'No answer' });
			return;
		}
		status = answer.status;
		backendResults = answer.body;
	}
	res.status(status).json(mergeBulkResults(docs, verdicts, backendResults, newEdits));
}

/** `GET`, `PUT` and `DELETE /db/<db>/<docid>`; writes are checked like `_bulk_docs`. */
async function documentRoute(
	ctx: GatewayContext,
	req: Request,
	res: Response,
	db: DatabaseName,
	actor: Actor,
	id: string
): Promise<void> {
	const method = req.method;
	const path = `/${encodeURIComponent(ctx.names.backendName(db))}/${encodeURIComponent(id)}`;
	const query = rawQuery(req);
	if (readsOnly(method)) return forward(ctx, req, res, { method, path, query });

	return withBody(req, res, method === 'PUT', async (body) => {
		let incoming: Json;
		if (method === 'PUT') {
			if (!isRecord(body)) {
				sendError(res, 400, 'bad_request', 'The body must be a JSON document');
				return;
			}
			incoming = { ...body, _id: id };
		} else {
			incoming = { _id: id, _deleted: true };
		}
		const existing = await winningRevisions(ctx, db, [id], abortOnDisconnect(res));
		const verdict = judgeIncoming(actor, incoming, existing.get(id));
		if (!verdict.ok) {
			ctx.log(`Refused ${id} from ${actor.name}: ${verdict.reason}`);
			refuse(res, verdict.reason);
			return;
		}
		return forward(ctx, req, res, {
			method,
			path,
			query,
			body: method === 'PUT' ? verdict.forward : undefined
		});
	});
}

/** `GET|HEAD|PUT /db/<db>/_local/<id>`: the account's own replication checkpoints. */
async function localRoute(
	ctx: GatewayContext,
	req: Request,
	res: Response,
	db: DatabaseName,
	account: string,
	id: string
): Promise<void> {
	const method = req.method;
	const publicId = `_local/${id}`;
	const url = ctx.couch.url(ctx.names.backendName(db), `_local/${encodeURIComponent(`${account}:${id}`)}`);
	const signal = abortOnDisconnect(res);
	if (readsOnly(method)) {
		const answer = await ctx.couch.request<unknown>('GET', url, undefined, { signal });
		if (answer.ok && isRecord(answer.body)) answer.body._id = publicId;
		res.status(answer.status);
		if (method === 'HEAD') res.end();
		else res.json(answer.body ?? { error: 'unknown_error', reason: 'No answer' });
		return;
	}
	return withBody(req, res, true, async (body) => {
		if (!isRecord(body) || '_attachments' in body || JSON.stringify(body).length > MAX_CHECKPOINT_BYTES) {
			sendError(res, 400, 'bad_request', 'A checkpoint must be a small plain JSON object');
			return;
		}
		const answer = await ctx.couch.request<unknown>(
			'PUT',
			url,
			{ ...body, _id: backendLocalId(account, id) },
			{ signal }
		);
		if (isRecord(answer.body) && typeof answer.body.id === 'string') answer.body.id = publicId;
		res.status(answer.status).json(answer.body ?? { error: 'unknown_error', reason: 'No answer' });
	});
}
