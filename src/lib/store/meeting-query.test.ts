import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	makeAction,
	makeActionUpdate,
	makeAgendaItem,
	makeAttendance,
	makeDecision,
	makeGroup,
	makeMeeting,
	makeNote,
	makeReflection
} from '../../../tests/meeting-factories';
import { newDocId } from '$lib/domain';
import {
	loadIdeaActions,
	loadMeeting,
	loadMeetingIndex,
	loadMyActions,
	loadPeopleNames
} from './meeting-query';
import { openTestStore, removeTestStore, type TestStore } from '../../../tests/support/test-store';

type Device = TestStore;

let opened: Device[] = [];

async function device(): Promise<Device> {
	const dev = await openTestStore('meetings');
	opened.push(dev);
	return dev;
}

let a: Device;

beforeEach(async () => {
	opened = [];
	a = await device();
});

afterEach(async () => {
	for (const dev of opened) await removeTestStore(dev);
});

const group = makeGroup({ name: 'North', chairs: ['chair'] });
const TODAY = '2026-10-10';
const MEMBER = { name: 'member', displayName: 'Mo Member' };

describe('meeting read models', () => {
	it('bring a meeting together: agenda in order with times, notes, attendance, decisions, actions', async () => {
		const meeting = makeMeeting(group._id, { status: 'held' });
		const first = makeAgendaItem(meeting, { title: 'Welcome', minutes: 10, author: 'chair' });
		const second = makeAgendaItem(meeting, { title: 'Handovers', minutes: 30, proposerKind: 'staff' });
		const proposed = makeAgendaItem(meeting, { title: 'Any other business' });
		const ordered = { ...meeting, agenda: [second._id, first._id] };
		const action = makeAction(meeting, { owner: 'member', due: '2026-10-01' });
		await a.ledger.db.bulkDocs([
			group,
			ordered,
			first,
			second,
			proposed,
			makeNote(second, 'chair', 'Chair notes'),
			makeNote(second, 'member', 'Member notes'),
			makeAttendance(meeting, 'member', [
				{ name: 'Mo Member', kind: 'member', status: 'present', at: '2026-10-05T18:00:00.000Z' }
			]),
			makeAttendance(meeting, 'chair', [
				{ name: 'Sam', kind: 'guest', status: 'apologies', at: '2026-10-05T18:01:00.000Z' }
			]),
			makeDecision(meeting, { votesFor: 9, votesAgainst: 1, votesAbstain: 0 }),
			action,
			makeReflection(meeting, 'member', 4),
			makeReflection(meeting, 'chair', 5)
		]);
		await a.projector.catchUp();

		const view = await loadMeeting(a.desk, meeting._id, MEMBER, TODAY);
		expect(view).toBeDefined();
		expect(view!.group?.name).toBe('North');
		expect(view!.agenda.map((entry) => [entry.item.row.doc.title, entry.placed, entry.startsAt])).toEqual([
			['Handovers', true, '2026-10-05T18:00:00.000Z'],
			['Welcome', true, '2026-10-05T18:30:00.000Z'],
			['Any other business', false, null]
		]);
		// The person's own notes come first.
		expect(view!.notes[second._id]?.map((note) => note.row.doc.notes)).toEqual([
			'Member notes',
			'Chair notes'
		]);
		expect(view!.attendance.map((person) => [person.name, person.status])).toEqual([
			['Mo Member', 'present'],
			['Sam', 'apologies']
		]);
		expect(view!.decisions[0]?.row.doc).toMatchObject({ votesFor: 9, votesAgainst: 1 });
		expect(view!.actions[0]).toMatchObject({ state: 'overdue', progress: { status: 'open' } });
		expect(view!.reflections).toMatchObject({ count: 2, average: 4.5, mine: { rating: 4 } });
		expect(view!.meeting.status).toEqual({ kind: 'synced' });
	});

	it('follows an action to done, across meetings, under "My actions", overdue first', async () => {
		const meeting = makeMeeting(group._id, { status: 'held', title: 'September' });
		const later = makeMeeting(group._id, { status: 'held', title: 'October' });
		const overdue = makeAction(meeting, { owner: 'member', due: '2026-10-01', text: 'Overdue one' });
		const soon = makeAction(later, { owner: 'member', due: '2026-10-30', text: 'Soon' });
		const done = makeAction(later, { owner: 'member', due: '2026-12-01', text: 'Done early' });
		const someoneElse = makeAction(later, { owner: 'chair', text: 'Not mine' });
		await a.ledger.db.bulkDocs([meeting, later, soon, done, overdue, someoneElse]);
		// Progress is written on this device through the write path: "saved on this device" until synced.
		await a.writer.save(makeActionUpdate(done, { to: 'done' }));
		await a.projector.catchUp();

		const mine = await loadMyActions(a.desk, MEMBER, TODAY);
		expect(mine.map((action) => [action.row.doc.text, action.state, action.meetingTitle])).toEqual([
			['Overdue one', 'overdue', 'September'],
			['Soon', 'upcoming', 'October'],
			['Done early', 'done-on-time', 'October']
		]);
		expect(mine[2]?.progress.completedAt).toMatch(/^2026-/);

		const index = await loadMeetingIndex(a.desk, Date.parse('2026-10-10T12:00:00Z'), TODAY);
		expect(index.measures).toMatchObject({ meetings: 2, actions: 4, actionsDone: 1, actionsDoneOnTime: 1 });
	});

	it("lists the actions meetings agreed about an idea, for the idea's page", async () => {
		const ideaId = newDocId('idea');
		const meeting = makeMeeting(group._id, { status: 'held', title: 'September' });
		const about = makeAction(meeting, { ideaId, text: 'Ask for ramps', due: '2026-10-01' });
		const other = makeAction(meeting, { ideaId: newDocId('idea'), text: 'Another idea' });
		const none = makeAction(meeting, { text: 'No idea' });
		await a.ledger.db.bulkDocs([meeting, about, other, none]);
		await a.writer.save(makeActionUpdate(about, { to: 'done' }));
		await a.projector.catchUp();

		const actions = await loadIdeaActions(a.desk, ideaId, TODAY);
		expect(
			actions.map((action) => [action.row.doc.text, action.meetingTitle, action.progress.status])
		).toEqual([['Ask for ramps', 'September', 'done']]);
		expect(await loadIdeaActions(a.desk, newDocId('idea'), TODAY)).toEqual([]);
	});

	it('lists upcoming meetings soonest first and the others newest first, with measures', async () => {
		const past = makeMeeting(group._id, { status: 'held', startsAt: '2026-09-01T18:00:00.000Z' });
		const cancelled = makeMeeting(group._id, {
			status: 'cancelled',
			cancelReason: 'Snow',
			startsAt: '2026-11-01T18:00:00.000Z'
		});
		const next = makeMeeting(group._id, { startsAt: '2026-11-02T18:00:00.000Z', chairKind: 'staff' });
		const soon = makeMeeting(group._id, { startsAt: '2026-10-20T18:00:00.000Z' });
		await a.ledger.db.bulkDocs([
			group,
			past,
			cancelled,
			next,
			soon,
			makeAgendaItem(soon),
			makeAgendaItem(soon, { proposerKind: 'staff', author: 'coordinator' })
		]);
		await a.projector.catchUp();
		const index = await loadMeetingIndex(a.desk, Date.parse('2026-10-10T12:00:00Z'), TODAY);
		expect(index.upcoming.map((item) => item.row.id)).toEqual([soon._id, next._id]);
		expect(index.past.map((item) => item.row.id)).toEqual([cancelled._id, past._id]);
		expect(index.upcoming[0]).toMatchObject({ groupName: 'North', itemCount: 2 });
		expect(index.measures).toMatchObject({
			meetings: 3,
			memberChaired: 2,
			staffChaired: 1,
			itemsFromMembers: 1,
			itemsFromStaff: 1
		});
	});
});

