import { journal, type Desk, type LedgerSeq } from '$lib/store/desk';
import type { Ledger, LedgerDb } from '$lib/store/ledger';
import type { FirstPull, PulledDoc } from '$lib/store/projection';
import { reportProblem } from '$lib/report';
import { nextBackoff } from './backoff';
import { PHASE_LABELS, type SyncStatus } from './status';

export type SessionCheck = 'ok' | 'signed-out' | 'unreachable';

export interface SyncEngineOptions {
	ledger: Ledger;
	desk: Desk;
	/** The remote database, e.g. `https://host/db/network`. */
	remote: LedgerDb;
	/** Asks the server whether the session is still good. */
	checkSession: () => Promise<SessionCheck>;
	isOnline?: () => boolean;
	/** Documents per replication batch: larger batches make first syncs faster. */
	batchSize?: number;
	/** Called when a first sync starts, to be told what its pull writes (the lists' projection, `Projector.firstPull`). */
	firstPull?: () => FirstPull;
	/**
	 * Resolves once the desk holds the status rows of every write made so far (`Projector.settled`): a save's
	 * row is written just after its ledger write, and the push may have sent it already.
	 */
	settled?: () => Promise<void>;
}

interface ReplicationError {
	status?: number;
	name?: string;
	message?: string;
	reason?: string;
}

interface DeniedError extends ReplicationError {
	id?: string;
}

type Listener = (status: SyncStatus) => void;

type Replication = PouchDB.Replication.Replication<Record<string, unknown>>;

/** The pull, and the push once it has started (a first sync starts it after the pull, see `replicate`). */
interface Replications {
	pull: Replication;
	push?: Replication;
}

const LAST_SYNCED_KEY = 'sync.lastSyncedAt';
const PUSH_BATCH = 10;

/**
 * Live two-way replication between the ledger and the server, with retry and backoff. It pauses when the
 * device is offline, stops (keeping every queued write in the ledger) when the session ends, and marks a
 * document "synced" only after the server itself says it holds that revision (`_revs_diff`).
 */
export class SyncEngine {
	private replications: Replications | undefined;
	private status: SyncStatus = { phase: 'offline' };
	private readonly listeners = new Set<Listener>();
	private confirming: Promise<void> | undefined;
	private confirmAgain = false;
	private stopped = true;
	private retryTimer: ReturnType<typeof setTimeout> | undefined;
	private retryDelay = 0;
	private readonly isOnline: () => boolean;

	constructor(private readonly options: SyncEngineOptions) {
		this.isOnline = options.isOnline ?? (() => navigator.onLine);
	}

	get current(): SyncStatus {
		return this.status;
	}

	subscribe(listener: Listener): () => void {
		this.listeners.add(listener);
		listener(this.status);
		return () => this.listeners.delete(listener);
	}

	/** Starts syncing (or waits for a connection). Safe to call again, e.g. after signing in. */
	async start(): Promise<void> {
		this.stopped = false;
		const lastSyncedAt = await this.options.desk.getSetting<string>(LAST_SYNCED_KEY);
		this.set({ ...this.status, lastSyncedAt });
		await this.connect();
	}

	/** Stops replication. Nothing is lost: unsynced writes stay in the ledger and go with the next start. */
	stop(): void {
		this.stopped = true;
		clearTimeout(this.retryTimer);
		this.cancelReplication();
	}

	/** The browser says the network is back: try at once rather than waiting for the backoff. */
	online(): void {
		if (this.stopped) return;
		this.retryDelay = 0;
		this.cancelReplication();
		void this.connect();
	}

	/** The browser says the network is gone: stop knocking, say so. */
	offline(): void {
		if (this.stopped) return;
		clearTimeout(this.retryTimer);
		this.cancelReplication();
		this.set({ phase: 'offline', lastSyncedAt: this.status.lastSyncedAt });
	}

	/** The server's current copy of a document, or undefined if it has none. Throws when unreachable. */
	async serverCopy(id: string): Promise<Record<string, unknown> | undefined> {
		try {
			return await this.options.remote.get(id);
		} catch (error) {
			if ((error as ReplicationError).status === 404) return undefined;
			throw error;
		}
	}

