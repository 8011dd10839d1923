import express from 'express';
import type { Request, Response, Router } from 'express';
import { databaseSchema, type DatabaseName } from '../domain/accounts';
import type { Actor } from '../domain/rules';
import type { Account } from './accounts';
import { readsOnly } from './backend/send';
import { chairDirectory } from './chairs';
import type { GatewayContext } from './context';
import { currentVersions } from './current-versions';
import {
	handle,
	jsonReader,
	noStore,
	READ_BODY_LIMIT,
	REPLICATION_BODY_LIMIT,
	sendError,
	sessionToken,
	type Json
} from './http';
import { DB_ROUTES, may, mayOpen, type DbRoute } from './policy';
import {
	allDocsWithoutDesign,
	changesWithoutDesign,
	namesDesign,
	revsDiffWithoutDesign,
	storeLimit
} from './design-docs';
import { abortOnDisconnect, forward, type ForwardOptions } from './proxy';
import { bodyProblem, checkQuery, documentProblem } from './replication-input';
import { isRecord, judgeIncoming, mergeBulkResults, type Verdict } from './writes';

/** `_selector` is not among them: a selector's `$regex` runs in the store, where a slow one stalls everyone. */
const ALLOWED_CHANGES_FILTERS = new Set(['_doc_ids']);
const ALLOWED_CHANGES_FEEDS = new Set(['normal', 'longpoll']);
/** A replication checkpoint is a few hundred bytes; this leaves room and no more. */
const MAX_CHECKPOINT_BYTES = 16 * 1024;

function refuse(res: Response, reason = 'This operation is not available') {
	sendError(res, 403, 'forbidden', reason);
}

function badRequest(res: Response, reason: string) {
	sendError(res, 400, 'bad_request', reason);
}