describe("people's names", () => {
	const at = (minute: number) => `2026-10-05T18:${String(minute).padStart(2, '0')}:00.000Z`;

	it('are learnt from "I am here" records on their own attendance, never from someone else\'s', async () => {
		const meeting = makeMeeting(group._id, { status: 'held', chair: 'chair' });
		const later = makeMeeting(group._id, { status: 'held', chair: 'chair' });
		const item = makeAgendaItem(meeting, { author: 'chair' });
		await a.ledger.db.bulkDocs([
			group,
			{ ...meeting, agenda: [item._id] },
			later,
			item,
			makeNote(item, 'chair', 'Chair notes'),
			makeAction(meeting, { owner: 'chair', text: 'Write to the pilot lead' }),
			makeAttendance(meeting, 'chair', [
				{ name: 'Charles', kind: 'member', status: 'present', at: at(1), account: 'chair' },
				// A note-taker cannot name another account.
				{ name: 'Not Mo', kind: 'member', status: 'present', at: at(2), account: 'member' }
			]),
			// The latest of a person's own records counts, at any meeting.
			makeAttendance(later, 'chair', [
				{ name: 'Charlie Chair', kind: 'member', status: 'present', at: at(3), account: 'chair' },
				{ name: 'Sam', kind: 'guest', status: 'present', at: at(4) }
			])
		]);
		await a.projector.catchUp();

		expect([...(await loadPeopleNames(a.desk))]).toEqual([['chair', 'Charlie Chair']]);
		// The signed-in person's own name is always known.
		expect(Object.fromEntries(await loadPeopleNames(a.desk, MEMBER))).toEqual({
			chair: 'Charlie Chair',
			member: 'Mo Member'
		});
		const view = await loadMeeting(a.desk, meeting._id, MEMBER, TODAY);
		expect(view!.agenda[0]?.item.proposerName).toBe('Charlie Chair');
		expect(view!.notes[item._id]?.[0]?.authorName).toBe('Charlie Chair');
		expect(view!.actions[0]?.ownerName).toBe('Charlie Chair');
		expect(view!.names.get('member')).toBe('Mo Member');
		// Someone the device knows no name for is shown by their user name.
		const index = await loadMeetingIndex(a.desk, Date.parse('2026-10-10T12:00:00Z'), TODAY);
		expect(index.past.map((entry) => entry.chairName)).toEqual(['Charlie Chair', 'Charlie Chair']);
		const coordinator = makeAction(meeting, { owner: 'coordinator', text: 'Ask the print team' });
		await a.ledger.db.put(coordinator);
		await a.projector.catchUp();
		const [owned] = await loadMyActions(a.desk, { name: 'coordinator', displayName: '' }, TODAY);
		expect(owned?.ownerName).toBe('coordinator');
	});
});

