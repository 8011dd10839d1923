import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeIdea } from '../../../tests/factories';
import { DEMO_PASSWORD, ServerProcess } from '../../../tests/support/server';
import { recordFeedReads } from '../../../tests/support/test-store';
import { Desk, PROJECTION_SEQ_KEY } from '$lib/store/desk';
import { Ledger, type LedgerDb } from '$lib/store/ledger';
import { Projector } from '$lib/store/projection';
import { statusOf } from '$lib/store/status';
import { DocumentWriter } from '$lib/store/writer';
import { SyncEngine, type SessionCheck, type SyncEngineOptions } from './engine';
import type { SyncPhase } from './status';

// The real server process (gateway + embedded store) and the real browser PouchDB on fake-indexeddb.
let server: ServerProcess;

beforeAll(async () => {
	server = await ServerProcess.start();
});

afterAll(async () => {
	await server?.stop();
});

class Device {
	cookie = '';
	/** Every request to the server's database, as `METHOD /path`. */
	readonly requests: string[] = [];
	readonly engines: SyncEngine[] = [];
	private constructor(
		readonly name: string,
		readonly ledger: Ledger,
		readonly desk: Desk,
		readonly projector: Projector,
		readonly writer: DocumentWriter,
		readonly remote: LedgerDb
	) {}

	static count = 0;

	static async open(name: string): Promise<Device> {
		Device.count += 1;
		const ledger = await Ledger.open(`engine-${name}-${Device.count}`);
		const desk = new Desk(`engine-desk-${name}-${Device.count}`);
		await desk.open();
		const projector = new Projector(ledger, desk);
		const { default: PouchDB } = await import('pouchdb-browser');
		const holder: { device?: Device } = {};
		const remote = new PouchDB<Record<string, unknown>>(`${server.url}/db/network`, {
			skip_setup: true,
			fetch: (url, options) => {
				holder.device?.requests.push(`${options?.method ?? 'GET'} ${new URL(String(url)).pathname}`);
				const headers = new Headers(options?.headers);
				headers.set('cookie', holder.device?.cookie ?? '');
				return fetch(url, { ...options, headers });
			}
		});
		const writer = new DocumentWriter(ledger, desk, projector);
		const device = new Device(name, ledger, desk, projector, writer, remote);
		holder.device = device;
		await device.signIn();
		return device;
	}

	async signIn(): Promise<void> {
		const response = await fetch(`${server.url}/api/session`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ name: this.name, password: DEMO_PASSWORD })
		});
		expect(response.status).toBe(200);
		this.cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
	}

	async signOutOnServer(): Promise<void> {
		await fetch(`${server.url}/api/session`, { method: 'DELETE', headers: { cookie: this.cookie } });
	}

	/** A sync engine; with `lists`, a first sync builds the lists from its pull, as in the app. */
	engine(lists = false, overrides: Partial<SyncEngineOptions> = {}): SyncEngine {
		const engine = new SyncEngine({
			ledger: this.ledger,
			desk: this.desk,
			remote: this.remote,
			isOnline: () => true,
			...(lists ? { firstPull: () => this.projector.firstPull() } : {}),
			settled: () => this.projector.settled(),
			checkSession: async (): Promise<SessionCheck> => {
				const response = await fetch(`${server.url}/api/session`, { headers: { cookie: this.cookie } });
				return response.status === 401 ? 'signed-out' : response.ok ? 'ok' : 'unreachable';
			},
			...overrides
		});
		this.engines.push(engine);
		return engine;
	}

	async close(): Promise<void> {
		for (const engine of this.engines) engine.stop();
		await this.projector.stop();
		await this.ledger.destroy();
		await this.desk.delete();
	}
}

function reach(engine: SyncEngine, phase: SyncPhase, timeout = 15_000): Promise<void> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`sync never reached ${phase}; it is ${engine.current.phase}`)),
			timeout
		);
		const unsubscribe = engine.subscribe((status) => {
			if (status.phase !== phase) return;
			clearTimeout(timer);
			queueMicrotask(() => unsubscribe());
			resolve();
		});
	});
}

