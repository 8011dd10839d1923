/**
 * What the store holds now for the ids a client wants to write: each live document's winning revision,
 * and for a deleted one who owned it. A deleted id keeps its owner, so nobody else can write a new
 * document under it: the owner is read from the tombstone (the gateway keeps `author`, `type` and `group`
 * in the tombstones it forwards) or, for an older bare tombstone, from the revision before it.
 */
import type { DatabaseName } from '../domain/accounts';
import { splitRev } from '../domain/revisions';
import type { CouchClient } from './couch';
import type { Json } from './http';
import { isRecord, OWNER_FIELDS } from './writes';

/** A deleted document as far as ownership goes: `_deleted`, and `author`, `type`, `group` when known. */
export type DeletedStub = Json & { _deleted: true };

export interface VersionSource {
	couch: CouchClient;
	backendName(db: DatabaseName): string;
}

/** The ownership fields of a stored version, when it names an author. */
function ownerOf(doc: unknown): DeletedStub | undefined {
	if (!isRecord(doc) || typeof doc.author !== 'string') return undefined;
	const stub: DeletedStub = { _deleted: true };
	for (const field of OWNER_FIELDS) if (doc[field] !== undefined) stub[field] = doc[field];
	return stub;
}

async function readRevision(
	source: VersionSource,
	db: DatabaseName,
	id: string,
	rev: string,
	signal: AbortSignal
): Promise<Json | undefined> {
	const path = `${encodeURIComponent(id)}?rev=${encodeURIComponent(rev)}&revs=true`;
	const answer = await source.couch.request<unknown>(
		'GET',
		source.couch.url(source.backendName(db), path),
		undefined,
		{
			signal
		}
	);
	return answer.ok && isRecord(answer.body) ? answer.body : undefined;
}

/** Who owned a deleted document: its tombstone's fields, else the revision before the tombstone's. */
async function deletedOwner(
	source: VersionSource,
	db: DatabaseName,
	id: string,
	rev: string,
	signal: AbortSignal
): Promise<DeletedStub> {
	const tombstone = await readRevision(source, db, id, rev, signal);
	const fromTombstone = ownerOf(tombstone);
	if (fromTombstone) return fromTombstone;
	const history = tombstone?._revisions;
	const current = splitRev(rev);
	if (current && isRecord(history) && Array.isArray(history.ids) && typeof history.ids[1] === 'string') {
		const before = await readRevision(source, db, id, `${current.generation - 1}-${history.ids[1]}`, signal);
		const fromBefore = ownerOf(before);
		if (fromBefore) return fromBefore;
	}
	return { _deleted: true };
}

/**
 * The current version of each of `ids`, in one request plus one or two per deleted id: the winning live
 * document, or a `DeletedStub` for a deleted one. Ids the store has never seen are absent.
 */
export async function currentVersions(
	source: VersionSource,
	db: DatabaseName,
	ids: string[],
	signal: AbortSignal
): Promise<Map<string, Json>> {
	const versions = new Map<string, Json>();
	if (ids.length === 0) return versions;
	const rows = await source.couch.allDocsByKeys<Json>(source.backendName(db), ids, signal);
	for (const row of rows) {
		if (typeof row.id !== 'string' || !row.value) continue;
		if (!row.value.deleted && row.doc) versions.set(row.id, row.doc);
		else if (row.value.deleted) {
			versions.set(row.id, await deletedOwner(source, db, row.id, row.value.rev, signal));
		}
	}
	return versions;
}
