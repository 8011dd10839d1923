import { isDocType } from '../domain/documents';
import { typeOfId } from '../domain/ids';
import { decideWrite, type Actor } from '../domain/rules';

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
 * server), no `_local` documents, ids of the form `<type>:…`. A deletion is forwarded as a bare tombstone
 * so nothing unvalidated rides along in its body.
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
	if (doc._deleted === true && (typeof id !== 'string' || !isDocType(typeOfId(id)))) {
		return { ok: false, reason: 'Only documents of a known type can be deleted' };
	}
	const decision = decideWrite(actor, doc, existing);
	if (!decision.ok) return { ok: false, reason: decision.reason };
	if (doc._deleted === true) {
		const tombstone: Record<string, unknown> = { _id: doc._id, _deleted: true };
		if (doc._rev !== undefined) tombstone._rev = doc._rev;
		if (doc._revisions !== undefined) tombstone._revisions = doc._revisions;
		return { ok: true, forward: tombstone };
	}
	return { ok: true, forward: doc };
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