/** `.` and `..`, however they were spelled (`%2E%2E`): a URL would fold them into another database. */
function isDotSegment(segment: string): boolean {
	return segment === '.' || segment === '..';
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
	if (first.startsWith('_') || first === '' || [second, ...more].some((segment) => segment === ''))
		return undefined;
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
	if (!segments) return badRequest(res, 'Malformed path');
	if (segments.some(isDotSegment)) return badRequest(res, 'A path cannot contain . or .. segments');
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
	const given = new URLSearchParams(rawQuery(req));
	if (route === 'changes') {
		if (given.getAll('filter').some((f) => !ALLOWED_CHANGES_FILTERS.has(f))) {
			return refuse(res, 'Only the _doc_ids filter is available');
		}
		if (given.getAll('feed').some((f) => !ALLOWED_CHANGES_FEEDS.has(f))) {
			return refuse(res, 'Only normal and longpoll feeds are available');
		}
	}
	const checked = checkQuery(route, rawQuery(req));
	if (!checked.ok) return badRequest(res, checked.reason);
	const params = checked.query;
	const scope = '/' + encodeURIComponent(ctx.names.backendName(db));
	const request: DbRequest = { ctx, req, res, db, route, scope, params, query: params.toString() };

	/** Forwards a route that only reads, even as a POST (ids in the body), so it is safe to send twice. */
	const read = (path: string, body?: unknown, more: Pick<ForwardOptions, 'query' | 'rewrite'> = {}) =>
		forward(ctx, req, res, {
			method,
			scope,
			path: scope + path,
			query: request.query,
			body,
			reads: true,
			...more
		});

	switch (route) {
		case 'info':
			// The database's public name, not the store's (which may carry COUCHDB_DB_PREFIX).
			return read('', undefined, {
				rewrite: (answer) => (isRecord(answer) ? { ...answer, db_name: db } : answer)
			});
		case 'changes':
			return withBody(request, method === 'POST', (body) => {
				if (namesHidden(jsonParam(params, 'doc_ids')) || (isRecord(body) && namesHidden(body.doc_ids))) {
					return hiddenRefused(res);
				}
				// A few rows to spare, in place of the design documents taken out (design-docs.ts).
				const limit = params.get('limit');
				const asked = new URLSearchParams(params);
				if (limit !== null) asked.set('limit', String(storeLimit(limit)));
				return read('/_changes', body, {
					query: asked.toString(),
					rewrite: (answer) => changesWithoutDesign(answer, limit)
				});
			});
		case 'allDocs':
			return withBody(request, method === 'POST', (body) => {
				const keys = [jsonParam(params, 'keys'), [jsonParam(params, 'key')], isRecord(body) ? body.keys : []];
				if (keys.some(namesHidden)) return hiddenRefused(res);
				return read('/_all_docs', body, { rewrite: allDocsWithoutDesign });
			});
		case 'bulkGet':
			return withBody(request, true, (body) => {
				const ids =
					isRecord(body) && Array.isArray(body.docs) ? body.docs.map((d) => (isRecord(d) ? d.id : d)) : [];
				if (namesHidden(ids)) return hiddenRefused(res);
				return read('/_bulk_get', body);
			});
		case 'revsDiff':
			return withBody(request, true, (body) => {
				// `bodyProblem` has made sure it is an object of ids.
				const asked = isRecord(body) ? body : {};
				if (namesLocal(Object.keys(asked))) return hiddenRefused(res);
				// A device that was sent a design document before keeps it: it is never asked to send it back.
				return read('/_revs_diff', revsDiffWithoutDesign(asked));
			});
		case 'bulkDocs':
			return withBody(request, true, async (body) =>
				bulkDocs(ctx, res, db, await actorFor(ctx, account, true), body)
			);
		case 'docRead':
		case 'docWrite':
			return documentRoute(request, await actorFor(ctx, account, route === 'docWrite'), rest[0] ?? '');
		case 'attachmentRead':
			return forward(ctx, req, res, {
				method,
				scope,
				path: `${scope}/${rest.map((segment) => encodeURIComponent(segment)).join('/')}`,
				query: request.query,
				download: true
			});
		case 'attachmentWrite':
			// Attachments travel inside their document (as replication sends them), where decideWrite checks
			// them against their type's rules. A bare upload would bypass that check, so there is none.
			return refuse(res, 'Attachments are sent inside their document');
		case 'localRead':
		case 'localWrite':
			return localRoute(request, account.name, rest[1] ?? '');
	}
}

/** One checked request to a database route: who, where, and the query as the gateway will forward it. */
interface DbRequest {
	ctx: GatewayContext;
	req: Request;
	res: Response;
	db: DatabaseName;
	route: DbRoute;
	/** The database's base path on the backend, e.g. `/network`. */
	scope: string;
	params: URLSearchParams;
	/** `params`, encoded again: what the backend is sent instead of the client's raw query. */
	query: string;
}

