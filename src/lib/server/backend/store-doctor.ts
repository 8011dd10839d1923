/**
 * Checking and repairing the embedded store's databases (`npm run store -- check [--repair]`, cli/store.ts),
 * with the server stopped: a poisoned document (store-check.ts) is set aside in a quarantine file and its
 * database rebuilt without it.
 *
 * - Reading never goes through PouchDB's public changes feed or `allDocs({include_docs})`, which throw
 *   outside any promise on a poisoned document. Every document, deleted ones included (`allDocs` does not
 *   list those), is listed with the LevelDB adapter's own `_changes`, given a `processChange` that copes
 *   with the missing body; `_get` reads the bodies a poisoned document still has, for the quarantine.
 * - The rebuilt database gets every other document with all its leaf revisions (conflicts and tombstones
 *   too) and their histories, written with `new_edits: false`, as replication would. Bodies of non-leaf
 *   revisions are not copied (compaction would drop them too). `_local` documents (the devices'
 *   replication checkpoints) are not copied: the rebuilt database numbers its changes afresh, and a device
 *   that finds no checkpoint starts over from the beginning, which is what it must do.
 * - It is checked (same documents, same leaves, nothing poisoned) before the directories are swapped; the
 *   old one is kept as `<db>.poisoned-<timestamp>`.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve as resolvePath } from 'node:path';
import PouchDB from 'pouchdb-node';
import { findPoisonedIds, type PoisonedDatabase } from './store-check';
import { messageOf } from '../errors';

/** What the LevelDB adapter keeps about a document: its revision tree, and where each revision's body is. */
interface DocumentMetadata {
	id: string;
	rev_tree: unknown;
	rev_map: Record<string, number>;
	winningRev?: string;
	seq: number;
}

interface Listed {
	id: string;
	/** The winning revision's body could not be read: the public changes feed would throw on it. */
	unreadable: boolean;
	metadata: DocumentMetadata;
}

/** PouchDB's adapter-level methods, which its public `changes` and `get` wrap (every adapter has them). */
interface AdapterMethods {
	_changes(options: {
		since: number;
		return_docs: false;
		processChange(doc: { _rev?: string } | undefined, metadata: DocumentMetadata): Listed;
		onChange(change: Listed): void;
		complete(error: unknown, result?: unknown): void;
	}): void;
	_get(
		id: string,
		options: { rev: string },
		callback: (error: unknown, result?: { doc: unknown }) => void
	): void;
}

type Leaf = { ok: PouchDB.Core.Document<object> & PouchDB.Core.RevisionIdMeta } | { missing: string };

export interface DatabaseCheck extends PoisonedDatabase {
	/** Documents listed, deleted ones included. */
	documents: number;
}

export interface RepairResult {
	database: string;
	quarantine: string;
	keptAs: string;
	copied: number;
	revisions: number;
}

const SET_ASIDE = /\.(poisoned|rebuild)-/;
const BATCH = 200;

function asError(error: unknown): Error {
	return error instanceof Error ? error : new Error(String(error));
}

function openDatabase(dataDir: string, name: string): PouchDB.Database {
	const Pouch = PouchDB.defaults({ prefix: resolvePath(dataDir) + '/' }) as unknown as PouchDB.Static;
	return new Pouch(name);
}

function adapter(db: PouchDB.Database): AdapterMethods {
	return db as unknown as AdapterMethods;
}

/** The LevelDB databases in `dataDir`, leaving out those a repair set aside or is building. */
export async function listDatabases(dataDir: string): Promise<string[]> {
	const entries = await readdir(dataDir, { withFileTypes: true });
	return entries
		.filter((entry) => entry.isDirectory() && !SET_ASIDE.test(entry.name))
		.filter((entry) => existsSync(join(dataDir, entry.name, 'CURRENT')))
		.map((entry) => entry.name)
		.sort();
}

/** Every document of `db` in change order, deleted ones included, without throwing on a poisoned one. */
export async function listDocuments(db: PouchDB.Database): Promise<Listed[]> {
	// The adapter's own methods do not wait for the database to open, as the public ones do.
	await db.info();
	const listed: Listed[] = [];
	return new Promise((resolve, reject) => {
		adapter(db)._changes({
			since: 0,
			return_docs: false,
			processChange: (doc, metadata) => ({ id: metadata.id, unreadable: doc === undefined, metadata }),
			onChange: (change) => listed.push(change),
			complete: (error) => (error ? reject(asError(error)) : resolve(listed))
		});
	});
}

