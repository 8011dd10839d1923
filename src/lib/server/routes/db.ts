import express from 'express';
import type { Request, Response, Router } from 'express';
import { databaseSchema } from '../../domain/accounts';
import { readsOnly } from '../backend/send';
import type { GatewayContext } from '../context';
import { handle, noStore, sendError } from '../http';
import { accountOf, signedIn } from '../middleware/authentication';
import { DB_ROUTES, may, mayOpen, type DbRoute } from '../policy';
import { checkQuery } from '../replication-input';
import { checkpoint } from './db-checkpoints';
import { allDocs, attachmentRead, bulkGet, changes, info, revsDiff } from './db-reads';
import { badRequest, refuse, type DbHandler } from './db-request';
import { attachmentWrite, bulkDocs, document } from './db-writes';

/** `_selector` is not among them: a selector's `$regex` runs in the store, where a slow one stalls everyone. */
const ALLOWED_CHANGES_FILTERS = new Set(['_doc_ids']);
const ALLOWED_CHANGES_FEEDS = new Set(['normal', 'longpoll']);

/** Each route of DB_ROUTES (policy.ts) and what answers it, once `checkDbRequest` has let it through. */
const HANDLERS: Record<DbRoute, DbHandler> = {
	info,
	allDocs,
	changes,
	bulkGet,
	revsDiff,
	docRead: document,
	attachmentRead,
	localRead: checkpoint,
	bulkDocs,
	docWrite: document,
	attachmentWrite,
	localWrite: checkpoint
};

/**
 * `/db`: a CouchDB-compatible surface with only the routes PouchDB replication needs, for the databases and
 * operations `policy.ts` grants the signed-in account. Anything else is answered here and never reaches
 * the backend.
 */
export function dbRouter(ctx: GatewayContext): Router {
	const router = express.Router();
	router.use(noStore, ...signedIn(ctx), handle(routeDb(ctx)));
	return router;
}

/** `.` and `..`, however they were spelled (`%2E%2E`): a URL would fold them into another database. */
function isDotSegment(segment: string): boolean {
	return segment === '.' || segment === '..';
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

/** The server welcome at `/db/`, which PouchDB's http adapter reads for `db.id()`. */
function welcome(ctx: GatewayContext, req: Request, res: Response): void {
	if (!readsOnly(req.method)) return refuse(res);
	res.json({ couchdb: 'Welcome', uuid: ctx.serverId, vendor: { name: 'coproduce' } });
}

/**
 * Checks a request against the path rules and the policy, in that order, and hands it to its route's
 * handler; whatever fails a check is answered here.
 */
function routeDb(ctx: GatewayContext) {
	return async (req: Request, res: Response): Promise<void> => {
		const account = accountOf(res);
		const method = req.method;
		const segments = decodeSegments(req.path);
		if (!segments) return badRequest(res, 'Malformed path');
		if (segments.some(isDotSegment)) return badRequest(res, 'A path cannot contain . or .. segments');
		const [dbSegment = '', ...rest] = segments;
		if (dbSegment === '' && rest.length === 0) return welcome(ctx, req, res);
		// Server routes (_config, _node, _replicate, _all_dbs, _users, _session…): never.
		if (dbSegment.startsWith('_')) return refuse(res);
		const known = databaseSchema.safeParse(dbSegment);
		if (!known.success) return sendError(res, 404, 'not_found', 'Database does not exist.');
		const db = known.data;
		if (!mayOpen(account, db)) return refuse(res, 'You do not have access to this database');

		const route = classify(method, rest);
		if (!route) return refuse(res);
		const { operation } = DB_ROUTES[route];
		if (!may(account, db, operation)) {
			return refuse(
				res,
				operation === 'read' ? 'You cannot read this database' : 'You cannot write to this database'
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
		const query = params.toString();
		return HANDLERS[route]({ ctx, req, res, account, db, route, rest, scope, params, query });
	};
}
