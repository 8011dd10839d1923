/**
 * Typed meeting test data, made through the envelope (`newDoc`), so each document goes through the real
 * zod schema; each one a minute newer than the last.
 */
import {
	attendanceId,
	comingId,
	meetingNoteId,
	reflectionId,
	type Action,
	type ActionUpdate,
	type AgendaItem,
	type Attendance,
	type Coming,
	type Decision,
	type Group,
	type Meeting,
	type MeetingNote,
	type Reflection
} from '../src/lib/domain';
import { minuteByMinute, type Overrides } from './factories';

const made = minuteByMinute('2026-09-01T09:00:00Z');

export function makeGroup({ author = 'coordinator', ...content }: Overrides<'group'> = {}): Group {
	return made('group', author, {
		name: 'North region',
		kind: 'region',
		description: '',
		chairs: ['chair'],
		...content
	});
}

export function makeMeeting(
	group: string,
	{ author = 'chair', ...content }: Overrides<'meeting'> = {}
): Meeting {
	return made('meeting', author, {
		group,
		title: 'North region members’ meeting',
		startsAt: '2026-10-05T18:00:00.000Z',
		durationMinutes: 90,
		place: 'Northgate community centre',
		onlineLink: '',
		chair: 'chair',
		chairKind: 'member',
		status: 'planned',
		cancelReason: '',
		agenda: [],
		approvedBy: null,
		approvedAt: null,
		...content
	});
}

export function makeAgendaItem(
	meeting: Meeting,
	{ author = 'member', ...content }: Overrides<'agenda-item'> = {}
): AgendaItem {
	return made('agenda-item', author, {
		meetingId: meeting._id,
		group: meeting.group,
		title: 'Handover delays at City General',
		details: '',
		proposerKind: 'member',
		minutes: null,
		...content
	});
}

export function makeNote(item: AgendaItem, author = 'member', notes = 'We talked about it.'): MeetingNote {
	const { meetingId, group } = item;
	const id = meetingNoteId(meetingId, item._id, author);
	return made('meeting-note', author, { meetingId, itemId: item._id, group, notes }, id);
}

export function makeAttendance(meeting: Meeting, author: string, records: Attendance['records']): Attendance {
	const id = attendanceId(meeting._id, author);
	return made('attendance', author, { meetingId: meeting._id, group: meeting.group, records }, id);
}

export function makeDecision(
	meeting: Meeting,
	{ author = 'member', ...content }: Overrides<'decision'> = {}
): Decision {
	return made('decision', author, {
		meetingId: meeting._id,
		itemId: null,
		group: meeting.group,
		text: 'We will ask for a quiet room at handover.',
		votesFor: null,
		votesAgainst: null,
		votesAbstain: null,
		...content
	});
}

export function makeAction(
	meeting: Meeting,
	{ author = 'member', ...content }: Overrides<'action'> = {}
): Action {
	return made('action', author, {
		meetingId: meeting._id,
		itemId: null,
		group: meeting.group,
		text: 'Ask the trust for the handover figures',
		owner: 'member',
		ownerKind: 'member',
		due: '2026-10-20',
		ideaId: null,
		...content
	});
}

export function makeActionUpdate(
	action: Action,
	{ author = action.owner, ...content }: Overrides<'action-update'> = {}
): ActionUpdate {
	return made('action-update', author, {
		actionId: action._id,
		meetingId: action.meetingId,
		to: 'done',
		note: '',
		...content
	});
}

export function makeReflection(meeting: Meeting, author = 'member', rating = 4): Reflection {
	const id = reflectionId(meeting._id, author);
	return made('meeting-reflection', author, { meetingId: meeting._id, rating, comment: '' }, id);
}

/** `member` telling the meeting's chair they are coming, needing a BSL interpreter unless told otherwise. */
export function makeComing(
	meeting: Pick<Meeting, '_id' | 'chair'>,
	member = 'member',
	{ author = member, ...content }: Omit<Overrides<'coming'>, 'meetingId' | 'chair' | 'member'> = {}
): Coming {
	return made(
		'coming',
		author,
		{ meetingId: meeting._id, chair: meeting.chair, member, needs: ['bsl-interpreter'], ...content },
		comingId(meeting.chair, member, meeting._id)
	);
}
