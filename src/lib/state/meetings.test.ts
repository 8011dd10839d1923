import { describe, expect, it } from 'vitest';
import { attendanceId, meetingNoteId, reflectionId, type SessionInfo } from '$lib/domain';
import { loadMeetingRow } from '$lib/store/meeting-query';
import type { MeetingRow } from '$lib/store/meeting-rows';
import { useTestWorkspace } from '../../../tests/support/test-store';
import { agendaItemForm, decisionForm, noteForm, reflectionForm } from './meeting-forms.svelte';
import { groupForm, meetingForm } from './meeting-setup.svelte';
import { MeetingWrites } from './meetings.svelte';

/** The meetings' forms and writes, through a member's real workspace (ledger, desk, write path). */

const device = useTestWorkspace('meetings');

function session(): SessionInfo {
	const { actor } = device;
	return { name: actor.name, displayName: 'Mo Member', roles: ['coordinator'], databases: ['network'] };
}

/** Sets up a group and a meeting through their forms; answers the meeting's row. */
async function meeting(): Promise<MeetingRow> {
	const { workspace, actor } = device;
	const groups = groupForm(workspace, actor.name);
	await groups.load();
	await groups.form.set({ name: 'North and coast', kind: 'region', chairs: `${actor.name}, chair` });
	const group = await groups.save();
	if (!group) throw new Error(`group not saved: ${JSON.stringify(groups.form.summary)}`);

	const meetings = meetingForm(workspace, session());
	await meetings.load();
	await meetings.form.set({ group, title: 'Members’ meeting', date: '2026-11-05', place: 'Northgate' });
	const id = await meetings.save();
	if (!id) throw new Error(`meeting not saved: ${JSON.stringify(meetings.form.summary)}`);
	const row = await loadMeetingRow(workspace.desk, id);
	if (!row) throw new Error('the meeting is not in the desk');
	return row;
}

describe('meeting forms', () => {
	it('list what is missing in the order of the fields, then set up and change a meeting', async () => {
		const { workspace } = device;
		const empty = meetingForm(workspace, session());
		await empty.load();
		expect(empty.form.values).toMatchObject({ chair: device.actor.name, chairKind: 'staff' });
		expect(await empty.save()).toBeUndefined();
		expect(Object.keys(empty.form.errors)).toEqual(['group', 'title', 'date', 'place']);

		const row = await meeting();
		expect(row).toMatchObject({ title: 'Members’ meeting', agenda: [], approvedBy: null, status: 'planned' });
		expect(await workspace.ledger.get(row.id)).toMatchObject({ type: 'meeting', schemaVersion: 1 });

		const editor = meetingForm(workspace, session(), row);
		await editor.load();
		expect(editor.form.values).toMatchObject({
			title: 'Members’ meeting',
			date: '2026-11-05',
			projectId: ''
		});
		await editor.form.update('title', 'Members’ meeting: cards');
		await editor.form.update('projectId', 'project:01JBXYZ0000000000000000000');
		expect(await editor.save()).toBe(row.id);
		expect(await workspace.ledger.get(row.id)).toMatchObject({
			title: 'Members’ meeting: cards',
			projectId: 'project:01JBXYZ0000000000000000000',
			group: row.group,
			createdAt: row.createdAt
		});
	});

	it('keep one note per note-taker per item, changed in place, and load it back', async () => {
		const { workspace, actor } = device;
		const row = await meeting();
		const proposal = agendaItemForm(workspace, session(), row.id, row.group);
		await proposal.load();
		expect(await proposal.save()).toBe(false);
		expect(proposal.form.summary).toEqual({ 'item-title': 'Enter what you would like to talk about' });
		await proposal.form.update('title', 'Parking');
		expect(await proposal.save()).toBe(true);
		const [item] = await workspace.desk.meetingParts.where('meetingId').equals(row.id).toArray();
		if (!item) throw new Error('the item is not in the desk');

		const notes = noteForm(workspace, actor.name, row, item.id);
		await notes.load();
		await notes.form.update('notes', 'First thoughts');
		expect(await notes.save()).toBe(true);
		await notes.form.update('notes', 'Second thoughts');
		expect(await notes.save()).toBe(true);
		expect(notes.id).toBe(meetingNoteId(row.id, item.id, actor.name));
		expect(await workspace.ledger.get(notes.id)).toMatchObject({ notes: 'Second thoughts', itemId: item.id });

		const again = noteForm(workspace, actor.name, row, item.id);
		await again.load();
		expect(again.form.values.notes).toBe('Second thoughts');
	});

	it('record a decision with a show of hands, and say plainly when a count is not a number', async () => {
		const { workspace, actor } = device;
		const row = await meeting();
		const decision = decisionForm(workspace, actor.name, row, null);
		await decision.form.load();
		await decision.form.set({ text: 'Meet monthly', votesFor: 'nine' });
		expect(await decision.save()).toBe(false);
		expect(decision.form.errors).toEqual({
			votesFor: 'Enter a whole number of people, or leave it empty'
		});
		await decision.form.update('votesFor', '9');
		expect(await decision.save()).toBe(true);
		const parts = await workspace.desk.meetingParts.where('meetingId').equals(row.id).toArray();
		expect(parts.map((part) => part.doc)).toMatchObject([
			{ type: 'decision', text: 'Meet monthly', votesFor: 9, votesAgainst: null, itemId: null }
		]);
	});

	it('keep one reflection per person, changed as often as they like', async () => {
		const { workspace, actor } = device;
		const row = await meeting();
		const reflection = reflectionForm(workspace, actor.name, row);
		await reflection.load();
		await reflection.form.set({ rating: '4' });
		expect(await reflection.save()).toBe(true);
		await reflection.form.set({ rating: '5', comment: 'Good chairing' });
		expect(await reflection.save()).toBe(true);
		expect(await workspace.ledger.get(reflectionId(row.id, actor.name))).toMatchObject({
			rating: 5,
			comment: 'Good chairing'
		});
	});
});

describe('MeetingWrites', () => {
	it('orders the agenda, approves and withdraws, and adds to one attendance record', async () => {
		const { workspace, actor } = device;
		const row = await meeting();
		const writes = new MeetingWrites(workspace, actor.name);
		const first = await writes.add('agenda-item', {
			meetingId: row.id,
			group: row.group,
			title: 'Welcome'
		});
		const second = await writes.add('agenda-item', { meetingId: row.id, group: row.group, title: 'Parking' });
		await writes.moveItem(row, first._id, 1);
		await writes.moveItem(row, second._id, -1);
		expect(await workspace.ledger.get(row.id)).toMatchObject({ agenda: [second._id, first._id] });
		await writes.unplaceItem(row, first._id);
		await writes.setItemMinutes(second._id, 10);
		expect(await workspace.ledger.get(row.id)).toMatchObject({ agenda: [second._id] });
		expect(await workspace.ledger.get(second._id)).toMatchObject({ minutes: 10 });

		await writes.approve(row);
		expect(await workspace.ledger.get(row.id)).toMatchObject({ status: 'held', approvedBy: actor.name });
		await writes.withdrawApproval(row);
		expect(await workspace.ledger.get(row.id)).toMatchObject({ approvedBy: null, approvedAt: null });

		await writes.recordAttendance(row, { name: 'Ann', kind: 'member', status: 'present' });
		await writes.recordAttendance(row, { name: 'Bob', kind: 'guest', status: 'apologies' });
		const attendance = await workspace.ledger.get(attendanceId(row.id, actor.name));
		expect((attendance?.records as { name: string }[]).map((record) => record.name)).toEqual(['Ann', 'Bob']);
	});
});
