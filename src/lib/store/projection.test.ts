/** The projector (projection.ts): resumable catch-up passes, the write path's direct projection, stopping. */
import { describe, expect, it, vi } from 'vitest';
import { makeIdea } from '../../../tests/factories';
import { useTestStore } from '../../../tests/support/test-store';
import { Projector } from './projection';

const store = useTestStore('projection');

describe('projector', () => {
	it('projects ideas into the desk and resumes from the stored sequence', async () => {
		const first = makeIdea({ title: 'First' });
		await store.ledger.put(first);
		expect(await store.projector.catchUp()).toBe(1);
		expect((await store.desk.ideas.get(first._id))?.title).toBe('First');

		// A second projector over the same desk (a reloaded tab) only sees what is new.
		await store.ledger.put(makeIdea({ title: 'Second' }));
		const reloaded = new Projector(store.ledger, store.desk);
		expect(await reloaded.catchUp()).toBe(1);
		expect(await store.desk.ideas.count()).toBe(2);
	});

	it('is idempotent and rebuildable', async () => {
		for (let i = 0; i < 5; i++) await store.ledger.put(makeIdea({ title: `Idea ${i}` }));
		await store.projector.catchUp();
		await store.desk.ideas.clear();
		expect(await store.projector.rebuild()).toBe(5);
		expect(await store.projector.rebuild()).toBe(5);
		expect(await store.desk.ideas.count()).toBe(5);
	});

	it('works through large feeds in batches', async () => {
		await store.ledger.db.bulkDocs(Array.from({ length: 1_200 }, (_, i) => makeIdea({ title: `Idea ${i}` })));
		expect(await store.projector.catchUp()).toBe(1_200);
		expect(await store.desk.ideas.count()).toBe(1_200);
	});

	it('has the desk hold every change made before a catch-up was asked for, even while one runs', async () => {
		await store.ledger.db.bulkDocs(Array.from({ length: 600 }, (_, i) => makeIdea({ title: `Idea ${i}` })));
		const first = store.projector.catchUp();
		const late = makeIdea({ title: 'Written while the projection ran' });
		await store.ledger.put(late);
		await store.projector.catchUp();
		expect(await store.desk.ideas.get(late._id)).toBeDefined();
		await first;
		expect(await store.desk.ideas.count()).toBe(601);
	});

	it('keeps one projection when two projectors share a desk (two tabs)', async () => {
		const other = new Projector(store.ledger, store.desk);
		await store.ledger.db.bulkDocs(Array.from({ length: 700 }, (_, i) => makeIdea({ title: `Idea ${i}` })));
		await Promise.all([store.projector.catchUp(), other.catchUp()]);
		await store.ledger.db.bulkDocs([makeIdea({ title: 'One more' })]);
		await Promise.all([other.catchUp(), store.projector.catchUp()]);
		expect(await store.desk.ideas.count()).toBe(701);
		const info = await store.ledger.db.info();
		expect(await store.desk.getSetting('projection.seq')).toBe(info.update_seq);
	});

	it('has a saved document in the desk when the save resolves, while following the ledger live', async () => {
		store.projector.start();
		const ideas = Array.from({ length: 8 }, (_, i) => makeIdea({ title: `Saved ${i}` }));
		await Promise.all(
			ideas.map(async (idea) => {
				const rev = await store.writer.save(idea);
				expect(await store.desk.ideas.get(idea._id)).toMatchObject({ rev });
				expect(await store.desk.docStatus.get(idea._id)).toMatchObject({ rev, state: 'local' });
			})
		);
	});

	it('is settled once a save queued before the call has its status row in the desk', async () => {
		store.projector.start();
		const idea = makeIdea();
		const rev = await store.ledger.put(idea);
		const projecting = store.projector.project(idea._id, {
			status: { id: idea._id, rev, state: 'local', at: idea.createdAt }
		});
		await store.projector.settled();
		expect(await store.desk.docStatus.get(idea._id)).toMatchObject({ rev, state: 'local' });
		await projecting;
	});

	it('never lets a pass that read the feed before a save write the older revision over it', async () => {
		const idea = makeIdea({ title: 'Before' });
		const first = await store.ledger.put(idea);
		// The pass reads the feed (the idea's first revision), then is held until the save has been written.
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		let hasRead = () => {};
		const read = new Promise<void>((resolve) => (hasRead = resolve));
		const changes = store.ledger.db.changes.bind(store.ledger.db);
		vi.spyOn(store.ledger.db, 'changes').mockImplementationOnce(((options: PouchDB.Core.ChangesOptions) =>
			(async () => {
				const result = await changes(options);
				hasRead();
				await held;
				return result;
			})()) as unknown as typeof store.ledger.db.changes);
		const pass = store.projector.catchUp();
		await read;
		const saving = store.writer.save({ ...idea, title: 'After' }, first);
		await new Promise((resolve) => setTimeout(resolve, 50));
		release();
		const saved = await saving;
		await pass;
		expect(await store.desk.ideas.get(idea._id)).toMatchObject({ rev: saved, title: 'After' });
	});

	it('stops only once a pass under way has finished, so the stores can close under it', async () => {
		await store.ledger.db.bulkDocs(Array.from({ length: 300 }, (_, i) => makeIdea({ title: `Idea ${i}` })));
		store.projector.start();
		let finished = false;
		const pass = store.projector.catchUp().then(() => (finished = true));
		await store.projector.stop();
		// The pass finished before stop() resolved: nothing of it is left to write into closed stores.
		expect(finished).toBe(true);
		await pass;
		expect(await store.desk.ideas.count()).toBe(300);
	});
});
