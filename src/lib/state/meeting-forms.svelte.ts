import {
	actionInputSchema,
	actionSchema,
	agendaItemInputSchema,
	agendaItemSchema,
	attendanceRecordSchema,
	decisionInputSchema,
	decisionSchema,
	fieldErrors,
	groupInputSchema,
	groupSchema,
	localDate,
	meetingInputSchema,
	meetingNoteId,
	meetingNoteSchema,
	meetingSchema,
	reflectionId,
	reflectionInputSchema,
	reflectionSchema,
	type AttendanceStatus,
	type AttendeeKind,
	type GroupInput,
	type MeetingInput,
	type PersonKind,
	type SessionInfo,
	invalid,
	type Result
} from '$lib/domain';
import { timeInputValue } from '$lib/meeting-format';
import type { GroupRow, MeetingRow } from '$lib/store/meeting-rows';
import type { Workspace } from '$lib/store/workspace';
import { checkedBy, DraftForm } from './draft-form.svelte';
import { base, MeetingWrites } from './meetings.svelte';

/** The forms of meetings: groups, meetings, agenda items, notes, attendance, decisions, actions, reflections. */

export interface GroupFormValues extends Record<string, string> {
	name: string;
	kind: string;
	description: string;
	chairs: string;
}

function names(text: string): string[] {
	return text
		.split(/[,\s]+/)
		.map((name) => name.trim())
		.filter(Boolean);
}

/** A coordinator sets up or changes a group and its chairs. */
export function groupForm(workspace: Workspace, me: string, editing?: GroupRow) {
	const form = new DraftForm<GroupFormValues, ReturnType<typeof groupInputSchema.parse>>(
		workspace.desk,
		editing ? `group:edit:${editing.id}` : 'group:new',
		{ name: '', kind: '', description: '', chairs: '' },
		(values) =>
			checkedBy(groupInputSchema.safeParse({ ...values, chairs: names(values.chairs) } as GroupInput))
	);
	const initial = editing
		? {
				name: editing.name,
				kind: editing.kind,
				description: editing.description,
				chairs: editing.chairs.join(', ')
			}
		: {};
	const writes = new MeetingWrites(workspace, me);
	return {
		form,
		load: () => form.load(initial),
		discard: () => form.discardDraft(initial),
		async save(): Promise<string | undefined> {
			let id = editing?.id;
			const ok = await form.submit(async (input) => {
				if (editing) {
					await writes.change(editing.id, (content) => ({ ...content, ...input }));
					return;
				}
				const group = groupSchema.parse({ ...base('group', me), ...input });
				await workspace.writer.save(group);
				id = group._id;
			});
			return ok ? id : undefined;
		}
	};
}

export interface MeetingFormValues extends Record<string, string> {
	group: string;
	title: string;
	date: string;
	time: string;
	duration: string;
	place: string;
	onlineLink: string;
	chair: string;
	chairKind: string;
	status: string;
	cancelReason: string;
}

function checkMeetingForm(values: MeetingFormValues): Result<MeetingInput & { group: string }> {
	const errors: Record<string, string> = {};
	if (!values.group) errors.group = 'Choose the group this meeting is for';
	let startsAt = '';
	if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date) || Number.isNaN(Date.parse(`${values.date}T12:00:00`))) {
		errors.date = 'Enter the date of the meeting, for example 2026-11-05';
	} else if (!/^\d{2}:\d{2}$/.test(values.time)) {
		errors.time = 'Enter the time the meeting starts, for example 18:30';
	} else {
		startsAt = new Date(`${values.date}T${values.time}:00`).toISOString();
	}
	const duration = Number(values.duration);
	const parsed = meetingInputSchema.safeParse({
		...values,
		startsAt: startsAt || new Date(0).toISOString(),
		durationMinutes: values.duration.trim() && Number.isFinite(duration) ? duration : undefined,
		chair: values.chair
	});
	const fields = parsed.success ? {} : fieldErrors(parsed.error.issues);
	if (fields.durationMinutes) errors.duration = fields.durationMinutes;
	for (const key of ['title', 'place', 'onlineLink', 'chair', 'chairKind', 'status', 'cancelReason']) {
		if (fields[key])
			errors[key] = key === 'chair' ? 'Enter the user name of the person chairing' : fields[key];
	}
	if (errors.chairKind) errors.chairKind = 'Say whether the chair is a member or staff';
	if (Object.keys(errors).length > 0 || !parsed.success) return invalid(errors);
	return { ok: true, value: { ...parsed.data, startsAt, group: values.group } };
}