/** The ids of the poisoned documents of an open database: by their revision, or by an unreadable body. */
async function poisonedIds(db: PouchDB.Database, listed: Listed[]): Promise<string[]> {
	const ids = new Set(await findPoisonedIds(db));
	for (const entry of listed) if (entry.unreadable) ids.add(entry.id);
	return [...ids].sort();
}

/** Opens a database for `use`; a LevelDB lock error (the server is running) reaches the caller. */
async function withDatabase<T>(
	dataDir: string,
	name: string,
	use: (db: PouchDB.Database) => Promise<T>
): Promise<T> {
	const db = openDatabase(dataDir, name);
	// When this fails, nothing is open to close.
	await db.info();
	try {
		return await use(db);
	} finally {
		await db.close();
	}
}

/** Lists the poisoned documents of every database in `dataDir`. */
export async function checkStore(dataDir: string): Promise<DatabaseCheck[]> {
	const checks: DatabaseCheck[] = [];
	for (const database of await listDatabases(dataDir)) {
		checks.push(
			await withDatabase(dataDir, database, async (db) => {
				const listed = await listDocuments(db);
				return { database, ids: await poisonedIds(db, listed), documents: listed.length };
			})
		);
	}
	return checks;
}

async function attempt<T>(read: () => Promise<T>): Promise<T | { error: string }> {
	try {
		return await read();
	} catch (error) {
		return { error: messageOf(error) };
	}
}

function storedBody(db: PouchDB.Database, id: string, rev: string): Promise<unknown> {
	return new Promise((resolve, reject) => {
		adapter(db)._get(id, { rev }, (error, result) => (error ? reject(asError(error)) : resolve(result?.doc)));
	});
}

/** Whatever can be read of a poisoned document without throwing. */
async function quarantineRecord(
	db: PouchDB.Database,
	id: string,
	entry: Listed | undefined
): Promise<object> {
	const row = await attempt(async () => (await db.allDocs({ key: id })).rows[0] ?? null);
	const bodies = [];
	for (const rev of Object.keys(entry?.metadata.rev_map ?? {})) {
		bodies.push({ rev, body: await attempt(() => storedBody(db, id, rev)) });
	}
	const openRevs = await attempt(() => readLeaves(db, id, { attachments: true }));
	return { id, allDocsRow: row, metadata: entry?.metadata ?? null, storedBodies: bodies, openRevs };
}

function timestamp(now: Date): string {
	return now.toISOString().slice(0, 19).replace(/:/g, '-') + 'Z';
}

function quarantineFile(dataDir: string, database: string, stamp: string): string {
	return join(resolvePath(dataDir), 'quarantine', `${database}-${stamp}.json`);
}

async function writeQuarantine(
	file: string,
	database: string,
	records: object[],
	fresh: boolean
): Promise<void> {
	await mkdir(dirname(file), { recursive: true });
	const note =
		'Documents taken out of the database by `npm run store -- check --repair`: what could be read.';
	const text = JSON.stringify({ database, note, documents: records }, null, '\t') + '\n';
	await writeFile(file, text, { flag: fresh ? 'wx' : 'w' });
}

/** Every leaf revision of a document with its history (pouchdb-core's types lack the attachment options). */
async function readLeaves(
	db: PouchDB.Database,
	id: string,
	attachments: { attachments?: boolean; binary?: boolean }
): Promise<Leaf[]> {
	const options = { open_revs: 'all', revs: true, ...attachments } as PouchDB.Core.GetOpenRevisions;
	return (await db.get(id, options)) as Leaf[];
}

async function writeBatch(target: PouchDB.Database, docs: PouchDB.Core.PutDocument<object>[]): Promise<void> {
	if (docs.length === 0) return;
	const results = await target.bulkDocs(docs.splice(0), { new_edits: false });
	const failed = results.find((result) => 'error' in result && result.error);
	if (failed)
		throw new Error(`Could not copy ${failed.id}: ${'message' in failed ? failed.message : 'refused'}`);
}

interface Copied {
	/** Each copied document's leaf revisions, sorted. */
	leaves: Map<string, string[]>;
	/** Leaves of documents copied otherwise that could not be read, for the quarantine file. */
	missing: { id: string; missing: string[] }[];
	revisions: number;
}

