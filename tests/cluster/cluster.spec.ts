/**
 * Coproduce on a three-node CouchDB 3 cluster (n = 3): the gateway talks to node 1; node 2 is killed while
 * a phone that wrote ideas offline is syncing them, both phones keep writing, and nothing is lost. Then
 * node 2 comes back and CouchDB's internal replication brings its own shard copies up to date.
 *
 * Run with `npm run test:cluster` (see docs/COUCHDB-CLUSTER.md); not part of `npm test`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Browser, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { createIdea, IdeaPage, openIdea, SignInPage, SyncIndicator } from '../e2e/pages/app';
import { waitForServiceWorker } from '../e2e/support/fixtures';
import { ServerProcess } from '../support/server';
import { CouchCluster } from './couchdb-cluster';

interface Phone {
	name: string;
	context: BrowserContext;
	page: Page;
	sync: SyncIndicator;
}

interface Written {
	id: string;
	title: string;
	by: Phone;
}

async function openPhone(browser: Browser, baseURL: string, name: string): Promise<Phone> {
	const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	await page.goto('/sign-in');
	await new SignInPage(page).signIn(name);
	const sync = new SyncIndicator(page);
	await sync.expectAllSynced(30_000);
	return { name, context, page, sync };
}

const log = (line: string) => console.log(`[cluster] ${line}`);

/** Shard ranges and the nodes holding a copy of each, as CouchDB reports them. */
async function shardMap(cluster: CouchCluster, db: string): Promise<Record<string, string[]>> {
	const body = await cluster.getJson<{ shards: Record<string, string[]> }>(
		1,
		`/${encodeURIComponent(db)}/_shards`
	);
	return body.shards;
}

/** Which of `ids` a clustered read through one node does not find. */
async function missingThrough(
	cluster: CouchCluster,
	node: number,
	db: string,
	ids: string[]
): Promise<string[]> {
	const response = await cluster.request(node, 'POST', `/${encodeURIComponent(db)}/_all_docs`, { keys: ids });
	if (!response.ok) return [...ids];
	const body = (await response.json()) as {
		rows: { key: string; error?: string; value?: { deleted?: boolean } }[];
	};
	return body.rows.filter((row) => row.error || row.value?.deleted).map((row) => row.key);
}

/**
 * The ids in one node's OWN copies of a database's shards (`/_node/_local/shards%2F…`), by shard range:
 * not a clustered read, which would answer from whichever copy replies first.
 */
async function localShardIds(
	cluster: CouchCluster,
	node: number,
	db: string
): Promise<Record<string, string[]>> {
	const local = await cluster.getJson<string[]>(node, '/_node/_local/_all_dbs');
	const result: Record<string, string[]> = {};
	for (const shard of local) {
		const match = /^shards\/([0-9a-f]+-[0-9a-f]+)\/(.+)\.\d+$/.exec(shard);
		if (!match || match[2] !== db) continue;
		const body = await cluster.getJson<{ rows: { id: string }[] }>(
			node,
			`/_node/_local/${encodeURIComponent(shard)}/_all_docs`
		);
		result[match[1] as string] = body.rows.map((row) => row.id).sort();
	}
	return result;
}

async function attachLogs(testInfo: TestInfo, cluster?: CouchCluster, server?: ServerProcess): Promise<void> {
	if (server) await testInfo.attach('server.log', { body: server.log, contentType: 'text/plain' });
	for (const node of cluster?.members ?? []) {
		const text = await readFile(join(node.dir, 'couchdb.log'), 'utf8').catch(() => '');
		await testInfo.attach(`couchdb-node${node.index}.log`, {
			body: text.split('\n').slice(-300).join('\n'),
			contentType: 'text/plain'
		});
	}
}

