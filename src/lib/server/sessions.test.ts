import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS_DB, AccountStore } from './accounts';
import type { CouchClient } from './couch';
import { ABSOLUTE_LIMIT_MS, IDLE_LIMIT_MS, SESSIONS_DB, SessionStore } from './sessions';
import { useEmbeddedStore } from '../../../tests/support/gateway';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe('SessionStore', () => {
	const store = useEmbeddedStore('sessions', [ACCOUNTS_DB, SESSIONS_DB]);
	let couch: CouchClient;
	let accounts: AccountStore;
	let now = Date.UTC(2025, 0, 1);
	const clock = () => now;

	beforeAll(async () => {
		couch = store.couch;
		accounts = new AccountStore(couch);
		await accounts.create({
			name: 'ada',
			displayName: 'Ada',
			roles: ['member'],
			password: 'analytical engine'
		});
		await couch.put(ACCOUNTS_DB, {
			_id: 'account:off',
			type: 'account',
			name: 'off',
			displayName: 'Switched Off',
			roles: ['member'],
			passwordHash: 'x',
			active: false,
			createdAt: new Date(now).toISOString()
		});
	});

	async function newSession() {
		const account = await accounts.get('ada');
		if (!account) throw new Error('no account');
		return (await new SessionStore(couch, accounts, { now: clock }).create(account)).token;
	}

	it('stores only a hash of the token', async () => {
		const token = await newSession();
		const rows = await couch.allDocsWithPrefix<Record<string, unknown>>(SESSIONS_DB, 'session:');
		expect(JSON.stringify(rows)).not.toContain(token);
	});

	it('slides the idle expiry, writing lastSeen at most once an hour, and survives a fresh store', async () => {
		const token = await newSession();
		const store = new SessionStore(couch, accounts, { now: clock });
		now += 20 * DAY;
		expect((await store.resolve(token))?.account.name).toBe('ada');
		await store.flush();
		// A new process (no cache) sees the touched lastSeen, so another 20 days later it is still valid.
		now += 20 * DAY;
		const fresh = new SessionStore(couch, accounts, { now: clock });
		const resolved = await fresh.resolve(token);
		expect(resolved?.lastSeen).toBe(now - 20 * DAY);
		await fresh.flush();
		now += IDLE_LIMIT_MS + 1;
		expect(await new SessionStore(couch, accounts, { now: clock }).resolve(token)).toBeUndefined();
	});

	it('ends a session at the absolute limit however often it is used', async () => {
		const token = await newSession();
		const store = new SessionStore(couch, accounts, { now: clock });
		const end = now + ABSOLUTE_LIMIT_MS;
		while (now + 10 * DAY < end) {
			now += 10 * DAY;
			expect(await store.resolve(token)).toBeDefined();
			// Ten days pass between uses: the touch of one use has landed before the next (under load it
			// could otherwise still be on its way, and the next use read a lastSeen 30 days old).
			await store.flush();
		}
		now = end + 1;
		expect(await store.resolve(token)).toBeUndefined();
		await store.flush();
	});

	it('rejects sessions of inactive accounts, malformed tokens, and signed-out sessions', async () => {
		const off = await accounts.get('off');
		if (!off) throw new Error('no account');
		const store = new SessionStore(couch, accounts, { now: clock });
		const { token } = await store.create(off);
		expect(await store.resolve(token)).toBeUndefined();
		expect(await store.resolve('short')).toBeUndefined();
		expect(await store.resolve(undefined)).toBeUndefined();

		const mine = await newSession();
		expect(await store.resolve(mine)).toBeDefined();
		await store.destroy(mine);
		expect(await store.resolve(mine)).toBeUndefined();
	});

	it('ends all sessions of an account at once, except one kept, even with a lastSeen write in flight', async () => {
		const store = new SessionStore(couch, accounts, { now: clock });
		const account = await accounts.get('ada');
		if (!account) throw new Error('no account');
		const [a, b, kept] = await Promise.all([
			store.create(account),
			store.create(account),
			store.create(account)
		]);
		now += 2 * HOUR;
		// Resolving starts a lastSeen write; ending the sessions races with it.
		expect(await store.resolve(a.token)).toBeDefined();
		const ended = await store.endSessionsOf('ada', kept.token);
		expect(ended).toBeGreaterThanOrEqual(2);
		await store.flush();
		expect(await store.resolve(a.token)).toBeUndefined();
		expect(await store.resolve(b.token)).toBeUndefined();
		expect(await store.resolve(kept.token)).toBeDefined();
		// And for a process that never cached them.
		const fresh = new SessionStore(couch, accounts, { now: clock });
		expect(await fresh.resolve(a.token)).toBeUndefined();
		expect(await fresh.resolve(kept.token)).toBeDefined();
		await store.flush();
		await fresh.flush();
	});

	it('purges expired sessions', async () => {
		await newSession();
		now += ABSOLUTE_LIMIT_MS + DAY;
		const store = new SessionStore(couch, accounts, { now: clock });
		expect(await store.purgeExpired()).toBeGreaterThan(0);
		expect(await couch.allDocsWithPrefix(SESSIONS_DB, 'session:')).toEqual([]);
	});
});
