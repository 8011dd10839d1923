import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { makeIdea } from '../../../tests/factories';
import { editDoc } from '$lib/domain';
import { useTestStore } from '../../../tests/support/test-store';
import { statusOf } from './status';
import { InvalidDocumentError, MissingDocumentError } from './save-errors';

const store = useTestStore('writer');

describe('writer and sync status', () => {
	it('marks a new write as saved on this device, never as synced', async () => {
		const idea = makeIdea();
		const rev = await store.writer.save(idea);
		const row = await store.desk.ideas.get(idea._id);
		expect(row?.rev).toBe(rev);
		expect(statusOf(rev, await store.desk.docStatus.get(idea._id))).toEqual({ kind: 'local' });
	});

	it('refuses invalid documents before they reach the store.ledger', async () => {
		await expect(store.writer.save({ ...makeIdea(), title: '' })).rejects.toBeInstanceOf(
			InvalidDocumentError
		);
		expect((await store.ledger.db.info()).doc_count).toBe(0);
	});

	it('keeps the previous status when a write conflicts', async () => {
		const idea = makeIdea();
		const rev1 = await store.writer.save(idea);
		await store.writer.save(editDoc('idea', idea, { title: 'Two', details: '' }), rev1);
		await expect(
			store.writer.save(editDoc('idea', idea, { title: 'Stale', details: '' }), rev1)
		).rejects.toMatchObject({
			status: 409
		});
		const status = await store.desk.docStatus.get(idea._id);
		expect(status?.rev).not.toBeNull();
		expect((await store.desk.ideas.get(idea._id))?.title).toBe('Two');
	});

	it('is over once its desk transaction is open, and every read of the desk after it sees the save', async () => {
		let committed = false;
		const project = store.projector.project.bind(store.projector);
		vi.spyOn(store.projector, 'project').mockImplementation(async (...args) => {
			await project(...args);
			committed = true;
		});
		const idea = makeIdea();
		const rev = await store.writer.save(idea);
		// The desk's transaction has not committed yet…
		expect(committed).toBe(false);
		// …but a read opened now runs after it.
		expect(await store.desk.ideas.get(idea._id)).toMatchObject({ rev });
		expect(await store.desk.docStatus.get(idea._id)).toMatchObject({ rev, state: 'local' });
	});

	it('stands when its desk transaction fails after opening: the status row is kept and the failure journaled', async () => {
		// The desk follows the ledger (after a first sync): the save is not marked before its write.
		await store.ledger.put(makeIdea());
		await store.projector.catchUp();
		const idea = makeIdea();
		const put = store.desk.docStatus.put.bind(store.desk.docStatus);
		vi.spyOn(store.desk.docStatus, 'put')
			.mockImplementationOnce(() => Dexie.Promise.reject(new Error('The lists could not be updated')))
			.mockImplementation(put);
		const rev = await store.writer.save(idea);
		await expect.poll(() => store.desk.docStatus.get(idea._id)).toMatchObject({ rev, state: 'local' });
		await expect
			.poll(async () => (await store.desk.journal.toArray()).map((row) => row.message))
			.toContainEqual(expect.stringContaining('The lists were not updated after a save'));
		// The next pass of the changes feed puts the rows in.
		await store.projector.catchUp();
		expect(await store.desk.ideas.get(idea._id)).toMatchObject({ rev });
	});

	it('times saves made at once each from its own start', async () => {
		performance.clearMarks();
		performance.clearMeasures();
		const ideas = [makeIdea({ title: 'One' }), makeIdea({ title: 'Two' })];
		await Promise.all(ideas.map((idea) => store.writer.save(idea)));
		const forIdea = (name: string, type: 'mark' | 'measure', id: string) =>
			performance
				.getEntriesByName(name, type)
				.filter((entry) => (entry as PerformanceMark).detail?.id === id);
		for (const idea of ideas) {
			const [start] = forIdea('coproduce:save:start', 'mark', idea._id);
			const [committed] = forIdea('coproduce:save:committed', 'mark', idea._id);
			const [saved] = forIdea('coproduce:save', 'measure', idea._id);
			expect(start && committed && saved).toBeTruthy();
			expect(saved!.startTime).toBe(start!.startTime);
			expect(committed!.startTime).toBeGreaterThanOrEqual(start!.startTime);
			await expect
				.poll(() => forIdea('coproduce:save:listed', 'measure', idea._id)[0]?.startTime)
				.toBe(start!.startTime);
		}
	});

	it('still marks a saved write as saved on this device when its desk transaction fails', async () => {
		const idea = makeIdea();
		vi.spyOn(store.projector, 'project').mockRejectedValueOnce(new Error('The lists could not be updated'));
		await expect(store.writer.save(idea)).rejects.toThrow('The lists could not be updated');
		const stored = await store.ledger.get(idea._id);
		expect(await store.desk.docStatus.get(idea._id)).toMatchObject({ rev: stored?._rev, state: 'local' });
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

describe('update', () => {
	it('changes the current revision with a pure change, keeping the envelope', async () => {
		const idea = makeIdea({ title: 'Before' });
		await store.writer.save(idea);
		const rev = await store.writer.update('idea', idea._id, (doc) => ({ title: `${doc.title} and after` }));
		const stored = await store.ledger.get(idea._id);
		expect(stored).toMatchObject({ _rev: rev, title: 'Before and after', author: idea.author });
		expect(stored && 'createdAt' in stored && stored.createdAt).toBe(idea.createdAt);
	});

	it('tries once more when another write moved the document meanwhile', async () => {
		const idea = makeIdea({ title: 'One' });
		await store.writer.save(idea);
		let calls = 0;
		const get = store.ledger.get.bind(store.ledger);
		const spy = vi.spyOn(store.ledger, 'get').mockImplementationOnce(async (id) => {
			const stale = await get(id);
			await store.writer.update('idea', idea._id, () => ({ title: 'Moved' }));
			return stale;
		});
		await store.writer.update('idea', idea._id, (doc) => {
			calls += 1;
			return { details: `${doc.title} seen` };
		});
		spy.mockRestore();
		expect(calls).toBe(2);
		expect(await store.ledger.get(idea._id)).toMatchObject({ title: 'Moved', details: 'Moved seen' });
	});

	it('refuses a change that breaks the schema, a missing document and the wrong type', async () => {
		const idea = makeIdea();
		await store.writer.save(idea);
		await expect(store.writer.update('idea', idea._id, () => ({ title: '' }))).rejects.toBeInstanceOf(
			InvalidDocumentError
		);
		await expect(
			store.writer.update('idea', 'idea:01J00000000000000000000000', () => ({}))
		).rejects.toBeInstanceOf(MissingDocumentError);
		await expect(store.writer.update('visit', idea._id, () => ({}))).rejects.toBeInstanceOf(
			InvalidDocumentError
		);
	});
});
