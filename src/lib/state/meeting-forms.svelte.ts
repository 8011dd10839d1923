import {
	actionInputSchema,
	agendaItemInputSchema,
	attendanceRecordSchema,
	decisionInputSchema,
	invalid,
	meetingNoteId,
	noteInputSchema,
	reflectionId,
	reflectionInputSchema,
	type PersonKind,
	type Result,
	type SessionInfo
} from '$lib/domain';
import { m } from '$lib/paraglide/messages';
import type { Desk } from '$lib/store/desk';
import type { MeetingRow } from '$lib/store/meeting-rows';
import type { Workspace } from '$lib/store/workspace';
import { checkedBy, DraftForm, prefixed } from './draft-form.svelte';
import { MeetingWrites } from './meetings.svelte';

/**
 * The forms of what people write for a meeting: agenda items, notes, attendance, decisions, actions and
 * reflections (setting up groups and meetings is in meeting-setup.svelte.ts).
 */

/** A draft form on a page with others: its fields' ids, and so the error summary's links, start with `prefix`. */
export class PartForm<V extends object, T> extends DraftForm<V, T> {
	constructor(
		desk: Desk,
		key: string,
		readonly prefix: string,
		empty: V,
		check: (values: V) => Result<T>
	) {
		super(desk, key, empty, check);
	}

	override get summary(): Record<string, string> {
		return prefixed(super.summary, this.prefix);
	}
}

/** Staff (a coordinator) or a member: what a person's meetings, items and attendance count as at first. */
export function kindOf(session: SessionInfo): PersonKind {
	return session.roles.includes('coordinator') ? 'staff' : 'member';
}

/** `result` with plainer words for the fields named in `messages` (the schema's words are for every use). */
export function reworded<T>(result: Result<T>, messages: Record<string, string>): Result<T> {
	if (result.ok) return result;
	const fields = { ...result.fields };
	for (const [field, message] of Object.entries(messages)) if (fields[field]) fields[field] = message;
	return invalid(fields);
}

