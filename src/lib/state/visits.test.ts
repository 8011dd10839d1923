import { describe, expect, it } from 'vitest';
import { useTestWorkspace } from '../../../tests/support/test-store';
import { setVisitStatus, VisitEditor } from './visits.svelte';

const device = useTestWorkspace('visits');

describe('VisitEditor', () => {
	it('says when the visit changed elsewhere while being edited, and saving again keeps both changes', async () => {
		const { workspace, actor } = device;
		const planning = new VisitEditor(workspace, actor);
		await planning.load();
		await planning.update('siteType', 'ambulance-station');
		await planning.update('siteName', 'Northgate station');
		await planning.update('date', '2026-12-11');
		const id = await planning.save();
		expect(id).toBeDefined();

		const editor = new VisitEditor(workspace, actor, id);
		await editor.load();
		expect(editor.unavailable).toBeUndefined();
		expect(editor.values).toMatchObject({ siteType: 'ambulance-station', siteName: 'Northgate station' });
		await editor.update('siteName', 'Northgate ambulance station');
		// Meanwhile the visit is started (another tab, or a sync).
		await setVisitStatus(workspace, id!, 'in-progress');

		expect(await editor.save()).toBeUndefined();
		expect(editor.problem).toBe(
			'This visit was changed on another device while you were editing. What you typed is still here: save again to put your changes over the newest version.'
		);
		expect(editor.values.siteName).toBe('Northgate ambulance station');

		expect(await editor.save()).toBe(id);
		expect(editor.problem).toBeUndefined();
		expect(await workspace.ledger.get(id!)).toMatchObject({
			siteName: 'Northgate ambulance station',
			status: 'in-progress'
		});
	});
});
