import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeIdea } from '../../../tests/factories';
import { editIdea } from '$lib/domain';
import { openTestStore, removeTestStore, type TestStore } from '../../../tests/support/test-store';
import type { Desk } from './desk';
import type { Ledger } from './ledger';
import { Projector } from './projection';
import { statusOf } from './status';
import { InvalidDocumentError, type DocumentWriter } from './writer';

let store: TestStore;
let ledger: Ledger;
let desk: Desk;
let projector: Projector;
let writer: DocumentWriter;

beforeEach(async () => {
	store = await openTestStore('store');
	({ ledger, desk, projector, writer } = store);
});

afterEach(async () => {
	await removeTestStore(store);
});

describe('projection', () => {
	it('projects ideas into the desk and resumes from the stored sequence', async () => {
		const first = makeIdea({ title: 'First' });
		await ledger.put(first);
		expect(await projector.catchUp()).toBe(1);
		expect((await desk.ideas.get(first._id))?.title).toBe('First');

		// A second projector over the same desk (a reloaded tab) only sees what is new.
		await ledger.put(makeIdea({ title: 'Second' }));
		const reloaded = new Projector(ledger, desk);
		expect(await reloaded.catchUp()).toBe(1);
		expect(await desk.ideas.count()).toBe(2);
	});

	it('is idempotent and rebuildable', async () => {
		for (let i = 0; i < 5; i++) await ledger.put(makeIdea({ title: `Idea ${i}` }));
		await projector.catchUp();
		await desk.ideas.clear();
		expect(await projector.rebuild()).toBe(5);
		expect(await projector.rebuild()).toBe(5);
		expect(await desk.ideas.count()).toBe(5);
	});

	it('works through large feeds in batches', async () => {
		await ledger.db.bulkDocs(Array.from({ length: 1_200 }, (_, i) => makeIdea({ title: `Idea ${i}` })));
		expect(await projector.catchUp()).toBe(1_200);
		expect(await desk.ideas.count()).toBe(1_200);
	});

	it('quarantines a document that fails its schema instead of crashing', async () => {
		const good = makeIdea();
		const bad = { ...makeIdea(), title: '' };
		await ledger.db.bulkDocs([good, bad, { _id: 'mystery:1', type: 'mystery' }]);
		await projector.catchUp();
		expect(await desk.ideas.count()).toBe(1);
		const quarantined = await desk.quarantine.toArray();
		expect(quarantined.map((row) => row.id).sort()).toEqual([bad._id, 'mystery:1'].sort());
		expect(quarantined.find((row) => row.id === bad._id)?.reason).toBe('title: Enter a title for your idea');
		expect((await desk.journal.toArray()).filter((row) => row.kind === 'quarantine')).toHaveLength(2);
	});

	it('removes deleted documents and shows conflicts', async () => {
		const idea = makeIdea();
		const rev = await ledger.put(idea);
		await projector.catchUp();
		await ledger.put({ ...idea, title: 'Changed here' }, rev);
		// A revision from another device on a branch of its own: PouchDB keeps both.
		await ledger.db.bulkDocs(
			[
				{
					...idea,
					title: 'Changed elsewhere',
					_rev: '2-ffff',
					_revisions: { start: 2, ids: ['ffff', rev.split('-')[1]] }
				}
			],
			{ new_edits: false }
		);
		await projector.catchUp();
		expect((await desk.ideas.get(idea._id))?.conflicts).toHaveLength(1);

		const current = await ledger.get(idea._id);
		await ledger.remove(idea._id, current!._rev);
		await projector.catchUp();
		// The conflicting branch still exists, so the idea is still shown, now without a conflict.
		const after = await desk.ideas.get(idea._id);
		expect(after?.conflicts ?? []).toHaveLength(0);
	});
});

describe('writer and sync status', () => {
	it('marks a new write as saved on this device, never as synced', async () => {
		const idea = makeIdea();
		const rev = await writer.save(idea);
		const row = await desk.ideas.get(idea._id);
		expect(row?.rev).toBe(rev);
		expect(statusOf(rev, await desk.docStatus.get(idea._id))).toEqual({ kind: 'local' });
	});

	it('refuses invalid documents before they reach the ledger', async () => {
		await expect(writer.save({ ...makeIdea(), title: '' })).rejects.toBeInstanceOf(InvalidDocumentError);
		expect((await ledger.db.info()).doc_count).toBe(0);
	});

	it('keeps the previous status when a write conflicts', async () => {
		const idea = makeIdea();
		const rev1 = await writer.save(idea);
		await writer.save(editIdea(idea, { title: 'Two', details: '' }), rev1);
		await expect(writer.save(editIdea(idea, { title: 'Stale', details: '' }), rev1)).rejects.toMatchObject({
			status: 409
		});
		const status = await desk.docStatus.get(idea._id);
		expect(status?.rev).not.toBeNull();
		expect((await desk.ideas.get(idea._id))?.title).toBe('Two');
	});

	it('reads a status row only for the revision it names', () => {
		const at = new Date().toISOString();
		expect(statusOf('2-b', undefined)).toEqual({ kind: 'synced' });
		expect(statusOf('2-b', { id: 'x', rev: '1-a', state: 'local', at })).toEqual({ kind: 'synced' });
		expect(statusOf('2-b', { id: 'x', rev: null, state: 'local', at })).toEqual({ kind: 'local' });
		expect(statusOf('2-b', { id: 'x', rev: '2-b', state: 'denied', reason: 'No', at })).toEqual({
			kind: 'denied',
			reason: 'No'
		});
	});
});
