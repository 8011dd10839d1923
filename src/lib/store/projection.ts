/**
 * The lists' projection: follows the ledger's changes feed and writes each batch into the desk
 * (projection-batch.ts), resumably, one pass or direct write at a time; also the write path's direct
 * projection of one document (`project`) and a first sync's projection from its pulled batches (`firstPull`).
 */
import { reportProblem } from '$lib/report';
import { journal, PROJECTION_SEQ_KEY as SEQ_KEY, type Desk, type LedgerSeq as Seq } from './desk';
import type { Ledger } from './ledger';
import { writeBatch, type Change, type Direct, type FeedPosition } from './projection-batch';
import { settled } from './settled';
import { markUnprojected } from './unprojected';

const BATCH = 500;

/** A document as a pull wrote it into the ledger: with its revision history (`_revisions`) when it came from a server. */
export type PulledDoc = Record<string, unknown> & { _id: string; _rev?: string; _deleted?: boolean };

/**
 * A first sync telling the projection what its pull wrote into the (until then empty) ledger, so the lists
 * are built from the documents the pull has in hand instead of reading each one back (`Projector.firstPull`).
 */
export interface FirstPull {
	/** One batch, once the ledger holds it. */
	pulled(docs: PulledDoc[]): void;
	/**
	 * The pull is over, or first idle. `seq`: the ledger's sequence then, when every change up to it was
	 * written by this pull (none made on the device meanwhile); undefined otherwise. Resolves once the
	 * projection follows the ledger again. Later calls do nothing.
	 */
	end(seq: Seq | undefined): Promise<void>;
}

/** A first pull being projected from its batches: the documents it has brought so far. */
interface Absorbing {
	seen: Set<string>;
	/** Documents written on the device meanwhile (their ledger copy may have more than one version). */
	local: Set<string>;
}

/** What a catch-up pass did: how many changes it processed, and how many catch-up calls it covered. */
interface Pass {
	processed: number;
	/** Calls made before its last read of the feed started: the desk now holds their changes. */
	covered: number;
}

/** A document written on this device, put in the desk by the write path (`Projector.project`). */
export interface DirectWrite extends Direct {
	/** The document, when the write created it (see `project`). */
	created?: Change['doc'];
}

/**
 * Projects the ledger's changes feed into the desk. Each batch and the sequence it reached are written in
 * one Dexie transaction with a constant number of bulk requests, so the projection is idempotent and resumes
 * where it stopped after a killed tab; `rebuild()` starts again from nothing.
 */
export class Projector {
	private running: Promise<Pass> | undefined;
	/** Reads of the feed that have come back (see `project`). */
	private feedReads = 0;
	/** Passes and direct projections run one at a time, in the order asked (see `exclusive`). */
	private lane: Promise<unknown> = Promise.resolve();
	/** Catch-up calls so far (see `catchUp`). */
	private asked = 0;
	/** The sequence this projector last stored (checked against the desk in each batch's transaction). */
	private seq: Seq | undefined;
	private started = false;
	/** The ledger's live changes, while the projection follows them (not during a first pull, see `firstPull`). */
	private feed: PouchDB.Core.Changes<Record<string, unknown>> | undefined;
	/** A first pull whose batches are projected as they come; the changes feed is not followed meanwhile. */
	private absorbing: Absorbing | undefined;

