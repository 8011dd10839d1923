import type { Table } from 'dexie';
import { parseDocument } from '$lib/domain';
import { journal, type Desk, type IdeaRow } from './desk';
import type { Ledger } from './ledger';
import {
	ideasOf,
	readModelTables,
	recountIdeas,
	removal,
	rowsOf,
	writeRows,
	type DocRows
} from './read-models';

const SEQ_KEY = 'projection.seq';
const BATCH = 500;

type Seq = number | string;

interface Change {
	id: string;
	seq: Seq;
	deleted?: boolean;
	doc?: Record<string, unknown> & { _rev?: string; _conflicts?: string[] };
}

/** What one change does to the desk. */
interface Outcome {
	rows: DocRows;
	/** The idea whose counts need working out again because of the document's new rows. */
	idea?: string;
	/** The document is gone (deleted or not valid): the idea its stored rows belonged to is recounted. */
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
	const { rows, idea } = rowsOf(parsed.doc, { rev, conflicts });
	const conflicted = conflicts.length > 0;
	return {
		rows: {
			...rows,
			quarantine: null,
			conflicts: conflicted ? { id: change.id, type: parsed.doc.type, revs: conflicts } : null
		},
		idea,
		gone: false,
		conflicted
	};
}

/**
 * Projects the ledger's changes feed into the desk. Each batch and the sequence it reached are written in
 * one Dexie transaction with a constant number of bulk requests, so the projection is idempotent and resumes
 * where it stopped after a killed tab; `rebuild()` starts again from nothing.
 */
/** What a catch-up pass did: how many changes it processed, and how many catch-up calls it covered. */
interface Pass {
	processed: number;
	/** Calls made before its last read of the feed started: the desk now holds their changes. */
	covered: number;
}

export class Projector {
	private running: Promise<Pass> | undefined;
	/** Catch-up calls so far (see `catchUp`). */
	private asked = 0;
	/** The sequence this projector last stored (checked against the desk in each batch's transaction). */
	private seq: Seq | undefined;
	private feed: PouchDB.Core.Changes<Record<string, unknown>> | undefined;

	/** Called after each batch with the documents that now have conflicting versions. */
	onConflicts: ((ids: string[]) => void) | undefined;

	constructor(
		private readonly ledger: Ledger,
		private readonly desk: Desk
	) {}

	/**
	 * Processes every change since the stored sequence, and resolves once the desk holds every change made
	 * before the call (a pass already under way may have read the feed too early: then one more pass runs,
	 * shared by every call made meanwhile). Resolves with the number of changes the last pass processed.
	 */
	async catchUp(): Promise<number> {
		const ticket = ++this.asked;
		for (;;) {
			this.running ??= this.drain().finally(() => {
				this.running = undefined;
			});
			const { processed, covered } = await this.running;
			if (covered >= ticket) return processed;
		}
	}

	/** Follows the ledger live: any change triggers a catch-up in batches. */
	start(): void {
		if (this.feed) return;
		this.feed = this.ledger.db.changes({ since: 'now', live: true });
		void this.feed.on('change', () => void this.follow());
		void this.feed.on('error', (error: unknown) => void this.trouble(error));
		void this.follow();
	}

	/** Stops following the ledger, and resolves once a pass under way has finished (the stores may close). */
	async stop(): Promise<void> {
		this.feed?.cancel();
		this.feed = undefined;
		await this.running?.catch(() => undefined);
	}

	/** A catch-up nobody waits for: a failure goes to the sync journal unless the projector was stopped. */
	private async follow(): Promise<void> {
		try {
			await this.catchUp();
		} catch (error) {
			await this.trouble(error);
		}
	}

	/** Never rejects: with the desk gone (stopped, or the browser deleted it) there is nowhere to say it. */
	private async trouble(error: unknown): Promise<void> {
		if (!this.feed) return;
		try {
			await journal(this.desk, 'error', `Local list updates stopped: ${String(error)}`);
		} catch {
			// The storage guard notices a deleted desk and says so (storage-guard.ts).
		}
	}