/** The signed-in account as the domain rules see it; who chairs what is read only for writes. */
async function actorFor(ctx: GatewayContext, account: Account, writes: boolean): Promise<Actor> {
	return actorOf(
		account,
		writes ? await chairDirectory(ctx.couch, ctx.names.backendName('network')).chairOf(account.name) : []
	);
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

/** Whether a list of ids names a `_local` document or a design document (which no device is sent). */
function namesHidden(ids: unknown): boolean {
	return namesLocal(ids) || namesDesign(ids);
}

function hiddenRefused(res: Response): Promise<void> {
	refuse(res, 'Local documents are only available at _local/<id>, and design documents not at all');
	return Promise.resolve();
}

const readReplicationBody = jsonReader(REPLICATION_BODY_LIMIT);
const readSmallBody = jsonReader(READ_BODY_LIMIT);

/**
 * Parses and checks a JSON body when the route takes one (`bodyProblem`), then runs `next` with it.
 * Writes may carry photos; every other body is ids and revisions, and is kept small.
 */
async function withBody(
	request: DbRequest,
	takesBody: boolean,
	next: (body: unknown) => Promise<void>
): Promise<void> {
	if (!takesBody) return next(undefined);
	const { req, res, route } = request;
	const read = route === 'bulkDocs' || route === 'docWrite' ? readReplicationBody : readSmallBody;
	if (!(await read(req, res))) return;
	const body = req.body as unknown;
	const problem = bodyProblem(route, body);
	if (problem) return badRequest(res, problem);
	return next(body);
}

async function bulkDocs(
	ctx: GatewayContext,
	res: Response,
	db: DatabaseName,
	actor: Actor,
	body: unknown
): Promise<void> {
	if (!isRecord(body) || !Array.isArray(body.docs)) return badRequest(res, 'The body must have a docs array');
	const docs: unknown[] = body.docs;
	const newEdits = body.new_edits !== false;
	const signal = abortOnDisconnect(res);
	const ids = [
		...new Set(docs.flatMap((doc) => (isRecord(doc) && typeof doc._id === 'string' ? [doc._id] : [])))
	];
	const existing = await currentVersions(versionSource(ctx), db, ids, signal);
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

/** Where `currentVersions` reads the store's copies. */
function versionSource(ctx: GatewayContext) {
	return { couch: ctx.couch, backendName: ctx.names.backendName };
}

/** `GET`, `PUT` and `DELETE /db/<db>/<docid>`; writes are checked like `_bulk_docs`. */
async function documentRoute(request: DbRequest, actor: Actor, id: string): Promise<void> {
	const { ctx, req, res, db, scope, params, query } = request;
	const method = req.method;
	const path = `${scope}/${encodeURIComponent(id)}`;
	if (readsOnly(method)) return forward(ctx, req, res, { method, scope, path, query });

	return withBody(request, method === 'PUT', async (body) => {
		let incoming: Json;
		if (method === 'PUT') {
			if (!isRecord(body)) return badRequest(res, 'The body must be a JSON document');
			incoming = { ...body, _id: id };
			const problem = documentProblem(incoming, params);
			if (problem) return badRequest(res, problem);
		} else {
			const rev = params.get('rev');
			incoming = { _id: id, _deleted: true, ...(rev === null ? {} : { _rev: rev }) };
		}
		const existing = await currentVersions(versionSource(ctx), db, [id], abortOnDisconnect(res));
		const verdict = judgeIncoming(actor, incoming, existing.get(id));
		if (!verdict.ok) {
			ctx.log(`Refused ${id} from ${actor.name}: ${verdict.reason}`);
			refuse(res, verdict.reason);
			return;
		}
		// A deletion is written as its tombstone, which keeps the owner's fields (`judgeIncoming`), and
		// answered as a DELETE is.
		const successStatus = method === 'DELETE' ? 200 : undefined;
		return forward(ctx, req, res, {
			method: 'PUT',
			scope,
			path,
			query,
			body: verdict.forward,
			successStatus
		});
	});
}

/** `GET|HEAD|PUT /db/<db>/_local/<id>`: the account's own replication checkpoints. */
async function localRoute(request: DbRequest, account: string, id: string): Promise<void> {
	const { ctx, req, res, db } = request;
	const method = req.method;
	const publicId = `_local/${id}`;
	const url = ctx.couch.url(ctx.names.backendName(db), `_local/${encodeURIComponent(`${account}:${id}`)}`);
	const signal = abortOnDisconnect(res);
	if (readsOnly(method)) {
		const answer = await ctx.couch.request<unknown>('GET', url, undefined, { signal });
		if (answer.ok && isRecord(answer.body)) answer.body._id = publicId;
		res.status(answer.status).type('json');
		if (method === 'HEAD') res.end();
		else res.json(answer.body ?? { error: 'unknown_error', reason: 'No answer' });
		return;
	}
	return withBody(request, true, async (body) => {
		if (!isRecord(body) || '_attachments' in body || JSON.stringify(body).length > MAX_CHECKPOINT_BYTES) {
			return badRequest(res, 'A checkpoint must be a small plain JSON object');
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
