import { z } from 'zod';
import { accountNameSchema } from './accounts';
import {
	baseDocShape,
	docIdSchema,
	isoTimestamp,
	optionalText as text,
	requiredText as required,
	easyReadSummary
} from './common';
import { COMING_TYPE_RULE, comingSchema } from './coming';
import { ULID_PATTERN } from './ids';
import type { TypeRule } from './type-rules';

/**
 * Meetings run by members: groups with their chairs, meetings, agendas members propose, notes several people
 * write at once, attendance, decisions, actions followed to done, and a reflection at the end.
 *
 * Documents are shaped so that people writing at once rarely collide:
 * - each note-taker has their own note per agenda item (`meeting-note:<meeting>:<item>:<note-taker>`) and
 *   their own attendance record per meeting (`attendance:<meeting>:<note-taker>`); the pages show them
 *   together;
 * - decisions and actions are new documents, never shared ones;
 * - an action's progress is a history of `action-update` documents (like an idea's status), so the owner
 *   marking it done never collides with the chair correcting its wording;
 * - the meeting itself (details, the agenda's order, the approval of the minutes) is changed only by the
 *   group's chairs and coordinators.
 */

export const GROUP_KINDS = ['region', 'service'] as const;
export const GROUP_KIND_LABELS: Record<(typeof GROUP_KINDS)[number], string> = {
	region: 'A region',
	service: 'A service'
};

/** Whether a person is a member of the network or works for the service (the measures count both). */
export const PERSON_KINDS = ['member', 'staff'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
	planned: 'Planned',
	held: 'Held',
	cancelled: 'Cancelled'
};

export const ATTENDANCE_STATUSES = ['present', 'apologies'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDEE_KINDS = ['member', 'staff', 'guest'] as const;
export type AttendeeKind = (typeof ATTENDEE_KINDS)[number];

export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
	open: 'Not started',
	'in-progress': 'In progress',
	done: 'Done',
	dropped: 'No longer needed'
};

export const MEETING_TITLE_MAX = 120;
export const AGENDA_ITEMS_MAX = 40;
export const NOTE_MAX = 10_000;

