/**
 * Chaos: three phones (two on one account) make random edits through the UI while dropping in and out of
 * the network, and the server is killed (SIGKILL) and restarted in the middle. After a quiet period every
 * replica must hold exactly what the server holds, everything the UI ever called "Synced" must be on the
 * server, and every conflict must be shown to the people who hold it.
 *
 * `CHAOS_SEED=<n>` replays a run's choices; `CHAOS_MS` sets how long the devices act (default 30 s; the
 * full `npm run test:chaos` runs three minutes).
 */
import {
	expect,
	request,
	test as base,
	type APIRequestContext,
	type BrowserContext,
	type Page
} from '@playwright/test';
import { mayReadId } from '../../src/lib/domain/private';
import { DEMO_ACCOUNTS } from '../../src/lib/server/demo/accounts';
import { IdeaFormPage, IdeaPage, SignInPage, SyncIndicator } from './pages/app';
import { ledgerRevisions } from '../support/pouch-in-page';
import { Random, seedFrom } from '../support/random';
import { DEMO_PASSWORD, ServerProcess } from '../support/server';

const SEED = seedFrom(process.env.CHAOS_SEED);
const DURATION_MS = Number(process.env.CHAOS_MS ?? 30_000);
const CONVERGE_MS = 120_000;

interface Device {
	label: string;
	account: string;
	context: BrowserContext;
	page: Page;
	random: Random;
	offline: boolean;
}

/** A revision the UI showed as "Synced" (read from the desk at that moment: no status row, so synced). */
interface SyncedSighting {
	device: string;
	id: string;
	rev: string;
}

interface Journal {
	ideas: Map<string, { owner: string; titles: string[] }>;
	comments: string[];
	synced: SyncedSighting[];
	actions: string[];
	failures: string[];
}

const test = base.extend<object, { chaosServer: ServerProcess }>({
	chaosServer: [
		// eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
		async ({}, use) => {
			const server = await ServerProcess.start();
			await use(server);
			await server.stop();
		},
		{ scope: 'worker' }
	]
});

function tag(message: string): string {
	return `[CHAOS_SEED=${SEED}] ${message}`;
}

async function signIn(device: Device): Promise<void> {
	await device.page.goto('/sign-in');
	await new SignInPage(device.page).signIn(device.account);
	await new SyncIndicator(device.page).expectAllSynced(30_000);
	await device.page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (navigator.serviceWorker.controller) return;
		await new Promise((resolve) =>
			navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })
		);
	});
}

function ulidOf(id: string): string {
	return id.slice(id.indexOf(':') + 1);
}

/** If the idea page shows "Synced", remembers the revision the desk holds for it with no status row. */
async function noteSynced(device: Device, journal: Journal): Promise<void> {
	const { page } = device;
	if ((await page.locator('main [data-status]').first().getAttribute('data-status')) !== 'synced') return;
	const id = new IdeaPage(page).id();
	const seen = await page.evaluate(
		async ({ desk, id }) => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const request = indexedDB.open(desk);
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			try {
				const tx = db.transaction(['ideas', 'docStatus'], 'readonly');
				const read = (store: string) =>
					new Promise<unknown>((resolve, reject) => {
						const request = tx.objectStore(store).get(id);
						request.onsuccess = () => resolve(request.result);
						request.onerror = () => reject(request.error);
					});
				const [row, status] = await Promise.all([read('ideas'), read('docStatus')]);
				return { rev: (row as { rev?: string } | undefined)?.rev, pending: status !== undefined };
			} finally {
				db.close();
			}
		},
		{ desk: `coproduce-desk-${device.account}`, id }
	);
	if (seen.rev && !seen.pending) journal.synced.push({ device: device.label, id, rev: seen.rev });
}

/** Opens an idea's page; false if this device does not have it (yet). */
async function openIdea(device: Device, id: string): Promise<boolean> {
	await device.page.goto(`/ideas/${ulidOf(id)}`);
	const heading = device.page.getByRole('heading', { level: 1 });
	await expect(heading).toBeVisible();
	return (await heading.textContent()) !== 'Idea not found';
}

