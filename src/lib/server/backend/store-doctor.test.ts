import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PouchDB from 'pouchdb-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ATTACHMENT_TEXT, POISONED_ID, writePoisonedDatabase } from './poison-fixture';
import { checkStore, listDatabases, listDocuments, repairDatabase } from './store-doctor';

type Leaf = { ok: { _rev: string; _deleted?: boolean; title?: string } } | { missing: string };

describe('the store doctor', () => {
	let dir: string;
	beforeEach(async () => {
		dir = await mkdtemp(join(tmpdir(), 'coproduce-doctor-'));
		await writePoisonedDatabase(dir, 'network');
		const signups = new PouchDB(join(dir, 'signups'));
		await signups.put({ _id: 'signup:1', type: 'signup' });
		await signups.close();
	});
	afterEach(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	async function withDb<T>(name: string, use: (db: PouchDB.Database) => Promise<T>): Promise<T> {
		const db = new PouchDB(join(dir, name));
		try {
			return await use(db);
		} finally {
			await db.close();
		}
	}

	it('lists every document of a poisoned database, deleted ones too, without crashing', async () => {
		const listed = await withDb('network', listDocuments);
		expect(listed.map(({ id, unreadable }) => [id, unreadable])).toEqual([
			['idea:plain', false],
			['idea:conflicted', false],
			['idea:deleted', false],
			['idea:attached', false],
			[POISONED_ID, true]
		]);
	});

	it('finds the poisoned document', async () => {
		expect(await listDatabases(dir)).toEqual(['network', 'signups']);
		expect(await checkStore(dir)).toEqual([
			{ database: 'network', ids: [POISONED_ID], documents: 5 },
			{ database: 'signups', ids: [], documents: 1 }
		]);
	});

	it('quarantines it and rebuilds the database with everything else', async () => {
		const result = await repairDatabase(dir, 'network', new Date('2026-01-02T03:04:05.678Z'));
		expect(result).toEqual({
			database: 'network',
			quarantine: join(dir, 'quarantine', 'network-2026-01-02T03-04-05Z.json'),
			keptAs: 'network.poisoned-2026-01-02T03-04-05Z',
			copied: 4,
			revisions: 5
		});
		expect(existsSync(join(dir, 'network.poisoned-2026-01-02T03-04-05Z', 'CURRENT'))).toBe(true);
		const quarantine = JSON.parse(await readFile(result?.quarantine ?? '', 'utf8')) as {
			documents: { id: string; storedBodies: { body: { title?: string } }[] }[];
		};
		expect(quarantine.documents).toHaveLength(1);
		expect(quarantine.documents[0]).toMatchObject({ id: POISONED_ID, allDocsRow: { id: POISONED_ID } });
		expect(quarantine.documents[0]?.storedBodies[0]?.body.title).toBe('Poison');

		await withDb('network', async (db) => {
			const conflicted = (await db.get('idea:conflicted', { open_revs: 'all' })) as Leaf[];
			expect(conflicted.map((leaf) => ('ok' in leaf ? leaf.ok._rev : leaf.missing)).sort()).toEqual([
				'1-aaaa',
				'1-bbbb'
			]);
			expect((await db.get('idea:conflicted', { conflicts: true }))._conflicts).toEqual(['1-aaaa']);
			const deleted = (await db.get('idea:deleted', { open_revs: 'all', revs: true })) as Leaf[];
			expect(deleted).toEqual([
				{ ok: expect.objectContaining({ _deleted: true, _rev: expect.stringMatching(/^2-/) }) }
			]);
			const attachment = (await db.getAttachment('idea:attached', 'notes.txt')) as Buffer;
			expect(attachment.toString()).toBe(ATTACHMENT_TEXT);
			// The public changes feed, which threw on the poisoned document, works again.
			const changes = await db.changes({ since: 0 });
			expect(changes.results.map((change) => [change.id, change.deleted === true]).sort()).toEqual([
				['idea:attached', false],
				['idea:conflicted', false],
				['idea:deleted', true],
				['idea:plain', false]
			]);
			// Checkpoints are left behind: a device must start over against renumbered changes.
			await expect(db.get('_local/device:checkpoint')).rejects.toMatchObject({ status: 404 });
		});
		expect(await checkStore(dir)).toEqual([
			{ database: 'network', ids: [], documents: 4 },
			{ database: 'signups', ids: [], documents: 1 }
		]);
	});

	it('leaves a clean database alone', async () => {
		expect(await repairDatabase(dir, 'signups')).toBeUndefined();
		expect(await listDatabases(dir)).toEqual(['network', 'signups']);
	});
});
