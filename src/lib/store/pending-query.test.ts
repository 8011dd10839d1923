import { describe, expect, it } from 'vitest';
import { newDoc } from '$lib/domain';
import { makeComment, makeIdea } from '../../../tests/factories';
import { useTestStore } from '../../../tests/support/test-store';
import { countUnsynced, loadPendingCounts } from './pending-query';
import { loadWaitingChanges } from './sync-query';

const store = useTestStore('pending-query');
const jpeg = () => new Blob(['jpeg'], { type: 'image/jpeg' });

/** A visit with `observations` observations, the first `photos` of them with a photo each. */
async function visitWith(observations: number, photos: number): Promise<string[]> {
	const visit = newDoc('visit', 'member', {
		siteType: 'ambulance-station',
		siteName: 'Northgate',
		date: '2026-12-01'
	});
	await store.writer.save(visit);
	const ids: string[] = [];
	for (let i = 0; i < observations; i++) {
		const observation = newDoc('observation', 'member', {
			visitId: visit._id,
			text: `Observation ${i + 1}`,
			kind: 'concern'
		});
		await store.writer.save(observation);
		if (i < photos)
			await store.writer.savePhoto(newDoc('photo', 'member', { subject: observation._id }), jpeg());
		ids.push(observation._id);
	}
	return ids;
}

describe('changes waiting to sync, counted as people made them', () => {
	it('counts a photo as part of the observation it shows: 6 observations with 3 photos and their visit are 7', async () => {
		await visitWith(6, 3);
		expect(await store.desk.docStatus.count()).toBe(10);
		expect(await loadPendingCounts(store.desk)).toEqual({ waiting: 7, refused: 0 });
		expect(await countUnsynced(store.desk)).toBe(7);
	});

	it('counts an idea with two photos and a comment on it as two changes', async () => {
		const idea = makeIdea({ title: 'Ramps at every station' });
		await store.writer.save(idea);
		for (const alt of ['The ramp', 'The steps'])
			await store.writer.savePhoto(newDoc('photo', 'member', { subject: idea._id, alt }), jpeg());
		await store.writer.save(makeComment(idea._id));
		expect(await loadPendingCounts(store.desk)).toEqual({ waiting: 2, refused: 0 });
	});

	it('counts photos added to something already synced as one change to it', async () => {
		const idea = makeIdea();
		await store.writer.save(idea);
		await store.desk.docStatus.delete(idea._id); // the server confirmed it
		for (let i = 0; i < 2; i++)
			await store.writer.savePhoto(newDoc('photo', 'member', { subject: idea._id }), jpeg());
		expect(await loadPendingCounts(store.desk)).toEqual({ waiting: 1, refused: 0 });
	});

	it('counts refused changes apart, a refused photo with its subject', async () => {
		const [first] = await visitWith(2, 1);
		const photo = await store.desk.photos.where('subject').equals(first!).first();
		await store.desk.docStatus.update(photo!.id, { state: 'denied', reason: 'Too big' });
		expect(await loadPendingCounts(store.desk)).toEqual({ waiting: 3, refused: 1 });
		expect(await countUnsynced(store.desk)).toBe(3);
	});

	it('counts a photo the lists do not hold yet on its own, so nothing waiting goes uncounted', async () => {
		await store.desk.docStatus.put({
			id: 'photo:01JBXYZ0000000000000000000',
			rev: null,
			state: 'local',
			at: new Date().toISOString()
		});
		expect(await loadPendingCounts(store.desk)).toEqual({ waiting: 1, refused: 0 });
	});

	it('lists each change on the Sync page once, with its photos under it', async () => {
		const idea = makeIdea({ title: 'Ramps at every station' });
		await store.writer.save(idea);
		for (const alt of ['The ramp', ''])
			await store.writer.savePhoto(newDoc('photo', 'member', { subject: idea._id, alt }), jpeg());

		const waiting = await loadWaitingChanges(store.desk);
		expect(waiting).toHaveLength(1);
		expect(waiting[0]).toMatchObject({
			id: idea._id,
			label: 'Idea: Ramps at every station',
			path: `/ideas/${idea._id.slice('idea:'.length)}`,
			status: { kind: 'local' }
		});
		expect(waiting[0]?.photos.map((photo) => photo.label)).toEqual(['Photo 1: The ramp', 'Photo 2']);
	});
});