const actions: Record<string, (device: Device, journal: Journal) => Promise<string | undefined>> = {
	async create(device, journal) {
		const { page, random } = device;
		const title = `${device.label} ${random.words(3)} ${random.int(100, 999)}`;
		await page.goto('/ideas/new');
		const form = new IdeaFormPage(page);
		await form.fill(title, random.words(8));
		await form.save();
		await expect(new IdeaPage(page).heading()).toHaveText(title);
		const id = new IdeaPage(page).id();
		journal.ideas.set(id, { owner: device.account, titles: [title] });
		await page.waitForTimeout(random.int(0, 800));
		await noteSynced(device, journal);
		return `create ${id}`;
	},

	async edit(device, journal) {
		const own = [...journal.ideas].filter(([, idea]) => idea.owner === device.account);
		if (own.length === 0) return undefined;
		const [id, idea] = device.random.pick(own);
		if (!(await openIdea(device, id))) return undefined;
		const { page, random } = device;
		const title = `${device.label} edit ${random.words(2)} ${random.int(100, 999)}`;
		await page.goto(`/ideas/${ulidOf(id)}/edit`);
		const form = new IdeaFormPage(page);
		await form.title.fill(title);
		await form.save('Save changes');
		const heading = new IdeaPage(page).heading();
		// An edit that crosses another one is answered by the form (not saved over it): that is fine here.
		const saved = await expect(heading)
			.toHaveText(title, { timeout: 5_000 })
			.then(() => true)
			.catch(() => false);
		if (!saved) return `edit ${id} not saved (the form answered)`;
		idea.titles.push(title);
		await page.waitForTimeout(random.int(0, 800));
		await noteSynced(device, journal);
		return `edit ${id}`;
	},

	async support(device, journal) {
		const ids = [...journal.ideas.keys()];
		if (ids.length === 0) return undefined;
		const id = device.random.pick(ids);
		if (!(await openIdea(device, id))) return undefined;
		const button = device.page.getByRole('button', { name: /support this idea/i });
		const before = await button.getAttribute('aria-pressed');
		await button.click();
		await expect(button).not.toHaveAttribute('aria-pressed', before ?? 'false');
		await expect(button).toBeEnabled();
		await noteSynced(device, journal);
		return `${before === 'true' ? 'unsupport' : 'support'} ${id}`;
	},

	async comment(device, journal) {
		const ids = [...journal.ideas.keys()];
		if (ids.length === 0) return undefined;
		const id = device.random.pick(ids);
		if (!(await openIdea(device, id))) return undefined;
		const body = `${device.label} says ${device.random.words(5)} ${device.random.int(1000, 9999)}`;
		await device.page.getByLabel('Add a comment').fill(body);
		await device.page.getByRole('button', { name: 'Post comment' }).click();
		await expect(device.page.getByTestId('comments')).toContainText(body);
		journal.comments.push(body);
		await noteSynced(device, journal);
		return `comment on ${id}`;
	},

	async network(device) {
		device.offline = !device.offline;
		await device.context.setOffline(device.offline);
		return device.offline ? 'offline' : 'online';
	}
};

const WEIGHTS: [keyof typeof actions, number][] = [
	['create', 3],
	['edit', 3],
	['support', 3],
	['comment', 3],
	['network', 2]
];

function chooseAction(random: Random): keyof typeof actions {
	const total = WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
	let roll = random.next() * total;
	for (const [name, weight] of WEIGHTS) {
		roll -= weight;
		if (roll < 0) return name;
	}
	return 'create';
}

async function actUntil(device: Device, journal: Journal, deadline: number): Promise<void> {
	while (Date.now() < deadline) {
		const name = chooseAction(device.random);
		try {
			const done = await actions[name]?.(device, journal);
			if (done) journal.actions.push(`${device.label}: ${done}`);
		} catch (error) {
			const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
			journal.failures.push(`${device.label} ${name}: ${message}`);
		}
	}
}

