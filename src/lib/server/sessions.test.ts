import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILURES_PER_IP, FAILURES_PER_NAME, THROTTLE_WINDOW_MS } from './routes/session';
import { ACCOUNTS_DB, AccountExistsError, AccountStore, PasswordRefusedError } from './accounts';
import { embeddedBackend } from './backend/embedded';
import type { Backend } from './backend';
import { CouchClient } from './couch';
import { hashPassword, verifyPassword } from './passwords';
import { ABSOLUTE_LIMIT_MS, IDLE_LIMIT_MS, SESSIONS_DB, SessionStore } from './sessions';
import { FailureThrottle, describeWait } from './throttle';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe('passwords', () => {
	it('hashes with a random salt and the parameters, and verifies in constant time', async () => {
		const a = await hashPassword('open sesame');
		const b = await hashPassword('open sesame');
		expect(a).not.toBe(b);
		expect(a).toMatch(/^scrypt\$32768\$8\$3\$[\w-]+\$[\w-]+$/);
		expect(await verifyPassword('open sesame', a)).toBe(true);
		expect(await verifyPassword('open sesame!', a)).toBe(false);
		expect(await verifyPassword('open sesame', 'scrypt$1$1$1$$')).toBe(false);
		expect(await verifyPassword('open sesame', 'plain')).toBe(false);
	});
});

describe('FailureThrottle', () => {
	it('allows 5 failures per account name and 50 per address in 15 minutes', () => {
		expect([FAILURES_PER_NAME, FAILURES_PER_IP, THROTTLE_WINDOW_MS]).toEqual([5, 50, 15 * 60 * 1000]);
		const byIp = new FailureThrottle(FAILURES_PER_IP, THROTTLE_WINDOW_MS);
		for (let i = 0; i < 49; i++) byIp.fail('10.0.0.1');
		expect(byIp.retryAfterMs('10.0.0.1')).toBe(0);
		byIp.fail('10.0.0.1');
		expect(byIp.retryAfterMs('10.0.0.1')).toBeGreaterThan(0);
	});

	it('blocks after five failures in the window and says when to come back', () => {
		let now = 1_000_000;
		const throttle = new FailureThrottle(5, 15 * 60 * 1000, () => now);
		for (let i = 0; i < 4; i++) {
			throttle.fail('name:x');
			now += 60 * 1000;
		}
		expect(throttle.retryAfterMs('name:x')).toBe(0);
		throttle.fail('name:x');
		// The first failure leaves the window 15 minutes after it happened, 11 minutes from now.
		expect(throttle.retryAfterMs('name:x')).toBe(11 * 60 * 1000);
		expect(describeWait(throttle.retryAfterMs('name:x'))).toBe('Try again in 11 minutes.');
		now += 11 * 60 * 1000 + 1;
		expect(throttle.retryAfterMs('name:x')).toBe(0);
		throttle.reset('name:x');
		expect(throttle.retryAfterMs('name:x')).toBe(0);
	});
});

describe('SessionStore', () => {
	let dir: string;
	let backend: Backend;
	let accounts: AccountStore;
	let couch: CouchClient;
	let now = Date.UTC(2025, 0, 1);
	const clock = () => now;

	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'coproduce-sessions-test-'));
		backend = await embeddedBackend(dir);
		await backend.ensureDatabase(ACCOUNTS_DB);
		await backend.ensureDatabase(SESSIONS_DB);
		couch = new CouchClient(backend);
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

	afterAll(async () => {
		await backend.close();
		await rm(dir, { recursive: true, force: true });
	});

	it('the embedded backend answers only requests with its secret header', async () => {
		const without = await fetch(backend.url + '/' + SESSIONS_DB + '/');
		expect(without.status).toBe(401);
		const wrong = await fetch(backend.url + '/', { headers: { 'x-coproduce-backend-secret': 'guess' } });
		expect(wrong.status).toBe(401);
		const withSecret = await fetch(backend.url + '/' + SESSIONS_DB + '/', { headers: backend.headers });
		expect(withSecret.status).toBe(200);
		// Names it did not create are unknown to it (no database is ever created over HTTP).
		const other = await fetch(backend.url + '/other/', { headers: backend.headers });
		expect(other.status).toBe(404);
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

describe('AccountStore', () => {
	let dir: string;
	let backend: Backend;
	let accounts: AccountStore;

	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'coproduce-accounts-test-'));
		backend = await embeddedBackend(dir);
		await backend.ensureDatabase(ACCOUNTS_DB);
		accounts = new AccountStore(new CouchClient(backend));
	});

	afterAll(async () => {
		await backend.close();
		await rm(dir, { recursive: true, force: true });
	});

	it('creates, lists, updates and sets passwords under the password rules', async () => {
		await expect(
			accounts.create({ name: 'bea', displayName: 'Bea', roles: ['member'], password: 'password1' })
		).rejects.toBeInstanceOf(PasswordRefusedError);
		await expect(
			accounts.create({ name: 'bea', displayName: 'Bea', roles: ['member'], password: 'bea-is-best-1' })
		).rejects.toThrow('Password must not contain your user name');
		const bea = await accounts.create({
			name: 'bea',
			displayName: 'Bea',
			roles: ['member'],
			password: 'lantern meadow'
		});
		expect(bea.active).toBe(true);
		await expect(
			accounts.create({ name: 'bea', displayName: 'Bea 2', roles: ['member'], password: 'lantern meadow' })
		).rejects.toBeInstanceOf(AccountExistsError);

		const updated = await accounts.update('bea', { roles: ['member', 'chair', 'member'], active: false });
		expect(updated).toMatchObject({ roles: ['member', 'chair'], active: false, displayName: 'Bea' });
		expect((await accounts.get('bea'))?.active).toBe(false);
		expect(await accounts.update('nobody', { active: false })).toBeUndefined();

		await expect(accounts.setPassword('bea', 'short')).rejects.toBeInstanceOf(PasswordRefusedError);
		await accounts.update('bea', { active: true });
		await accounts.setPassword('bea', 'orchard kestrel');
		expect((await accounts.authenticate('bea', 'lantern meadow')).ok).toBe(false);
		expect((await accounts.authenticate('bea', 'orchard kestrel')).ok).toBe(true);
		expect((await accounts.list()).map((a) => a.name)).toEqual(['bea']);
	});
});
