import type { FailureReason } from '$lib/domain';
import { journal, type Desk } from '$lib/store/desk';
import { markDelivered } from '$lib/store/recruitment';
import { nextBackoff } from './backoff';
import { SignupsApi } from './signups-api';

/** Failures that say nothing about the sign-up itself: it is sent again later. */
const RETRIED: readonly FailureReason[] = ['offline', 'server', 'throttled'];

export interface SignupOutboxOptions {
	desk: Desk;
	api?: SignupsApi;
	isOnline?: () => boolean;
	/** Waits between retries (tests pass their own). */
	backoff?: (previous: number) => number;
}

/**
 * Delivers sealed sign-ups from the outbox to the server's write-only inbox, oldest first. An entry leaves
 * the outbox only after the server confirms it holds it, so a killed tab or a dropped connection loses
 * nothing and a repeat is harmless (the server keeps one copy per id). A refused entry stays, marked, for
 * a person to look at; connection problems are retried with backoff, and at once when the device comes
 * back online.
 */
export class SignupOutbox {
	private running: Promise<void> | undefined;
	private again = false;
	private stopped = true;
	private timer: ReturnType<typeof setTimeout> | undefined;
	private delay = 0;
	private readonly api: SignupsApi;
	private readonly isOnline: () => boolean;
	private readonly backoff: (previous: number) => number;
	private readonly onOnline = () => {
		this.delay = 0;
		void this.flush();
	};

	constructor(private readonly options: SignupOutboxOptions) {
		this.api = options.api ?? new SignupsApi();
		this.isOnline = options.isOnline ?? (() => typeof navigator === 'undefined' || navigator.onLine);
		this.backoff = options.backoff ?? ((previous) => nextBackoff(previous));
	}

	start(): void {
		this.stopped = false;
		if (typeof window !== 'undefined') window.addEventListener('online', this.onOnline);
		void this.flush();
	}

	stop(): void {
		this.stopped = true;
		clearTimeout(this.timer);
		if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline);
	}

	/** Tries to deliver everything waiting. Concurrent calls coalesce into one more pass. */
	flush(): Promise<void> {
		if (this.stopped) return Promise.resolve();
		if (this.running) {
			this.again = true;
			return this.running;
		}
		this.running = this.drain().finally(() => {
			this.running = undefined;
			if (this.again) {
				this.again = false;
				void this.flush();
			}
		});
		return this.running;
	}

	/** Puts a refused sign-up back in the queue (say, once a coordinator has given the recruiter role back). */
	async retry(id: string): Promise<void> {
		await this.options.desk.outbox.update(id, { refused: undefined });
		await this.flush();
	}

	/**
	 * Gives up a refused sign-up: its sealed copy is deleted from this device for good (nobody here could read
	 * it, so nothing of it remains) and the sync journal says so. Entries not refused are never discarded.
	 */
	async discard(id: string): Promise<void> {
		const { desk } = this.options;
		const row = await desk.outbox.get(id);
		if (!row?.refused) return;
		await desk.outbox.delete(id);
		await journal(desk, 'denied', `A refused sign-up was deleted from this device (${row.refused})`);
	}

	private async drain(): Promise<void> {
		const { desk } = this.options;
		if (!this.isOnline()) return;
		const waiting = (await desk.outbox.orderBy('createdAt').toArray()).filter((row) => !row.refused);
		for (const row of waiting) {
			if (this.stopped) return;
			const answer = await this.api.deliver(row.sealed);
			if (answer.ok) {
				await markDelivered(desk, row.id);
				continue;
			}
			if (answer.reason === 'signed-out' || RETRIED.includes(answer.reason)) {
				await desk.outbox.update(row.id, { attempts: row.attempts + 1 });
				// Signed out: the next sign-in starts the outbox again. Connection trouble: try again later.
				if (answer.reason !== 'signed-out') this.retryLater();
				return;
			}
			await desk.outbox.update(row.id, { refused: answer.message, attempts: row.attempts + 1 });
			await journal(desk, 'denied', `A sign-up was not accepted: ${answer.message}`);
		}
		this.delay = 0;
	}

	private retryLater(): void {
		clearTimeout(this.timer);
		this.delay = this.backoff(this.delay);
		this.timer = setTimeout(() => void this.flush(), this.delay);
	}
}
