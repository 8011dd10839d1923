import { describe, expect, it } from 'vitest';
import { newDoc } from '$lib/domain';
import { makeIdea } from '../../../tests/factories';
import { useTestStore } from '../../../tests/support/test-store';
import { loadVisit, loadVisitRow, loadVisits } from './visit-query';

const store = useTestStore('visit-query');

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 9, minute));

function visit(siteName: string, date: string) {
	return newDoc('visit', 'member', { siteType: 'ambulance-station', siteName, date });
}

function observation(visitId: string, text: string, minute: number) {
	return newDoc('observation', 'member', { visitId, text, kind: 'concern' }, { now: at(minute) });
}

describe('visit queries', () => {
	it('list every visit, the latest date first', async () => {
		for (const [name, date] of [
			['Eastfield', '2026-11-20'],
			['Northgate', '2026-12-01'],
			['Southgate', '2026-10-02']
		] as const)
			await store.writer.save(visit(name, date));
		expect((await loadVisits(store.desk)).map((row) => row.siteName)).toEqual([
			'Northgate',
			'Eastfield',
			'Southgate'
		]);
	});

	it('read a visit with its timeline, newest first, each observation with its photos and ideas', async () => {
		const northgate = visit('Northgate', '2026-12-01');
		await store.writer.save(northgate);
		const elsewhere = visit('Eastfield', '2026-11-20');
		await store.writer.save(elsewhere);
		const first = observation(northgate._id, 'The defibrillator cupboard has no sign', 1);
		const second = observation(northgate._id, 'Crew room is calm and tidy', 2);
		for (const doc of [first, second, observation(elsewhere._id, 'Not this visit', 3)])
			await store.writer.save(doc);
		const photo = newDoc('photo', 'member', { subject: first._id });
		await store.writer.savePhoto(photo, new Blob(['jpeg'], { type: 'image/jpeg' }));
		const idea = makeIdea({ title: 'Sign the defibrillator cupboard', links: [first._id] });
		await store.writer.save(idea);

		const view = await loadVisit(store.desk, northgate._id);
		expect(view?.visit).toMatchObject({ id: northgate._id, siteName: 'Northgate' });
		expect(view?.status).toEqual({ kind: 'local' });
		expect(view?.observations.map((item) => item.row.text)).toEqual([
			'Crew room is calm and tidy',
			'The defibrillator cupboard has no sign'
		]);
		const [latest, earliest] = view!.observations;
		expect(latest).toMatchObject({ status: { kind: 'local' }, photos: [], ideas: [] });
		expect(earliest!.photos.map((row) => row.id)).toEqual([photo._id]);
		expect(earliest!.ideas.map((row) => row.id)).toEqual([idea._id]);
	});

	it('answer nothing for a visit that is not on this device', async () => {
		expect(await loadVisit(store.desk, 'visit:01JBXYZ0000000000000000000')).toBeUndefined();
		expect(await loadVisitRow(store.desk, 'visit:01JBXYZ0000000000000000000')).toBeUndefined();
	});
});
