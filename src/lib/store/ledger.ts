import type { AppDoc, StoredMeta } from '$lib/domain';

export type StoredDoc = AppDoc & StoredMeta & { _rev: string };
export type LedgerDb = PouchDB.Database<Record<string, unknown>>;

/**
 * The ledger: one PouchDB database per account and network database. PouchDB is imported lazily so it
 * never loads outside a browser (and stays out of the first-load bundle). A ledger can be handed out
 * before it opens (`Ledger.deferred`): its methods wait until it is open, so nothing written is dropped,
 * and the app can show the desk's lists without waiting for PouchDB.
 */
export class Ledger {
	private database: LedgerDb | undefined;
	private opening: Promise<void> | undefined;

	private constructor(private readonly connect: () => Promise<LedgerDb>) {}

	/** A ledger that loads PouchDB and opens its database only on `ready()` or on its first use. */
	static deferred(name: string, options: PouchDB.Configuration.DatabaseConfiguration = {}): Ledger {
		return new Ledger(async () => {
			const { default: PouchDB } = await import('pouchdb-browser');
			return withQuickRevsDiff(new PouchDB<Record<string, unknown>>(name, { adapter: 'idb', ...options }));
		});
	}

	static async open(
		name: string,
		options: PouchDB.Configuration.DatabaseConfiguration = {}
	): Promise<Ledger> {
		const ledger = Ledger.deferred(name, options);
		await ledger.ready();
		return ledger;
	}

	/** Opens the database (once; a failed attempt is tried again on the next call). */
	ready(): Promise<void> {
		this.opening ??= this.connect().then(
			(db) => void (this.database = db),
			(error: unknown) => {
				this.opening = undefined;
				throw error;
			}
		);
		return this.opening;
	}

	/** The PouchDB database itself, for code that runs once `ready()` has resolved. */
	get db(): LedgerDb {
		if (!this.database) throw new Error('The ledger is not open yet');
		return this.database;
	}

	/** The server's copy of a database, through the gateway. Never creates it. */
	static async remote(url: string): Promise<LedgerDb> {
		const { default: PouchDB } = await import('pouchdb-browser');
		return new PouchDB<Record<string, unknown>>(url, { skip_setup: true });
	}

	/** The winning revision with its conflicts, or undefined when the document does not exist. */
	async get(
		id: string
	): Promise<(Record<string, unknown> & { _id: string; _rev: string; _conflicts?: string[] }) | undefined> {
		await this.ready();
		try {
			return await this.db.get(id, { conflicts: true });
		} catch (error) {
			if (isNotFound(error)) return undefined;
			throw error;
		}
	}

	async getRev(id: string, rev: string): Promise<Record<string, unknown> | undefined> {
		await this.ready();
		try {
			return await this.db.get(id, { rev });
		} catch (error) {
			if (isNotFound(error)) return undefined;
			throw error;
		}
	}

	/** Writes a document; `rev` is the revision it replaces (a 409 means someone else changed it first). */
	async put(doc: AppDoc, rev?: string): Promise<string> {
		await this.ready();
		const result = await this.db.put({ ...doc, ...(rev ? { _rev: rev } : {}) });
		return result.rev;
	}

	async remove(id: string, rev: string): Promise<string> {
		await this.ready();
		const result = await this.db.remove(id, rev);
		return result.rev;
	}

	/** An attachment of a document, or undefined when the document or attachment is not there. */
	async attachment(id: string, name: string): Promise<Blob | undefined> {
		await this.ready();
		try {
			const data = await this.db.getAttachment(id, name);
			return data instanceof Blob ? data : undefined;
		} catch (error) {
			if (isNotFound(error)) return undefined;
			throw error;
		}
	}

	async destroy(): Promise<void> {
		await this.ready();
		await this.db.destroy();
	}

	/** Closes the database; a ledger that never opened has nothing to close. */
	async close(): Promise<void> {
		if (!this.opening) return;
		// A ledger that failed to open told whoever opened it; there is nothing to close then.
		const opened = await this.opening.then(
			() => true,
			() => false
		);
		if (opened) await this.database?.close();
	}
}

/**
 * A pull asks the ledger which of the server's revisions it lacks (`revsDiff`) for every batch. PouchDB
 * reads each document's revision tree in a transaction of its own to answer, and makes an error object for
 * each document it does not have: most of a first sync's work apart from writing. A document the ledger does
 * not hold at all lacks every revision, so one `allDocs` (one transaction, no documents read) finds those,
 * and only the documents it holds go to PouchDB's own answer.
 */
export function withQuickRevsDiff(db: LedgerDb): LedgerDb {
	const own = db.revsDiff.bind(db) as (
		diff: PouchDB.Core.RevisionDiffOptions
	) => Promise<PouchDB.Core.RevisionDiffResponse>;
	const revsDiff = async (
		diff: PouchDB.Core.RevisionDiffOptions
	): Promise<PouchDB.Core.RevisionDiffResponse> => {
		const held = await db.allDocs({ keys: Object.keys(diff) });
		const answer: PouchDB.Core.RevisionDiffResponse = {};
		const known: PouchDB.Core.RevisionDiffOptions = {};
		for (const row of held.rows) {
			const revs = diff[row.key];
			if (!revs) continue;
			if ('error' in row) answer[row.key] = { missing: revs };
			else known[row.key] = revs;
		}
		return Object.keys(known).length > 0 ? { ...answer, ...(await own(known)) } : answer;
	};
	return Object.assign(db, { revsDiff });
}

export function isNotFound(error: unknown): boolean {
	return typeof error === 'object' && error !== null && (error as { status?: number }).status === 404;
}

export function isConflict(error: unknown): boolean {
	return typeof error === 'object' && error !== null && (error as { status?: number }).status === 409;
}
