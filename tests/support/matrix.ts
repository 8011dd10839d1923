/**
 * What the access matrix tests share (matrix.test.ts, matrix-measures.test.ts, matrix-involvement.test.ts):
 * the principals every route is tried as, a request as one of them, and a document written through each
 * route a device or replication writes by.
 */
import { randomBytes } from 'node:crypto';
import type { Json, TestGateway } from './gateway';

export const PRINCIPALS = ['anonymous', 'member', 'chair', 'recruiter', 'staff', 'coordinator'] as const;
export type Principal = (typeof PRINCIPALS)[number];

/** The demo accounts a matrix signs in: every principal but anonymous. */
export const SIGNED_IN = ['member', 'chair', 'recruiter', 'staff', 'coordinator'] as const;

/** A request to the gateway as `principal` (no session cookie for anonymous). */
export function requestAs(
	gateway: TestGateway,
	path: string,
	principal: Principal,
	init: RequestInit = {}
): Promise<Response> {
	const cookie = principal === 'anonymous' ? undefined : gateway.cookies[principal];
	return gateway.request(path, { ...init, cookie });
}

export const WRITE_ROUTES = ['PUT /<docid>', '_bulk_docs', '_bulk_docs new_edits:false'] as const;
export type WriteRoute = (typeof WRITE_ROUTES)[number];

/**
 * A write of `doc` to the network database through `route` as `principal`: whether it was written, the
 * answer's status, any refusal's reason and the new revision.
 */
export async function writeAs(gateway: TestGateway, route: WriteRoute, principal: Principal, doc: Json) {
	const replicated = route === '_bulk_docs new_edits:false';
	const res =
		route === 'PUT /<docid>'
			? await requestAs(gateway, `/db/network/${encodeURIComponent(String(doc._id))}`, principal, {
					method: 'PUT',
					body: JSON.stringify(doc)
				})
			: await requestAs(gateway, '/db/network/_bulk_docs', principal, {
					method: 'POST',
					body: JSON.stringify({ docs: [doc], ...(replicated ? { new_edits: false } : {}) })
				});
	const body = (await res.json()) as Json | Json[];
	const answer = Array.isArray(body) ? body[0] : body;
	const written = res.status === 201 && (replicated ? answer === undefined : answer?.ok === true);
	return { written, status: res.status, reason: answer?.reason, rev: answer?.rev };
}

/** `doc` as a new revision of the stored `current` (as a device or replication sends it). */
export function revisionOf(doc: Json, current: Json, replicated: boolean): Json {
	if (!replicated) return { ...doc, _rev: current._rev };
	const [start = '0', previous = ''] = String(current._rev).split('-');
	const id = randomBytes(16).toString('hex');
	return {
		...doc,
		_rev: `${Number(start) + 1}-${id}`,
		_revisions: { start: Number(start) + 1, ids: [id, previous] }
	};
}

/** A new document as `route` sends it: replication sends a first revision of its own. */
export function asNew(doc: Json, route: WriteRoute): Json {
	if (route !== '_bulk_docs new_edits:false' || doc._rev !== undefined) return doc;
	return { ...doc, _rev: `1-${randomBytes(16).toString('hex')}` };
}
