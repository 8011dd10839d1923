import { describe, expect, it } from 'vitest';
import {
	makeAction,
	makeActionUpdate,
	makeAgendaItem,
	makeAttendance,
	makeDecision,
	makeGroup,
	makeMeeting,
	makeNote
} from '../../tests/meeting-factories';
import { useTestStore } from '../../tests/support/test-store';
import { minutesText, votesText } from './minutes';
import { loadMeeting } from './store/meeting-query';

/** The minutes as plain text, from a meeting projected into the desk. */

const store = useTestStore('minutes');

describe('minutes as plain text', () => {
	it('carry the meeting, attendance, each item with its notes, decisions and actions, and the approval, naming people', async () => {
		const group = makeGroup({ name: 'North and coast' });
		const meeting = makeMeeting(group._id, {
			status: 'held',
			approvedBy: 'chair',
			approvedAt: '2026-10-07T10:00:00.000Z'
		});
		const item = makeAgendaItem(meeting, { title: 'Handovers', minutes: 20 });
		const late = makeAgendaItem(meeting, { title: 'Any other business' });
		const action = makeAction(meeting, {
			itemId: item._id,
			text: 'Write to the pilot lead',
			due: '2026-10-20'
		});
		const staffAction = makeAction(meeting, {
			itemId: item._id,
			text: 'Ask the print team',
			owner: 'coordinator',
			ownerKind: 'staff'
		});
		await store.ledger.db.bulkDocs([
			group,
			{ ...meeting, agenda: [item._id] },
			item,
			late,
			makeNote(item, 'member', 'Long waits at City General.'),
			makeNote(item, 'chair', ''),
			makeAttendance(meeting, 'member', [
				{
					name: 'Mo Member',
					kind: 'member',
					status: 'present',
					at: '2026-10-05T18:00:00.000Z',
					account: 'member'
				},
				{ name: 'Sam Patel', kind: 'member', status: 'apologies', at: '2026-10-05T18:00:00.000Z' }
			]),
			makeDecision(meeting, { itemId: item._id, text: 'Ask for updates.', votesFor: 9, votesAgainst: 0 }),
			makeDecision(meeting, { text: 'Meet monthly.' }),
			action,
			staffAction,
			makeActionUpdate(action, { to: 'done' })
		]);
		await store.projector.catchUp();
		// Read by the chair: their own name, and the member's from "I am here"; nobody knows "coordinator".
		const chair = { name: 'chair', displayName: 'Charlie Chair' };
		const view = await loadMeeting(store.desk, meeting._id, chair, '2026-10-10');
		const text = minutesText(view!);

		expect(text).toMatch(
			/^Minutes of North region members’ meeting\nCoproduce\nNorth and coast: \w+ 5 October 2026, \d\d:\d\d to \d\d:\d\d\n/
		);
		expect(text).toContain('Chair: Charlie Chair (a member)');
		expect(text).toContain('Minutes approved by Charlie Chair on Wednesday 7 October 2026');
		expect(text).toContain('Present: Mo Member\nApologies: Sam Patel');
		expect(text).toMatch(/1\. Handovers \(\d\d:\d\d, 20 minutes\)\nProposed by Mo Member \(a member\)/);
		expect(text).toContain('Notes by Mo Member:\nLong waits at City General.');
		// Empty notes are left out.
		expect(text).not.toContain('Notes by Charlie Chair');
		expect(text).toContain('Decision: Ask for updates. (Show of hands: 9 for, 0 against)');
		expect(text).toContain(
			'Actions:\n- Write to the pilot lead. Owner: Mo Member (a member). Due 20 October 2026. Done.'
		);
		expect(text).toContain('- Ask the print team. Owner: coordinator (staff).');
		expect(text).toContain('2. Any other business');
		expect(text).toContain('Other business\nDecision: Meet monthly.');
	});

	it('describe a show of hands only when one was taken', () => {
		expect(votesText({ votesFor: null, votesAgainst: null, votesAbstain: null })).toBe('');
		expect(votesText({ votesFor: 3, votesAgainst: null, votesAbstain: 2 })).toBe(
			'Show of hands: 3 for, 2 did not vote'
		);
	});
});