test('ideas written on two phones survive a CouchDB node dying mid-sync, and the node catches up', async ({
	browser
}, testInfo) => {
	let cluster: CouchCluster | undefined;
	let server: ServerProcess | undefined;
	const phones: Phone[] = [];
	const started = Date.now();
	try {
		cluster = await CouchCluster.start({ log: (line) => log(line) });
		const couch = cluster;
		server = await ServerProcess.start({ couchdbUrl: couch.node(1).adminUrl });
		const prefix = server.couchdb?.prefix ?? '';
		const network = `${prefix}network`;
		log(`cluster and server up in ${Date.now() - started} ms (gateway -> node 1, prefix ${prefix})`);

		let dbs: string[] = [];
		await test.step('every database the server created has three copies of each shard', async () => {
			dbs = (await couch.getJson<string[]>(1, '/_all_dbs')).filter((name) => name.startsWith(prefix));
			expect(dbs).toEqual(expect.arrayContaining([network, `${prefix}signups`]));
			expect(dbs.length).toBeGreaterThanOrEqual(4);
			const everyNode = couch.members.map((node) => node.name).sort();
			for (const db of dbs) {
				const shards = await shardMap(couch, db);
				expect(Object.keys(shards), db).toHaveLength(2); // q = 2
				for (const [range, nodes] of Object.entries(shards)) {
					expect([...nodes].sort(), `${db} ${range}`).toEqual(everyNode);
				}
			}
			log(`${dbs.length} databases, each 2 shard ranges x 3 copies: ${dbs.join(', ')}`);
		});

		const a = await openPhone(browser, server.url, 'member');
		phones.push(a);
		const b = await openPhone(browser, server.url, 'chair');
		phones.push(b);
		await waitForServiceWorker(a.page);
		const written: Written[] = [];
		const write = async (phone: Phone, title: string) => {
			const id = await createIdea(phone.page, title, `Written by ${phone.name} on the cluster test.`);
			written.push({ id, title, by: phone });
		};
		const stamp = Date.now();

		await test.step('phone A writes ideas online, then offline', async () => {
			for (let i = 1; i <= 2; i++) await write(a, `Cluster online ${i} ${stamp}`);
			await a.sync.expectAllSynced(30_000);
			await a.context.setOffline(true);
			await a.sync.expectPhase('offline');
			for (let i = 1; i <= 4; i++) await write(a, `Cluster offline ${i} ${stamp}`);
			await expect(a.page.getByTestId('pending-count')).toHaveText('4 changes waiting to sync');
		});

		let killedAt = 0;
		// What the gateway answered phone A's pushes (a failed one is retried by the phone: logged, not asserted).
		const pushAnswers: string[] = [];
		a.context.on('response', (response) => {
			if (response.url().includes('/db/network/_bulk_docs')) pushAnswers.push(String(response.status()));
		});
		await test.step('phone A goes online; node 2 is killed as its sync sends the ideas', async () => {
			const push = a.context.waitForEvent('request', {
				predicate: (request) =>
					request.method() === 'POST' && request.url().includes('/db/network/_bulk_docs'),
				timeout: 30_000
			});
			const online = Date.now();
			await a.context.setOffline(false);
			const request = await push;
			await couch.stopNode(2);
			killedAt = Date.now();
			const phase = await a.sync.root.getAttribute('data-phase');
			log(
				`node 2 killed ${killedAt - online} ms after phone A went online, as its first ${new URL(request.url()).pathname} was under way (phone A's sync phase: ${phase})`
			);
			expect(couch.isRunning(2)).toBe(false);
		});

		await test.step('both phones keep writing while node 2 is down', async () => {
			for (let i = 1; i <= 2; i++) await write(a, `Cluster A node down ${i} ${stamp}`);
			for (let i = 1; i <= 2; i++) await write(b, `Cluster B node down ${i} ${stamp}`);
		});

		await test.step('every idea reaches CouchDB (read on node 1) and the other phone; both show Synced', async () => {
			const ids = written.map((idea) => idea.id);
			await expect
				.poll(() => missingThrough(couch, 1, network, ids), { timeout: 60_000, intervals: [250, 500, 1_000] })
				.toEqual([]);
			log(`all ${ids.length} ideas in CouchDB ${Date.now() - killedAt} ms after node 2 died`);
			log(`phone A's _bulk_docs answers so far: ${pushAnswers.join(', ')}`);
			for (const idea of written) {
				const other = idea.by === a ? b : a;
				const page = await openIdea(other.page, idea.id, 60_000);
				await expect(page.heading()).toHaveText(idea.title);
			}
			const offline = written.find((idea) => idea.title.startsWith('Cluster offline 1'));
			if (!offline) throw new Error('no offline idea');
			await openIdea(a.page, offline.id);
			await expect(new IdeaPage(a.page).status()).toHaveText('Synced', { timeout: 30_000 });
			for (const phone of phones) await phone.sync.expectAllSynced(30_000);
			log(`both phones hold all ideas and show Synced ${Date.now() - killedAt} ms after node 2 died`);
			expect(couch.isRunning(2)).toBe(false);
		});

		await test.step("node 2 starts again and CouchDB's internal replication brings its copies up to date", async () => {
			const restart = Date.now();
			await couch.startNode(2);
			await couch.waitForMembership();
			log(`node 2 back in the cluster in ${Date.now() - restart} ms (down for ${restart - killedAt} ms)`);
			const ids = written.map((idea) => idea.id);
			// Node 2's own shard files hold every idea, and every database's shards hold what node 1's do.
			await expect
				.poll(
					async () => {
						const held = Object.values(await localShardIds(couch, 2, network)).flat();
						return ids.filter((id) => !held.includes(id));
					},
					{ timeout: 60_000, intervals: [250, 500, 1_000] }
				)
				.toEqual([]);
			for (const db of dbs) {
				await expect
					.poll(async () => localShardIds(couch, 2, db), { timeout: 30_000, intervals: [250, 500, 1_000] })
					.toEqual(await localShardIds(couch, 1, db));
			}
			log(`node 2's own shard copies caught up ${Date.now() - restart} ms after it started again`);
			// And a clustered read through node 2 lists them all.
			expect(await missingThrough(couch, 2, network, ids)).toEqual([]);
		});

		await test.step('sync carries on: an idea written now reaches the other phone', async () => {
			const title = `Cluster after restart ${stamp}`;
			const id = await createIdea(b.page, title, 'Node 2 is back.');
			const page = await openIdea(a.page, id, 60_000);
			await expect(page.heading()).toHaveText(title);
			await a.sync.expectAllSynced(30_000);
			expect(await missingThrough(couch, 2, network, [id])).toEqual([]);
		});
		log(`whole journey ${Date.now() - started} ms`);
	} catch (error) {
		await attachLogs(testInfo, cluster, server);
		throw error;
	} finally {
		for (const phone of phones) await phone.context.close();
		await server?.stop();
		await cluster?.stop();
	}
});