/** The server's live documents (id → winning revision) and the ids it holds with conflicts. */
async function serverState(
	http: APIRequestContext
): Promise<{ revisions: Record<string, string>; conflicts: Map<string, string> }> {
	const response = await http.get('/db/network/_all_docs?include_docs=true&conflicts=true');
	expect(response.ok(), tag('reading the server')).toBe(true);
	const body = (await response.json()) as {
		rows: { id: string; value: { rev: string }; doc?: { type?: string; _conflicts?: string[] } }[];
	};
	const revisions: Record<string, string> = {};
	const conflicts = new Map<string, string>();
	for (const row of body.rows) {
		if (row.id.startsWith('_design/')) continue;
		revisions[row.id] = row.value.rev;
		if (row.doc?._conflicts?.length) conflicts.set(row.id, row.doc.type ?? '');
	}
	return { revisions, conflicts };
}

/** Whether the server knows revision `rev` of `id` (on any branch, as a leaf or an ancestor). */
async function serverHasRevision(http: APIRequestContext, id: string, rev: string): Promise<boolean> {
	const response = await http.get(`/db/network/${encodeURIComponent(id)}?open_revs=all&revs=true`, {
		headers: { accept: 'application/json' }
	});
	if (!response.ok()) return false;
	const leaves = (await response.json()) as { ok?: { _revisions?: { start: number; ids: string[] } } }[];
	return leaves.some((leaf) => {
		const history = leaf.ok?._revisions;
		return history?.ids.some((hash, i) => `${history.start - i}-${hash}` === rev) ?? false;
	});
}

/** The server's revisions of the documents `account` may read (not others' private ones: private.ts). */
function readableBy(account: string, revisions: Record<string, string>): Record<string, string> {
	const roles = DEMO_ACCOUNTS.find((demo) => demo.name === account)?.roles ?? [];
	return Object.fromEntries(
		Object.entries(revisions).filter(([id]) => mayReadId({ name: account, roles }, id))
	);
}

function difference(server: Record<string, string>, device: Record<string, string>): string[] {
	const ids = new Set([...Object.keys(server), ...Object.keys(device)]);
	return [...ids]
		.filter((id) => server[id] !== device[id])
		.map((id) => `${id}: server ${server[id] ?? 'none'}, device ${device[id] ?? 'none'}`);
}

