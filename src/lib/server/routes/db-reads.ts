/** The `/db` routes that only read: what pull replication asks for, passed on with design documents taken out. */
import {
	allDocsWithoutDesign,
	changesWithoutDesign,
	revsDiffWithoutDesign,
	storeLimit
} from '../design-docs';
import { forward, type ForwardOptions } from '../proxy';
import { isRecord } from '../writes';
import { hiddenRefused, jsonParam, namesHidden, namesLocal, withBody, type DbRequest } from './db-request';

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

/** `GET /db/<db>`: the database's public name, not the store's (which may carry COUCHDB_DB_PREFIX). */
export function info(request: DbRequest): Promise<void> {
	return readThrough(request, '', undefined, {
		rewrite: (answer) => (isRecord(answer) ? { ...answer, db_name: request.db } : answer)
	});
}

export function changes(request: DbRequest): Promise<void> {
	const { req, res, params } = request;
	return withBody(request, req.method === 'POST', (body) => {
		if (namesHidden(jsonParam(params, 'doc_ids')) || (isRecord(body) && namesHidden(body.doc_ids))) {
			return hiddenRefused(res);
		}
		// A few rows to spare, in place of the design documents taken out (design-docs.ts).
		const limit = params.get('limit');
		const asked = new URLSearchParams(params);
		if (limit !== null) asked.set('limit', String(storeLimit(limit)));
		return readThrough(request, '/_changes', body, {
			query: asked.toString(),
			rewrite: (answer) => changesWithoutDesign(answer, limit)
		});
	});
}

export function allDocs(request: DbRequest): Promise<void> {
	const { req, res, params } = request;
	return withBody(request, req.method === 'POST', (body) => {
		const keys = [jsonParam(params, 'keys'), [jsonParam(params, 'key')], isRecord(body) ? body.keys : []];
		if (keys.some(namesHidden)) return hiddenRefused(res);
		return readThrough(request, '/_all_docs', body, { rewrite: allDocsWithoutDesign });
	});
}

export function bulkGet(request: DbRequest): Promise<void> {
	return withBody(request, true, (body) => {
		const ids =
			isRecord(body) && Array.isArray(body.docs) ? body.docs.map((d) => (isRecord(d) ? d.id : d)) : [];
		if (namesHidden(ids)) return hiddenRefused(request.res);
		return readThrough(request, '/_bulk_get', body);
	});
}

export function revsDiff(request: DbRequest): Promise<void> {
	return withBody(request, true, (body) => {
		// `bodyProblem` has made sure it is an object of ids.
		const asked = isRecord(body) ? body : {};
		if (namesLocal(Object.keys(asked))) return hiddenRefused(request.res);
		// A device that was sent a design document before keeps it: it is never asked to send it back.
		return readThrough(request, '/_revs_diff', revsDiffWithoutDesign(asked));
	});
}

/** `GET /db/<db>/<docid>/<attachment>`: an allowed image as itself, anything else as a sandboxed download (proxy.ts). */
export function attachmentRead(request: DbRequest): Promise<void> {
	const { ctx, req, res, scope, rest, query } = request;
	return forward(ctx, req, res, {
		method: req.method,
		scope,
		path: `${scope}/${rest.map((segment) => encodeURIComponent(segment)).join('/')}`,
		query,
		download: true
	});
}
