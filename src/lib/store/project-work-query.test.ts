import { describe, expect, it } from 'vitest';
import { makeDataPoint, makePdsa, makeProject, measureId } from '../../../tests/project-factories';
import { useTestStore } from '../../../tests/support/test-store';
import { loadProjectRow } from './project-query';
import { loadProjectOptions, loadProjectPart, loadProjectWork } from './project-work-query';

const store = useTestStore('project-work');

describe('project work read models', () => {
	it('number cycles from the first started, list them newest first, and give each measure its figures by date', async () => {
		const waiting = measureId();
		const handed = measureId();
		const project = makeProject({
			measures: [
				{ id: waiting, name: 'Minutes waiting', unit: 'minutes', better: 'lower' },
				{ id: handed, name: 'Handed over in 15 minutes', unit: '%', better: 'higher' }
			]
		});
		const other = makeProject({ title: 'Accessible information in ambulances' });
		const later = makePdsa(project._id, { title: 'A second nurse at the door', startedOn: '2026-11-02' });
		const first = makePdsa(project._id, { title: 'A handover checklist', startedOn: '2026-10-01' });
		await store.ledger.db.bulkDocs([
			project,
			other,
			later,
			first,
			makePdsa(other._id, { title: 'Easy read leaflets' }),
			makeDataPoint(project._id, waiting, { date: '2026-10-08', value: 40 }),
			makeDataPoint(project._id, waiting, { date: '2026-10-01', value: 45, note: 'Before the checklist' }),
			makeDataPoint(project._id, handed, { date: '2026-10-01', value: 20 })
		]);
		await store.projector.catchUp();

		const row = await loadProjectRow(store.desk, project._id);
		expect(row).toMatchObject({ title: 'Faster handovers at the General' });
		const work = await loadProjectWork(store.desk, row!);
		expect(work.cycles.map((cycle) => [cycle.number, cycle.row.doc.title])).toEqual([
			[2, 'A second nurse at the door'],
			[1, 'A handover checklist']
		]);
		expect(work.cycles[0]?.status).toEqual({ kind: 'synced' });
		expect(work.measures.map((view) => [view.measure.name, view.points.map((p) => p.row.doc.value)])).toEqual(
			[
				['Minutes waiting', [45, 40]],
				['Handed over in 15 minutes', [20]]
			]
		);

		expect(await loadProjectOptions(store.desk)).toEqual([
			{ id: other._id, title: 'Accessible information in ambulances' },
			{ id: project._id, title: 'Faster handovers at the General' }
		]);
		expect(await loadProjectPart(store.desk, 'pdsa', first._id)).toMatchObject({
			doc: { title: first.title }
		});
		expect(await loadProjectPart(store.desk, 'data-point', first._id)).toBeNull();
		expect(await loadProjectRow(store.desk, 'project:01JBXYZ0000000000000000000')).toBeNull();
	});
});