/** A chair (or a coordinator) sets up a meeting, or changes one. */
export function meetingForm(workspace: Workspace, session: SessionInfo, editing?: MeetingRow) {
	const staff = session.roles.includes('coordinator');
	const form = new DraftForm<MeetingFormValues, MeetingInput & { group: string }>(
		workspace.desk,
		editing ? `meeting:edit:${editing.id}` : 'meeting:new',
		{
			group: '',
			title: '',
			date: '',
			time: '18:00',
			duration: '90',
			place: '',
			onlineLink: '',
			chair: session.name,
			chairKind: staff ? 'staff' : 'member',
			status: 'planned',
			cancelReason: ''
		},
		checkMeetingForm
	);
	const initial: Partial<MeetingFormValues> = editing
		? {
				group: editing.group,
				title: editing.title,
				date: localDate(editing.startsAt),
				time: timeInputValue(editing.startsAt),
				duration: String(editing.durationMinutes),
				place: editing.place,
				onlineLink: editing.onlineLink,
				chair: editing.chair,
				chairKind: editing.chairKind,
				status: editing.status,
				cancelReason: editing.cancelReason
			}
		: {};
	const writes = new MeetingWrites(workspace, session.name);
	return {
		form,
		load: () => form.load(initial),
		discard: () => form.discardDraft(initial),
		async save(): Promise<string | undefined> {
			let id = editing?.id;
			const ok = await form.submit(async (input) => {
				if (editing) {
					const { group: _fixed, ...changes } = input;
					await writes.change(editing.id, (content) => ({ ...content, ...changes }));
					return;
				}
				const meeting = meetingSchema.parse({
					...base('meeting', session.name),
					...input,
					agenda: [],
					approvedBy: null,
					approvedAt: null
				});
				await workspace.writer.save(meeting);
				id = meeting._id;
			});
			return ok ? id : undefined;
		}
	};
}

export interface ItemFormValues extends Record<string, string> {
	title: string;
	details: string;
	proposerKind: string;
}

/** Anyone proposes an item for a meeting's agenda. */
export function agendaItemForm(workspace: Workspace, session: SessionInfo, meetingId: string, group: string) {
	const staff = session.roles.includes('coordinator');
	const form = new DraftForm<ItemFormValues, ReturnType<typeof agendaItemInputSchema.parse>>(
		workspace.desk,
		`agenda-item:new:${meetingId}`,
		{ title: '', details: '', proposerKind: staff ? 'staff' : 'member' },
		(values) => checkedBy(agendaItemInputSchema.safeParse(values))
	);
	return {
		form,
		save: () =>
			form.submit(async (input) => {
				await workspace.writer.save(
					agendaItemSchema.parse({
						...base('agenda-item', session.name),
						meetingId,
						group,
						...input,
						minutes: null
					})
				);
			})
	};
}

export interface NoteFormValues extends Record<string, string> {
	notes: string;
}

/** One note-taker's notes on one agenda item: their own document, so note-takers never collide. */
export function noteForm(workspace: Workspace, me: string, meeting: MeetingRow, itemId: string) {
	const id = meetingNoteId(meeting.id, itemId, me);
	const form = new DraftForm<NoteFormValues, { notes: string }>(
		workspace.desk,
		`note:${id}`,
		{ notes: '' },
		(values) => {
			const parsed = meetingNoteSchema.safeParse({
				...base('meeting-note', me, id),
				meetingId: meeting.id,
				itemId,
				group: meeting.group,
				notes: values.notes
			});
			return parsed.success
				? { ok: true, value: { notes: parsed.data.notes } }
				: invalid(fieldErrors(parsed.error.issues));
		}
	);
	const writes = new MeetingWrites(workspace, me);
	return {
		form,
		id,
		async load(): Promise<void> {
			const current = await workspace.ledger.get(id);
			await form.load({ notes: typeof current?.notes === 'string' ? current.notes : '' });
		},
		async save(): Promise<boolean> {
			return form.submit(
				async ({ notes }) => {
					if (await workspace.ledger.get(id)) {
						await writes.change(id, (content) => ({ ...content, notes }));
						return;
					}
					await workspace.writer.save(
						meetingNoteSchema.parse({
							...base('meeting-note', me, id),
							meetingId: meeting.id,
							itemId,
							group: meeting.group,
							notes
						})
					);
				},
				{ after: 'keep' }
			);
		}
	};
}

export interface AttendanceFormValues extends Record<string, string> {
	name: string;
	kind: string;
	status: string;
}

