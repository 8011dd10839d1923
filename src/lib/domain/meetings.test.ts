import { describe, expect, it } from 'vitest';
import {
	makeAction,
	makeActionUpdate,
	makeAgendaItem,
	makeGroup,
	makeMeeting,
	makeNote,
	makeReflection
} from '../../../tests/meeting-factories';
import {
	actionProgress,
	decideWrite,
	dueState,
	groupsChairedBy,
	mayChange,
	meetingIdOf,
	meetingMeasures,
	meetingNoteId,
	meetingSchema,
	mergeAttendance,
	moveInAgenda,
	orderAgenda,
	parseDocument,
	sortActions,
	type Actor
} from './index';

const north = makeGroup({ name: 'North', chairs: ['chair'] });
const south = makeGroup({ name: 'South', chairs: ['southchair'] });
const chair: Actor = { name: 'chair', roles: ['chair', 'member'], chairOf: [north._id] };
const southChair: Actor = { name: 'southchair', roles: ['chair', 'member'], chairOf: [south._id] };
const formerChair: Actor = { name: 'chair', roles: ['chair', 'member'], chairOf: [] };
const member: Actor = { name: 'member', roles: ['member'] };
const coordinator: Actor = { name: 'coordinator', roles: ['coordinator'] };

describe('meeting documents', () => {
	it('need a place or an online link, a reason to cancel, and https links only', () => {
		const meeting = makeMeeting(north._id);
		expect(parseDocument({ ...meeting, place: '', onlineLink: '' })).toMatchObject({
			ok: false,
			reason: 'place: Enter a place or an online link'
		});
		expect(parseDocument({ ...meeting, place: '', onlineLink: 'https://meet.example.org/abc' }).ok).toBe(
			true
		);
		expect(parseDocument({ ...meeting, onlineLink: 'javascript:alert(1)' }).ok).toBe(false);
		expect(parseDocument({ ...meeting, onlineLink: 'http://meet.example.org' }).ok).toBe(false);
		expect(parseDocument({ ...meeting, status: 'cancelled' })).toMatchObject({
			ok: false,
			reason: 'cancelReason: Say why the meeting is cancelled'
		});
		expect(parseDocument({ ...meeting, status: 'cancelled', cancelReason: 'Snow' }).ok).toBe(true);
	});

	it('approve only the minutes of a held meeting, with who and when', () => {
		const meeting = makeMeeting(north._id);
		const at = '2026-10-06T10:00:00.000Z';
		expect(parseDocument({ ...meeting, approvedBy: 'chair', approvedAt: at }).ok).toBe(false);
		expect(parseDocument({ ...meeting, status: 'held', approvedBy: 'chair', approvedAt: null }).ok).toBe(
			false
		);
		expect(parseDocument({ ...meeting, status: 'held', approvedBy: 'chair', approvedAt: at }).ok).toBe(true);
		expect(
			meetingSchema.safeParse({ ...meeting, agenda: ['agenda-item:01ARZ3NDEKTSV4RRFFQ69G5FAV'] }).success
		).toBe(true);
	});

	it('name notes, attendance and reflections after their meeting and writer', () => {
		const meeting = makeMeeting(north._id);
		const item = makeAgendaItem(meeting);
		const note = makeNote(item, 'member');
		expect(note._id).toBe(meetingNoteId(meeting._id, item._id, 'member'));
		expect(parseDocument({ ...note, author: 'chair' }).ok).toBe(false);
		expect(meetingIdOf(note._id)).toBe(meeting._id);
		expect(meetingIdOf(makeReflection(meeting)._id)).toBe(meeting._id);
		expect(meetingIdOf(meeting._id)).toBe(meeting._id);
		expect(meetingIdOf(item._id)).toBeUndefined();
	});
});