function textOf(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

/** Starts `form` from this person's own stored document `id` (a note, a reflection), when there is one. */
async function loadOwn<V extends object, T>(
	writes: MeetingWrites,
	form: DraftForm<V, T>,
	id: string,
	values: (stored: Record<string, unknown>) => Partial<V>
): Promise<void> {
	const stored = await writes.own(id);
	await form.load(stored ? values(stored) : {});
}

/** The start of the ids of an agenda item's fields on the notes page (`i` and the end of its ULID). */
function itemPrefix(itemId: string | null): string {
	return itemId ? `i${itemId.slice(-10).toLowerCase()}` : 'other';
}

export type ItemFormValues = Record<'title' | 'details' | 'proposerKind', string>;

/** Anyone proposes an item for a meeting's agenda. */
export function agendaItemForm(workspace: Workspace, session: SessionInfo, meetingId: string, group: string) {
	const writes = new MeetingWrites(workspace, session.name);
	const form = new PartForm<ItemFormValues, ReturnType<typeof agendaItemInputSchema.parse>>(
		workspace.desk,
		`agenda-item:new:${meetingId}`,
		'item',
		{ title: '', details: '', proposerKind: kindOf(session) },
		(values) => checkedBy(agendaItemInputSchema.safeParse(values))
	);
	return {
		form,
		load: () => form.load(),
		save: () =>
			form.submit((input) => writes.add('agenda-item', { meetingId, group, ...input, minutes: null }))
	};
}

export type NoteFormValues = Record<'notes', string>;

/** One note-taker's notes on one agenda item: their own document, so note-takers never collide. */
export function noteForm(workspace: Workspace, me: string, meeting: MeetingRow, itemId: string) {
	const id = meetingNoteId(meeting.id, itemId, me);
	const writes = new MeetingWrites(workspace, me);
	const form = new PartForm<NoteFormValues, { notes: string }>(
		workspace.desk,
		`note:${id}`,
		itemPrefix(itemId),
		{ notes: '' },
		(values) => checkedBy(noteInputSchema.safeParse(values))
	);
	return {
		form,
		id,
		load: () => loadOwn(writes, form, id, (stored) => ({ notes: textOf(stored.notes) })),
		save: () =>
			form.submit(
				({ notes }) =>
					writes.writeOwn(
						'meeting-note',
						id,
						{ meetingId: meeting.id, itemId, group: meeting.group, notes },
						() => ({ notes })
					),
				{ after: 'keep' }
			)
	};
}

export type AttendanceFormValues = Record<'name' | 'kind' | 'status', string>;

const attendanceRecordWithoutTime = attendanceRecordSchema.omit({ at: true });

/** A note-taker records who is here (or sent apologies); "I am here" records themselves. */
export function attendanceForm(workspace: Workspace, session: SessionInfo, meeting: MeetingRow) {
	const writes = new MeetingWrites(workspace, session.name);
	const form = new PartForm<AttendanceFormValues, ReturnType<typeof attendanceRecordWithoutTime.parse>>(
		workspace.desk,
		`attendance:new:${meeting.id}`,
		'attendee',
		{ name: '', kind: 'member', status: 'present' },
		(values) => checkedBy(attendanceRecordWithoutTime.safeParse(values))
	);
	const save = () => form.submit((record) => writes.recordAttendance(meeting, record));
	return {
		form,
		save,
		/** Records this person as present, under the name they go by and their account (see `account`). */
		async addMe(): Promise<boolean> {
			await form.set({ name: session.displayName, kind: kindOf(session), status: 'present' });
			return form.submit((record) => writes.recordAttendance(meeting, { ...record, account: session.name }));
		}
	};
}

/** Where a decision or an action was agreed. */
interface AgreedAt {
	meetingId: string;
	itemId: string | null;
	group: string;
}

/** A decision or an action agreed on an item (no item: other business): a new document each time. */
function agreedForm<V extends object, T>(
	workspace: Workspace,
	meeting: MeetingRow,
	itemId: string | null,
	type: 'decision' | 'action',
	empty: V,
	check: (values: V) => Result<T>,
	write: (at: AgreedAt, input: T) => Promise<unknown>
) {
	const form = new PartForm<V, T>(
		workspace.desk,
		`${type}:new:${meeting.id}:${itemId ?? ''}`,
		`${itemPrefix(itemId)}-${type}`,
		empty,
		check
	);
	const at = { meetingId: meeting.id, itemId, group: meeting.group };
	return { form, save: () => form.submit((input) => write(at, input)) };
}

export type DecisionFormValues = Record<'text' | 'votesFor' | 'votesAgainst' | 'votesAbstain', string>;

/** A count of hands as typed: empty is none; anything but a whole number is left for the schema to refuse. */
function count(text: string): number | null | string {
	if (!text.trim()) return null;
	const value = Number(text);
	return Number.isInteger(value) ? value : text;
}

export function decisionForm(workspace: Workspace, me: string, meeting: MeetingRow, itemId: string | null) {
	const writes = new MeetingWrites(workspace, me);
	return agreedForm(
		workspace,
		meeting,
		itemId,
		'decision',
		{ text: '', votesFor: '', votesAgainst: '', votesAbstain: '' } as DecisionFormValues,
		(values) => {
			const wholeNumber = m.mtgp_votes_whole_number();
			return reworded(
				checkedBy(
					decisionInputSchema.safeParse({
						text: values.text,
						votesFor: count(values.votesFor),
						votesAgainst: count(values.votesAgainst),
						votesAbstain: count(values.votesAbstain)
					})
				),
				{ votesFor: wholeNumber, votesAgainst: wholeNumber, votesAbstain: wholeNumber }
			);
		},
		(at, input) => writes.add('decision', { ...at, ...input })
	);
}

export type ActionFormValues = Record<'text' | 'owner' | 'ownerKind' | 'due' | 'ideaId', string>;

export function actionForm(workspace: Workspace, me: string, meeting: MeetingRow, itemId: string | null) {
	const writes = new MeetingWrites(workspace, me);
	return agreedForm(
		workspace,
		meeting,
		itemId,
		'action',
		{ text: '', owner: '', ownerKind: 'member', due: '', ideaId: '' } as ActionFormValues,
		(values) =>
			reworded(checkedBy(actionInputSchema.safeParse({ ...values, ideaId: values.ideaId || null })), {
				owner: m.mtgp_action_owner_missing(),
				due: m.mtgp_action_due_invalid()
			}),
		(at, input) => writes.add('action', { ...at, ...input })
	);
}

export type ReflectionFormValues = Record<'rating' | 'comment', string>;

/** Anyone's end-of-meeting reflection: one per person, changed as often as they like. */
export function reflectionForm(workspace: Workspace, me: string, meeting: MeetingRow) {
	const id = reflectionId(meeting.id, me);
	const writes = new MeetingWrites(workspace, me);
	const form = new PartForm<ReflectionFormValues, ReturnType<typeof reflectionInputSchema.parse>>(
		workspace.desk,
		`reflection:${id}`,
		'reflection',
		{ rating: '', comment: '' },
		(values) =>
			checkedBy(
				reflectionInputSchema.safeParse({
					rating: values.rating ? Number(values.rating) : undefined,
					comment: values.comment
				})
			)
	);
	return {
		form,
		load: () =>
			loadOwn(writes, form, id, (stored) => ({
				rating: String(stored.rating ?? ''),
				comment: textOf(stored.comment)
			})),
		save: () =>
			form.submit(
				(input) =>
					writes.writeOwn('meeting-reflection', id, { meetingId: meeting.id, ...input }, () => input),
				{ after: 'keep' }
			)
	};
}
