/** What every `/db` route handler works with (db.ts checks it before any of them runs). */
import type { Request, Response } from 'express';
import type { DatabaseName } from '../../domain/accounts';
import type { Account } from '../accounts';
import type { GatewayContext } from '../context';
import { isHiddenFrom, namesHiddenFrom } from '../hidden';
import { jsonReader, READ_BODY_LIMIT, REPLICATION_BODY_LIMIT, sendError } from '../http';
import type { DbRoute } from '../policy';
import { bodyProblem } from '../replication-input';

/** One checked request to a database route: who, where, and the query as the gateway will forward it. */
export interface DbRequest {
	ctx: GatewayContext;
	req: Request;
	res: Response;
	/** The signed-in account, which `policy.ts` lets use this route of this database. */
	account: Account;
	db: DatabaseName;
	route: DbRoute;
	/** The decoded path segments after the database's. */
	rest: readonly string[];
	/** The database's base path on the backend, e.g. `/network`. */
	scope: string;
	params: URLSearchParams;
	/** `params`, encoded again: what the backend is sent instead of the client's raw query. */
	query: string;
}

/** A route's handler: it answers the request, from the backend or by refusing it. */
export type DbHandler = (request: DbRequest) => Promise<void> | void;

export function refuse(res: Response, reason = 'This operation is not available'): void {
	sendError(res, 403, 'forbidden', reason);
}

export function badRequest(res: Response, reason: string): void {
	sendError(res, 400, 'bad_request', reason);
}

/** A JSON-encoded query parameter (`keys=[...]`, `doc_ids=[...]`), or undefined. */
export function jsonParam(params: URLSearchParams, name: string): unknown {
	const value = params.get(name);
	if (value === null) return undefined;
	try {
		return JSON.parse(value) as unknown;
	} catch {
		return undefined;
	}
}

/** Whether a list of ids names a `_local` document: those are reachable only at `_local/<id>`. */
export function namesLocal(ids: unknown): boolean {
	return Array.isArray(ids) && ids.some((id) => typeof id === 'string' && id.startsWith('_local/'));
}

/**
 * Whether a list of ids names a `_local` document, or a document never shown to the account (hidden.ts):
 * refused as a whole, judged by the ids alone, so the answer is the same whether or not they exist.
 */
export function namesHidden(request: Pick<DbRequest, 'account'>, ids: unknown): boolean {
	return namesLocal(ids) || namesHiddenFrom(request.account, ids);
}

export function hiddenRefused(res: Response): Promise<void> {
	refuse(
		res,
		'Local documents are only available at _local/<id>, and other documents named here are not yours to read'
	);
	return Promise.resolve();
}

/**
 * The answer to reading a document hidden from the account, whatever the store holds under its id: the
 * store is not asked, so nothing tells one that exists from one that does not.
 */
export function hiddenMissing(request: DbRequest): boolean {
	const id = request.rest[0];
	if (!isHiddenFrom(request.account, id)) return false;
	sendError(request.res, 404, 'not_found', 'missing');
	return true;
}

const readReplicationBody = jsonReader(REPLICATION_BODY_LIMIT);
const readSmallBody = jsonReader(READ_BODY_LIMIT);

/**
 * Parses and checks a JSON body when the route takes one (`bodyProblem`), then runs `next` with it.
 * Writes may carry photos; every other body is ids and revisions, and is kept small.
 */
export async function withBody(
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
