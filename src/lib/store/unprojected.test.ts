/** Marks for saves the desk never projected (unprojected.ts), and the write path's marks before it follows. */
import { describe, expect, it, vi } from 'vitest';
import { makeIdea } from '../../../tests/factories';
import { useTestStore } from '../../../tests/support/test-store';
import { Projector } from './projection';
import { statusOf } from './status';

const store = useTestStore('unprojected');

describe('unprojected saves', () => {
	it('marks a write the desk never projected (a tab killed after the ledger write) as saved on this device', async () => {
		const synced = makeIdea({ title: 'Synced, then edited here' });
		const rev1 = await store.ledger.put(synced);
		await store.projector.catchUp();
		// The tab was killed after these ledger writes, before their desk transactions: no status rows.
		const rev2 = await store.ledger.put({ ...synced, title: 'Edited' }, rev1);
		const lost = makeIdea({ title: 'Written just before the tab was killed' });
		const lostRev = await store.ledger.put(lost);
		const confirmed = makeIdea({ title: 'Saved, projected, not yet confirmed' });
		const confirmedRev = await store.writer.save(confirmed);

		const reopened = new Projector(store.ledger, store.desk);
		reopened.start();
		await reopened.catchUp();
		await reopened.stop();
		expect(await store.desk.docStatus.get(synced._id)).toMatchObject({ rev: rev2, state: 'local' });
		expect(await store.desk.docStatus.get(lost._id)).toMatchObject({ rev: lostRev, state: 'local' });
		expect(await store.desk.docStatus.get(confirmed._id)).toMatchObject({
			rev: confirmedRev,
			state: 'local'
		});
		expect(await store.desk.ideas.get(lost._id)).toMatchObject({ rev: lostRev });
	});

	it('marks nothing before the desk has projected anything (a first sync brings the server’s documents)', async () => {
		await store.ledger.db.bulkDocs([makeIdea(), makeIdea()]);
		store.projector.start();
		await store.projector.catchUp();
		expect(await store.desk.ideas.count()).toBe(2);
		expect(await store.desk.docStatus.count()).toBe(0);
	});

	it('marks a save made during a first sync that a killed tab never projected as saved on this device', async () => {
		await store.ledger.db.bulkDocs([makeIdea(), makeIdea()]); // pulled, not yet in the lists
		// The tab is killed after the ledger write, before the desk's transaction.
		vi.spyOn(store.projector, 'project').mockReturnValue(new Promise(() => {}));
		const idea = makeIdea({ title: 'Written while the first sync ran' });
		void store.writer.save(idea);
		const written = await vi.waitFor(async () => {
			const doc = await store.ledger.get(idea._id);
			if (!doc) throw new Error('Not written yet');
			return doc;
		});

		const reopened = new Projector(store.ledger, store.desk);
		reopened.start();
		await reopened.catchUp();
		await reopened.stop();
		expect(await store.desk.ideas.count()).toBe(3);
		expect(await store.desk.docStatus.toArray()).toEqual([
			expect.objectContaining({ id: idea._id, state: 'local' })
		]);
		expect(statusOf(written._rev, await store.desk.docStatus.get(idea._id))).toEqual({ kind: 'local' });
	});

	it('takes away the mark of a save made during a first sync whose ledger write never happened', async () => {
		vi.spyOn(store.ledger, 'put').mockReturnValue(new Promise(() => {}));
		const idea = makeIdea();
		void store.writer.save(idea);
		await vi.waitFor(async () =>
			expect(await store.desk.docStatus.get(idea._id)).toMatchObject({ rev: null, state: 'local' })
		);
		const refused = {
			id: 'idea:gone',
			rev: null,
			state: 'denied' as const,
			reason: 'No',
			at: idea.createdAt
		};
		await store.desk.docStatus.put(refused);

		const reopened = new Projector(store.ledger, store.desk);
		reopened.start();
		await reopened.catchUp();
		await reopened.stop();
		expect(await store.desk.docStatus.toArray()).toEqual([refused]);
	});

	it('puts a status row back as it was when a save made during a first sync fails', async () => {
		const idea = makeIdea();
		const rev = await store.writer.save(idea);
		await expect(store.writer.save({ ...idea, title: 'From a stale copy' })).rejects.toMatchObject({
			status: 409
		});
		expect(await store.desk.docStatus.get(idea._id)).toMatchObject({ rev, state: 'local' });
	});
});