export function attendanceForm(workspace: Workspace, me: string, meeting: MeetingRow) {
	const form = new DraftForm<
		AttendanceFormValues,
		{ name: string; kind: AttendeeKind; status: AttendanceStatus }
	>(
		workspace.desk,
		`attendance:new:${meeting.id}`,
		{ name: '', kind: 'member', status: 'present' },
		(values) => checkedBy(attendanceRecordSchema.omit({ at: true }).safeParse(values))
	);
	const writes = new MeetingWrites(workspace, me);
	return {
		form,
		save: () => form.submit((record) => writes.recordAttendance(meeting, record))
	};
}

export interface DecisionFormValues extends Record<string, string> {
	text: string;
	votesFor: string;
	votesAgainst: string;
	votesAbstain: string;
}

function count(text: string): number | null | string {
	if (!text.trim()) return null;
	const value = Number(text);
	return Number.isInteger(value) ? value : text;
}

export function decisionForm(workspace: Workspace, me: string, meeting: MeetingRow, itemId: string | null) {
	const form = new DraftForm<DecisionFormValues, ReturnType<typeof decisionInputSchema.parse>>(
		workspace.desk,
		`decision:new:${meeting.id}:${itemId ?? ''}`,
		{ text: '', votesFor: '', votesAgainst: '', votesAbstain: '' },
		(values) => {
			const result = checkedBy(
				decisionInputSchema.safeParse({
					text: values.text,
					votesFor: count(values.votesFor),
					votesAgainst: count(values.votesAgainst),
					votesAbstain: count(values.votesAbstain)
				})
			);
			if (result.ok) return result;
			const errors = { ...result.fields };
			for (const key of ['votesFor', 'votesAgainst', 'votesAbstain'])
				if (errors[key]) errors[key] = 'Enter a whole number of people, or leave it empty';
			return invalid(errors);
		}
	);
	return {
		form,
		save: () =>
			form.submit(async (input) => {
				await workspace.writer.save(
					decisionSchema.parse({
						...base('decision', me),
						meetingId: meeting.id,
						itemId,
						group: meeting.group,
						...input
					})
				);
			})
	};
}

export interface ActionFormValues extends Record<string, string> {
	text: string;
	owner: string;
	ownerKind: string;
	due: string;
	ideaId: string;
}

export function actionForm(workspace: Workspace, me: string, meeting: MeetingRow, itemId: string | null) {
	const form = new DraftForm<ActionFormValues, ReturnType<typeof actionInputSchema.parse>>(
		workspace.desk,
		`action:new:${meeting.id}:${itemId ?? ''}`,
		{ text: '', owner: '', ownerKind: 'member', due: '', ideaId: '' },
		(values) => {
			const result = checkedBy(actionInputSchema.safeParse({ ...values, ideaId: values.ideaId || null }));
			if (result.ok) return result;
			const errors = { ...result.fields };
			if (errors.owner) errors.owner = 'Enter the user name of the person who will do it';
			if (errors.due) errors.due = 'Enter the date it is due, for example 2026-11-30';
			return invalid(errors);
		}
	);
	return {
		form,
		save: () =>
			form.submit(async (input) => {
				await workspace.writer.save(
					actionSchema.parse({
						...base('action', me),
						meetingId: meeting.id,
						itemId,
						group: meeting.group,
						...input
					})
				);
			})
	};
}

export interface ReflectionFormValues extends Record<string, string> {
	rating: string;
	comment: string;
}

/** Anyone's end-of-meeting reflection: one per person, changed as often as they like. */
export function reflectionForm(workspace: Workspace, me: string, meeting: MeetingRow) {
	const id = reflectionId(meeting.id, me);
	const form = new DraftForm<ReflectionFormValues, ReturnType<typeof reflectionInputSchema.parse>>(
		workspace.desk,
		`reflection:${id}`,
		{ rating: '', comment: '' },
		(values) =>
			checkedBy(
				reflectionInputSchema.safeParse({
					rating: values.rating ? Number(values.rating) : undefined,
					comment: values.comment
				})
			)
	);
	const writes = new MeetingWrites(workspace, me);
	return {
		form,
		async load(): Promise<void> {
			const current = await workspace.ledger.get(id);
			await form.load(
				current
					? {
							rating: String(current.rating ?? ''),
							comment: typeof current.comment === 'string' ? current.comment : ''
						}
					: {}
			);
		},
		save: () =>
			form.submit(
				async (input) => {
					if (await workspace.ledger.get(id)) {
						await writes.change(id, (content) => ({ ...content, ...input }));
						return;
					}
					await workspace.writer.save(
						reflectionSchema.parse({ ...base('meeting-reflection', me, id), meetingId: meeting.id, ...input })
					);
				},
				{ after: 'keep' }
			)
	};
}

export const PERSON_KIND_OPTIONS: readonly { value: PersonKind; label: string }[] = [
	{ value: 'member', label: 'A member' },
	{ value: 'staff', label: 'Staff' }
];
