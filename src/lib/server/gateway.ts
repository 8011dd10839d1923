import express from 'express';
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import { databaseSchema, signInSchema, type DatabaseName } from '../domain/accounts';
import { describeIssues, fieldErrors } from '../domain/documents';
import type { Actor } from '../domain/rules';
import { databasesFor, sessionInfoFor, type Account, type AccountStore } from './accounts';
import type { Backend } from './backend';
import type { CouchClient } from './couch';
import { abortOnDisconnect, forward } from './proxy';
import { SESSION_COOKIE, type SessionStore } from './sessions';
import { describeWait, FailureThrottle } from './throttle';
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
	throttle?: FailureThrottle;
}

const JSON_LIMIT = '10mb';
const ALLOWED_CHANGES_FILTERS = new Set(['_doc_ids', '_selector']);
const ALLOWED_CHANGES_FEEDS = new Set(['normal', 'longpoll']);

type Json = Record<string, unknown>;

function sendError(res: Response, status: number, error: string, reason: string, extra: Json = {}) {
	res.status(status).json({ error, reason, ...extra });
}

/** Express 4 does not catch rejected promises: route them to the error handler. */
function handle(fn: (req: Request, res: Response) => Promise<void>): RequestHandler {
	return (req, res, next) => {
		void (async () => {
			try {
				await fn(req, res);
			} catch (error) {
				next(error);
			}
		})();
	};
}

export function readCookie(req: Request, name: string): string | undefined {
	const header = req.headers.cookie;
	if (!header) return undefined;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq < 0) continue;
		if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
	}
	return undefined;
}

function sessionCookie(req: Request, value: string, maxAgeSeconds: number): string {
	const parts = [
		`${SESSION_COOKIE}=${value}`,
		'Path=/',
		'HttpOnly',
		'SameSite=Strict',
		`Max-Age=${maxAgeSeconds}`
	];
	// `req.secure` honours X-Forwarded-Proto only when the app trusts a proxy (TRUST_PROXY).
	if (req.secure) parts.push('Secure');
	return parts.join('; ');
}

const parseJsonBody = express.json({ limit: JSON_LIMIT });

/**
 * Reads a JSON body into `req.body`; on a malformed or oversized body answers CouchDB-style and resolves
 * false.
 */
function readJson(req: Request, res: Response): Promise<boolean> {
	return new Promise((resolve) => {
		parseJsonBody(req, res, (err?: unknown) => {
			if (!err) return resolve(true);
			const status = isRecord(err) && typeof err.status === 'number' ? err.status : 400;
			if (status === 413) sendError(res, 413, 'too_large', 'The request is too large');
			else sendError(res, 400, 'bad_request', 'invalid_json');
			resolve(false);
		});
	});
}

const jsonBody: RequestHandler = (req, res, next) => {
	void (async () => {
		if (await readJson(req, res)) next();
	})();
};

function noStore(_req: Request, res: Response, next: NextFunction) {
	res.setHeader('Cache-Control', 'no-store');
	next();
}

function actorOf(account: Account): Actor {
	return { name: account.name, roles: account.roles };
}

