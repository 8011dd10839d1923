import {
	actionSchema,
	actionUpdateSchema,
	agendaItemSchema,
	attendanceId,
	attendanceSchema,
	decisionSchema,
	groupSchema,
	meetingNoteId,
	meetingNoteSchema,
	meetingSchema,
	newDocId,
	reflectionId,
	reflectionSchema,
	type Action,
	type ActionUpdate,
	type AgendaItem,
	type Attendance,
	type Decision,
	type Group,
	type Meeting,
	type MeetingNote,
	type Reflection
} from '../src/lib/domain';

/** Typed meeting test data that goes through the real zod schemas. */

let clock = Date.parse('2026-09-01T09:00:00Z');

function tick(): { at: string; ms: number } {
	clock += 60_000;
	return { at: new Date(clock).toISOString(), ms: clock };
}

function base<T extends string>(type: T, author: string, id?: string) {
	const { at, ms } = tick();
	return {
		_id: id ?? newDocId(type, ms),
		type,
		schemaVersion: 1 as const,
		author,
		createdAt: at,
		updatedAt: at
	};
}

export function makeGroup(overrides: Partial<Group> = {}): Group {
	return groupSchema.parse({
		...base('group', 'coordinator'),
		name: 'North region',
		kind: 'region',
		description: '',
		chairs: ['chair'],
		...overrides
	});
}

export function makeMeeting(group: string, overrides: Partial<Meeting> = {}): Meeting {
	return meetingSchema.parse({
		...base('meeting', 'chair'),
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
		...overrides
	});
}

export function makeAgendaItem(meeting: Meeting, overrides: Partial<AgendaItem> = {}): AgendaItem {
	return agendaItemSchema.parse({
		...base('agenda-item', overrides.author ?? 'member'),
		meetingId: meeting._id,
		group: meeting.group,
		title: 'Handover delays at City General',
		details: '',
		proposerKind: 'member',
		minutes: null,
		...overrides
	});
}

export function makeNote(item: AgendaItem, author = 'member', notes = 'We talked about it.'): MeetingNote {
	return meetingNoteSchema.parse({
		...base('meeting-note', author, meetingNoteId(item.meetingId, item._id, author)),
		meetingId: item.meetingId,
		itemId: item._id,
		group: item.group,
		notes
	});
}

export function makeAttendance(meeting: Meeting, author: string, records: Attendance['records']): Attendance {
	return attendanceSchema.parse({
		...base('attendance', author, attendanceId(meeting._id, author)),
		meetingId: meeting._id,
		group: meeting.group,
		records
	});
}

export function makeDecision(meeting: Meeting, overrides: Partial<Decision> = {}): Decision {
	return decisionSchema.parse({
		...base('decision', 'member'),
		meetingId: meeting._id,
		itemId: null,
		group: meeting.group,
		text: 'We will ask for a quiet room at handover.',
		votesFor: null,
		votesAgainst: null,
		votesAbstain: null,
		...overrides
	});
}

export function makeAction(meeting: Meeting, overrides: Partial<Action> = {}): Action {
	return actionSchema.parse({
		...base('action', 'member'),
		meetingId: meeting._id,
		itemId: null,
		group: meeting.group,
		text: 'Ask the trust for the handover figures',
		owner: 'member',
		ownerKind: 'member',
		due: '2026-10-20',
		ideaId: null,
		...overrides
	});
}

export function makeActionUpdate(action: Action, overrides: Partial<ActionUpdate> = {}): ActionUpdate {
	return actionUpdateSchema.parse({
		...base('action-update', action.owner),
		actionId: action._id,
		meetingId: action.meetingId,
		to: 'done',
		note: '',
		...overrides
	});
}

export function makeReflection(meeting: Meeting, author = 'member', rating = 4): Reflection {
	return reflectionSchema.parse({
		...base('meeting-reflection', author, reflectionId(meeting._id, author)),
		meetingId: meeting._id,
		rating,
		comment: ''
	});
}