async function serverDoc(id: string): Promise<Record<string, unknown> | undefined> {
	const coordinator = await fetch(`${server.url}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ name: 'coordinator', password: DEMO_PASSWORD })
	});
	const cookie = (coordinator.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
	const response = await fetch(`${server.url}/db/network/${encodeURIComponent(id)}`, { headers: { cookie } });
	return response.ok ? ((await response.json()) as Record<string, unknown>) : undefined;
}

const devices: Device[] = [];

/** A fresh device signed in as `name`, closed after the test. */
async function openDevice(name: string): Promise<Device> {
	const device = await Device.open(name);
	devices.push(device);
	return device;
}

/** Starts a sync engine on `device` and waits until it is up to date. */
async function syncUp(device: Device, lists = false): Promise<SyncEngine> {
	if (lists) {
		// As in the app, the lists have caught up with the (empty) ledger before the sync starts.
		device.projector.start();
		await device.projector.catchUp();
	}
	const engine = device.engine(lists);
	const upToDate = reach(engine, 'up-to-date');
	await engine.start();
	await upToDate;
	return engine;
}

afterEach(async () => {
	await Promise.all(devices.splice(0).map((device) => device.close()));
});

describe('SyncEngine against the real gateway', () => {
	it('pulls the network, pushes local writes and marks them synced only once the server holds them', async () => {
		const device = await openDevice('member');
		const idea = makeIdea({ author: 'member', title: 'Written before syncing' });
		const rev = await device.writer.save(idea);
		expect(statusOf(rev, await device.desk.docStatus.get(idea._id)).kind).toBe('local');

		await syncUp(device);

		expect(await device.desk.docStatus.get(idea._id)).toBeUndefined();
		expect(await serverDoc(idea._id)).toMatchObject({
			_id: idea._id,
			_rev: rev,
			title: 'Written before syncing'
		});
		// The demo network came down too.
		expect(
			(await device.ledger.db.allDocs({ startkey: 'idea:', endkey: 'idea:\ufff0' })).rows.length
		).toBeGreaterThan(1);
	});

	it('pulls first on a first sync, without sending the pulled documents back to be checked', async () => {
		const device = await openDevice('member');
		await syncUp(device);
		expect(device.requests.filter((request) => request.endsWith('/_revs_diff'))).toEqual([]);

		// The push runs from where the pull ended: a later write goes up as usual.
		const idea = makeIdea({ author: 'member', title: 'Written after the first sync' });
		await device.writer.save(idea);
		await expect.poll(async () => (await serverDoc(idea._id))?.title).toBe('Written after the first sync');
	});

	it('builds the lists from the first pull’s batches, then follows the ledger from where the pull ended', async () => {
		const device = await openDevice('member');
		const reads = recordFeedReads(device.ledger);
		await syncUp(device, true);

		const { update_seq: seq } = await device.ledger.db.info();
		const ideas = await device.ledger.db.allDocs({ startkey: 'idea:', endkey: 'idea:\ufff0' });
		await expect.poll(() => device.desk.getSetting(PROJECTION_SEQ_KEY)).toBe(seq);
		expect(await device.desk.ideas.count()).toBe(ideas.rows.length);
		// Nothing pulled was read back from the ledger's feed to build the lists.
		expect(reads.filter((since) => since < Number(seq))).toEqual([0]);

		const idea = makeIdea({ author: 'member', title: 'Written after the first sync' });
		await device.ledger.put(idea);
		await expect
			.poll(async () => (await device.desk.ideas.get(idea._id))?.title)
			.toBe('Written after the first sync');
	});

	it('pushes a write made while the first sync was still pulling', async () => {
		const device = await openDevice('member');
		const engine = device.engine();
		const upToDate = reach(engine, 'up-to-date');
		await engine.start();
		const idea = makeIdea({ author: 'member', title: 'Written during the first pull' });
		await device.writer.save(idea);
		await upToDate;
		await expect.poll(async () => (await serverDoc(idea._id))?.title).toBe('Written during the first pull');
		await expect.poll(async () => device.desk.docStatus.get(idea._id)).toBeUndefined();
	});

	it('reads status rows only once the desk has settled, and says up to date only after that', async () => {
		const device = await openDevice('member');
		const idea = makeIdea({ author: 'member', title: 'Pushed while the desk was busy' });
		await device.writer.save(idea);
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		const engine = device.engine(false, { settled: () => held });
		const upToDate = reach(engine, 'up-to-date');
		await engine.start();
		await expect.poll(async () => (await serverDoc(idea._id))?.title).toBe('Pushed while the desk was busy');
		await new Promise((resolve) => setTimeout(resolve, 200));
		// The server holds it, but its row is not cleared, nor "up to date" said, before the desk settles.
		expect(await device.desk.docStatus.get(idea._id)).toMatchObject({ state: 'local' });
		expect(engine.current.phase).not.toBe('up-to-date');
		release();
		await upToDate;
		expect(await device.desk.docStatus.get(idea._id)).toBeUndefined();
	});

	it('keeps a refused write visible with the reason, while the rest syncs', async () => {
		const device = await openDevice('chair');
		const forged = makeIdea({ author: 'member', title: 'Pretending to be someone else' });
		const fine = makeIdea({ author: 'chair', title: 'My own idea' });
		await device.writer.save(forged);
		await device.writer.save(fine);

		await syncUp(device);
		await expect.poll(async () => (await device.desk.docStatus.get(forged._id))?.state).toBe('denied');

		const refused = await device.desk.docStatus.get(forged._id);
		expect(refused?.reason).toBe('You can only write documents in your own name');
		expect(await device.desk.docStatus.get(fine._id)).toBeUndefined();
		expect(await serverDoc(forged._id)).toBeUndefined();
		expect(await serverDoc(fine._id)).toMatchObject({ title: 'My own idea' });
		// Still on the device, where the person can fix it.
		expect((await device.ledger.get(forged._id))?.title).toBe('Pretending to be someone else');
	});

	it('stops when the session ends, keeps the queue, and resumes after signing in again', async () => {
		const device = await openDevice('member');
		const engine = await syncUp(device);

		await device.signOutOnServer();
		const idea = makeIdea({ author: 'member', title: 'Written after the session ended' });
		const signedOut = reach(engine, 'signed-out');
		await device.writer.save(idea);
		await signedOut;
		expect((await device.desk.docStatus.get(idea._id))?.state).toBe('local');
		expect(await serverDoc(idea._id)).toBeUndefined();

		await device.signIn();
		const again = reach(engine, 'up-to-date');
		await engine.start();
		await again;
		expect(await device.desk.docStatus.get(idea._id)).toBeUndefined();
		expect(await serverDoc(idea._id)).toMatchObject({ title: 'Written after the session ended' });
	});
});