/** `/api`: sign in, who am I, sign out, health. */
export function apiRouter(ctx: GatewayContext): Router {
	const router = express.Router();
	const throttle = ctx.throttle ?? new FailureThrottle();
	router.use(noStore);

	router.get('/health', (_req, res) => {
		res.json({ ok: true });
	});

	router.post(
		'/session',
		jsonBody,
		handle(async (req, res) => {
			const parsed = signInSchema.safeParse(req.body);
			if (!parsed.success) {
				sendError(res, 400, 'bad_request', describeIssues(parsed.error.issues), {
					fields: fieldErrors(parsed.error.issues)
				});
				return;
			}
			const { name, password } = parsed.data;
			const nameKey = `name:${name}`;
			const ipKey = `ip:${req.ip ?? 'unknown'}`;
			const wait = Math.max(throttle.retryAfterMs(nameKey), throttle.retryAfterMs(ipKey));
			if (wait > 0) {
				res.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
				sendError(res, 429, 'too_many_requests', `Too many failed sign-in attempts. ${describeWait(wait)}`, {
					retryAfterSeconds: Math.ceil(wait / 1000)
				});
				return;
			}
			const result = await ctx.accounts.authenticate(name, password);
			if (!result.ok) {
				if (result.reason === 'inactive') {
					sendError(
						res,
						403,
						'forbidden',
						'This account has been switched off. Ask your coordinator if you think this is a mistake.'
					);
					return;
				}
				throttle.fail(nameKey);
				throttle.fail(ipKey);
				sendError(res, 401, 'unauthorized', 'That user name and password do not match');
				return;
			}
			throttle.reset(nameKey);
			const { token, maxAgeSeconds } = await ctx.sessions.create(result.account);
			res.setHeader('Set-Cookie', sessionCookie(req, token, maxAgeSeconds));
			res.json(sessionInfoFor(result.account));
		})
	);

	router.get(
		'/session',
		handle(async (req, res) => {
			const session = await ctx.sessions.resolve(readCookie(req, SESSION_COOKIE));
			if (!session) {
				sendError(res, 401, 'unauthorized', 'You are not signed in');
				return;
			}
			res.json(sessionInfoFor(session.account));
		})
	);

	router.delete(
		'/session',
		handle(async (req, res) => {
			await ctx.sessions.destroy(readCookie(req, SESSION_COOKIE));
			res.setHeader('Set-Cookie', sessionCookie(req, '', 0));
			res.json({ ok: true });
		})
	);

	router.use((_req, res) => sendError(res, 404, 'not_found', 'There is no such API'));
	return router;
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
 * `/db`: a CouchDB-compatible surface with only the routes PouchDB replication needs, for the databases
 * the signed-in account may open. Anything else is answered here and never reaches the backend.
 */
export function dbRouter(ctx: GatewayContext): Router {
	const router = express.Router();
	router.use(noStore);

	router.use(
		handle(async (req, res) => {
			const session = await ctx.sessions.resolve(readCookie(req, SESSION_COOKIE));
			if (!session) {
				sendError(res, 401, 'unauthorized', 'You are not signed in');
				return;
			}
			await routeDb(ctx, req, res, session.account);
		})
	);
	return router;
}

const READ = ['GET', 'HEAD'];

function refuse(res: Response, reason = 'This operation is not available') {
	sendError(res, 403, 'forbidden', reason);
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
		if (!READ.includes(method)) return refuse(res);
		res.json({ couchdb: 'Welcome', uuid: ctx.serverId, vendor: { name: 'coproduce' } });
		return;
	}
	if (dbSegment.startsWith('_')) return refuse(res);
	const known = databaseSchema.safeParse(dbSegment);
	if (!known.success) {
		sendError(res, 404, 'not_found', 'Database does not exist.');
		return;
	}
	const db = known.data;
	if (!databasesFor(account).includes(db)) {
		return refuse(res, 'You do not have access to this database');
	}
	const base = '/' + encodeURIComponent(ctx.names.backendName(db));
	const query = rawQuery(req);
	const actor = actorOf(account);
	const first = rest[0];

	// GET /db/<db>/  (info). Creating or deleting the database is never allowed.
	if (first === undefined) {
		if (!READ.includes(method)) return refuse(res);
		return forward(ctx.backend, req, res, { method, path: base + '/', query });
	}
	if (rest.length === 1) {
		switch (first) {
			case '_changes': {
				if (method !== 'GET' && method !== 'POST') return refuse(res);
				const params = new URLSearchParams(query);
				if (params.getAll('filter').some((f) => !ALLOWED_CHANGES_FILTERS.has(f))) {
					return refuse(res, 'Only the _doc_ids and _selector filters are available');
				}
				if (params.getAll('feed').some((f) => !ALLOWED_CHANGES_FEEDS.has(f))) {
					return refuse(res, 'Only normal and longpoll feeds are available');
				}
				return withBody(req, res, method === 'POST', (body) =>
					forward(ctx.backend, req, res, { method, path: `${base}/_changes`, query, body })
				);
			}
			case '_all_docs':
				if (method !== 'GET' && method !== 'POST') return refuse(res);
				return withBody(req, res, method === 'POST', (body) =>
					forward(ctx.backend, req, res, { method, path: `${base}/_all_docs`, query, body })
				);
			case '_bulk_get':
			case '_revs_diff':
				if (method !== 'POST') return refuse(res);
				return withBody(req, res, true, (body) =>
					forward(ctx.backend, req, res, { method, path: `${base}/${first}`, query, body })
				);
			case '_bulk_docs':
				if (method !== 'POST') return refuse(res);
				return withBody(req, res, true, (body) => bulkDocs(ctx, req, res, db, actor, body));
		}
		if (first.startsWith('_')) return refuse(res);
		return documentRoute(ctx, req, res, db, actor, first);
	}
	// Replication checkpoints.
	if (first === '_local' && rest.length === 2 && rest[1]) {
		const path = `${base}/_local/${encodeURIComponent(rest[1])}`;
		if (READ.includes(method)) return forward(ctx.backend, req, res, { method, path, query });
		if (method === 'PUT') {
			return withBody(req, res, true, (body) => {
				if (!isRecord(body) || '_attachments' in body) {
					return Promise.resolve(
						sendError(res, 400, 'bad_request', 'A checkpoint must be a plain JSON object')
					);
				}
				return forward(ctx.backend, req, res, { method, path, query, body });
			});
		}
		return refuse(res);
	}
	// `_design/...`, attachments (`<doc>/<name>`), `_local` deletes and everything else.
	return refuse(res);
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
	req: Request,
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
			signal
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
	if (READ.includes(method)) return forward(ctx.backend, req, res, { method, path, query });
	if (method !== 'PUT' && method !== 'DELETE') return refuse(res);

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
		return forward(ctx.backend, req, res, {
			method,
			path,
			query,
			body: method === 'PUT' ? verdict.forward : undefined
		});
	});
}

/** Last handler for `/api` and `/db`: a JSON 500 that gives nothing away. */
export function jsonErrorHandler(log: (message: string) => void) {
	return (err: unknown, _req: Request, res: Response, next: NextFunction) => {
		if (res.headersSent) {
			next(err);
			return;
		}
		log(`Error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
		sendError(res, 500, 'internal_error', 'Something went wrong on the server. Please try again.');
	};
}
