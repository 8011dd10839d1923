import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PouchDB from 'pouchdb-node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sessionInfoSchema } from '../domain/accounts';
import { supportId } from '../domain/discussion';
import { ideaSchema } from '../domain/idea';
import { newDocId } from '../domain/ids';
import { startServer, type RunningServer, type ServerOptions } from './app';
import { backendOptions, dropTestDatabases, TEST_BACKENDS } from '../../../tests/support/test-backends';

const PASSWORD = 'test-demo-password';

/** Runs against the embedded database always, and also against a real CouchDB (`TEST_BACKENDS`). */

type Json = Record<string, unknown>;

function cookieOf(res: Response): string {
	const header = res.headers.get('set-cookie') ?? '';
	const pair = header.split(';')[0] ?? '';
	expect(pair).toMatch(/^coproduce_session=[A-Za-z0-9_-]{43}$/);
	return pair;
}

describe.each(TEST_BACKENDS)('gateway over the $kind backend', ({ kind }) => {
	let options: ServerOptions;
	let server: RunningServer;
	let base: string;
	let workDir: string;
	const logs: string[] = [];
	const cookies = { member: '', coordinator: '', chair: '' };
	const openedDbs: PouchDB.Database[] = [];

	function request(path: string, init: RequestInit & { cookie?: string } = {}): Promise<Response> {
		const headers = new Headers(init.headers);
		if (init.cookie) headers.set('cookie', init.cookie);
		if (typeof init.body === 'string' && !headers.has('content-type')) {
			headers.set('content-type', 'application/json');
		}
		return fetch(base + path, { ...init, headers });
	}

	async function signIn(name: string, password = PASSWORD): Promise<string> {
		const res = await request('/api/session', { method: 'POST', body: JSON.stringify({ name, password }) });
		expect(res.status).toBe(200);
		return cookieOf(res);
	}

	/** PouchDB's http adapter on the gateway, sending the session cookie with every request. */
	function remote(cookie: string, name = 'network'): PouchDB.Database {
		const db = new PouchDB(`${base}/db/${name}`, {
			skip_setup: true,
			fetch: (url, opts) => {
				const headers = new Headers(opts?.headers);
				headers.set('cookie', cookie);
				return fetch(url, { ...opts, headers });
			}
		});
		openedDbs.push(db);
		return db;
	}

	function local(name: string): PouchDB.Database {
		const db = new PouchDB(join(workDir, 'client-' + name));
		openedDbs.push(db);
		return db;
	}

	async function replicate(source: PouchDB.Database, target: PouchDB.Database) {
		const denied: Json[] = [];
		const replication = PouchDB.replicate(source, target);
		void replication.on('denied', (error) => denied.push(error as Json));
		const result = await replication;
		return { result, denied };
	}

	function idea(author: string, title: string, overrides: Json = {}): Json {
		const now = new Date().toISOString();
		return {
			_id: newDocId('idea'),
			type: 'idea',
			schemaVersion: 1,
			author,
			createdAt: now,
			updatedAt: now,
			title,
			details: '',
			...overrides
		};
	}

	beforeAll(async () => {
		workDir = await mkdtemp(join(tmpdir(), 'coproduce-server-test-'));
		options = {
			port: 0,
			dataDir: join(workDir, 'data'),
			seedDemo: true,
			demoPassword: PASSWORD,
			buildDir: join(workDir, 'no-build-here'),
			log: (message) => logs.push(message),
			...backendOptions(kind)
		};
		server = await startServer(options);
		base = server.url;
		cookies.member = await signIn('member');
		cookies.coordinator = await signIn('coordinator');
	});

	afterAll(async () => {
		for (const db of openedDbs) await db.close().catch(() => undefined);
		await server?.close();
		await dropTestDatabases(options);
		await rm(workDir, { recursive: true, force: true });
	});

	describe('sessions', () => {
		it('seeds the demo accounts once and does not log the given password', () => {
			expect(logs.some((line) => line.includes('Demo network created'))).toBe(true);
			expect(logs.join('\n')).not.toContain(PASSWORD);
		});

		it('signs in with a session cookie and the session info', async () => {
			const res = await request('/api/session', {
				method: 'POST',
				body: JSON.stringify({ name: '  Chair ', password: PASSWORD })
			});
			expect(res.status).toBe(200);
			const cookie = res.headers.get('set-cookie') ?? '';
			expect(cookie).toMatch(/HttpOnly/);
			expect(cookie).toMatch(/SameSite=Strict/);
			expect(cookie).toMatch(/Path=\//);
			expect(cookie).not.toMatch(/Secure/);
			const info = sessionInfoSchema.parse(await res.json());
			// Only coordinators may sync (read) the signups database.
			expect(info).toEqual({
				name: 'chair',
				displayName: 'Charlie Chair',
				roles: ['chair', 'member'],
				databases: ['network']
			});
			cookies.chair = cookieOf(res);
			const coordinator = await request('/api/session', { cookie: cookies.coordinator });
			expect(((await coordinator.json()) as Json).databases).toEqual(['network', 'signups']);
		});

		it('refuses a wrong password and an unknown name alike', async () => {
			for (const body of [
				{ name: 'member', password: 'wrong' },
				{ name: 'nobody', password: 'wrong' }
			]) {
				const res = await request('/api/session', { method: 'POST', body: JSON.stringify(body) });
				expect(res.status).toBe(401);
				expect(res.headers.get('set-cookie')).toBeNull();
				expect(await res.json()).toEqual({
					error: 'unauthorized',
					reason: 'That user name and password do not match'
				});
			}
		});

		it('answers 400 with field messages for bad input', async () => {
			const res = await request('/api/session', {
				method: 'POST',
				body: JSON.stringify({ name: 'x', password: '' })
			});
			expect(res.status).toBe(400);
			const body = (await res.json()) as { error: string; fields: Record<string, string> };
			expect(body.error).toBe('bad_request');
			expect(body.fields.name).toMatch(/2 characters/);
			expect(body.fields.password).toBe('Enter your password');

			const malformed = await request('/api/session', { method: 'POST', body: '{not json' });
			expect(malformed.status).toBe(400);
		});

		it('tells who is signed in, or 401', async () => {
			const mine = await request('/api/session', { cookie: cookies.member });
			expect(mine.status).toBe(200);
			expect(mine.headers.get('cache-control')).toBe('no-store');
			expect(((await mine.json()) as Json).name).toBe('member');

			const none = await request('/api/session');
			expect(none.status).toBe(401);
			const forged = await request('/api/session', { cookie: 'coproduce_session=' + 'A'.repeat(43) });
			expect(forged.status).toBe(401);
		});

		it('signs out: the cookie is cleared and the session is gone', async () => {
			const cookie = await signIn('recruiter');
			const out = await request('/api/session', { method: 'DELETE', cookie });
			expect(out.status).toBe(200);
			expect(out.headers.get('set-cookie')).toMatch(/^coproduce_session=;.*Max-Age=0/);
			expect((await request('/api/session', { cookie })).status).toBe(401);
			expect((await request('/db/network/', { cookie })).status).toBe(401);
		});

		it('refuses cross-origin writes', async () => {
			const res = await request('/api/session', {
				method: 'POST',
				headers: { origin: 'http://evil.example' },
				body: JSON.stringify({ name: 'member', password: PASSWORD })
			});
			expect(res.status).toBe(403);
			const sameOrigin = await request('/api/session', {
				method: 'DELETE',
				headers: { origin: base },
				cookie: await signIn('recruiter')
			});
			expect(sameOrigin.status).toBe(200);
		});

		it('sets security headers everywhere and a 503 page without a build', async () => {
			for (const path of ['/', '/ideas/123', '/api/health', '/db/']) {
				const res = await request(path);
				expect(res.headers.get('x-content-type-options')).toBe('nosniff');
				expect(res.headers.get('x-frame-options')).toBe('DENY');
				expect(res.headers.get('referrer-policy')).toBe('same-origin');
				expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
			}
			const page = await request('/ideas/123');
			expect(page.status).toBe(503);
			expect(await page.text()).toContain('npm run build');
			expect(await (await request('/api/health')).json()).toEqual({ ok: true });
		});
	});

	describe('/db', () => {
		it('needs a session', async () => {
			for (const path of ['/db/', '/db/network/', '/db/network/_changes', '/db/coproduce-accounts/']) {
				const res = await request(path);
				expect(res.status).toBe(401);
				expect(((await res.json()) as Json).error).toBe('unauthorized');
			}
		});

		it('answers the welcome with a stable uuid, and database info', async () => {
			const welcome = (await (await request('/db/', { cookie: cookies.member })).json()) as Json;
			expect(welcome).toMatchObject({ couchdb: 'Welcome', vendor: { name: 'coproduce' } });
			expect(welcome.uuid).toMatch(/^[0-9a-f]{32}$/);
			const info = await request('/db/network/', { cookie: cookies.member });
			expect(info.status).toBe(200);
			expect(((await info.json()) as Json).doc_count).toBeGreaterThanOrEqual(6);
		});

		it('blocks everything but replication routes, without reaching the backend', async () => {
			const fetchSpy = vi.spyOn(globalThis, 'fetch');
			const blocked: Array<[string, string, number[], string?]> = [
				['GET', '/db/_all_dbs', [403]],
				['GET', '/db/_config', [403]],
				['PUT', '/db/_config/admins/eve', [403], '"pw"'],
				['POST', '/db/_replicate', [403], '{"source":"network","target":"http://evil.example/x"}'],
				['GET', '/db/_session', [403]],
				['GET', '/db/_users/', [403]],
				['PUT', '/db/newdb', [404]],
				['PUT', '/db/network', [403]],
				['DELETE', '/db/network', [403]],
				['GET', '/db/coproduce-accounts/', [404]],
				['GET', '/db/coproduce-accounts/_all_docs', [404]],
				['GET', '/db/coproduce-sessions/_all_docs', [404]],
				['PUT', '/db/network/_design/x', [403], '{"views":{}}'],
				['GET', '/db/network/_design/x', [403]],
				['GET', '/db/network/_security', [403]],
				['PUT', '/db/network/_security', [403], '{}'],
				['POST', '/db/network/_find', [403], '{"selector":{}}'],
				['POST', '/db/network/_index', [403], '{"index":{"fields":["a"]}}'],
				['POST', '/db/network/_compact', [403], '{}'],
				['POST', '/db/network/_purge', [403], '{}'],
				['POST', '/db/network/_temp_view', [403], '{"map":"function(doc){emit(1)}"}'],
				['GET', '/db/network/_changes?filter=_view&view=x/y', [403]],
				['GET', '/db/network/_changes?feed=continuous', [403]],
				['PUT', '/db/network/idea:x/file.txt', [403], 'hello'],
				['DELETE', '/db/network/_local/abc', [403]],
				['COPY', '/db/network/idea:x', [403]],
				['GET', '/db/network/idea:x//', [403]],
				['POST', '/db/network', [403], '{}']
			];
			for (const [method, path, statuses, body] of blocked) {
				const res = await request(path, { method, cookie: cookies.member, body });
				expect(statuses, `${method} ${path} answered ${res.status}`).toContain(res.status);
			}
			const toBackend = fetchSpy.mock.calls
				.map(([url]) => String(url instanceof Request ? url.url : url))
				.filter((url) => !url.startsWith(base));
			fetchSpy.mockRestore();
			// Only session and account look-ups (cached, so usually none) may have reached the backend.
			expect(
				toBackend.filter((url) => !/\/(t[0-9a-f]{8}-)?coproduce-(sessions|accounts)\//.test(url))
			).toEqual([]);
			if (kind === 'embedded') expect(existsSync(join(options.dataDir, 'newdb'))).toBe(false);
			expect((await request('/api/health')).status).toBe(200);
			expect((await request('/db/network/', { cookie: cookies.member })).status).toBe(200);
		});

		it('pulls the demo ideas into a client by replication', async () => {
			const client = local('pull');
			const { result } = await replicate(remote(cookies.member), client);
			expect(result.ok).toBe(true);
			const all = await client.allDocs({ include_docs: true });
			const ideas = all.rows
				.filter((row) => row.id.startsWith('idea:'))
				.map((row) =>
					ideaSchema.parse(
						Object.fromEntries(
							Object.entries(row.doc ?? {}).filter(([key]) => key === '_id' || !key.startsWith('_'))
						)
					)
				);
			expect(ideas.length).toBeGreaterThanOrEqual(6);
			expect(new Set(ideas.map((i) => i.author)).size).toBeGreaterThanOrEqual(3);
		});

		it('never sends a design document to a device, and pages past where one was left out', async () => {
			// Pages of one: a page that held only the design document CouchDB keeps (the gateway's validation)
			// would come back empty, and an empty page ends a replication.
			const client = local('pages');
			const replication = PouchDB.replicate(remote(cookies.member), client, { batch_size: 1 });
			const result = await replication;
			expect(result.ok).toBe(true);
			const pulled = await client.allDocs();
			expect(pulled.rows.filter((row) => row.id.startsWith('_design/'))).toEqual([]);
			const rows = await server.internals.couch.allDocsWithPrefix<Json>(
				server.internals.names.backendName('network'),
				''
			);
			const onServer = rows.filter((row) => !row.id?.startsWith('_design/')).length;
			expect(pulled.rows.length).toBe(onServer);
			for (const path of [
				'/db/network/_changes?since=0',
				'/db/network/_changes?since=0&limit=1&style=all_docs',
				'/db/network/_all_docs',
				'/db/network/_all_docs?include_docs=true&limit=3'
			]) {
				const text = await (await request(path, { cookie: cookies.member })).text();
				expect(text, path).not.toContain('_design/');
			}
			const named = await request('/db/network/_bulk_get', {
				method: 'POST',
				cookie: cookies.member,
				body: JSON.stringify({ docs: [{ id: '_design/coproduce-gateway' }] })
			});
			expect(named.status).toBe(403);
			// A device that holds one from before is never asked to send it back.
			const diff = await request('/db/network/_revs_diff', {
				method: 'POST',
				cookie: cookies.member,
				body: JSON.stringify({ '_design/coproduce-gateway': ['1-0123456789abcdef0123456789abcdef'] })
			});
			expect(await diff.json()).toEqual({});
		});

		it('pushes by replication: valid docs land, refused ones are denied per doc and replication completes', async () => {
			const client = local('push');
			const good = idea('member', 'Braille labels on ambulance doors');
			const empty = idea('member', '');
			const notMine = idea('chair', 'Written in the name of someone else');
			await client.bulkDocs([good, empty, notMine]);

			const { result, denied } = await replicate(client, remote(cookies.member));
			expect(result.ok).toBe(true);
			expect(result.status).toBe('complete');
			expect(result.docs_written).toBe(1);
			expect(result.doc_write_failures).toBe(2);
			const reasons = Object.fromEntries(denied.map((d) => [d.id, String(d.reason)]));
			expect(Object.keys(reasons).sort()).toEqual([empty._id, notMine._id].sort());
			expect(reasons[String(empty._id)]).toMatch(/title/i);
			expect(reasons[String(notMine._id)]).toBe('You can only write documents in your own name');

			const server = remote(cookies.coordinator);
			expect((await server.get<Json>(String(good._id))).title).toBe('Braille labels on ambulance doors');
			await expect(server.get(String(empty._id))).rejects.toMatchObject({ status: 404 });
			await expect(server.get(String(notMine._id))).rejects.toMatchObject({ status: 404 });
		});

		it("refuses edits to another member's idea; a coordinator may make them", async () => {
			const asChair = remote(cookies.chair || (await signIn('chair')));
			const written = idea('chair', 'Feedback kiosks in emergency departments');
			await asChair.put(written);

			const asMember = remote(cookies.member);
			const current = await asMember.get<Json>(String(written._id));
			await expect(asMember.put({ ...current, title: 'Hijacked' })).rejects.toMatchObject({
				status: 403,
				name: 'forbidden',
				message: 'Only chair or a coordinator can change this'
			});
			await expect(asMember.remove(String(written._id), String(current._rev))).rejects.toMatchObject({
				status: 403
			});

			const bulk = await request('/db/network/_bulk_docs', {
				method: 'POST',
				cookie: cookies.member,
				body: JSON.stringify({
					docs: [
						{ ...current, title: 'Hijacked again' },
						{ _id: '_design/evil', views: {} },
						{
							...idea('member', 'With a file'),
							_attachments: { 'a.txt': { content_type: 'text/plain', data: 'aGk=' } }
						},
						idea('member', 'Fine one')
					]
				})
			});
			expect(bulk.status).toBe(201);
			const results = (await bulk.json()) as Json[];
			expect(results.map((r) => r.error ?? 'ok')).toEqual(['forbidden', 'forbidden', 'forbidden', 'ok']);
			expect(results[1]?.reason).toBe('Design documents cannot be written');
			expect(results[2]?.reason).toBe('Attachments are not allowed');
			// Deleting your own idea is fine.
			const own = results[3] as { id: string; rev: string };
			expect((await asMember.remove(own.id, own.rev)).ok).toBe(true);

			const asCoordinator = remote(cookies.coordinator);
			const edited = await asCoordinator.put({ ...current, title: 'Feedback kiosks in every A&E' });
			expect(edited.ok).toBe(true);
			const now = await asMember.get<Json>(String(written._id));
			expect(now.title).toBe('Feedback kiosks in every A&E');
			expect(now.author).toBe('chair');
		});

		it("refuses, through replication, edits of others' ideas and changes to author, createdAt and type", async () => {
			const chairs = idea('chair', 'Quiet rooms for families in A&E');
			await remote(cookies.chair || (await signIn('chair'))).put(chairs);
			const mine = [1, 2, 3].map((n) => idea('member', `My idea ${n}`));
			const client = local('tamper');
			await client.bulkDocs(mine);
			const first = await replicate(client, remote(cookies.member));
			expect(first.result.docs_written).toBe(3);
			await replicate(remote(cookies.member), client);

			const stored = async (id: unknown) => client.get<Json>(String(id));
			await client.put({ ...(await stored(chairs._id)), title: 'Taken over' });
			await client.put({ ...(await stored(mine[0]?._id)), author: 'chair' });
			await client.put({ ...(await stored(mine[1]?._id)), createdAt: '2020-01-01T00:00:00.000Z' });
			await client.put({ ...(await stored(mine[2]?._id)), type: 'comment' });
			const { result, denied } = await replicate(client, remote(cookies.member));
			expect(result.ok).toBe(true);
			expect(result.docs_written).toBe(0);
			expect(result.doc_write_failures).toBe(4);
			const reasons = Object.fromEntries(denied.map((d) => [String(d.id), String(d.reason)]));
			expect(reasons[String(chairs._id)]).toBe('Only chair or a coordinator can change this');
			expect(reasons[String(mine[0]?._id)]).toBe('The author of a document cannot be changed');
			expect(reasons[String(mine[1]?._id)]).toBe('The createdAt of a document cannot be changed');
			expect(reasons[String(mine[2]?._id)]).toMatch(/type/);

			const server = remote(cookies.coordinator);
			expect((await server.get<Json>(String(chairs._id))).title).toBe('Quiet rooms for families in A&E');
			expect((await server.get<Json>(String(mine[0]?._id))).author).toBe('member');
			expect((await server.get<Json>(String(mine[2]?._id))).type).toBe('idea');
		});

		it('accepts a support taken back and given again, and one given on two phones of the same member', async () => {
			const target = idea('chair', 'Hearing loops at every station');
			await remote(cookies.chair || (await signIn('chair'))).put(target);
			const support = (at: string): Json => ({
				_id: supportId(String(target._id), 'member'),
				type: 'support',
				schemaVersion: 1,
				author: 'member',
				createdAt: at,
				updatedAt: at,
				ideaId: target._id
			});
			const phoneA = local('support-a');
			const phoneB = local('support-b');
			const phoneC = local('support-c');
			await phoneA.put(support('2026-01-01T10:00:00.000Z'));
			expect((await replicate(phoneA, remote(cookies.member))).result.docs_written).toBe(1);
			await replicate(remote(cookies.member), phoneB);
			// Phone B, offline: takes the support back, then gives it again (a new document under the same id).
			const id = String(support('')._id);
			await phoneB.remove(await phoneB.get(id));
			await phoneB.put(support('2026-01-02T10:00:00.000Z'));
			// Phone C never saw phone A's support and gives its own.
			await phoneC.put(support('2026-01-03T10:00:00.000Z'));
			for (const phone of [phoneB, phoneC]) {
				const { result, denied } = await replicate(phone, remote(cookies.member));
				expect(denied).toEqual([]);
				expect(result.doc_write_failures).toBe(0);
			}
			const onServer = await remote(cookies.member).get<Json>(id, { revs: true, open_revs: 'all' });
			const leaves = (onServer as unknown as { ok: Json }[]).map((leaf) => leaf.ok.createdAt).sort();
			expect(leaves).toEqual(['2026-01-02T10:00:00.000Z', '2026-01-03T10:00:00.000Z']);
		});

		it('keeps a deleted id for its owner: nobody else writes a new document there, its owner may', async () => {
			const chair = cookies.chair || (await signIn('chair'));
			const mine = idea('member', 'Taken back later');
			const id = String(mine._id);
			const put = await remote(cookies.member).put(mine);
			const removed = await remote(cookies.member).remove(id, put.rev);
			// The tombstone keeps its owner, from the store's copy.
			const { couch, names } = server.internals;
			const path = `${encodeURIComponent(id)}?rev=${removed.rev}`;
			const tombstone = await couch.request('GET', couch.url(names.backendName('network'), path));
			expect(tombstone.body).toMatchObject({ _deleted: true, author: 'member', type: 'idea' });
			const taken = { ...idea('chair', 'Under your old id'), _id: id };
			const phone = local('deleted-id');
			await phone.put(taken);
			const { denied } = await replicate(phone, remote(chair));
			expect(denied).toEqual([expect.objectContaining({ id, name: 'forbidden' })]);
			expect(String(denied[0]?.reason ?? denied[0]?.message)).toMatch(/belonged to a document of member/);
			const again = await remote(cookies.member).put({ ...idea('member', 'Written again'), _id: id });
			expect(again.ok).toBe(true);
		});

		it('refuses a recruiter replicating into or out of signups; a coordinator pulls it', async () => {
			const recruiter = await signIn('recruiter');
			const client = local('signups-recruiter');
			await client.put(idea('recruiter', 'Sneaked into signups'));
			await expect(PouchDB.replicate(client, remote(recruiter, 'signups'))).rejects.toMatchObject({
				status: 403
			});
			await expect(
				PouchDB.replicate(remote(recruiter, 'signups'), local('signups-pull'))
			).rejects.toMatchObject({
				status: 403
			});
			const coordinatorCopy = local('signups-coordinator');
			const pulled = await replicate(remote(cookies.coordinator, 'signups'), coordinatorCopy);
			expect(pulled.result.ok).toBe(true);
			// Only what the inbox API stored (the demo's sealed sign-ups and key): nothing from /db.
			const pulledIds = (await coordinatorCopy.allDocs()).rows.map((r) => r.id);
			expect(pulledIds.filter((id) => !/^(signup|keyring):|^_design\//.test(id))).toEqual([]);
			// Nobody writes signups through /db, coordinators included.
			await expect(PouchDB.replicate(client, remote(cookies.coordinator, 'signups'))).rejects.toMatchObject({
				status: 403
			});
			const rows = (await remote(cookies.coordinator, 'signups').allDocs()).rows;
			expect(rows.filter((row) => !/^(signup|keyring):|^_design\//.test(row.id))).toEqual([]);
		});

		it('streams a long poll, and aborts the backend request when the client goes away', async () => {
			const fetchSpy = vi.spyOn(globalThis, 'fetch');
			const abandoned = new AbortController();
			const path = '/db/network/_changes?feed=longpoll&since=now&heartbeat=1000';
			const hanging = await request(path, { cookie: cookies.member, signal: abandoned.signal });
			expect(hanging.status).toBe(200);
			const toBackend = fetchSpy.mock.calls.find(
				([url]) => !String(url).startsWith(base) && String(url).includes('/_changes')
			);
			fetchSpy.mockRestore();
			const backendSignal = toBackend?.[1]?.signal;
			expect(backendSignal?.aborted).toBe(false);
			abandoned.abort();
			await expect(hanging.text()).rejects.toThrow();
			await vi.waitFor(() => expect(backendSignal?.aborted).toBe(true));

			const waiting = request(path, { cookie: cookies.member });
			await new Promise((resolve) => setTimeout(resolve, 150));
			const written = idea('coordinator', 'Live change');
			await remote(cookies.coordinator).put(written);
			const res = await waiting;
			expect(res.status).toBe(200);
			const body = JSON.parse(await res.text()) as { results: Array<{ id: string }> };
			expect(body.results.map((r) => r.id)).toContain(written._id);
		});
	});

	// Last but one: the failures it makes lock the recruiter account for 15 minutes.
	it('throttles repeated failed sign-ins to one account with 429 and Retry-After, not the whole address', async () => {
		let res: Response | undefined;
		for (let attempt = 0; attempt < 6; attempt++) {
			res = await request('/api/session', {
				method: 'POST',
				body: JSON.stringify({ name: 'recruiter', password: 'guess-' + attempt })
			});
			if (res.status === 429) break;
			expect(res.status).toBe(401);
		}
		expect(res?.status).toBe(429);
		const right = await request('/api/session', {
			method: 'POST',
			body: JSON.stringify({ name: 'recruiter', password: PASSWORD })
		});
		expect(right.status).toBe(429);
		expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(60);
		expect(((await right.json()) as Json).reason).toMatch(
			/^Too many failed sign-in attempts\. Try again in \d+ minutes\.$/
		);
		// Someone else at the same address (a stall, an office) still signs in.
		const neighbour = await request('/api/session', {
			method: 'POST',
			body: JSON.stringify({ name: 'chair', password: PASSWORD })
		});
		expect(neighbour.status).toBe(200);
	});

	it('keeps sessions and the server id across a restart', async () => {
		const before = (await (await request('/db/', { cookie: cookies.member })).json()) as Json;
		await server.close();
		server = await startServer({ ...options, demoPassword: 'a-different-one' });
		base = server.url;
		const res = await request('/api/session', { cookie: cookies.member });
		expect(res.status).toBe(200);
		expect(((await res.json()) as Json).name).toBe('member');
		const after = (await (await request('/db/', { cookie: cookies.member })).json()) as Json;
		expect(after.uuid).toBe(before.uuid);
		// Not re-seeded: the password is still the first one.
		expect(logs.filter((line) => line.includes('Demo network created'))).toHaveLength(1);
	});
});
