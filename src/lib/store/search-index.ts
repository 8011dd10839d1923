/** The offline search index (`desk.search`): a projection of the ledger's changes feed of its own. */
import { parseDocument, typeOfId, type AppDoc } from '$lib/domain';
import { reportProblem } from '$lib/report';
import {
	SEARCH_PROGRESS_KEY as PROGRESS_KEY,
	SEARCH_SEQ_KEY,
	type Desk,
	type LedgerSeq as Seq,
	type SearchRow
} from './desk';
import type { Ledger } from './ledger';
import { settled } from './settled';
import { commentWords, ideaWords } from './words';

const BATCH = 500;
/** A projection pass of more changes than this is a big sync: indexing waits until the ledger is quiet. */
const SMALL_PASS = 50;
const QUIET_MS = 1000;

/** The words a document adds to the search index: ideas and visible comments (a comment finds its idea). */
export function searchRowOf(doc: AppDoc): SearchRow | undefined {
	if (doc.type === 'idea') return { id: doc._id, ideaId: doc._id, words: ideaWords(doc) };
	if (doc.type === 'comment' && !doc.hidden)
		return { id: doc._id, ideaId: doc.ideaId, words: commentWords(doc) };
	return undefined;
}

/** Document types whose rows the index may hold (a deleted document only has its id to go by). */
const INDEXED = new Set(['idea', 'comment']);

/**
 * The offline search index (`desk.search`): its own projection of the ledger's changes feed, with its own
 * stored sequence, kept apart from the lists so that a first sync of thousands of ideas fills the lists
 * first (the index's many word entries are most of the projection's IndexedDB work). After a projection pass
 * of a few changes (a save, a synced edit) it catches up at once; after a big one it waits until the ledger
 * has been quiet for a second. Until it has caught up with the lists' projection, searches read the lists
 * themselves (`searchIsBehind` in idea-query.ts).
 */
export class SearchIndexer {
	private lane: Promise<void> = Promise.resolve();
	private queued = false;
	private timer: ReturnType<typeof setTimeout> | undefined;
	private stopped = false;

	constructor(
		private readonly ledger: Ledger,
		private readonly desk: Desk
	) {}

	/** Starts indexing: changes made before (a tab closed while indexing) are taken in once things are quiet. */
	start(): void {
		this.later();
	}

	/**
	 * Tells the indexer a projection pass processed `changes` changes; `syncing` when they were one batch of
	 * a sync still under way (a first pull's last batch is small too: the index still waits for quiet).
	 */
	nudge(changes: number, syncing = false): void {
		if (changes <= SMALL_PASS && !syncing) {
			clearTimeout(this.timer);
			if (!this.stopped) void this.quietly();
		} else this.later();
	}

	/** Catches up once no projection pass has come for a moment. */
	private later(): void {
		clearTimeout(this.timer);
		if (!this.stopped) this.timer = setTimeout(() => void this.quietly(), QUIET_MS);
	}

	/** Indexes every change since the stored sequence (one run at a time; calls made meanwhile share the next). */
	catchUp(): Promise<void> {
		if (this.queued) return this.lane;
		this.queued = true;
		// A run that failed does not stop the next one (its failure is reported by its callers).
		this.lane = settled(this.lane).then(() => {
			this.queued = false;
			return this.drain();
		});
		return this.lane;
	}

	/** Empties the index and builds it again from the whole ledger. */
	async rebuild(): Promise<void> {
		// A run under way is reported by its callers.
		await settled(this.lane);
		await this.desk.transaction('rw', this.desk.search, this.desk.settings, async () => {
			await this.desk.search.clear();
			await this.desk.settings.bulkDelete([SEARCH_SEQ_KEY, PROGRESS_KEY]);
		});
		await this.catchUp();
	}

	/** Stops indexing and waits for a run under way, so the stores can close. */
	async stop(): Promise<void> {
		this.stopped = true;
		clearTimeout(this.timer);
		// A run under way is reported by its callers.
		await settled(this.lane);
	}

	/**
	 * A catch-up nobody waits for: the index is only a shortcut, so a failure is logged and tried again on the
	 * next nudge. Searches read the lists meanwhile (searchIsBehind in idea-query.ts).
	 */
	private async quietly(): Promise<void> {
		try {
			await this.catchUp();
		} catch (error) {
			if (!this.stopped) reportProblem('The search index could not catch up', error);
		}
	}

	/**
	 * Indexes in batches. Each batch stores how far it got (`search.progress`); `search.seq`, which searches
	 * compare with the lists (idea-query.ts), moves only once the index has caught up, so a search that reads
	 * the lists meanwhile is not run again after every batch.
	 */
	private async drain(): Promise<void> {
		while (!this.stopped) {
			const since = (await this.desk.getSetting<Seq>(PROGRESS_KEY)) ?? 0;
			const result = await this.ledger.db.changes({ since, limit: BATCH, include_docs: true });
			const rows = new Map<string, SearchRow | undefined>();
			for (const change of result.results) {
				const parsed = change.deleted || !change.doc ? undefined : parseDocument(change.doc);
				rows.delete(change.id);
				const row = parsed?.ok ? searchRowOf(parsed.doc) : undefined;
				if (row || INDEXED.has(typeOfId(change.id) ?? '')) rows.set(change.id, row);
			}
			const puts = [...rows.values()].filter((row): row is SearchRow => row !== undefined);
			const deletes = [...rows].filter(([, row]) => !row).map(([id]) => id);
			const last = result.results.length < BATCH;
			const moved = await this.desk.transaction('rw', this.desk.search, this.desk.settings, async () => {
				const [progress, done] = await Promise.all([
					this.desk.getSetting<Seq>(PROGRESS_KEY),
					this.desk.getSetting<Seq>(SEARCH_SEQ_KEY)
				]);
				// Another tab's indexer (or a rebuild) moved on meanwhile: the next round reads from there.
				if ((progress ?? 0) !== since) return true;
				await Promise.all([
					puts.length > 0 && this.desk.search.bulkPut(puts),
					deletes.length > 0 && this.desk.search.bulkDelete(deletes),
					result.results.length > 0 && this.desk.setSetting(PROGRESS_KEY, result.last_seq),
					last && done !== result.last_seq && this.desk.setSetting(SEARCH_SEQ_KEY, result.last_seq)
				]);
				return false;
			});
			if (last && !moved) return;
		}
	}
}
