import { describe, expect, it } from 'vitest';
import { newDoc, type DataPoint, type Pdsa } from '$lib/domain';
import { loadProjectRow } from '$lib/store/project-query';
import { loadProjectWork } from '$lib/store/project-work-query';
import type { ProjectPartRow } from '$lib/store/project-rows';
import { useTestWorkspace } from '../../../tests/support/test-store';
import { dataPointForm, figureOf, measureForm, pdsaForm } from './project-work.svelte';

/** The team's forms (cycles, measures, figures), through a member's real workspace (ledger, desk, write path). */

const device = useTestWorkspace('project-work');

async function project(): Promise<string> {
	const { workspace, actor } = device;
	const doc = newDoc('project', actor.name, {
		title: 'Faster handovers at the General',
		problem: 'Crews wait over an hour to hand patients over.',
		lead: actor.name,
		leadKind: 'member',
		membersFirstInvolved: 'problem',
		team: [{ name: actor.name, kind: 'member', level: 'big-i', joinedAt: 'problem' }]
	});
	await workspace.writer.save(doc);
	return doc._id;
}

async function work(projectId: string) {
	const row = await loadProjectRow(device.workspace.desk, projectId);
	if (!row) throw new Error('the project is not in the desk');
	return loadProjectWork(device.workspace.desk, row);
}

describe('figureOf', () => {
	it('reads figures as people type them, and nothing else', () => {
		expect(['42', ' 3.5 ', '-2', '+7', '.5', '1,250', '1,250,000.5', '10.'].map(figureOf)).toEqual([
			42, 3.5, -2, 7, 0.5, 1250, 1250000.5, 10
		]);
		expect(['', 'forty', '3,5', '1e3', '12 minutes', '--1', 'NaN', 'Infinity'].map(figureOf)).toEqual(
			Array(8).fill(undefined)
		);
	});
});

describe('the team’s forms', () => {
	it('add a PDSA cycle from a draft kept on every keystroke, then change it', async () => {
		const { workspace, actor } = device;
		const id = await project();
		const editor = pdsaForm(workspace, actor.name, id);
		await editor.load();
		await editor.form.update('startedOn', '');
		expect(await editor.save()).toBe(false);
		expect(Object.keys(editor.form.errors)).toEqual(['title', 'startedOn']);

		await editor.form.update('title', 'A handover checklist');
		await editor.form.update('startedOn', '2026-10-01');
		await editor.form.update('decision', 'adapt');
		// The draft survives a reload: a new form finds it.
		const reopened = pdsaForm(workspace, actor.name, id);
		await reopened.load();
		expect(reopened.form.values).toMatchObject({ title: 'A handover checklist', decision: 'adapt' });
		expect(await reopened.save()).toBe(true);

		const [cycle] = (await work(id)).cycles;
		expect(cycle).toMatchObject({
			number: 1,
			row: { doc: { title: 'A handover checklist', decision: 'adapt' } }
		});
		const change = pdsaForm(workspace, actor.name, id, cycle!.row as ProjectPartRow<Pdsa>);
		await change.load();
		expect(change.form.values).toMatchObject({ title: 'A handover checklist', prediction: '' });
		await change.form.update('learned', 'Crews liked it; the nurses want it shorter.');
		expect(await change.save()).toBe(true);
		expect((await work(id)).cycles[0]?.row.doc.learned).toBe('Crews liked it; the nurses want it shorter.');
	});

	it('add a measure to the project, then figures typed as text, with a plain message for a non-number', async () => {
		const { workspace, actor } = device;
		const id = await project();
		const measures = measureForm(workspace, id);
		await measures.load();
		expect(await measures.save()).toBe(false);
		expect(Object.keys(measures.form.errors)).toEqual(['name', 'better']);
		await measures.form.set({ name: 'Minutes waiting', unit: 'minutes', better: 'lower' });
		expect(await measures.save()).toBe(true);
		const [measure] = (await work(id)).measures;
		expect(measure?.measure).toMatchObject({ name: 'Minutes waiting', unit: 'minutes', better: 'lower' });

		const figures = dataPointForm(workspace, actor.name, id, measure!.measure.id);
		await figures.load();
		await figures.form.set({ date: '2026-10-01', value: 'about forty' });
		expect(await figures.save()).toBe(false);
		expect(figures.form.errors).toEqual({ value: 'Enter a number, like 42 or 3.5' });
		await figures.form.update('value', '42.5');
		expect(await figures.save()).toBe(true);
		expect(figures.form.values.value).toBe('');

		const [point] = (await work(id)).measures[0]!.points;
		expect(point?.row.doc).toMatchObject({ date: '2026-10-01', value: 42.5, measureId: measure!.measure.id });
		const correct = dataPointForm(
			workspace,
			actor.name,
			id,
			measure!.measure.id,
			point!.row as ProjectPartRow<DataPoint>
		);
		await correct.load();
		expect(correct.form.values).toMatchObject({ value: '42.5' });
		await correct.form.update('value', '41');
		expect(await correct.save()).toBe(true);
		expect((await work(id)).measures[0]?.points.map((p) => p.row.doc.value)).toEqual([41]);
	});
});