	/** Called after each batch with the documents that now have conflicting versions. */
	onConflicts: ((ids: string[]) => void) | undefined;
	/**
	 * Called after each pass that processed changes, with how many, and whether they were a first pull's
	 * batch (more are coming, however few this one held).
	 */
	onPass: ((processed: number, pulled: boolean) => void) | undefined;

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
		// The feed leads again: a pass would move the stored sequence under a first pull's batches.
		this.absorbing = undefined;
		const ticket = ++this.asked;
		for (;;) {
			this.running ??= this.exclusive(() => this.drain())
				.then((pass) => {
					if (pass.processed > 0) this.onPass?.(pass.processed, false);
					return pass;
				})
				.finally(() => {
					this.running = undefined;
				});
			const { processed, covered } = await this.running;
			if (covered >= ticket) return processed;
		}
	}

	/**
	 * Puts one document in the desk as the ledger holds it now, without waiting for the changes feed, in one
	 * transaction with `status` (the writer's status row): the write path uses it so that every read of the
	 * desk after a save sees the save (`onOpen`). Call it as soon as the ledger write resolves. It runs
	 * between passes, so a pass that read the feed before the write cannot put an older revision over it
	 * afterwards.
	 *
	 * `created` is the document just created (no earlier revision, so no conflicts): it is used as it is
	 * unless the feed has been read since the call (a newer revision could then be in the desk already), in
	 * which case, as for every other write, the ledger is read once this has the lane. The feed brings the
	 * same change again later, which changes nothing. The stored sequence is not moved.
	 */
	async project(id: string, { status, created, onOpen }: DirectWrite = {}): Promise<void> {
		const absorbing = this.absorbing;
		absorbing?.local.add(id);
		const reads = this.feedReads;
		await this.exclusive(async () => {
			const doc = created && this.feedReads === reads ? created : await this.ledger.get(id);
			const change: Change = doc ? { id, seq: 0, doc } : { id, seq: 0, deleted: true };
			await this.apply([change], undefined, { status, onOpen });
		});
		// No pass will bring this change while a first pull is projected: say so (the search index follows).
		if (absorbing) this.onPass?.(1, false);
	}

	/**
	 * Starts projecting a first sync's pull from its batches (call it before the pull writes anything). The
	 * feed is not followed meanwhile; when the pull ends with the ledger holding nothing but what it wrote,
	 * the stored sequence moves to the ledger's, and the feed is followed from there. Otherwise (something
	 * else was written, a batch could not be projected, the lists were not empty) the feed is followed from
	 * where it was, as if this had not happened: every change is projected again, which changes nothing.
	 *
	 * A document seen for the first time in a batch, once in it, has exactly that version in the ledger: the
	 * ledger was empty and the pull brings every version a server holds of a document in the same batch. Any
	 * other (seen before, more than once, written on the device meanwhile, with attachments) is read from the
	 * ledger, winner and conflicts as PouchDB sees them.
	 */
	firstPull(): FirstPull {
		const state: Absorbing = { seen: new Set(), local: new Set() };
		this.absorbing = state;
		// Every change would be read back to say it happened: the feed is listened to again afterwards.
		this.feed?.cancel();
		this.feed = undefined;
		let ended: Promise<void> | undefined;
		return {
			pulled: (docs) => {
				if (!ended && this.absorbing === state) void this.absorb(state, docs);
			},
			end: (seq) => (ended ??= this.endFirstPull(state, seq))
		};
	}

	private async absorb(state: Absorbing, docs: PulledDoc[]): Promise<void> {
		let projected = 0;
		try {
			projected = await this.exclusive(async () => {
				if (this.absorbing !== state) return 0;
				// The lists already follow the ledger from somewhere: the feed goes on leading.
				if (state.seen.size === 0 && ((await this.storedSeq()) || 0) !== 0) {
					this.absorbing = undefined;
					return 0;
				}
				const changes = await this.pulledChanges(state, docs);
				await this.apply(changes);
				return changes.length;
			});
		} catch (error) {
			if (this.absorbing === state) {
				this.absorbing = undefined;
				await this.trouble(error);
			}
		}
		if (projected > 0) this.onPass?.(projected, true);
		if (!this.absorbing) await this.resume();
	}

	/** A batch's changes: its documents as they came where that is the ledger's copy, otherwise read from it. */
	private async pulledChanges(state: Absorbing, docs: PulledDoc[]): Promise<Change[]> {
		const times = new Map<string, number>();
		for (const doc of docs) times.set(doc._id, (times.get(doc._id) ?? 0) + 1);
		const certain = (doc: PulledDoc) =>
			times.get(doc._id) === 1 && !state.seen.has(doc._id) && !state.local.has(doc._id) && !doc._attachments;
		const changes: Change[] = [];
		const uncertain = new Set(times.keys());
		for (const doc of docs) {
			if (!certain(doc)) continue;
			uncertain.delete(doc._id);
			const { _revisions, ...stored } = doc;
			changes.push(
				doc._deleted ? { id: doc._id, seq: 0, deleted: true } : { id: doc._id, seq: 0, doc: stored }
			);
		}
		if (uncertain.size > 0) {
			const read = await this.ledger.db.allDocs({
				keys: [...uncertain],
				include_docs: true,
				conflicts: true
			});
			for (const row of read.rows)
				if ('id' in row)
					changes.push(
						row.doc ? { id: row.id, seq: 0, doc: row.doc } : { id: row.id, seq: 0, deleted: true }
					);
		}
		for (const id of times.keys()) state.seen.add(id);
		return changes;
	}

	private async endFirstPull(state: Absorbing, seq: Seq | undefined): Promise<void> {
		try {
			await this.exclusive(async () => {
				if (this.absorbing !== state) return;
				this.absorbing = undefined;
				if (seq === undefined) return;
				const moved = await this.desk.transaction('rw', this.desk.settings, async () => {
					if (((await this.desk.getSetting<Seq>(SEQ_KEY)) || 0) !== 0) return false;
					await this.desk.setSetting(SEQ_KEY, seq);
					return true;
				});
				if (moved) this.seq = seq;
			});
		} catch (error) {
			await this.trouble(error);
		} finally {
			await this.resume();
		}
	}

	/**
	 * Follows the ledger live: any change triggers a catch-up in batches. First, changes the desk has not
	 * projected are marked as saved on this device (`markUnprojected`).
	 */
	start(): void {
		if (this.started) return;
		this.started = true;
		this.listen();
		void this.exclusive(async () => markUnprojected(this.ledger, this.desk, await this.storedSeq())).catch(
			(error: unknown) => this.trouble(error)
		);
		void this.follow();
	}

	/**
	 * Resolves once every write the desk was asked to take so far (`project`, and the passes queued before
	 * the call) is in it: what the sync engine waits for before it reads or writes status rows.
	 */
	async settled(): Promise<void> {
		await this.lane;
	}

	/**
	 * Whether the desk follows the ledger from somewhere. Until it does (a first sync, a rebuild) the
	 * start-up check (`markUnprojected`) cannot tell a save from a pulled change, so the write path marks a
	 * save before its ledger write (`DocumentWriter`).
	 */
	async following(): Promise<boolean> {
		if (this.seq) return true;
		// Kept, so that a save does not read the desk for it again (a pass checks it in its transaction).
		const stored = await this.desk.getSetting<Seq>(SEQ_KEY);
		if (stored) this.seq = stored;
		return Boolean(stored);
	}

	/** Where the projection has got to in the ledger's feed: this projector's last, else the desk's (0: nowhere). */
	private async storedSeq(): Promise<Seq> {
		return this.seq ?? (await this.desk.getSetting<Seq>(SEQ_KEY)) ?? 0;
	}

	private listen(): void {
		this.feed = this.ledger.db.changes({ since: 'now', live: true });
		void this.feed.on('change', () => void this.follow());
		void this.feed.on('error', (error: unknown) => void this.trouble(error));
	}

	/** Follows the ledger again after a first pull (if the projection was started and not stopped). */
	private async resume(): Promise<void> {
		if (!this.started || this.absorbing) return;
		if (!this.feed) this.listen();
		await this.follow();
	}

	/** Stops following the ledger, and resolves once a pass under way has finished (the stores may close). */
	async stop(): Promise<void> {
		this.started = false;
		this.absorbing = undefined;
		this.feed?.cancel();
		this.feed = undefined;
		// A pass's failure is reported by the catch-up that ran it (`follow`, or whoever called `catchUp`).
		await settled(this.running);
		await this.lane;
	}

	/** Runs `task` once every task queued before it has settled. */
	private exclusive<T>(task: () => Promise<T>): Promise<T> {
		const result = this.lane.then(task);
		// The lane only waits its turn: a task's failure is its caller's, who awaits `result`.
		this.lane = settled(result);
		return result;
	}

	/** A catch-up nobody waits for: a failure goes to the sync journal unless the projector was stopped. */
	private async follow(): Promise<void> {
		if (this.absorbing) return;
		try {
			await this.catchUp();
		} catch (error) {
			await this.trouble(error);
		}
	}

	/**
	 * Says in the sync journal that the lists stopped following the ledger. Never rejects: with the desk gone
	 * (stopped, or the browser deleted it) the console is the only place left to say it.
	 */
	private async trouble(error: unknown): Promise<void> {
		if (!this.started) return;
		try {
			await journal(this.desk, 'error', `Local list updates stopped: ${String(error)}`);
		} catch (failure) {
			// The storage guard notices a deleted desk and says so on screen (storage-guard.ts).
			reportProblem(
				`Local list updates stopped (${String(error)}), and the sync journal could not say so`,
				failure
			);
		}
	}

	/** Empties the lists and builds them again from the whole ledger. */
	async rebuild(): Promise<number> {
		// A pass under way is reported by the catch-up that ran it.
		await settled(this.running);
		await this.exclusive(async () => {
			await this.desk.transaction('rw', [...this.desk.readModels, this.desk.settings], async () => {
				await Promise.all(this.desk.readModels.map((table) => table.clear()));
				await this.desk.settings.delete(SEQ_KEY);
			});
			this.seq = undefined;
		});
		return this.catchUp();
	}

	private async drain(): Promise<Pass> {
		let processed = 0;
		for (;;) {
			const since = await this.storedSeq();
			const covered = this.asked;
			const result = await this.ledger.db.changes({
				since,
				limit: BATCH,
				include_docs: true,
				conflicts: true
			});
			this.feedReads++;
			const changes = result.results as Change[];
			if (changes.length === 0) return { processed, covered };
			// Another projector (another tab, or a rebuild) moved the sequence: read the feed again from there.
			if (!(await this.apply(changes, { since, lastSeq: result.last_seq }))) continue;
			processed += changes.length;
			if (changes.length < BATCH) return { processed, covered };
		}
	}

	/**
	 * Writes one batch of changes (`writeBatch`); with a feed position, answers false, writing nothing, when
	 * the stored sequence is no longer its `since`.
	 */
	private async apply(changes: Change[], position?: FeedPosition, direct?: Direct): Promise<boolean> {
		const batch = await writeBatch(this.desk, changes, position, direct);
		if (!batch.written) {
			this.seq = batch.seq;
			return false;
		}
		if (position) this.seq = position.lastSeq;
		if (batch.conflicted.length > 0) this.onConflicts?.(batch.conflicted);
		for (const [id, reason] of batch.quarantined)
			await journal(this.desk, 'quarantine', `Set aside a document that is not valid: ${id}: ${reason}`);
		return true;
	}
}
