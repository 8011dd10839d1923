import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PouchDB from 'pouchdb-node';
import { afterEach, describe, expect, it } from 'vitest';
import { embeddedBackend, isLockError } from './embedded';
import { POISONED_ID, writePoisonedDatabase } from './poison-fixture';
import type { Backend } from './types';

async function until(condition: () => boolean, what: string, ms = 15_000): Promise<void> {
	const deadline = Date.now() + ms;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

/** The status of a GET, or 'failed' when no answer came. */
async function statusOf(backend: Backend, path: string): Promise<number | 'failed'> {
	try {
		const response = await fetch(backend.url + path, { headers: backend.headers });
		await response.body?.cancel();
		return response.status;
	} catch {
		return 'failed';
	}
}

describe('the embedded backend in its own process', () => {
	const cleanups: (() => Promise<void>)[] = [];
	afterEach(async () => {
		for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
	});

	async function dataDir(): Promise<string> {
		const dir = await mkdtemp(join(tmpdir(), 'coproduce-embedded-'));
		cleanups.push(() => rm(dir, { recursive: true, force: true }));
		return dir;
	}

	async function start(dir: string, logs: string[]): Promise<Backend> {
		const backend = await embeddedBackend(dir, { log: (line) => logs.push(line) });
		cleanups.push(() => backend.close());
		return backend;
	}

	it('serves, refuses requests without the secret, and stops for good on close', async () => {
		const backend = await start(await dataDir(), []);
		await backend.ensureDatabase('network');
		expect(await statusOf(backend, '/network/')).toBe(200);
		expect(await statusOf(backend, '/other/')).toBe(404);
		expect((await fetch(`${backend.url}/network/`)).status).toBe(401);
		const guessed = await fetch(`${backend.url}/`, { headers: { 'x-coproduce-backend-secret': 'guess' } });
		expect(guessed.status).toBe(401);
		const url = backend.url;
		await backend.close();
		await expect(fetch(`${url}/network/`)).rejects.toThrow();
	});

	it('survives its store crashing on a poisoned document, and says what to repair', async () => {
		const dir = await dataDir();
		await writePoisonedDatabase(dir, 'network');
		const logs: string[] = [];
		const backend = await start(dir, logs);
		await backend.ensureDatabase('network');
		expect(logs).toEqual([expect.stringContaining(POISONED_ID)]);
		expect(logs[0]).toContain('npm run store -- check --repair');
		const before = backend.url;

		// pouchdb-node throws outside any promise here: before, that ended the whole server.
		expect(await statusOf(backend, '/network/_changes')).toBe('failed');
		await until(() => logs.some((line) => line.includes('running again')), 'the restart');

		expect(logs.find((line) => line.includes('stopped'))).toMatch(
			/^The embedded database process stopped \(TypeError: .*\); starting it again in 0\.5 s\.$/
		);
		// The restarted store checked the database again before answering.
		expect(logs.filter((line) => line.includes(POISONED_ID))).toHaveLength(2);
		expect(backend.url).not.toBe(before);
		const info = await fetch(`${backend.url}/network/`, { headers: backend.headers });
		expect(info.status).toBe(200);
		expect(await info.json()).toMatchObject({ db_name: 'network' });
		const plain = await fetch(`${backend.url}/network/idea%3Aplain`, { headers: backend.headers });
		expect(await plain.json()).toMatchObject({ title: 'Plain' });
	});

	it('reports a database held by another process as a lock error', async () => {
		const dir = await dataDir();
		const holder = new PouchDB(join(dir, 'network'));
		await holder.info();
		cleanups.push(() => holder.close());
		const backend = await start(dir, []);
		const refusal: unknown = await backend.ensureDatabase('network').then(
			() => undefined,
			(error: unknown) => error
		);
		expect(isLockError(refusal)).toBe(true);
		// The store itself still runs.
		await backend.ensureDatabase('signups');
		expect(await statusOf(backend, '/signups/')).toBe(200);
	});
});
