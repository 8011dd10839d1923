import { existsSync } from 'node:fs';
import { join } from 'node:path';
import PouchDB from 'pouchdb-node';
import { describe, expect, it, vi } from 'vitest';
import { ideaSchema } from '../../domain/idea';
import { mayReadId } from '../../domain/private';
import { useTestGateway, type Json } from '../../../../tests/support/gateway';
import { idea } from '../../../../tests/support/raw-docs';
import { TEST_BACKENDS } from '../../../../tests/support/test-backends';

/** `/db` over both stores (`TEST_BACKENDS`): who may open it, what it blocks, and pulling by replication. */
describe.each(TEST_BACKENDS)('/db over the $kind backend', ({ kind }) => {
	const gateway = useTestGateway(kind, 'db');
	const { request, signIn, remote, local, replicate, cookies } = gateway;

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
				.filter((url) => !url.startsWith(gateway.base));
			fetchSpy.mockRestore();
			// Only session and account look-ups (cached, so usually none) may have reached the backend.
			expect(
				toBackend.filter((url) => !/\/(t[0-9a-f]{8}-)?coproduce-(sessions|accounts)\//.test(url))
			).toEqual([]);
			if (kind === 'embedded') expect(existsSync(join(gateway.options.dataDir, 'newdb'))).toBe(false);
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
			// would come back empty, and an empty page ends a replication. A hundred round trips: a longer timeout.
			const client = local('pages');
			const replication = PouchDB.replicate(remote(cookies.member), client, { batch_size: 1 });
			const result = await replication;
			expect(result.ok).toBe(true);
			const pulled = await client.allDocs();
			expect(pulled.rows.filter((row) => row.id.startsWith('_design/'))).toEqual([]);
			const rows = await gateway.server.internals.couch.allDocsWithPrefix<Json>(
				gateway.server.internals.names.backendName('network'),
				''
			);
			// All the member may read: not others' private documents (profiles, claims, interests…).
			const member = { name: 'member', roles: ['member'] as const };
			const onServer = rows.filter(
				(row) => row.id && !row.id.startsWith('_design/') && mayReadId(member, row.id)
			).length;
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
		}, 120_000);

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
				([url]) => !String(url).startsWith(gateway.base) && String(url).includes('/_changes')
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
});
