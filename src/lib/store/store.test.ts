import { describe, expect, it } from 'vitest';
import { makeIdea } from '../../../tests/factories';
import { useTestStore } from '../../../tests/support/test-store';
import { Projector } from './projection';

const store = useTestStore('store');

describe('projection', () => {
	it('projects ideas into the store.desk and resumes from the stored sequence', async () => {
		const first = makeIdea({ title: 'First' });
		await store.ledger.put(first);
		expect(await store.projector.catchUp()).toBe(1);
		expect((await store.desk.ideas.get(first._id))?.title).toBe('First');

		// A second store.projector over the same store.desk (a reloaded tab) only sees what is new.
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

	it('quarantines a document that fails its schema instead of crashing', async () => {
		const good = makeIdea();
		const bad = { ...makeIdea(), title: '' };
		await store.ledger.db.bulkDocs([good, bad, { _id: 'mystery:1', type: 'mystery' }]);
		await store.projector.catchUp();
		expect(await store.desk.ideas.count()).toBe(1);
		const quarantined = await store.desk.quarantine.toArray();
		expect(quarantined.map((row) => row.id).sort()).toEqual([bad._id, 'mystery:1'].sort());
		expect(quarantined.find((row) => row.id === bad._id)?.reason).toBe('title: Enter a title for your idea');
		expect((await store.desk.journal.toArray()).filter((row) => row.kind === 'quarantine')).toHaveLength(2);
	});

	it('removes deleted documents and shows conflicts', async () => {
		const idea = makeIdea();
		const rev = await store.ledger.put(idea);
		await store.projector.catchUp();
		await store.ledger.put({ ...idea, title: 'Changed here' }, rev);
		// A revision from another device on a branch of its own: PouchDB keeps both.
		await store.ledger.db.bulkDocs(
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
		await store.projector.catchUp();
		expect((await store.desk.ideas.get(idea._id))?.conflicts).toHaveLength(1);

		const current = await store.ledger.get(idea._id);
		await store.ledger.remove(idea._id, current!._rev);
		await store.projector.catchUp();
		// The conflicting branch still exists, so the idea is still shown, now without a conflict.
		const after = await store.desk.ideas.get(idea._id);
		expect(after?.conflicts ?? []).toHaveLength(0);
	});
});