	async rebuild(): Promise<number> {
		await this.running?.catch(() => undefined);
		await this.desk.transaction('rw', [...this.desk.readModels, this.desk.settings], async () => {
			await Promise.all(this.desk.readModels.map((table) => table.clear()));
			await this.desk.settings.delete(SEQ_KEY);
		});
		this.seq = undefined;
		return this.catchUp();
	}

	private async drain(): Promise<Pass> {
		let processed = 0;
		for (;;) {
			const since = this.seq ?? (await this.desk.getSetting<Seq>(SEQ_KEY)) ?? 0;
			const covered = this.asked;
			const result = await this.ledger.db.changes({
				since,
				limit: BATCH,
				include_docs: true,
				conflicts: true
			});
			const changes = result.results as Change[];
			if (changes.length === 0) return { processed, covered };
			// Another projector (another tab, or a rebuild) moved the sequence: read the feed again from there.
			if (!(await this.apply(changes, since, result.last_seq))) continue;
			processed += changes.length;
			if (changes.length < BATCH) return { processed, covered };
		}
	}

	/**
	 * Writes one batch of changes and the sequence it reached, in one transaction: lookups, then the rows by
	 * table, then the touched ideas' counts. Answers false, writing nothing, when the stored sequence is no
	 * longer `since`.
	 */
	private async apply(changes: Change[], since: Seq, lastSeq: Seq): Promise<boolean> {
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
		const touched = new Set<string>();
		// Idea rows are written last, once their counts are known.
		const fresh = new Map<string, IdeaRow>();
		for (const [id, outcome] of outcomes) {
			const rows = { ...outcome.rows };
			if (rows.ideas) {
				fresh.set(id, rows.ideas);
				delete rows.ideas;
			}
			docs.set(id, rows);
			if (outcome.idea) touched.add(outcome.idea);
		}

		const tables = readModelTables(this.desk);
		const applied = await this.desk.transaction(
			'rw',
			[...this.desk.readModels, this.desk.settings],
			async () => {
				const [stored, setAside, inConflict, formerIdeas] = await Promise.all([
					this.desk.settings.get(SEQ_KEY),
					existing(tables.quarantine, ids),
					existing(tables.conflicts, ids),
					ideasOf(tables, gone)
				]);
				const storedSeq = (stored?.value as Seq | undefined) ?? 0;
				if (storedSeq !== since) {
					this.seq = storedSeq;
					return false;
				}
				// Most documents were never set aside nor in conflict: delete only rows that are there.
				for (const [id, rows] of docs) {
					if (rows.quarantine === null && !setAside.has(id)) delete rows.quarantine;
					if (rows.conflicts === null && !inConflict.has(id)) delete rows.conflicts;
				}
				for (const idea of formerIdeas) touched.add(idea);
				await Promise.all([
					writeRows(tables, docs),
					this.desk.settings.put({ key: SEQ_KEY, value: lastSeq })
				]);
				const ideas = await recountIdeas(tables, touched, fresh);
				if (ideas.length > 0) await tables.ideas.bulkPut(ideas);
				return true;
			}
		);
		if (!applied) return false;
		this.seq = lastSeq;

		const conflicted = [...outcomes].filter(([, outcome]) => outcome.conflicted).map(([id]) => id);
		if (conflicted.length > 0) this.onConflicts?.(conflicted);
		for (const [id, { quarantined }] of outcomes)
			if (quarantined)
				await journal(
					this.desk,
					'quarantine',
					`Set aside a document that is not valid: ${id}: ${quarantined}`
				);
		return true;
	}
}

/** Which of `ids` have a row in `table` (one query). */
async function existing<R>(table: Table<R, string>, ids: string[]): Promise<Set<string>> {
	if (ids.length === 0) return new Set();
	return new Set(await table.where(':id').anyOf(ids).primaryKeys());
}
