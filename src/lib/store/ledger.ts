import type { AppDoc, StoredMeta } from '$lib/domain';

export type StoredDoc = AppDoc & StoredMeta & { _rev: string };
export type LedgerDb = PouchDB.Database<Record<string, unknown>>;

/**
 * The ledger: one PouchDB database per account and network database. PouchDB is imported lazily so it
 * never loads outside a browser (and stays out of the first-load bundle).
 */
export class Ledger {
	private constructor(readonly db: LedgerDb) {}

	static async open(
		name: string,
		options: PouchDB.Configuration.DatabaseConfiguration = {}
	): Promise<Ledger> {
		const { default: PouchDB } = await import('pouchdb-browser');
		return new Ledger(new PouchDB<Record<string, unknown>>(name, { adapter: 'idb', ...options }));
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
		try {
			return await this.db.get(id, { conflicts: true });
		} catch (error) {
			if (isNotFound(error)) return undefined;
			throw error;
		}
	}

	async getRev(id: string, rev: string): Promise<Record<string, unknown> | undefined> {
		try {
			return await this.db.get(id, { rev });
		} catch (error) {
			if (isNotFound(error)) return undefined;
			throw error;
		}
	}

	/** Writes a document; `rev` is the revision it replaces (a 409 means someone else changed it first). */
	async put(doc: AppDoc, rev?: string): Promise<string> {
		const result = await this.db.put({ ...doc, ...(rev ? { _rev: rev } : {}) });
		return result.rev;
	}

	async remove(id: string, rev: string): Promise<string> {
		const result = await this.db.remove(id, rev);
		return result.rev;
	}

	async destroy(): Promise<void> {
		await this.db.destroy();
	}

	async close(): Promise<void> {
		await this.db.close();
	}
}

export function isNotFound(error: unknown): boolean {
	return typeof error === 'object' && error !== null && (error as { status?: number }).status === 404;
}

export function isConflict(error: unknown): boolean {
	return typeof error === 'object' && error !== null && (error as { status?: number }).status === 409;
}