/** Copies every listed document not in `skip`, with all its readable leaves, in batches. */
async function copyDocuments(
	source: PouchDB.Database,
	target: PouchDB.Database,
	listed: Listed[],
	skip: Set<string>
): Promise<Copied> {
	const copied: Copied = { leaves: new Map(), missing: [], revisions: 0 };
	const batch: PouchDB.Core.PutDocument<object>[] = [];
	for (const { id } of listed) {
		if (skip.has(id)) continue;
		const leaves = await readLeaves(source, id, { attachments: true, binary: true });
		const docs = leaves.flatMap((leaf) => ('ok' in leaf ? [leaf.ok] : []));
		const missing = leaves.flatMap((leaf) => ('missing' in leaf ? [leaf.missing] : []));
		if (missing.length > 0) copied.missing.push({ id, missing });
		if (docs.length === 0) continue;
		copied.leaves.set(id, docs.map((doc) => doc._rev).sort());
		copied.revisions += docs.length;
		batch.push(...docs);
		if (batch.length >= BATCH) await writeBatch(target, batch);
	}
	await writeBatch(target, batch);
	return copied;
}

/** Throws unless the rebuilt database holds exactly the copied documents and leaves, none poisoned. */
async function verifyCopy(target: PouchDB.Database, copied: Copied): Promise<void> {
	const listed = await listDocuments(target);
	const problems: string[] = [];
	if (listed.length !== copied.leaves.size) {
		problems.push(`${listed.length} documents instead of ${copied.leaves.size}`);
	}
	const poisoned = await poisonedIds(target, listed);
	if (poisoned.length > 0) problems.push(`still poisoned: ${poisoned.join(', ')}`);
	for (const [id, expected] of copied.leaves) {
		const leaves = await readLeaves(target, id, {});
		const found = leaves.flatMap((leaf) => ('ok' in leaf ? [leaf.ok._rev] : [])).sort();
		if (found.join() !== expected.join()) problems.push(`${id} has ${found.join() || 'nothing'}`);
	}
	if (problems.length > 0) throw new Error(`The rebuilt database does not match: ${problems.join('; ')}`);
}

/** Builds `<database>.rebuild-<stamp>` from the good documents; removes it again if anything fails. */
async function rebuild(
	dataDir: string,
	source: PouchDB.Database,
	name: string,
	listed: Listed[],
	skip: Set<string>
) {
	const target = openDatabase(dataDir, name);
	try {
		const copied = await copyDocuments(source, target, listed, skip);
		await verifyCopy(target, copied);
		await target.close();
		return copied;
	} catch (error) {
		await target.destroy();
		throw error;
	}
}

async function swap(dataDir: string, database: string, rebuilt: string, keptAs: string): Promise<void> {
	const directory = resolvePath(dataDir);
	if (existsSync(join(directory, keptAs))) throw new Error(`${keptAs} exists already: try again in a second`);
	await rename(join(directory, database), join(directory, keptAs));
	await rename(join(directory, rebuilt), join(directory, database));
}

/**
 * Quarantines the poisoned documents of one database and rebuilds it without them. Returns undefined when
 * it has none.
 */
export async function repairDatabase(
	dataDir: string,
	database: string,
	now: Date = new Date()
): Promise<RepairResult | undefined> {
	const stamp = timestamp(now);
	const rebuilt = `${database}.rebuild-${stamp}`;
	const quarantine = quarantineFile(dataDir, database, stamp);
	const found = await withDatabase(dataDir, database, async (db) => {
		const listed = await listDocuments(db);
		const ids = await poisonedIds(db, listed);
		if (ids.length === 0) return undefined;
		const byId = new Map(listed.map((entry) => [entry.id, entry]));
		const records = [];
		for (const id of ids) records.push(await quarantineRecord(db, id, byId.get(id)));
		await writeQuarantine(quarantine, database, records, true);
		const copied = await rebuild(dataDir, db, rebuilt, listed, new Set(ids));
		if (copied.missing.length > 0) {
			records.push(...copied.missing.map((entry) => ({ ...entry, note: 'copied without these leaves' })));
			await writeQuarantine(quarantine, database, records, false);
		}
		return copied;
	});
	if (!found) return undefined;
	const keptAs = `${database}.poisoned-${stamp}`;
	await swap(dataDir, database, rebuilt, keptAs);
	return {
		database,
		quarantine,
		keptAs,
		copied: found.leaves.size,
		revisions: found.revisions
	};
}
