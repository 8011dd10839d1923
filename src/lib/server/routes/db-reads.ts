/**
 * The `/db` routes that only read: what pull replication asks for, passed on without the documents hidden
 * from the account (hidden.ts): refused when named, left out of pages, never asked about.
 */
import { revsDiffVisible } from '../hidden';
import {
	allDocsStoreQuery,
	changesStoreQuery,
	visibleAllDocs,
	visibleChanges,
	type PageReader
} from '../hidden-pages';
import { abortOnDisconnect, forward, type ForwardOptions } from '../proxy';
import { isRecord } from '../writes';
import {
	hiddenMissing,
	hiddenRefused,
	jsonParam,
	namesHidden,
	namesLocal,
	withBody,
	type DbRequest
} from './db-request';

/** Forwards a route that only reads, even as a POST (ids in the body), so it is safe to send twice. */
function readThrough(
	request: DbRequest,
	path: string,
	body?: unknown,
	more: Pick<ForwardOptions, 'query' | 'rewrite'> = {}
): Promise<void> {
	const { ctx, req, res, scope, query } = request;
	return forward(ctx, req, res, {
		method: req.method,
		scope,
		path: scope + path,
		query,
		body,
		reads: true,
		...more
	});
}

/** Reads the store's further pages of `route` as the gateway's own client, with the request's body. */
function pageReader(request: DbRequest, route: string, body: unknown): PageReader {
	const { ctx, req, res, db } = request;
	const signal = abortOnDisconnect(res);
	return async (query) => {
		const url = ctx.couch.url(ctx.names.backendName(db), `${route}?${query.toString()}`);
		const answer = await ctx.couch.request<unknown>(req.method, url, body, { signal, repeatable: true });
		if (!answer.ok) throw new Error(`The store answered ${answer.status} to a further page of ${route}`);
		return answer.body;
	};
}

/**
 * `GET /db/<db>`: the database's public name, not the store's (which may carry COUCHDB_DB_PREFIX). Its
 * counts include the documents hidden from the account (docs/SECURITY.md).
 */
export function info(request: DbRequest): Promise<void> {
	return readThrough(request, '', undefined, {
		rewrite: (answer) => Promise.resolve(isRecord(answer) ? { ...answer, db_name: request.db } : answer)
	});
}

export function changes(request: DbRequest): Promise<void> {
	const { req, res, params, account } = request;
	return withBody(request, req.method === 'POST', (body) => {
		const bodyIds = isRecord(body) ? body.doc_ids : undefined;
		if (namesHidden(request, jsonParam(params, 'doc_ids')) || namesHidden(request, bodyIds)) {
			return hiddenRefused(res);
		}
		const readPage = pageReader(request, '_changes', body);
		return readThrough(request, '/_changes', body, {
			query: changesStoreQuery(params).toString(),
			rewrite: (answer) => visibleChanges(account, params, answer, readPage)
		});
	});
}

export function allDocs(request: DbRequest): Promise<void> {
	const { req, res, params, account } = request;
	return withBody(request, req.method === 'POST', (body) => {
		const bodyKeys = isRecord(body) ? body.keys : undefined;
		const keys = [jsonParam(params, 'keys'), [jsonParam(params, 'key')], bodyKeys ?? []];
		if (keys.some((ids) => namesHidden(request, ids))) return hiddenRefused(res);
		const byKeys = params.has('keys') || bodyKeys !== undefined;
		const readPage = byKeys ? undefined : pageReader(request, '_all_docs', body);
		return readThrough(request, '/_all_docs', body, {
			query: allDocsStoreQuery(params).toString(),
			rewrite: (answer) => visibleAllDocs(account, params, answer, readPage)
		});
	});
}

export function bulkGet(request: DbRequest): Promise<void> {
	return withBody(request, true, (body) => {
		const ids =
			isRecord(body) && Array.isArray(body.docs) ? body.docs.map((d) => (isRecord(d) ? d.id : d)) : [];
		if (namesHidden(request, ids)) return hiddenRefused(request.res);
		return readThrough(request, '/_bulk_get', body);
	});
}

export function revsDiff(request: DbRequest): Promise<void> {
	return withBody(request, true, (body) => {
		// `bodyProblem` has made sure it is an object of ids.
		const asked = isRecord(body) ? body : {};
		if (namesLocal(Object.keys(asked))) return hiddenRefused(request.res);
		// A device that holds a hidden document is never asked to send it back (hidden.ts).
		return readThrough(request, '/_revs_diff', revsDiffVisible(request.account, asked));
	});
}

/** `GET /db/<db>/<docid>/<attachment>`: an allowed image as itself, anything else as a sandboxed download (proxy.ts). */
export async function attachmentRead(request: DbRequest): Promise<void> {
	if (hiddenMissing(request)) return;
	const { ctx, req, res, scope, rest, query } = request;
	return forward(ctx, req, res, {
		method: req.method,
		scope,
		path: `${scope}/${rest.map((segment) => encodeURIComponent(segment)).join('/')}`,
		query,
		download: true
	});
}
