import { isDocType } from '../domain/documents';
import { typeOfId } from '../domain/ids';
import { mayReadId } from '../domain/private';
import { decideWrite, mayChange, type Actor } from '../domain/rules';

/** The fields a tombstone keeps from the store's copy, so that its id keeps its owner. */
export const OWNER_FIELDS = ['author', 'type', 'group'] as const;

/** Why a private document the actor may not read is refused (as `decideWrite` would). */
export const NOT_YOURS_TO_WRITE = 'You cannot write this';

/** The outcome for one incoming document: forward it (possibly trimmed), or refuse it with a reason. */
export type Verdict = { ok: true; forward: Record<string, unknown> } | { ok: false; reason: string };

/** One entry of a `_bulk_docs` answer. */
export interface BulkResult {
	id?: unknown;
	rev?: unknown;
	ok?: unknown;
	error?: unknown;
	reason?: unknown;
	[key: string]: unknown;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The gateway's rule for one document a client wants to write, on top of the shared `decideWrite` (which
 * also checks attachments against their type's rules): no design documents (they run code on the
 * server), no `_local` documents, no private documents the actor may not read, ids of the form `<type>:…`. `existing` is the store's current version
 * (`currentVersions`): a live document, or a deleted one's owner, which keeps its id: only someone who
 * could have changed it may write a new document there. A deletion is forwarded as a tombstone that
 * keeps the owner's fields from the store's copy, so nothing unvalidated rides along in its body.
 */
export function judgeIncoming(
	actor: Actor,
	doc: unknown,
	existing: Record<string, unknown> | undefined
): Verdict {
	if (!isRecord(doc)) return { ok: false, reason: 'Not a document' };
	const id = doc._id;
	if (typeof id === 'string' && id.startsWith('_design/')) {
		return { ok: false, reason: 'Design documents cannot be written' };
	}
	if (typeof id === 'string' && id.startsWith('_local/')) {
		return { ok: false, reason: 'Local documents cannot be written this way' };
	}
	// Before anything the store holds under the id is looked at (it is not even read: db-writes.ts), so the
	// answer for a document hidden from the actor is the same whether or not it exists.
	if (typeof id === 'string' && !mayReadId(actor, id)) return { ok: false, reason: NOT_YOURS_TO_WRITE };
	if (doc._deleted === true && (typeof id !== 'string' || !isDocType(typeOfId(id)))) {
		return { ok: false, reason: 'Only documents of a known type can be deleted' };
	}
	let current = existing;
	if (existing?._deleted === true) {
		if (doc._deleted === true) return { ok: true, forward: tombstone(doc, existing) };
		const refusal = reuseRefusal(actor, existing);
		if (refusal) return { ok: false, reason: refusal };
		current = undefined;
	}
	const decision = decideWrite(actor, doc, current);
	if (!decision.ok) return { ok: false, reason: decision.reason };
	if (doc._deleted === true) return { ok: true, forward: tombstone(doc, current) };
	return { ok: true, forward: doc };
}

/** Why `actor` may not write a new document under the id of a deleted one, if they may not. */
function reuseRefusal(actor: Actor, deleted: Record<string, unknown>): string | undefined {
	const owner = typeof deleted.author === 'string' ? deleted.author : undefined;
	if (owner === undefined) {
		return actor.roles.includes('coordinator')
			? undefined
			: 'This id belonged to a deleted document; only a coordinator can use it again';
	}
	return mayChange(actor, owner, deleted) ? undefined : `This id belonged to a document of ${owner}'s`;
}

/** A deletion as it is stored: the revision data, and the owner's fields from the store's copy. */
function tombstone(doc: Record<string, unknown>, stored: Record<string, unknown> | undefined) {
	const forward: Record<string, unknown> = { _id: doc._id, _deleted: true };
	if (doc._rev !== undefined) forward._rev = doc._rev;
	if (doc._revisions !== undefined) forward._revisions = doc._revisions;
	for (const field of OWNER_FIELDS) if (stored?.[field] !== undefined) forward[field] = stored[field];
	return forward;
}

/**
 * Builds the `_bulk_docs` answer in the order the client sent its documents.
 * - `new_edits: true`: the backend answered one entry per forwarded document, in order; refused documents
 *   get `{ id, error: 'forbidden', reason }` in their place.
 * - `new_edits: false` (replication): CouchDB answers only the documents it rejected, so the answer is the
 *   refused documents and the backend's errors, each at the position of its document.
 */
export function mergeBulkResults(
	docs: readonly unknown[],
	verdicts: readonly Verdict[],
	backendResults: readonly unknown[],
	newEdits: boolean
): unknown[] {
	const out: unknown[] = [];
	const idOf = (doc: unknown) => (isRecord(doc) ? doc._id : undefined);
	if (newEdits) {
		let next = 0;
		docs.forEach((doc, i) => {
			const verdict = verdicts[i];
			if (verdict && !verdict.ok) out.push({ id: idOf(doc), error: 'forbidden', reason: verdict.reason });
			else out.push(backendResults[next++] ?? { id: idOf(doc), error: 'unknown_error', reason: 'No answer' });
		});
		return out;
	}
	// Backend errors by id, consumed as their documents come up.
	const errorsById = new Map<unknown, unknown[]>();
	const unmatched: unknown[] = [];
	for (const result of backendResults) {
		const key = isRecord(result) ? result.id : undefined;
		if (key === undefined) {
			unmatched.push(result);
			continue;
		}
		const list = errorsById.get(key) ?? [];
		list.push(result);
		errorsById.set(key, list);
	}
	docs.forEach((doc, i) => {
		const verdict = verdicts[i];
		if (verdict && !verdict.ok) {
			out.push({ id: idOf(doc), error: 'forbidden', reason: verdict.reason });
			return;
		}
		const error = errorsById.get(idOf(doc))?.shift();
		if (error !== undefined) out.push(error);
	});
	for (const rest of errorsById.values()) out.push(...rest);
	out.push(...unmatched);
	return out;
}
