/** One batch written into the desk (projection-batch.ts): rows by type, set-aside documents, conflicts. */
import { describe, expect, it } from 'vitest';
import { makeComment, makeIdea, makeStatus, makeSupport } from '../../../tests/factories';
import {
	makeAction,
	makeAgendaItem,
	makeGroup,
	makeMeeting,
	makeNote
} from '../../../tests/meeting-factories';
import { useTestStore } from '../../../tests/support/test-store';
import type { Ledger } from './ledger';
import { Projector } from './projection';
import { branches, snapshot } from '../../../tests/support/projection-testing';
import { readModelTables } from './read-models';

const store = useTestStore('projection-batch');

describe('a batch', () => {
	it('knows every read-model table of the desk', () => {
		expect(Object.keys(readModelTables(store.desk)).sort()).toEqual(
			store.desk.readModels.map((table) => table.name).sort()
		);
	});

	it('gives the same tables when the lists are rebuilt as when they were followed change by change', async () => {
		const ideas = Array.from({ length: 12 }, (_, i) =>
			makeIdea({ title: `Idea ${i}`, tags: [`tag${i % 3}`] })
		);
		const group = makeGroup();
		const meeting = makeMeeting(group._id);
		const item = makeAgendaItem(meeting);
		await store.ledger.db.bulkDocs([...ideas, group, meeting, item]);
		await store.projector.catchUp();
		for (const [i, idea] of ideas.entries()) {
			const docs: Record<string, unknown>[] = [makeComment(idea._id, { hidden: i % 4 === 0 })];
			if (i % 2 === 0) docs.push(makeSupport(idea._id, 'member'), makeSupport(idea._id, 'chair'));
			if (i % 3 === 0) docs.push(makeStatus(idea._id, { to: 'under-discussion' }));
			await store.ledger.db.bulkDocs(docs);
			if (i % 5 === 0) await store.projector.catchUp();
		}
		await store.ledger.db.bulkDocs([makeNote(item), makeAction(meeting), { ...makeIdea(), title: '' }]);
		const first = ideas[0]!;
		await store.ledger.remove(first._id, (await store.ledger.get(first._id))!._rev);
		const support = (await store.desk.supports.where('ideaId').equals(ideas[2]!._id).first())!;
		await store.ledger.remove(support.id, (await store.ledger.get(support.id))!._rev);
		await store.projector.catchUp();

		const followed = await snapshot(store.desk);
		expect(followed.ideas).toHaveLength(11);
		expect(followed.quarantine).toHaveLength(1);
		expect(followed.meetingParts).toHaveLength(3);
		expect(await store.projector.rebuild()).toBeGreaterThan(0);
		expect(await snapshot(store.desk)).toEqual(followed);
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

	it('sets aside a document that stops being valid, and takes it back once it is valid again', async () => {
		const idea = makeIdea();
		const comment = makeComment(idea._id);
		await store.ledger.db.bulkDocs([idea, comment]);
		await store.projector.catchUp();
		expect(await store.desk.ideas.get(idea._id)).toMatchObject({ commentCount: 1 });

		const stored = (await store.ledger.get(comment._id))!;
		const { rev: badRev } = await store.ledger.db.put({ ...stored, body: '' });
		await store.projector.catchUp();
		expect(await store.desk.comments.get(comment._id)).toBeUndefined();
		expect(await store.desk.quarantine.get(comment._id)).toMatchObject({ rev: badRev });
		expect(await store.desk.ideas.get(idea._id)).toMatchObject({ commentCount: 0 });
		const lines = (await store.desk.journal.toArray()).filter((line) => line.kind === 'quarantine');
		expect(lines).toHaveLength(1);
		expect(lines[0]?.message).toContain(comment._id);

		await store.ledger.db.put({ ...(await store.ledger.get(comment._id))!, body: 'Fixed' });
		await store.projector.catchUp();
		expect(await store.desk.quarantine.get(comment._id)).toBeUndefined();
		expect(await store.desk.ideas.get(idea._id)).toMatchObject({ commentCount: 1 });
	});

	it('removes deleted documents and shows conflicts', async () => {
		const idea = makeIdea();
		const rev = await store.ledger.put(idea);
		await store.projector.catchUp();
		await store.ledger.put({ ...idea, title: 'Changed here' }, rev);
		// A revision from another device on a branch of its own: PouchDB keeps both.
		await branches(store.ledger, idea, rev, { ffff: 'Changed elsewhere' });
		await store.projector.catchUp();
		expect((await store.desk.ideas.get(idea._id))?.conflicts).toHaveLength(1);

		const current = await store.ledger.get(idea._id);
		await store.ledger.remove(idea._id, current!._rev);
		await store.projector.catchUp();
		// The conflicting branch still exists, so the idea is still shown, now without a conflict.
		const after = await store.desk.ideas.get(idea._id);
		expect(after?.conflicts ?? []).toHaveLength(0);
	});

	it('tells about conflicts once per batch and clears them when they are settled', async () => {
		const seen: string[][] = [];
		store.projector.onConflicts = (ids) => seen.push(ids);
		const idea = makeIdea();
		const rev = await store.ledger.put(idea);
		await branches(store.ledger, idea, rev, { ffff: 'Elsewhere' });
		await branches(store.ledger, idea, rev, { aaaa: 'Here' });
		await store.projector.catchUp();
		expect(seen).toEqual([[idea._id]]);
		expect(await store.desk.conflicts.get(idea._id)).toMatchObject({ type: 'idea', revs: ['2-aaaa'] });

		await store.ledger.db.remove(idea._id, '2-aaaa');
		await store.projector.catchUp();
		expect(await store.desk.conflicts.get(idea._id)).toBeUndefined();
		expect(await store.desk.ideas.get(idea._id)).toMatchObject({ title: 'Elsewhere', conflicts: [] });
	});

	it('lets a later change to the same document in a batch win', async () => {
		const idea = makeIdea();
		const comment = makeComment(idea._id);
		const changes = [
			{ id: idea._id, seq: 1, doc: { ...idea, _rev: '1-a' } },
			{ id: comment._id, seq: 2, doc: { ...comment, _rev: '1-b' } },
			{ id: idea._id, seq: 3, doc: { ...idea, title: 'Second title', _rev: '2-a' } },
			{ id: comment._id, seq: 4, deleted: true, doc: { _id: comment._id, _rev: '2-b', _deleted: true } }
		];
		let read = false;
		const feed = {
			db: {
				changes: () => {
					const results = read ? [] : changes;
					read = true;
					return Promise.resolve({ results, last_seq: 4 });
				}
			}
		};
		const fake = new Projector(feed as unknown as Ledger, store.desk);
		expect(await fake.catchUp()).toBe(4);
		expect(await store.desk.ideas.get(idea._id)).toMatchObject({
			title: 'Second title',
			rev: '2-a',
			commentCount: 0
		});
		expect(await store.desk.comments.count()).toBe(0);
	});
});