describe('who may write what', () => {
	it('lets only coordinators set up and change groups, even a group they once wrote', () => {
		expect(decideWrite(coordinator, north, undefined).ok).toBe(true);
		expect(decideWrite(chair, { ...north, author: 'chair' }, undefined)).toEqual({
			ok: false,
			reason: 'Only coordinators can set up groups'
		});
		const selfAppointed = { ...north, chairs: ['chair', 'member'] };
		expect(decideWrite(chair, selfAppointed, north).ok).toBe(false);
		// A coordinator who has since become a plain member cannot change the group they wrote.
		expect(decideWrite({ name: 'coordinator', roles: ['member'] }, selfAppointed, north)).toEqual({
			ok: false,
			reason: 'Only coordinators can change a group or its chairs'
		});
		expect(decideWrite(coordinator, selfAppointed, north).ok).toBe(true);
	});

	it('lets the chairs of the group and coordinators set up a meeting, nobody else', () => {
		expect(decideWrite(chair, makeMeeting(north._id, { author: 'chair' }), undefined).ok).toBe(true);
		expect(decideWrite(coordinator, makeMeeting(north._id, { author: 'coordinator' }), undefined).ok).toBe(
			true
		);
		const refusal = {
			ok: false,
			reason: "Only the group's chairs or a coordinator can set up, change or approve a meeting"
		};
		expect(decideWrite(southChair, makeMeeting(north._id, { author: 'southchair' }), undefined)).toEqual(
			refusal
		);
		expect(decideWrite(member, makeMeeting(north._id, { author: 'member' }), undefined)).toEqual(refusal);
		// The chair role alone is not enough: it is chairing this group that counts.
		expect(decideWrite(formerChair, makeMeeting(north._id, { author: 'chair' }), undefined)).toEqual(refusal);
	});

	it('lets only a chair of the group or a coordinator approve the minutes', () => {
		const held = makeMeeting(north._id, { author: 'coordinator', status: 'held' });
		const approved = { ...held, approvedBy: 'chair', approvedAt: '2026-10-06T10:00:00.000Z' };
		expect(decideWrite(chair, approved, held).ok).toBe(true);
		expect(decideWrite(coordinator, { ...approved, approvedBy: 'coordinator' }, held).ok).toBe(true);
		const refusal = /Only the group's chairs or a coordinator/;
		expect(decideWrite(member, { ...approved, approvedBy: 'member' }, held)).toMatchObject({
			ok: false,
			reason: expect.stringMatching(refusal)
		});
		expect(decideWrite(southChair, approved, held)).toMatchObject({ ok: false });
		// The author of a meeting who no longer chairs the group cannot approve it either.
		const own = makeMeeting(north._id, { author: 'chair', status: 'held' });
		expect(
			decideWrite(formerChair, { ...own, approvedBy: 'chair', approvedAt: approved.approvedAt }, own)
		).toMatchObject({ ok: false, reason: expect.stringMatching(refusal) });
		// Nor delete it; putting back exactly what the server holds is always fine.
		expect(decideWrite(member, { _id: held._id, _deleted: true }, held).ok).toBe(false);
		expect(decideWrite(member, { ...held, _rev: '2-x' }, { ...held, _rev: '1-y' })).toEqual({ ok: true });
		// The group of a meeting never changes.
		expect(decideWrite(chair, { ...held, group: south._id }, held)).toMatchObject({ ok: false });
	});

	it('lets any member propose an agenda item, and the chair of the group place and time it', () => {
		const meeting = makeMeeting(north._id);
		const item = makeAgendaItem(meeting, { author: 'member' });
		expect(decideWrite(member, item, undefined).ok).toBe(true);
		const timed = { ...item, minutes: 15 };
		expect(decideWrite(chair, timed, item).ok).toBe(true);
		expect(decideWrite(southChair, timed, item).ok).toBe(false);
		expect(decideWrite(member, { ...item, title: 'Better words' }, item).ok).toBe(true);
		expect(decideWrite({ name: 'someone', roles: ['member'] }, timed, item).ok).toBe(false);
		expect(mayChange(chair, 'member', item)).toBe(true);
		expect(mayChange(southChair, 'member', item)).toBe(false);
	});

	it('keeps each note-taker to their own notes, and progress steps as history', () => {
		const meeting = makeMeeting(north._id);
		const item = makeAgendaItem(meeting);
		const note = makeNote(item, 'member');
		expect(decideWrite(member, note, undefined).ok).toBe(true);
		expect(decideWrite({ name: 'other', roles: ['member'] }, { ...note, notes: 'Mine now' }, note).ok).toBe(
			false
		);
		expect(decideWrite(chair, { ...note, notes: 'Tidied by the chair' }, note).ok).toBe(true);
		const action = makeAction(meeting);
		const step = makeActionUpdate(action);
		expect(decideWrite(member, step, undefined).ok).toBe(true);
		expect(decideWrite(member, { ...step, to: 'open' }, step)).toEqual({
			ok: false,
			reason: 'This is part of a history and cannot be changed'
		});
	});

	it('works out who chairs what from the group documents', () => {
		expect(groupsChairedBy([north, south], 'chair')).toEqual([north._id]);
		expect(groupsChairedBy([north, { ...south, chairs: ['chair'] }], 'chair')).toEqual([
			north._id,
			south._id
		]);
		expect(groupsChairedBy([north], 'member')).toEqual([]);
	});
});

