/**
 * One batch of the ledger's changes written into the desk in one Dexie transaction, with a constant number
 * of bulk requests. Every document type lands the same way: its writer (`writers`, a table of type → writer)
 * gives its rows, and every rollup (`rollups`: an idea's counts) works out its own rows from them in the same
 * transaction. Nothing here knows any document type.
 */
import { parseDocument, type AppDoc, type DocType } from '$lib/domain';
import { PROJECTION_SEQ_KEY as SEQ_KEY, type Desk, type DocStatusRow, type LedgerSeq as Seq } from './desk';
import { ideaCounts } from './idea-counts';
import { ideaWriters } from './idea-writers';
import { meetingWriters } from './meeting-writers';
import {
	existing,
	readModelTables,
	removal,
	writeRows,
	type DocRows,
	type Projected,
	type Rollup,
	type Stored,
	type Writers
} from './read-models';
import { projectWriters } from './project-writers';
import { glossaryWriters } from './glossary';
import { involvementWriters } from './involvement-writers';
import { recruitmentWriters } from './recruitment-writers';
import { visitWriters } from './visit-writers';

/** How each document type lands in the desk. */
const writers: Writers<DocType> = {
	...ideaWriters,
	...visitWriters,
	...meetingWriters,
	...projectWriters,
	...glossaryWriters,
	...involvementWriters,
	...recruitmentWriters
};

/** Rows worked out from other rows, in every batch. */
const rollups: readonly Rollup[] = [ideaCounts];

/** The rows a valid document puts in the desk (no desk access). */
function rowsOf(doc: AppDoc, stored: Stored): Projected {
	const write = writers[doc.type] as (doc: AppDoc, stored: Stored) => Projected;
	return write(doc, stored);
}

/** One change of the ledger's feed (`seq` 0 for a document read from the ledger rather than the feed). */
export interface Change {
	id: string;
	seq: Seq;
	deleted?: boolean;
	doc?: Record<string, unknown> & { _rev?: string; _conflicts?: string[] };
}

/** Where a batch of changes sits in the feed: the stored sequence it starts from and the one it reaches. */
export interface FeedPosition {
	since: Seq;
	lastSeq: Seq;
}

/** A document written on this device, put in the desk with the batch (`Projector.project`). */
export interface Direct {
	/** The writer's status row, written in the same transaction as the document's rows. */
	status?: DocStatusRow;
	/**
	 * Called once the desk's transaction is open. IndexedDB runs any transaction opened after it on the same
	 * tables once it is over, so from then on every read of the desk sees the document's rows.
	 */
	onOpen?: () => void;
}

/**
 * What writing a batch came to: written, with the documents now in conflict and those set aside (with why);
 * or not written, the stored sequence having moved to `seq` (another tab's projector, or a rebuild).
 */
export type Written =
	| { written: true; conflicted: string[]; quarantined: [id: string, reason: string][] }
	| { written: false; seq: Seq };

/** What one change does to the desk. */
interface Outcome {
	rows: DocRows;
	/** The document is gone (deleted or not valid): what its stored rows counted towards is worked out again. */
	gone: boolean;
	/** Why the document was set aside, when it fails its schema. */
	quarantined?: string;
	conflicted: boolean;
}

/** Works out what a change does to the desk from the change alone (no desk access). */
function outcomeOf(change: Change): Outcome {
	if (change.deleted || !change.doc) return { rows: removal(), gone: true, conflicted: false };
	const parsed = parseDocument(change.doc);
	const rev = change.doc._rev ?? '';
	if (!parsed.ok) {
		const rows = removal();
		rows.quarantine = { id: change.id, rev, reason: parsed.reason, at: new Date().toISOString() };
		return { rows, gone: true, quarantined: parsed.reason, conflicted: false };
	}
	const conflicts = change.doc._conflicts ?? [];
	const { rows } = rowsOf(parsed.doc, { rev, conflicts });
	const conflicted = conflicts.length > 0;
	return {
		rows: {
			...rows,
			quarantine: null,
			conflicts: conflicted ? { id: change.id, type: parsed.doc.type, revs: conflicts } : null
		},
		gone: false,
		conflicted
	};
}