/** A link people join online with: https only, so it can be shown as a link safely. */
export const onlineLinkSchema = text(500, 'The online link').refine(
	(value) => value === '' || /^https:\/\/[^\s/$.?#][^\s]*$/i.test(value),
	{ error: 'Enter a link that starts with https://' }
);

/** `prefix:<ulid>` of one of the given types. */
function ulidOf(id: string, type: string): string | undefined {
	const ulid = id.startsWith(`${type}:`) ? id.slice(type.length + 1) : '';
	return ULID_PATTERN.test(ulid) ? ulid : undefined;
}

// ——— Groups ———

export const groupInputSchema = z.object({
	name: required(80, 'Name', 'Enter a name for the group'),
	kind: z.enum(GROUP_KINDS, { error: 'Choose whether the group is for a region or a service' }),
	description: text(500, 'Description').default(''),
	chairs: z
		.array(accountNameSchema)
		.max(10, { error: 'A group can have up to 10 chairs' })
		.transform((chairs) => [...new Set(chairs)])
		.default([])
});
export type GroupInput = z.input<typeof groupInputSchema>;

/** A group of the network (a region or a service) and who chairs it. Set up by coordinators. */
export const groupSchema = z.strictObject({ ...baseDocShape('group'), ...groupInputSchema.shape });
export type Group = z.infer<typeof groupSchema>;

// ——— Meetings ———

export const meetingFieldsSchema = z.object({
	title: required(MEETING_TITLE_MAX, 'Title', 'Enter a title for the meeting'),
	startsAt: isoTimestamp,
	durationMinutes: z
		.int({ error: 'Enter how long the meeting is, in minutes' })
		.min(10, { error: 'A meeting must be at least 10 minutes long' })
		.max(600, { error: 'A meeting must be 600 minutes (10 hours) or shorter' }),
	place: text(200, 'Place').default(''),
	onlineLink: onlineLinkSchema.default(''),
	/** Who chairs this meeting (an account name), and whether they are a member or staff. */
	chair: accountNameSchema,
	chairKind: z.enum(PERSON_KINDS),
	status: z.enum(MEETING_STATUSES),
	cancelReason: text(500, 'Reason').default(''),
	/** What the meeting agreed, in easy read (written with the minutes). */
	easyRead: easyReadSummary(),
	/** The co-production project the meeting is about, if any. */
	projectId: docIdSchema('project').nullable().default(null)
});

function checkMeeting(
	meeting: { place: string; onlineLink: string; status: MeetingStatus; cancelReason: string },
	context: z.core.$RefinementCtx
): void {
	if (!meeting.place && !meeting.onlineLink) {
		context.addIssue({ code: 'custom', path: ['place'], message: 'Enter a place or an online link' });
	}
	if (meeting.status === 'cancelled' && !meeting.cancelReason) {
		context.addIssue({
			code: 'custom',
			path: ['cancelReason'],
			message: 'Say why the meeting is cancelled'
		});
	}
}

/** What a chair types when setting up or changing a meeting. */
export const meetingInputSchema = meetingFieldsSchema.superRefine(checkMeeting);
export type MeetingInput = z.input<typeof meetingInputSchema>;

export const meetingSchema = z
	.strictObject({
		...baseDocShape('meeting'),
		/** The group the meeting belongs to: never changes, and decides who chairs it. */
		group: docIdSchema('group'),
		...meetingFieldsSchema.shape,
		/** The chair's order of agenda items (ids); items not listed come after, oldest first. */
		agenda: z.array(docIdSchema('agenda-item')).max(AGENDA_ITEMS_MAX * 2),
		/** Set when a chair (or a coordinator) approves the minutes. */
		approvedBy: accountNameSchema.nullable(),
		approvedAt: isoTimestamp.nullable()
	})
	.superRefine((meeting, context) => {
		checkMeeting(meeting, context);
		if ((meeting.approvedBy === null) !== (meeting.approvedAt === null)) {
			context.addIssue({ code: 'custom', path: ['approvedAt'], message: 'An approval needs who and when' });
		}
		if (meeting.approvedBy !== null && meeting.status !== 'held') {
			context.addIssue({
				code: 'custom',
				path: ['approvedBy'],
				message: 'Only the minutes of a meeting that was held can be approved'
			});
		}
		if (new Set(meeting.agenda).size !== meeting.agenda.length) {
			context.addIssue({ code: 'custom', path: ['agenda'], message: 'An item is on the agenda twice' });
		}
	});
export type Meeting = z.infer<typeof meetingSchema>;

// ——— Agenda ———

export const agendaItemInputSchema = z.object({
	title: required(150, 'Title', 'Enter what you would like to talk about'),
	details: text(2_000, 'Details').default(''),
	proposerKind: z.enum(PERSON_KINDS).default('member')
});
export type AgendaItemInput = z.input<typeof agendaItemInputSchema>;

/** An item anyone proposes for a meeting's agenda. The chair places it (the meeting's `agenda`) and times it. */
export const agendaItemSchema = z.strictObject({
	...baseDocShape('agenda-item'),
	meetingId: docIdSchema('meeting'),
	group: docIdSchema('group'),
	...agendaItemInputSchema.shape,
	/** Minutes the chair gives the item; null until set. */
	minutes: z.int().min(1).max(240).nullable().default(null)
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

// ——— Notes and attendance: one document per note-taker ———

export function meetingNoteId(meetingId: string, itemId: string, author: string): string {
	return `meeting-note:${meetingId.slice('meeting:'.length)}:${itemId.slice('agenda-item:'.length)}:${author}`;
}

/** What a note-taker types on one agenda item. */
export const noteInputSchema = z.object({ notes: text(NOTE_MAX, 'Notes') });

/** A note-taker's notes on one agenda item. Each note-taker writes their own, so they never collide. */
export const meetingNoteSchema = z
	.strictObject({
		...baseDocShape('meeting-note'),
		_id: z.string(),
		meetingId: docIdSchema('meeting'),
		itemId: docIdSchema('agenda-item'),
		group: docIdSchema('group'),
		...noteInputSchema.shape
	})
	.refine((doc) => doc._id === meetingNoteId(doc.meetingId, doc.itemId, doc.author), {
		error: 'Notes must be named after their meeting, item and note-taker',
		path: ['_id']
	});
export type MeetingNote = z.infer<typeof meetingNoteSchema>;

export function attendanceId(meetingId: string, author: string): string {
	return `attendance:${meetingId.slice('meeting:'.length)}:${author}`;
}

export const attendanceRecordSchema = z.object({
	name: required(80, 'Name', 'Enter the name of the person'),
	kind: z.enum(ATTENDEE_KINDS),
	status: z.enum(ATTENDANCE_STATUSES),
	/** When it was recorded: where note-takers disagree, the latest record counts. */
	at: isoTimestamp,
	/**
	 * The note-taker's own account, on the record they make of themselves ("I am here"): how devices learn
	 * the name each account goes by, to show people's names instead of user names (believed only on the
	 * record's own note-taker's document).
	 */
	account: accountNameSchema.optional()
});
export type AttendanceRecord = z.infer<typeof attendanceRecordSchema>;

/** Who one note-taker recorded as present or sending apologies. */
export const attendanceSchema = z
	.strictObject({
		...baseDocShape('attendance'),
		_id: z.string(),
		meetingId: docIdSchema('meeting'),
		group: docIdSchema('group'),
		records: z.array(attendanceRecordSchema).max(300)
	})
	.refine((doc) => doc._id === attendanceId(doc.meetingId, doc.author), {
		error: 'Attendance must be named after its meeting and note-taker',
		path: ['_id']
	});
export type Attendance = z.infer<typeof attendanceSchema>;

// ——— Decisions and actions ———

const count = z.int().min(0).max(100_000).nullable().default(null);

/**
 * A decision or an action: the envelope of `type`, where it was agreed (its meeting, its agenda item or
 * none for other business, its group), then what was typed (`input`).
 */
function agreedSchema<T extends 'decision' | 'action', S extends z.ZodRawShape>(
	type: T,
	input: z.ZodObject<S>
) {
	return z.strictObject({
		...baseDocShape(type),
		meetingId: docIdSchema('meeting'),
		itemId: docIdSchema('agenda-item').nullable(),
		group: docIdSchema('group'),
		...input.shape
	});
}

export const decisionInputSchema = z.object({
	text: required(2_000, 'Decision', 'Write down what was decided'),
	votesFor: count,
	votesAgainst: count,
	votesAbstain: count
});
export type DecisionInput = z.input<typeof decisionInputSchema>;

/** What the meeting decided, optionally with a show of hands. */
export const decisionSchema = agreedSchema('decision', decisionInputSchema);
export type Decision = z.infer<typeof decisionSchema>;

export const actionInputSchema = z.object({
	text: required(500, 'Action', 'Write down what needs doing'),
	owner: accountNameSchema,
	ownerKind: z.enum(PERSON_KINDS),
	due: z.iso.date({ error: 'Enter a real due date' }),
	ideaId: docIdSchema('idea').nullable().default(null)
});
export type ActionInput = z.input<typeof actionInputSchema>;

/** Something someone agreed to do, by a date. Its progress is a history of `action-update` documents. */
export const actionSchema = agreedSchema('action', actionInputSchema);
export type Action = z.infer<typeof actionSchema>;

/** One step in an action's progress. Never edited: the latest step is its status. */
export const actionUpdateSchema = z.strictObject({
	...baseDocShape('action-update'),
	actionId: docIdSchema('action'),
	meetingId: docIdSchema('meeting'),
	to: z.enum(ACTION_STATUSES),
	note: text(1_000, 'Note').default('')
});
export type ActionUpdate = z.infer<typeof actionUpdateSchema>;

// ——— Reflection ———

export function reflectionId(meetingId: string, author: string): string {
	return `meeting-reflection:${meetingId.slice('meeting:'.length)}:${author}`;
}

export const reflectionInputSchema = z.object({
	rating: z
		.int({ error: 'Choose how well we worked together, from 1 to 5' })
		.min(1, { error: 'Choose how well we worked together, from 1 to 5' })
		.max(5, { error: 'Choose how well we worked together, from 1 to 5' }),
	comment: text(1_000, 'Comment').default('')
});
export type ReflectionInput = z.input<typeof reflectionInputSchema>;

/** One person's end-of-meeting reflection: how well did we work together (1–5), and a comment. */
export const reflectionSchema = z
	.strictObject({
		...baseDocShape('meeting-reflection'),
		_id: z.string(),
		meetingId: docIdSchema('meeting'),
		...reflectionInputSchema.shape
	})
	.refine((doc) => doc._id === reflectionId(doc.meetingId, doc.author), {
		error: 'A reflection must be named after its meeting and its author',
		path: ['_id']
	});
export type Reflection = z.infer<typeof reflectionSchema>;

// ——— Registry, rules ———

/** Spread into `documentSchemas` (documents.ts). */
export const MEETING_SCHEMAS = {
	group: groupSchema,
	meeting: meetingSchema,
	'agenda-item': agendaItemSchema,
	'meeting-note': meetingNoteSchema,
	attendance: attendanceSchema,
	decision: decisionSchema,
	action: actionSchema,
	'action-update': actionUpdateSchema,
	'meeting-reflection': reflectionSchema,
	coming: comingSchema
} as const;
export type MeetingDocType = keyof typeof MEETING_SCHEMAS;

/**
 * Types a group's chairs may change besides their authors and coordinators (`CHAIR_MANAGED_TYPES`): the
 * meeting, and what was written in it, so a chair can tidy the minutes before approving them.
 */
export const MEETING_CHAIR_MANAGED_TYPES = ['meeting', 'agenda-item', 'meeting-note', 'decision', 'action'];

/** Spread into `TYPE_RULES` (type-rules.ts). */
export const MEETING_TYPE_RULES: Readonly<Record<MeetingDocType, TypeRule>> = {
	group: {
		createRoles: ['coordinator'],
		createRefusal: 'Only coordinators can set up groups',
		changeRoles: ['coordinator'],
		changeRefusal: 'Only coordinators can change a group or its chairs'
	},
	meeting: {
		chairOnly: true,
		chairRefusal: "Only the group's chairs or a coordinator can set up, change or approve a meeting"
	},
	'agenda-item': { immutable: ['meetingId'] },
	'meeting-note': { immutable: ['meetingId', 'itemId'], onePerPerson: true },
	attendance: { immutable: ['meetingId'], onePerPerson: true },
	decision: { immutable: ['meetingId'] },
	action: { immutable: ['meetingId'] },
	'action-update': { immutable: ['actionId', 'meetingId'], appendOnly: true },
	coming: COMING_TYPE_RULE,
	'meeting-reflection': { immutable: ['meetingId'], onePerPerson: true }
};

/** Ids of meeting documents whose meeting can be read from the id itself. */
export function meetingIdOf(id: string): string | undefined {
	if (id.startsWith('meeting:')) return ulidOf(id, 'meeting') ? id : undefined;
	const [type, meetingUlid] = id.split(':');
	return (type === 'meeting-note' || type === 'attendance' || type === 'meeting-reflection') &&
		ULID_PATTERN.test(meetingUlid ?? '')
		? `meeting:${meetingUlid}`
		: undefined;
}

/** The groups `name` chairs, from the group documents (what the gateway and the app give `Actor.chairOf`). */
export function groupsChairedBy(
	groups: Iterable<{ _id?: string; id?: string; chairs: readonly string[] }>,
	name: string
): string[] {
	const chaired: string[] = [];
	for (const group of groups) {
		const id = group._id ?? group.id;
		if (id && group.chairs.includes(name)) chaired.push(id);
	}
	return chaired;
}

/** Plain names of meeting fields, for the conflict page (spread into its FIELD_LABELS). */
export const MEETING_FIELD_LABELS: Readonly<Record<string, string>> = {
	name: 'Name',
	description: 'About the group',
	chairs: 'Chairs',
	startsAt: 'Starts',
	durationMinutes: 'How long (minutes)',
	place: 'Place',
	onlineLink: 'Online link',
	chair: 'Chair',
	chairKind: 'Chair is a member or staff',
	cancelReason: 'Why it is cancelled',
	agenda: 'Order of the agenda',
	approvedBy: 'Minutes approved by',
	approvedAt: 'Minutes approved on',
	proposerKind: 'Proposed by a member or staff',
	minutes: 'Time for the item (minutes)',
	notes: 'Notes',
	records: 'Attendance',
	text: 'Text',
	votesFor: 'Votes for',
	votesAgainst: 'Votes against',
	votesAbstain: 'Did not vote',
	owner: 'Who does it',
	ownerKind: 'Owner is a member or staff',
	due: 'Due date',
	ideaId: 'Linked idea',
	rating: 'How well we worked together',
	comment: 'Comment'
};