test('random edits, flaky networks and a killed server lose nothing', async ({ browser, chaosServer }) => {
	test.setTimeout(DURATION_MS + CONVERGE_MS + 120_000);
	console.log(`Chaos run: CHAOS_SEED=${SEED}, ${DURATION_MS} ms of random actions`);
	test.info().annotations.push({ type: 'CHAOS_SEED', description: String(SEED) });
	const server = chaosServer;
	const random = new Random(SEED);
	const journal: Journal = { ideas: new Map(), comments: [], synced: [], actions: [], failures: [] };

	const http = await request.newContext({
		baseURL: server.url,
		extraHTTPHeaders: { origin: server.url }
	});
	const session = await http.post('/api/session', { data: { name: 'coordinator', password: DEMO_PASSWORD } });
	expect(session.ok()).toBe(true);
	for (const id of Object.keys((await serverState(http)).revisions))
		if (id.startsWith('idea:')) journal.ideas.set(id, { owner: 'demo', titles: [] });

	const devices: Device[] = [];
	for (const [label, account] of [
		['A', 'member'],
		['B', 'member'],
		['C', 'chair']
	] as const) {
		const context = await browser.newContext({ baseURL: server.url, viewport: { width: 390, height: 844 } });
		const device: Device = {
			label,
			account,
			context,
			page: await context.newPage(),
			random: new Random(random.int(0, 2 ** 31)),
			offline: false
		};
		await signIn(device);
		devices.push(device);
	}

	try {
		const deadline = Date.now() + DURATION_MS;
		const killAt = DURATION_MS * (0.3 + random.next() * 0.3);
		const downFor = random.int(2_000, 6_000);
		const outage = (async () => {
			await new Promise((resolve) => setTimeout(resolve, killAt));
			await server.kill();
			journal.actions.push(`server killed (down ${downFor} ms)`);
			await new Promise((resolve) => setTimeout(resolve, downFor));
			await server.boot();
			journal.actions.push('server restarted');
		})();
		await Promise.all([...devices.map((device) => actUntil(device, journal, deadline)), outage]);

		// Quiet period: everyone back online; replication settles by itself (retries with backoff).
		for (const device of devices) {
			device.offline = false;
			await device.context.setOffline(false);
		}
		console.log(
			`Chaos: ${journal.actions.length} actions, ${journal.failures.length} interrupted, ` +
				`${journal.synced.length} "Synced" sightings`
		);

		let differences: string[] = [];
		let state = await serverState(http);
		const quietFrom = Date.now();
		const settleBy = quietFrom + CONVERGE_MS;
		for (;;) {
			state = await serverState(http);
			differences = [];
			for (const device of devices) {
				const ledger = await ledgerRevisions(device.page, `coproduce-${device.account}-network`);
				const readable = readableBy(device.account, state.revisions);
				differences.push(...difference(readable, ledger).map((line) => `${device.label} ${line}`));
			}
			if (differences.length === 0 || Date.now() > settleBy) break;
			await new Promise((resolve) => setTimeout(resolve, 1_000));
		}
		expect(differences, tag('every replica holds exactly what the server holds')).toEqual([]);
		for (const device of devices) await new SyncIndicator(device.page).expectAllSynced(30_000);

		// Nothing written was lost: every idea created, every comment posted, every revision seen "Synced".
		for (const id of journal.ideas.keys())
			expect(state.revisions[id], tag(`idea ${id} is on the server`)).toBeDefined();
		const comments = await http.get(
			`/db/network/_all_docs?include_docs=true&startkey=${encodeURIComponent('"comment:"')}&endkey=${encodeURIComponent('"comment:\ufff0"')}`
		);
		const bodies = ((await comments.json()) as { rows: { doc?: { body?: string } }[] }).rows.map(
			(row) => row.doc?.body
		);
		for (const body of journal.comments)
			expect(bodies, tag(`comment "${body}" is on the server`)).toContain(body);
		for (const sighting of journal.synced) {
			expect(
				await serverHasRevision(http, sighting.id, sighting.rev),
				tag(`${sighting.device} showed ${sighting.id} ${sighting.rev} as Synced: the server must hold it`)
			).toBe(true);
		}

		// Every conflict the server holds is shown on every device (they all hold the same revisions). Identical
		// versions are still being tidied away by their author's device, so each check reads the server afresh.
		let conflictsShown = 0;
		for (const device of devices) {
			await device.page.goto('/sync');
			await expect(device.page.getByRole('heading', { level: 1, name: 'Sync' })).toBeVisible();
			await expect(async () => {
				const { conflicts } = await serverState(http);
				const links = device.page.getByRole('link', { name: /^Choose a version: / });
				const listed = await links.evaluateAll((found) => found.map((link) => link.getAttribute('href')));
				const missing = [...conflicts].filter(
					([id]) => !listed.includes(`/conflicts/${encodeURIComponent(id)}`)
				);
				expect(missing, tag(`${device.label} (${device.account}) lists every conflict`)).toEqual([]);
				conflictsShown = Math.max(conflictsShown, conflicts.size);
			}).toPass({ timeout: 30_000 });
		}
		console.log(
			`Chaos converged in ${Math.round((Date.now() - quietFrom) / 1000)} s: ` +
				`${Object.keys(state.revisions).length} documents, ${conflictsShown} conflicts shown`
		);
	} catch (error) {
		console.log(
			`Chaos failed with CHAOS_SEED=${SEED}. Last actions:\n  ${journal.actions.slice(-30).join('\n  ')}`
		);
		if (journal.failures.length > 0) console.log(`Interrupted actions:\n  ${journal.failures.join('\n  ')}`);
		const refused = server.log.split('\n').filter((line) => /Refused|Error/.test(line));
		if (refused.length > 0)
			console.log(`The server refused or failed:\n  ${refused.slice(-20).join('\n  ')}`);
		throw error;
	} finally {
		await http.dispose();
		for (const device of devices) await device.context.close();
	}
});
