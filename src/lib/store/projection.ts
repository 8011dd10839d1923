import { parseDocument } from '$lib/domain';
import { journal, type Desk } from './desk';
import type { Ledger } from './ledger';
import { recountIdea, removeRows, writeRow } from './read-models';

const SEQ_KEY = 'projection.seq';
const BATCH = 500;

interface Change {
	id: string;
	seq: number | string;
	deleted?: boolean;
	doc?: Record<string, unknown> & { _rev?: string; _conflicts?: string[] };
}

/**
 * Projects the ledger's changes feed into the desk. Each batch and the sequence it reached are written in
 * one Dexie transaction, so the projection is idempotent and resumes where it stopped after a killed tab;
 * `rebuild()` starts again from nothing.
 */
export class Projector {
	private running: Promise<number> | undefined;
	private again = false;
	private feed: PouchDB.Core.Changes<Record<string, unknown>> | undefined;

	/** Called after each batch with the documents that now have conflicting versions. */
	onConflicts: ((ids: string[]) => void) | undefined;

	constructor(
		private readonly ledger: Ledger,
		private readonly desk: Desk
	) {}

	/** Processes every change since the stored sequence. Concurrent calls coalesce into one more pass. */
	catchUp(): Promise<number> {
		if (this.running) {
			this.again = true;
			return this.running;
		}
		this.running = this.drain().finally(() => {
			this.running = undefined;
			if (this.again) {
				this.again = false;
				void this.catchUp();
			}
		});
		return this.running;
	}

	/** Follows the ledger live: any change triggers a catch-up in batches. */
	start(): void {
		if (this.feed) return;
		this.feed = this.ledger.db.changes({ since: 'now', live: true });
		void this.feed.on('change', () => void this.catchUp());
		void this.feed.on(
			'error',
			(error: unknown) => void journal(this.desk, 'error', `Local list updates stopped: ${String(error)}`)
		);
		void this.catchUp();
	}

	stop(): void {
		this.feed?.cancel();
		this.feed = undefined;
	}

	async rebuild(): Promise<number> {
		await this.running;
		await this.desk.transaction('rw', [...this.desk.readModels, this.desk.settings], async () => {
			await Promise.all(this.desk.readModels.map((table) => table.clear()));
			await this.desk.settings.delete(SEQ_KEY);
		});
		return this.catchUp();
	}

	private async drain(): Promise<number> {
		let total = 0;
		for (;;) {
			const since = (await this.desk.getSetting<number | string>(SEQ_KEY)) ?? 0;
			const result = await this.ledger.db.changes({
				since,
				limit: BATCH,
				include_docs: true,
				conflicts: true
			});
			if (result.results.length === 0) return total;
			await this.apply(result.results as Change[], result.last_seq);
			total += result.results.length;
			if (result.results.length < BATCH) return total;
		}
	}

	private async apply(changes: Change[], lastSeq: number | string): Promise<void> {
		const quarantined: string[] = [];
		const touched = new Set<string>();
		const conflicted: string[] = [];
		await this.desk.transaction('rw', [...this.desk.readModels, this.desk.settings], async () => {
			for (const change of changes) {
				if (change.id.startsWith('_design/')) continue;
				if (change.deleted || !change.doc) {
					const ideaId = await removeRows(this.desk, change.id);
					if (ideaId) touched.add(ideaId);
					continue;
				}
				const parsed = parseDocument(change.doc);
				const rev = change.doc._rev ?? '';
				const conflicts = change.doc._conflicts ?? [];
				if (parsed.ok) {
					await this.desk.quarantine.delete(change.id);
					const ideaId = await writeRow(this.desk, parsed.doc, { rev, conflicts });
					if (ideaId) touched.add(ideaId);
					if (conflicts.length > 0) {
						await this.desk.conflicts.put({ id: change.id, type: parsed.doc.type, revs: conflicts });
						conflicted.push(change.id);
					} else {
						await this.desk.conflicts.delete(change.id);
					}
				} else {
					await removeRows(this.desk, change.id);
					await this.desk.quarantine.put({
						id: change.id,
						rev,
						reason: parsed.reason,
						at: new Date().toISOString()
					});
					quarantined.push(`${change.id}: ${parsed.reason}`);
				}
			}
			for (const ideaId of touched) await recountIdea(this.desk, ideaId);
			await this.desk.settings.put({ key: SEQ_KEY, value: lastSeq });
		});
		if (conflicted.length > 0) this.onConflicts?.(conflicted);
		for (const line of quarantined)
			await journal(this.desk, 'quarantine', `Set aside a document that is not valid: ${line}`);
	}
}