describe('agenda', () => {
	const items = [
		{ id: 'a', createdAt: '2026-10-01T10:00:00Z', minutes: 10 },
		{ id: 'b', createdAt: '2026-10-01T09:00:00Z', minutes: 20 },
		{ id: 'c', createdAt: '2026-10-01T11:00:00Z', minutes: null },
		{ id: 'd', createdAt: '2026-10-01T08:00:00Z', minutes: 5 }
	];

	it("follows the chair's order with times, then proposed items oldest first", () => {
		const agenda = orderAgenda(['b', 'gone', 'a'], items, '2026-10-05T18:00:00.000Z');
		expect(agenda.map((entry) => [entry.item.id, entry.placed, entry.startsAt])).toEqual([
			['b', true, '2026-10-05T18:00:00.000Z'],
			['a', true, '2026-10-05T18:20:00.000Z'],
			['d', false, null],
			['c', false, null]
		]);
		// An untimed item stops the clock for the items after it.
		const untimed = orderAgenda(['c', 'a'], items, '2026-10-05T18:00:00.000Z');
		expect(untimed.map((entry) => entry.startsAt)).toEqual(['2026-10-05T18:00:00.000Z', null, null, null]);
	});

	it('moves items up and down, placing a proposed item at the end first', () => {
		expect(moveInAgenda(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
		expect(moveInAgenda(['a', 'b'], 'a', -1)).toEqual(['a', 'b']);
		expect(moveInAgenda(['a', 'b'], 'd', -1)).toEqual(['a', 'd', 'b']);
		expect(moveInAgenda(['a', 'b'], 'a', 1)).toEqual(['b', 'a']);
	});
});

describe('attendance', () => {
	it('merges every note-taker’s records, the latest record per person counting', () => {
		const merged = mergeAttendance([
			{
				author: 'member',
				records: [
					{ name: 'Sam Patel', kind: 'member', status: 'apologies', at: '2026-10-05T18:00:00Z' },
					{ name: 'Jo Bloggs', kind: 'staff', status: 'present', at: '2026-10-05T18:01:00Z' }
				]
			},
			{
				author: 'chair',
				records: [{ name: ' sam  patel', kind: 'member', status: 'present', at: '2026-10-05T18:05:00Z' }]
			}
		]);
		expect(merged.map((a) => [a.name.trim(), a.status, a.recordedBy])).toEqual([
			['Jo Bloggs', 'present', 'member'],
			['sam  patel', 'present', 'chair']
		]);
	});
});

describe('actions', () => {
	const step = (id: string, to: 'open' | 'in-progress' | 'done' | 'dropped', createdAt: string) => ({
		id,
		to,
		createdAt,
		author: 'member',
		note: ''
	});

	it('follow their latest step, done on time or late against the due date', () => {
		expect(actionProgress([])).toEqual({ status: 'open', completedAt: null, latest: null });
		const done = actionProgress([
			step('2', 'done', '2026-10-10T12:00:00.000Z'),
			step('1', 'in-progress', '2026-10-08T12:00:00.000Z')
		]);
		expect(done).toMatchObject({ status: 'done', completedAt: '2026-10-10T12:00:00.000Z' });
		expect(dueState('2026-10-20', done, '2026-11-01')).toBe('done-on-time');
		expect(dueState('2026-10-09', done, '2026-11-01')).toBe('done-late');
		const open = actionProgress([step('1', 'in-progress', '2026-10-08T12:00:00.000Z')]);
		expect(dueState('2026-10-09', open, '2026-10-10')).toBe('overdue');
		expect(dueState('2026-10-10', open, '2026-10-10')).toBe('due-today');
		expect(dueState('2026-10-11', open, '2026-10-10')).toBe('upcoming');
		expect(
			dueState('2026-10-01', actionProgress([step('1', 'dropped', '2026-10-08T12:00:00Z')]), '2026-10-10')
		).toBe('dropped');
	});

	it('list overdue ones first, then by due date, finished ones last', () => {
		const rows = [
			{ id: 'later', due: '2026-12-01', state: 'upcoming' as const, createdAt: '1' },
			{ id: 'done', due: '2026-09-01', state: 'done-on-time' as const, createdAt: '1' },
			{ id: 'long-overdue', due: '2026-08-01', state: 'overdue' as const, createdAt: '1' },
			{ id: 'overdue', due: '2026-09-15', state: 'overdue' as const, createdAt: '1' },
			{ id: 'today', due: '2026-10-10', state: 'due-today' as const, createdAt: '1' }
		];
		expect(sortActions(rows).map((row) => row.id)).toEqual([
			'long-overdue',
			'overdue',
			'today',
			'later',
			'done'
		]);
	});
});

describe('measures', () => {
	it('count member- and staff-chaired meetings, who set the agenda, actions done on time', () => {
		const measures = meetingMeasures({
			meetings: [
				{ id: 'm1', status: 'held', chairKind: 'member' },
				{ id: 'm2', status: 'planned', chairKind: 'staff' },
				{ id: 'm3', status: 'cancelled', chairKind: 'staff' }
			],
			items: [
				{ meetingId: 'm1', proposerKind: 'member' },
				{ meetingId: 'm1', proposerKind: 'member' },
				{ meetingId: 'm2', proposerKind: 'staff' },
				{ meetingId: 'm3', proposerKind: 'staff' }
			],
			actions: [
				{ meetingId: 'm1', state: 'done-on-time' },
				{ meetingId: 'm1', state: 'done-late' },
				{ meetingId: 'm1', state: 'overdue' }
			]
		});
		expect(measures).toEqual({
			meetings: 2,
			memberChaired: 1,
			staffChaired: 1,
			itemsFromMembers: 2,
			itemsFromStaff: 1,
			actions: 3,
			actionsDone: 2,
			actionsDoneOnTime: 1,
			actionsOverdue: 1
		});
	});
});
