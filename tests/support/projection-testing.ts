/** Helpers for the projection's tests (src/lib/store/projection*.test.ts, idea-counts.test.ts): not part of the app. */
import type { Desk } from '../../src/lib/store/desk';
import type { Ledger } from '../../src/lib/store/ledger';

/** Every read-model table's rows, by table name (the time a document was set aside left out). */
export async function snapshot(desk: Desk): Promise<Record<string, unknown[]>> {
	const tables: Record<string, unknown[]> = {};
	for (const table of desk.readModels) {
		const rows: unknown[] = await table.toArray();
		tables[table.name] =
			table.name === 'quarantine'
				? rows.map((row) => ({ ...(row as Record<string, unknown>), at: undefined }))
				: rows;
	}
	return tables;
}

/**
 * Writes versions of `doc` (titled, by revision hash) on branches of their own from revision `rev`, as
 * edits made on other devices arrive: PouchDB keeps them all, the greatest hash winning.
 */
export async function branches(
	ledger: Ledger,
	doc: { _id: string },
	rev: string,
	titles: Record<string, string>
): Promise<void> {
	const parent = rev.split('-')[1] ?? '';
	const docs = Object.entries(titles).map(([hash, title]) => ({
		...doc,
		title,
		_rev: `2-${hash}`,
		_revisions: { start: 2, ids: [hash, parent] }
	}));
	await ledger.db.bulkDocs(docs, { new_edits: false });
}
