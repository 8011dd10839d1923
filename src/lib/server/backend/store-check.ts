/**
 * Spotting "poisoned" documents cheaply: a revision history written with `new_edits: false` and an empty
 * `_revisions.ids` leaves pouchdb-node with a winning revision like `2-undefined` that has no stored body,
 * and reading it through the changes feed throws inside PouchDB, outside any promise. `allDocs()` without
 * documents reads only each document's revision tree, so it lists them without reading a body.
 */

/** What every revision PouchDB or CouchDB makes looks like: generation, dash, hex digest. */
export const GOOD_REVISION = /^[1-9][0-9]*-[0-9a-f]+$/;

export interface PoisonedDatabase {
	database: string;
	ids: string[];
}

/** The ids of the documents of `db` whose winning revision is not a well-formed revision. */
export async function findPoisonedIds(db: PouchDB.Database): Promise<string[]> {
	const { rows } = await db.allDocs();
	return rows.filter((row) => !GOOD_REVISION.test(row.value.rev)).map((row) => row.id);
}

/** The one line the server logs for a database with poisoned documents. */
export function poisonedWarning({ database, ids }: PoisonedDatabase): string {
	const documents = ids.length === 1 ? '1 document' : `${ids.length} documents`;
	return (
		`Database ${database} has ${documents} with a broken revision history that can crash the embedded ` +
		`database when a device syncs: ${ids.join(', ')}. Stop the server and run ` +
		'`npm run store -- check --repair` to set them aside.'
	);
}
