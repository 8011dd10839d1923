/**
 * Revision data as CouchDB and PouchDB write it: what a well-formed `_rev`, `_revisions` and `_deleted`
 * look like, and which underscore fields a document may carry when it is written. Incoming revision data
 * is hostile until checked: a revision tree the store cannot read (`_revisions: {start: 1, ids: []}`)
 * once crashed the embedded store on every `_changes` that reached it.
 */

/** `<generation>-<hash>`: a positive generation and a lower-case hex hash (an MD5 from PouchDB and CouchDB). */
export const REV_PATTERN = /^([1-9][0-9]{0,8})-([0-9a-f]{1,64})$/;

/** A revision history longer than this is trimmed by every store anyway (CouchDB's `revs_limit`). */
export const MAX_REVISION_IDS = 1000;

/** The underscore fields a written document may carry; every other one (`_conflicts`, `_foo`…) is refused. */
export const WRITABLE_SPECIAL_FIELDS: ReadonlySet<string> = new Set([
	'_id',
	'_rev',
	'_revisions',
	'_deleted',
	'_attachments'
]);

export function isRev(value: unknown): value is string {
	return typeof value === 'string' && REV_PATTERN.test(value);
}

/** The generation and hash of a well-formed revision. */
export function splitRev(rev: string): { generation: number; hash: string } | undefined {
	const match = REV_PATTERN.exec(rev);
	if (!match?.[1] || !match[2]) return undefined;
	return { generation: Number(match[1]), hash: match[2] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const HASH_PATTERN = /^[0-9a-f]{1,64}$/;

/**
 * What is wrong with a document's revision data and special fields, or undefined when it is well formed.
 * `newEdits` is false for replication (`new_edits: false`), where the writer names the revision: then a
 * `_rev` is required, and `_revisions` (when sent) must end in it.
 */
export function revisionProblem(doc: Record<string, unknown>, newEdits: boolean): string | undefined {
	for (const key of Object.keys(doc)) {
		if (key.startsWith('_') && !WRITABLE_SPECIAL_FIELDS.has(key)) {
			return `A document cannot carry the field ${JSON.stringify(key.slice(0, 40))}`;
		}
	}
	if (typeof doc._id !== 'string' || doc._id === '') return 'A document needs an _id';
	if ('_deleted' in doc && typeof doc._deleted !== 'boolean') return '_deleted must be true or false';
	if ('_rev' in doc && !isRev(doc._rev)) return '_rev must be of the form <number>-<hex>';
	if (!newEdits && !('_rev' in doc)) return 'A replicated document needs a _rev';
	if (!('_revisions' in doc)) return undefined;
	return revisionsProblem(doc._revisions, typeof doc._rev === 'string' ? doc._rev : undefined);
}

function revisionsProblem(revisions: unknown, rev: string | undefined): string | undefined {
	if (rev === undefined) return '_revisions needs a _rev';
	const current = splitRev(rev);
	if (!current) return '_rev must be of the form <number>-<hex>';
	if (!isRecord(revisions)) return '_revisions must be an object';
	const keys = Object.keys(revisions);
	if (keys.some((key) => key !== 'start' && key !== 'ids')) return '_revisions has only start and ids';
	const { start, ids } = revisions;
	if (start !== current.generation) return "_revisions.start must be the _rev's generation";
	if (!Array.isArray(ids) || ids.length === 0) return '_revisions.ids must be a non-empty list';
	if (ids.length > MAX_REVISION_IDS) return `_revisions.ids has at most ${MAX_REVISION_IDS} entries`;
	if (ids.length > current.generation) return '_revisions.ids is longer than the history it describes';
	if (!ids.every((id) => typeof id === 'string' && HASH_PATTERN.test(id))) {
		return '_revisions.ids must be hex strings';
	}
	if (ids[0] !== current.hash) return "_revisions.ids must start with the _rev's hash";
	return undefined;
}
