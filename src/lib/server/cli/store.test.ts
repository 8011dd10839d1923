import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { embeddedBackend } from '../backend/embedded';
import { POISONED_ID, writePoisonedDatabase } from '../backend/poison-fixture';
import { runStoreCommand, type StoreSettings } from './store-command';

describe('npm run store', () => {
	let dataDir: string;
	beforeEach(async () => {
		dataDir = await mkdtemp(join(tmpdir(), 'coproduce-store-cli-'));
		await writePoisonedDatabase(dataDir, 'network');
	});
	afterEach(async () => {
		await rm(dataDir, { recursive: true, force: true });
	});

	async function run(argv: string[], settings: StoreSettings = { dataDir }) {
		const out: string[] = [];
		const err: string[] = [];
		const code = await runStoreCommand(argv, settings, {
			out: (line) => out.push(line),
			err: (line) => err.push(line)
		});
		return { code, out, err };
	}

	it('checks its command line', async () => {
		expect((await run([])).code).toBe(2);
		expect((await run(['repair'])).code).toBe(2);
		expect((await run(['check', '--bogus'])).code).toBe(2);
		expect(await run(['--help'])).toMatchObject({
			code: 0,
			out: [expect.stringContaining('check --repair')]
		});
	});

	it('finds the poisoned document, repairs, then finds the store clean', async () => {
		const check = await run(['check']);
		expect(check.code).toBe(1);
		expect(check.out).toContain(`network: 1 poisoned document: ${POISONED_ID}`);

		const repair = await run(['check', '--repair']);
		expect(repair.code).toBe(0);
		expect(repair.out.join('\n')).toMatch(
			/network: what could be read of them is in .*quarantine\/network-.*\.json/
		);
		expect(repair.out.join('\n')).toMatch(/rebuilt with the other 4 documents .* kept as network\.poisoned-/);

		expect(await run(['check'])).toMatchObject({
			code: 0,
			out: ['network: fine (4 documents)', 'Nothing to repair.']
		});
	});

	it('refuses while the server holds the database', async () => {
		const backend = await embeddedBackend(dataDir, { log: () => undefined });
		try {
			await backend.ensureDatabase('network');
			const refused = await run(['check', '--repair']);
			expect(refused.code).toBe(1);
			expect(refused.err).toEqual([
				expect.stringMatching(/is in use: the Coproduce server is probably running/)
			]);
		} finally {
			await backend.close();
		}
	});

	it('has nothing to do with CouchDB, and says when DATA_DIR is wrong', async () => {
		expect(await run(['check'], { dataDir, couchdbUrl: 'http://127.0.0.1:5984' })).toMatchObject({ code: 0 });
		expect(await run(['check'], { dataDir: join(dataDir, 'nowhere') })).toMatchObject({ code: 1 });
	});
});
