/** Sessions: kept in the store (only a hash of each token), cached, ending when idle or old. */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Account, AccountStore } from './accounts';
import type { CouchClient } from './couch';
import { messageOf } from './errors';

/** Private to the gateway: never reachable through `/db`. */
export const SESSIONS_DB = 'coproduce-sessions';
export const SESSION_COOKIE = 'coproduce_session';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A session not used for this long ends (clients may be offline for days, so this is generous). */
export const IDLE_LIMIT_MS = 30 * DAY_MS;
/** No session lives longer than this, however often it is used. */
export const ABSOLUTE_LIMIT_MS = 90 * DAY_MS;
/** `lastSeen` is written back at most this often; the in-memory cache absorbs the rest. */
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;
/** How long a cached session is trusted before it is read from the backend again. */
const CACHE_MS = 5 * 60 * 1000;
const CACHE_MAX = 10_000;

const SESSION_PREFIX = 'session:';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const sessionDocSchema = z.object({
	_id: z.string(),
	_rev: z.string().optional(),
	type: z.literal('session'),
	name: z.string(),
	createdAt: z.number(),
	lastSeen: z.number()
});
type SessionDoc = z.infer<typeof sessionDocSchema>;

export interface ResolvedSession {
	account: Account;
	createdAt: number;
	lastSeen: number;
}

/** Only the SHA-256 of a token is stored, so a copy of the sessions database opens no sessions. */
function idFor(token: string): string {
	return SESSION_PREFIX + createHash('sha256').update(token).digest('hex');
}

export class SessionStore {
	private readonly cache = new Map<string, { doc: SessionDoc; at: number }>();
	private readonly pending = new Set<Promise<void>>();
	/** Ids of sessions this process ended: never served again, even by a `lastSeen` write in flight. */
	private readonly ended = new Set<string>();

	private readonly db: string;
	private readonly log: (message: string) => void;
	private readonly now: () => number;

	constructor(
		private readonly couch: CouchClient,
		private readonly accounts: AccountStore,
		options: { db?: string; log?: (message: string) => void; now?: () => number } = {}
	) {
		this.db = options.db ?? SESSIONS_DB;
		this.log = options.log ?? (() => undefined);
		this.now = options.now ?? Date.now;
	}

	/** Starts a session: answers the token for the cookie and how long the cookie may live. */
	async create(account: Account): Promise<{ token: string; maxAgeSeconds: number }> {
		const token = randomBytes(32).toString('base64url');
		const now = this.now();
		const doc: SessionDoc = {
			_id: idFor(token),
			type: 'session',
			name: account.name,
			createdAt: now,
			lastSeen: now
		};
		const rev = await this.couch.put(this.db, doc);
		if (!rev) throw new Error('Session id collision');
		this.remember({ ...doc, _rev: rev });
		return { token, maxAgeSeconds: Math.floor(ABSOLUTE_LIMIT_MS / 1000) };
	}

	/** The signed-in account for a token, or undefined if the session is unknown, expired or its account is off. */
	async resolve(token: string | undefined): Promise<ResolvedSession | undefined> {
		if (!token || !TOKEN_PATTERN.test(token)) return undefined;
		const id = idFor(token);
		const doc = await this.load(id);
		if (!doc) return undefined;
		const now = this.now();
		if (this.isExpired(doc, now)) {
			this.track(this.delete(doc));
			return undefined;
		}
		const account = await this.accounts.get(doc.name);
		if (!account || !account.active) return undefined;
		if (now - doc.lastSeen >= TOUCH_INTERVAL_MS) this.track(this.touch(doc, now));
		return { account, createdAt: doc.createdAt, lastSeen: doc.lastSeen };
	}

	async destroy(token: string | undefined): Promise<void> {
		if (!token || !TOKEN_PATTERN.test(token)) return;
		const doc = await this.load(idFor(token));
		if (doc) await this.delete(doc);
	}