describe('two note-takers at once', () => {
	it('write their own documents, so both devices end with every note and no conflict', async () => {
		const b = await device();
		const meeting = makeMeeting(group._id, { status: 'held' });
		const item = makeAgendaItem(meeting);
		await a.ledger.db.bulkDocs([group, meeting, item]);
		await a.ledger.db.replicate.to(b.ledger.db);

		// Both offline: each writes notes, attendance and an action on the same item.
		await a.writer.save(makeNote(item, 'member', 'From phone A'));
		await a.writer.save(
			makeAttendance(meeting, 'member', [
				{ name: 'Ann', kind: 'member', status: 'present', at: '2026-10-05T18:00:00.000Z' }
			])
		);
		await b.writer.save(makeNote(item, 'chair', 'From phone B'));
		await b.writer.save(
			makeAttendance(meeting, 'chair', [
				{ name: 'Ann', kind: 'member', status: 'apologies', at: '2026-10-05T17:00:00.000Z' },
				{ name: 'Bob', kind: 'staff', status: 'present', at: '2026-10-05T18:02:00.000Z' }
			])
		);
		await b.writer.save(makeAction(meeting, { author: 'chair', owner: 'member' }));

		await a.ledger.db.sync(b.ledger.db);
		for (const dev of [a, b]) {
			await dev.projector.catchUp();
			const view = await loadMeeting(dev.desk, meeting._id, MEMBER, TODAY);
			expect(view!.notes[item._id]?.map((note) => note.row.doc.notes).sort()).toEqual([
				'From phone A',
				'From phone B'
			]);
			expect(view!.attendance.map((person) => [person.name, person.status])).toEqual([
				['Ann', 'present'],
				['Bob', 'present']
			]);
			expect(view!.actions).toHaveLength(1);
			expect(await dev.desk.conflicts.count()).toBe(0);
		}
		expect(await loadMyActions(a.desk, MEMBER, TODAY)).toHaveLength(1);
	});

	it('the same person on two devices: their note conflicts, and the conflict is listed for the resolver', async () => {
		const b = await device();
		const meeting = makeMeeting(group._id, { status: 'held' });
		const item = makeAgendaItem(meeting);
		const note = makeNote(item, 'member', 'Start');
		await a.ledger.db.bulkDocs([group, meeting, item, note]);
		await a.ledger.db.replicate.to(b.ledger.db);
		const rev = (await a.ledger.get(note._id))!._rev;
		await a.writer.save({ ...note, notes: 'Start, then A' }, rev);
		await b.writer.save({ ...note, notes: 'Start, then B' }, rev);
		await a.ledger.db.sync(b.ledger.db);
		await a.projector.catchUp();
		expect(await a.desk.conflicts.get(note._id)).toMatchObject({ type: 'meeting-note' });
		const row = await a.desk.meetingParts.get(note._id);
		expect(row?.conflicts).toHaveLength(1);
	});

	it('removes rows when documents are deleted, and rebuilds from nothing', async () => {
		const meeting = makeMeeting(group._id);
		const item = makeAgendaItem(meeting);
		await a.ledger.db.bulkDocs([group, meeting, item]);
		await a.projector.catchUp();
		const stored = await a.ledger.get(item._id);
		await a.writer.remove(item._id, stored!._rev);
		expect(await a.desk.meetingParts.get(item._id)).toBeUndefined();
		await a.projector.rebuild();
		expect(await a.desk.meetings.count()).toBe(1);
		expect(await a.desk.groups.count()).toBe(1);
	});
});