	/** Checks the server for every revision this device is still waiting to hear about. */
	confirmPending(): Promise<void> {
		if (this.confirming) {
			this.confirmAgain = true;
			return this.confirming;
		}
		this.confirming = this.confirm()
			// Unreachable now, most likely: the next idle moment tries again.
			.catch((error: unknown) => reportProblem('waiting changes could not be checked with the server', error))
			.finally(() => {
				this.confirming = undefined;
				if (this.confirmAgain) {
					this.confirmAgain = false;
					void this.confirmPending();
				}
			});
		return this.confirming;
	}

	private async connect(): Promise<void> {
		clearTimeout(this.retryTimer);
		if (this.stopped || this.replications) return;
		if (!this.isOnline()) {
			this.set({ phase: 'offline', lastSyncedAt: this.status.lastSyncedAt });
			return;
		}
		this.set({ phase: 'connecting', lastSyncedAt: this.status.lastSyncedAt });
		const session = await this.options.checkSession();
		if (this.stopped || this.replications) return;
		if (session === 'signed-out') {
			this.signedOut();
			return;
		}
		if (session === 'unreachable') {
			this.scheduleRetry('Cannot reach the server. Your work is saved on this device and will sync later.');
			return;
		}
		this.retryDelay = 0;
		await this.replicate();
	}

	private async replicate(): Promise<void> {
		const { ledger, remote } = this.options;
		const firstSync = (await ledger.db.info()).update_seq === 0;
		if (this.stopped || this.replications) return;
		// Two one-way replications rather than PouchDB's sync(): sync() drops the error of a `paused` event,
		// and we need it to tell "up to date" from "cannot reach the server".
		const options: PouchDB.Replication.ReplicateOptions = {
			live: true,
			retry: true,
			batch_size: this.options.batchSize ?? 250,
			back_off_function: (delay: number) => nextBackoff(delay)
		};
		const firstPull = firstSync ? this.options.firstPull?.() : undefined;
		const pull = ledger.db.replicate.from(remote, options);
		const replications: Replications = { pull };
		this.replications = replications;
		const idle = { push: false, pull: false };
		const failing = { push: false, pull: false };
		let received = 0;
		let pulledWritten = 0;
		const current = () => this.replications === replications;
		// How many documents a first sync brings, for its progress: asked alongside the pull, not before it.
		let total: number | undefined;
		if (firstSync)
			void remote.info().then(
				(info) => void (total = info.doc_count),
				// Progress shows without a total; the pull itself reports any failure.
				(error: unknown) => reportProblem('the size of the first sync could not be asked', error)
			);

		const watch = (direction: 'push' | 'pull', replication: Replication) =>
			replication
				.on('active', () => {
					idle[direction] = false;
					if (current() && this.status.phase === 'error') this.set({ ...this.base(), phase: 'connecting' });
				})
				.on('paused', (error: unknown) => {
					if (!current()) return;
					idle[direction] = true;
					failing[direction] = Boolean(error);
					if (error)
						this.set({ ...this.base(), phase: 'error', reason: describe(error as ReplicationError) });
					else if (idle.push && idle.pull && !failing.push && !failing.pull) void this.idle();
				})
				.on('error', (error: unknown) => {
					if (!current()) return;
					const problem = error as ReplicationError;
					if (problem.status === 401 || problem.name === 'unauthorized') this.signedOut();
					else this.scheduleRetry(describe(problem));
				});
		const startPush = (since?: LedgerSeq) => {
			// Pushes go in small batches: a batch is one request, and photos make documents large.
			const push = ledger.db.replicate.to(remote, {
				...options,
				batch_size: PUSH_BATCH,
				...(since === undefined ? {} : { since })
			});
			replications.push = push;
			void watch('push', push)
				.on('change', () => {
					if (!current()) return;
					this.set({ ...this.base(), phase: 'pushing' });
					void this.confirmPending();
				})
				.on('denied', (error: unknown) => void this.denied(error as DeniedError));
		};

		void watch('pull', pull).on('change', (info) => {
			if (!current()) return;
			received += info.docs.length;
			pulledWritten = info.docs_written;
			firstPull?.pulled(info.docs as PulledDoc[]);
			this.set({ ...this.base(), phase: 'pulling', progress: { received, total } });
		});
		if (!firstSync) {
			startPush();
			return;
		}
		// A first sync pulls, then pushes. The push walks the device's changes from its checkpoint, and every
		// document pulled is one of them (thousands, with a request to the server for each batch of ten). When
		// the device holds nothing but what the pull wrote, the push starts after it; otherwise (something
		// was written here meanwhile) it walks everything, as on any other start.
		// The same holds for the lists (`firstPull`): built from the pulled batches, they hold the whole ledger.
		const afterFirstPull = async (error: unknown) => {
			if (error || replications.push || !current()) return;
			let since: LedgerSeq | undefined;
			try {
				const { update_seq: seq } = await ledger.db.info();
				since = seq === pulledWritten ? seq : undefined;
			} catch {
				since = undefined; // the whole walk, as on any other start
			}
			if (!current() || replications.push) return;
			void firstPull?.end(since);
			startPush(since);
		};
		void pull
			.on('paused', (error: unknown) => void afterFirstPull(error))
			.on('complete', () => void firstPull?.end(undefined))
			.on('error', () => void firstPull?.end(undefined));
	}

