import { describe, expect, it } from 'vitest';
import { useTestWorkspace } from '../../../tests/support/test-store';
import { ObservationCapture, setVisitStatus, VisitEditor } from './visits.svelte';

const device = useTestWorkspace('visits');

/** Plans a visit through the form; answers its id. */
async function planned(): Promise<string> {
	const { workspace, actor } = device;
	const planning = new VisitEditor(workspace, actor);
	await planning.load();
	expect(planning.form.values.visitors).toBe(actor.name);
	await planning.form.update('siteType', 'ambulance-station');
	await planning.form.update('siteName', 'Northgate station');
	await planning.form.update('date', '2026-12-11');
	const id = await planning.save();
	if (!id) throw new Error(`not saved: ${JSON.stringify(planning.form.summary)}`);
	return id;
}

describe('VisitEditor', () => {
	it('says what is missing, and plans a visit with the planner visiting', async () => {
		const { workspace, actor } = device;
		const planning = new VisitEditor(workspace, actor);
		await planning.load();
		expect(await planning.save()).toBeUndefined();
		expect(planning.form.errors).toMatchObject({
			siteType: 'Choose the kind of site',
			siteName: 'Enter the name of the site'
		});

		const id = await planned();
		expect(await workspace.ledger.get(id)).toMatchObject({
			siteName: 'Northgate station',
			status: 'planned',
			visitors: [actor.name],
			author: actor.name
		});
		expect(await workspace.desk.drafts.get('visit:new')).toBeUndefined();
	});

	it('keeps a start made elsewhere while the visit was being changed', async () => {
		const { workspace, actor } = device;
		const id = await planned();

		const editor = new VisitEditor(workspace, actor, id);
		await editor.load();
		expect(editor.unavailable).toBeUndefined();
		expect(editor.form.values).toMatchObject({
			siteType: 'ambulance-station',
			siteName: 'Northgate station'
		});
		await editor.form.update('siteName', 'Northgate ambulance station');
		// Meanwhile the visit is started (another tab, or a sync).
		await setVisitStatus(workspace, id, 'in-progress');

		expect(await editor.save()).toBe(id);
		expect(editor.form.problem).toBeUndefined();
		expect(await workspace.ledger.get(id)).toMatchObject({
			siteName: 'Northgate ambulance station',
			status: 'in-progress'
		});
	});

	it('says so when another device changed the details meanwhile, and saves over them when asked again', async () => {
		const { workspace, actor } = device;
		const id = await planned();
		const editor = new VisitEditor(workspace, actor, id);
		await editor.load();
		await editor.form.update('purpose', 'Check the new rota board');
		await workspace.writer.update('visit', id, () => ({ siteName: 'Renamed elsewhere' }));

		expect(await editor.save()).toBeUndefined();
		expect(editor.form.problem).toContain('changed on another device');
		expect(editor.form.values.purpose).toBe('Check the new rota board');
		expect(await workspace.ledger.get(id)).toMatchObject({ siteName: 'Renamed elsewhere' });

		expect(await editor.save()).toBe(id);
		expect(await workspace.ledger.get(id)).toMatchObject({
			siteName: 'Northgate station',
			purpose: 'Check the new rota board'
		});
	});

	it('says so when the visit is not on this device, or not this person’s to change', async () => {
		const { workspace, actor } = device;
		const missing = new VisitEditor(workspace, actor, 'visit:01JBXYZ0000000000000000000');
		await missing.load();
		expect(missing.unavailable?.message).toBe('This visit is not on this device.');

		const id = await planned();
		const other = new VisitEditor(workspace, { name: 'someone', roles: ['member'] }, id);
		await other.load();
		expect(other.unavailable?.message).toBe(`Only ${actor.name} or a coordinator can change this visit.`);
	});
});

describe('ObservationCapture', () => {
	const PROJECT = 'project:01JBXYZ0000000000000000000';

	it('saves an observation and clears the text for the next one, keeping the kind, key question and project', async () => {
		const { workspace, actor } = device;
		const visitId = await planned();
		const capture = new ObservationCapture(workspace, actor, visitId);
		await capture.load();
		expect(await capture.save()).toBe(false);
		expect(capture.form.errors).toEqual({
			text: 'Write what you saw or heard',
			kind: 'Choose what kind of observation this is'
		});

		await capture.form.update('text', 'Crew room is calm and tidy');
		await capture.form.update('kind', 'good-practice');
		await capture.form.update('keyQuestion', 'caring');
		await capture.form.update('projectId', PROJECT);
		expect(await capture.save()).toBe(true);
		expect(capture.savedCount).toBe(1);
		expect(capture.form.values).toEqual({
			text: '',
			kind: 'good-practice',
			keyQuestion: 'caring',
			projectId: PROJECT
		});
		expect((await workspace.desk.drafts.get(`observation:new:${visitId}`))?.values).toEqual(
			capture.form.values
		);
		const { rows } = await workspace.ledger.db.allDocs({
			include_docs: true,
			startkey: 'observation:',
			endkey: 'observation:\uffff'
		});
		expect(rows.map((row) => row.doc)).toMatchObject([
			{
				visitId,
				text: 'Crew room is calm and tidy',
				kind: 'good-practice',
				keyQuestion: 'caring',
				projectId: PROJECT
			}
		]);
	});
});