/**
 * Writes one batch of changes, in one transaction: what the rollups read and whether documents were set aside
 * or in conflict, then the rows by table with the rollups' rows worked out (the batch's rows put over what was
 * read). With a feed position, also the sequence it reached; then it writes nothing when the stored sequence
 * is no longer `since`. `direct`: the status row written with them, and who to tell when the transaction
 * opens.
 */
export async function writeBatch(
	desk: Desk,
	changes: Change[],
	position?: FeedPosition,
	{ status, onOpen }: Direct = {}
): Promise<Written> {
	// One outcome per document: a later change to the same document replaces an earlier one.
	const outcomes = new Map<string, Outcome>();
	for (const change of changes) {
		if (change.id.startsWith('_design/')) continue;
		outcomes.delete(change.id);
		outcomes.set(change.id, outcomeOf(change));
	}
	const ids = [...outcomes.keys()];
	const gone = ids.filter((id) => outcomes.get(id)?.gone);
	const docs = new Map<string, DocRows>();
	for (const [id, outcome] of outcomes) docs.set(id, { ...outcome.rows });
	const tallies = rollups.map((rollup) => rollup.begin(docs));

	const tables = readModelTables(desk);
	// One document written on the device (`project`), rather than a batch.
	const single = !position && ids.length === 1;
	// The stored sequence found in place of `since` (nothing written), or undefined once written.
	const moved = await desk.transaction(
		'rw',
		// Without a feed position the stored sequence is left alone, so the transaction does not wait for
		// others on `settings` (the search index's).
		[...desk.readModels, ...(position ? [desk.settings] : []), ...(status ? [desk.docStatus] : [])],
		async () => {
			onOpen?.();
			// A single document (no feed position) that is not gone is written without looking first: its rows
			// are deleted wherever they might be, and they go out with the reads, the rollups' rows as they are.
			// (A gone document's rows are read first, to find what they counted towards.)
			const early =
				single &&
				gone.length === 0 &&
				Promise.all([
					writeRows(tables, docs),
					...tallies.map((tally) => tally.writeEarly(tables)),
					status && desk.docStatus.put(status)
				]);
			const [stored, setAside, inConflict] = await Promise.all([
				position && desk.settings.get(SEQ_KEY),
				!single && existing(tables.quarantine, ids),
				!single && existing(tables.conflicts, ids),
				early,
				...tallies.map((tally) => tally.read(tables, gone))
			]);
			const storedSeq = (stored?.value as Seq | undefined) ?? 0;
			if (position && storedSeq !== position.since) return storedSeq;
			// Most documents were never set aside nor in conflict: delete only rows that are there.
			for (const [id, rows] of docs) {
				if (rows.quarantine === null && setAside && !setAside.has(id)) delete rows.quarantine;
				if (rows.conflicts === null && inConflict && !inConflict.has(id)) delete rows.conflicts;
			}
			if (early) {
				await Promise.all(tallies.map((tally) => tally.write(tables, true)));
				return undefined;
			}
			await Promise.all([
				writeRows(tables, docs),
				...tallies.map((tally) => tally.write(tables, false)),
				position && desk.settings.put({ key: SEQ_KEY, value: position.lastSeq }),
				status && desk.docStatus.put(status)
			]);
			return undefined;
		}
	);
	if (moved !== undefined) return { written: false, seq: moved };
	const conflicted: string[] = [];
	const quarantined: [string, string][] = [];
	for (const [id, outcome] of outcomes) {
		if (outcome.conflicted) conflicted.push(id);
		if (outcome.quarantined) quarantined.push([id, outcome.quarantined]);
	}
	return { written: true, conflicted, quarantined };
}
