/**
 * The read models: the desk's tables the projection fills from the ledger, a document's rows in them, and
 * the two kinds of plug-in every document type lands through (registered in projection-batch.ts): a
 * `Writer` (a pure function from a valid document to its rows) and a `Rollup` (rows worked out from other
 * rows in the same transaction, such as an idea's counts).
 */
import type { InsertType, Table } from 'dexie';
import type { DocOf, DocType } from '$lib/domain';
import type {
	CommentRow,
	ConflictRow,
	Desk,
	IdeaRow,
	ObservationRow,
	PhotoRow,
	QuarantineRow,
	StatusRow,
	SupportRow,
	VisitRow
} from './desk';
import type { GroupRow, MeetingPartRow, MeetingRow } from './meeting-rows';
import type { GlossaryRow } from './glossary';
import type {
	ClaimPartRow,
	ClaimRow,
	ExpenseRatesRow,
	InvolvementRow,
	OpportunityRow,
	ProfileRow
} from './involvement-rows';
import type { ProjectPartRow, ProjectRow } from './project-rows';
import type { CoordinatorKeyRow, EventRow } from './recruitment';

/** The row of each read-model table (the tables `Desk.readModels` lists), by table name. */
export interface ReadModelRows {
	ideas: IdeaRow;
	comments: CommentRow;
	supports: SupportRow;
	statuses: StatusRow;
	photos: PhotoRow;
	conflicts: ConflictRow;
	visits: VisitRow;
	observations: ObservationRow;
	groups: GroupRow;
	meetings: MeetingRow;
	meetingParts: MeetingPartRow;
	projects: ProjectRow;
	projectParts: ProjectPartRow;
	glossary: GlossaryRow;
	opportunities: OpportunityRow;
	involvement: InvolvementRow;
	profiles: ProfileRow;
	claims: ClaimRow;
	claimParts: ClaimPartRow;
	expenseRates: ExpenseRatesRow;
	events: EventRow;
	coordinatorKeys: CoordinatorKeyRow;
	quarantine: QuarantineRow;
}

export type ReadModel = keyof ReadModelRows;

export type ReadModelTables = {
	[T in ReadModel]: Table<ReadModelRows[T], string, InsertType<ReadModelRows[T], 'id'>>;
};

/** The desk's read-model tables by name. Every row in them has the id of the document it comes from. */
export function readModelTables(desk: Desk): ReadModelTables {
	return {
		ideas: desk.ideas,
		comments: desk.comments,
		supports: desk.supports,
		statuses: desk.statuses,
		photos: desk.photos,
		conflicts: desk.conflicts,
		visits: desk.visits,
		observations: desk.observations,
		groups: desk.groups,
		meetings: desk.meetings,
		meetingParts: desk.meetingParts,
		projects: desk.projects,
		projectParts: desk.projectParts,
		glossary: desk.glossary,
		opportunities: desk.opportunities,
		involvement: desk.involvement,
		profiles: desk.profiles,
		claims: desk.claims,
		claimParts: desk.claimParts,
		expenseRates: desk.expenseRates,
		events: desk.events,
		coordinatorKeys: desk.coordinatorKeys,
		quarantine: desk.quarantine
	};
}

/**
 * A document's rows in the desk: for each table it lands in, its row there (whose id is the document's), or
 * `null` when its row there goes. Tables left out are not touched.
 */
export type DocRows = { [T in ReadModel]?: ReadModelRows[T] | null };

/** What a writer makes of a document: its rows. */
export interface Projected {
	rows: DocRows;
}

/** The ledger's copy of a document: its current revision and the revisions in conflict with it. */
export interface Stored {
	rev: string;
	conflicts: string[];
}

/** How documents of type `K` land in the desk: a pure function from a valid document to its rows. */
export type Writer<K extends DocType> = (doc: DocOf<K>, stored: Stored) => Projected;

/** The writers of some document types, by type. */
export type Writers<K extends DocType> = { [T in K]: Writer<T> };

/** A document's content as a row, under its id (the writers add the revision, and conflicts, where kept). */
export function contentRow<D extends { _id: string; type: string; schemaVersion: number }>(doc: D) {
	const { _id, type: _type, schemaVersion: _version, ...content } = doc;
	return { id: _id, ...content };
}

/** A document's content as a row without when it last changed (rows of documents that never change). */
export function createdRow<D extends { _id: string; type: string; schemaVersion: number; updatedAt: string }>(
	doc: D
) {
	const { updatedAt: _updatedAt, ...row } = contentRow(doc);
	return row;
}

/**
 * Rows a batch works out from other rows, in its transaction, so that they go in the same write (an idea's
 * counts from its supports, comments and status changes).
 */
export interface Rollup {
	/**
	 * Starts on one batch's rows (by document id), before its transaction: takes out of `docs` the rows it
	 * writes itself once worked out.
	 */
	begin(docs: Map<string, DocRows>): Tally;
}

/** A rollup's work on one batch, in the batch's transaction. */
export interface Tally {
	/** Writes the rows it took out as they are (a document written without looking first; `write` follows). */
	writeEarly(tables: ReadModelTables): Promise<unknown>;
	/** Reads what its rows are worked out from. `gone`: the documents whose rows the batch takes away. */
	read(tables: ReadModelTables, gone: string[]): Promise<unknown>;
	/** Writes the rows worked out. `early`: those taken out went as they were, so only changed ones go again. */
	write(tables: ReadModelTables, early: boolean): Promise<unknown>;
}

/** The rows of a document that is gone (deleted, or no longer valid): its row in every read model goes. */
export function removal(): DocRows {
	const everywhere: { [T in ReadModel]: null } = {
		ideas: null,
		comments: null,
		supports: null,
		statuses: null,
		photos: null,
		conflicts: null,
		visits: null,
		observations: null,
		groups: null,
		meetings: null,
		meetingParts: null,
		projects: null,
		projectParts: null,
		glossary: null,
		opportunities: null,
		involvement: null,
		profiles: null,
		claims: null,
		claimParts: null,
		expenseRates: null,
		events: null,
		coordinatorKeys: null,
		quarantine: null
	};
	return everywhere;
}

/**
 * Writes many documents' rows (by document id) with one bulk request per table and kind: `bulkPut` for the
 * rows, `bulkDelete` for the rows that go. Run it inside a transaction over the read-model tables.
 */
export async function writeRows(tables: ReadModelTables, docs: ReadonlyMap<string, DocRows>): Promise<void> {
	const names = Object.keys(tables) as ReadModel[];
	await Promise.all(names.map((name) => writeTable(tables, name, docs)));
}

async function writeTable<T extends ReadModel>(
	tables: ReadModelTables,
	name: T,
	docs: ReadonlyMap<string, DocRows>
): Promise<void> {
	const puts: ReadModelRows[T][] = [];
	const deletes: string[] = [];
	for (const [id, rows] of docs) {
		const row = rows[name];
		if (row === null) deletes.push(id);
		else if (row) puts.push(row);
	}
	const table = tables[name];
	await Promise.all([
		puts.length > 0 ? table.bulkPut(puts) : undefined,
		deletes.length > 0 ? table.bulkDelete(deletes) : undefined
	]);
}

/** Which of `ids` have a row in `table` (one query). */
export async function existing<R>(table: Table<R, string>, ids: string[]): Promise<Set<string>> {
	if (ids.length === 0) return new Set();
	return new Set(await table.where(':id').anyOf(ids).primaryKeys());
}