	/**
	 * Ends every session of an account at once (deactivation, password change), except the one whose token
	 * is `keep` (the person changing their own password stays signed in). Answers how many ended.
	 */
	async endSessionsOf(name: string, keep?: string): Promise<number> {
		const keepId = keep && TOKEN_PATTERN.test(keep) ? idFor(keep) : undefined;
		for (const [id, entry] of this.cache) {
			if (entry.doc.name === name && id !== keepId) this.forget(id);
		}
		const rows = await this.couch.allDocsWithPrefix<SessionDoc>(this.db, SESSION_PREFIX);
		let count = 0;
		for (const row of rows) {
			const parsed = sessionDocSchema.safeParse(row.doc);
			if (!parsed.success || parsed.data.name !== name || parsed.data._id === keepId) continue;
			await this.delete(parsed.data);
			count++;
		}
		return count;
	}

	/** Removes every expired session document (run at start and then daily). */
	async purgeExpired(): Promise<number> {
		const rows = await this.couch.allDocsWithPrefix<SessionDoc>(this.db, SESSION_PREFIX);
		const now = this.now();
		let removed = 0;
		for (const row of rows) {
			const parsed = sessionDocSchema.safeParse(row.doc);
			if (!parsed.success || this.isExpired(parsed.data, now)) {
				const rev = row.value?.rev;
				if (row.id && rev) {
					await this.couch.remove(this.db, row.id, rev);
					this.cache.delete(row.id);
					removed++;
				}
			}
		}
		return removed;
	}

	/** Waits for `lastSeen` writes still in flight (before shutting down). */
	async flush(): Promise<void> {
		await Promise.allSettled([...this.pending]);
	}

	private isExpired(doc: SessionDoc, now: number): boolean {
		return now - doc.lastSeen > IDLE_LIMIT_MS || now - doc.createdAt > ABSOLUTE_LIMIT_MS;
	}

	private async load(id: string): Promise<SessionDoc | undefined> {
		if (this.ended.has(id)) return undefined;
		const cached = this.cache.get(id);
		if (cached && this.now() - cached.at < CACHE_MS) return cached.doc;
		const raw = await this.couch.get(this.db, id);
		const parsed = raw ? sessionDocSchema.safeParse(raw) : undefined;
		if (!parsed?.success) {
			this.cache.delete(id);
			return undefined;
		}
		this.remember(parsed.data);
		return parsed.data;
	}

	private forget(id: string): void {
		this.cache.delete(id);
		if (this.ended.size >= CACHE_MAX) {
			const oldest = this.ended.values().next();
			if (!oldest.done) this.ended.delete(oldest.value);
		}
		this.ended.add(id);
	}

	private remember(doc: SessionDoc): void {
		if (this.ended.has(doc._id)) return;
		if (this.cache.size >= CACHE_MAX) {
			const oldest = this.cache.keys().next();
			if (!oldest.done) this.cache.delete(oldest.value);
		}
		this.cache.set(doc._id, { doc, at: this.now() });
	}

	private async touch(doc: SessionDoc, now: number): Promise<void> {
		// Remember at once so concurrent requests in this hour do not write again.
		this.remember({ ...doc, lastSeen: now });
		// On a conflict someone else touched it: take theirs (unless this process ended it meanwhile).
		const outcome = await this.couch.update(this.db, doc._id, {
			current: doc,
			parse: (stored) => (this.ended.has(doc._id) ? undefined : sessionDocSchema.safeParse(stored).data),
			change: (current) => ({ ...current, lastSeen: Math.max(current.lastSeen, now) })
		});
		if (outcome.written) this.remember(outcome.written);
		else this.cache.delete(doc._id);
	}

	private async delete(doc: SessionDoc): Promise<void> {
		this.forget(doc._id);
		if (doc._rev && (await this.couch.remove(this.db, doc._id, doc._rev))) return;
		// Our copy was stale (a lastSeen write got in first): delete the current revision.
		const current = await this.couch.get(this.db, doc._id);
		if (current?._rev) await this.couch.remove(this.db, doc._id, current._rev);
	}

	private track(work: Promise<void>): void {
		const guarded = work.catch((error: unknown) => {
			this.log(`Could not update a session: ${messageOf(error)}`);
		});
		this.pending.add(guarded);
		void guarded.finally(() => this.pending.delete(guarded));
	}
}