	private async idle(): Promise<void> {
		const replications = this.replications;
		await this.confirmPending();
		if (!replications || this.replications !== replications) return;
		const lastSyncedAt = new Date().toISOString();
		await this.options.desk.setSetting(LAST_SYNCED_KEY, lastSyncedAt);
		if (this.replications === replications) this.set({ phase: 'up-to-date', lastSyncedAt });
	}

	private async confirm(): Promise<void> {
		const { desk, ledger, remote, settled } = this.options;
		await settled?.();
		const rows = await desk.docStatus.toArray();
		if (rows.length === 0) return;
		const wanted: Record<string, string[]> = {};
		for (const row of rows) {
			const rev = row.rev ?? (await ledger.get(row.id))?._rev;
			if (rev) wanted[row.id] = [rev];
		}
		const missing = await remote.revsDiff(wanted);
		const confirmed = Object.keys(wanted).filter((id) => !missing[id]);
		if (confirmed.length === 0) return;
		await desk.transaction('rw', desk.docStatus, async () => {
			for (const id of confirmed) {
				const row = await desk.docStatus.get(id);
				// Only clear the row if it still speaks for the revision the server confirmed.
				if (row && (row.rev === null || row.rev === wanted[id]?.[0])) await desk.docStatus.delete(id);
			}
		});
		await journal(
			desk,
			'confirmed',
			`The server confirmed ${confirmed.length} change${confirmed.length === 1 ? '' : 's'}`
		);
	}

	private async denied(error: DeniedError): Promise<void> {
		const { desk, ledger, settled } = this.options;
		if (!error.id) return;
		// The refused save's own status row ("saved on this device") must not land over this one.
		await settled?.();
		const reason = error.reason ?? error.message ?? 'Refused by the server';
		const current = await ledger.get(error.id);
		await desk.docStatus.put({
			id: error.id,
			rev: current?._rev ?? null,
			state: 'denied',
			reason,
			at: new Date().toISOString()
		});
		await journal(desk, 'denied', `Not synced: ${error.id}: ${reason}`);
	}

	private signedOut(): void {
		this.cancelReplication();
		this.set({
			...this.base(),
			phase: 'signed-out',
			reason: 'Your session has ended. Sign in again to sync.'
		});
	}

	private scheduleRetry(reason: string): void {
		this.cancelReplication();
		if (this.stopped) return;
		this.set({ ...this.base(), phase: 'error', reason });
		this.retryDelay = nextBackoff(this.retryDelay);
		this.retryTimer = setTimeout(() => void this.connect(), this.retryDelay);
	}

	private cancelReplication(): void {
		const replications = this.replications;
		this.replications = undefined;
		replications?.push?.cancel();
		replications?.pull.cancel();
	}

	private base(): Pick<SyncStatus, 'lastSyncedAt'> {
		return { lastSyncedAt: this.status.lastSyncedAt };
	}

	private set(status: SyncStatus): void {
		const changed = status.phase !== this.status.phase || status.reason !== this.status.reason;
		this.status = status;
		if (changed) {
			void journal(
				this.options.desk,
				'state',
				`${PHASE_LABELS[status.phase]}${status.reason ? `: ${status.reason}` : ''}`
			);
		}
		for (const listener of this.listeners) listener(status);
	}
}

function describe(error: ReplicationError): string {
	if (error.status === 0 || error.name === 'TypeError' || /fetch|network/i.test(error.message ?? '')) {
		return 'Cannot reach the server. Your work is saved on this device and will sync later.';
	}
	if (error.status && error.status >= 500) return 'The server is having a problem. Retrying.';
	return error.reason ?? error.message ?? 'Sync stopped unexpectedly. Retrying.';
}
