import {
	actionInputSchema,
	actionSchema,
	actionUpdateSchema,
	agendaItemInputSchema,
	agendaItemSchema,
	attendanceId,
	attendanceRecordSchema,
	attendanceSchema,
	decisionInputSchema,
	decisionSchema,
	fieldErrors,
	groupInputSchema,
	groupSchema,
	groupsChairedBy,
	localDate,
	mayChair,
	meetingInputSchema,
	meetingNoteId,
	meetingNoteSchema,
	meetingSchema,
	moveInAgenda,
	newDocId,
	parseDocument,
	reflectionId,
	reflectionInputSchema,
	reflectionSchema,
	type ActionStatus,
	type Actor,
	type AppDoc,
	type AttendanceRecord,
	type AttendanceStatus,
	type AttendeeKind,
	type GroupInput,
	type MeetingInput,
	type MeetingStatus,
	type PersonKind,
	type SessionInfo
} from '$lib/domain';
import type { z } from 'zod';
import { nowIso, today } from '$lib/format';
import { timeInputValue } from '$lib/meeting-format';
import { isConflict } from '$lib/store/ledger';
import { recentIdeaTitles } from '$lib/store/idea-query';
import {
	conflictedParts,
	loadGroup,
	loadGroups,
	loadMeeting,
	loadMeetingIndex,
	loadMeetingRow,
	loadMyActions,
	type ActionView,
	type MeetingIndex,
	type MeetingView,
	type Synced
} from '$lib/store/meeting-query';
import type { GroupRow, MeetingRow } from '$lib/store/meeting-rows';
import type { Workspace } from '$lib/store/workspace';
import { DraftForm, type Checked } from './draft-form.svelte';
import { Live } from './live.svelte';

/** Rune state for meetings: what pages read (live from the desk) and what people do (written offline). */

function check<T>(parsed: z.ZodSafeParseResult<T>): Checked<T> {
	return parsed.success
		? { ok: true, value: parsed.data }
		: { ok: false, errors: fieldErrors(parsed.error.issues) };
}

/** The signed-in person as the rules see them, with the groups they chair (from this device's copy). */
export class MeetingActor {
	readonly actor: Live<Actor>;

	constructor(workspace: Workspace, session: SessionInfo) {
		const base: Actor = { name: session.name, roles: session.roles, chairOf: [] };
		this.actor = new Live(
			() => undefined,
			async () => ({
				...base,
				chairOf: groupsChairedBy(await workspace.desk.groups.toArray(), session.name)
			}),
			base
		);
	}

	get value(): Actor {
		return this.actor.value;
	}

	/** Whether this person may set up meetings for at least one group. */
	get setsUpMeetings(): boolean {
		const actor = this.actor.value;
		return (
			actor.roles.includes('coordinator') ||
			(actor.roles.includes('chair') && (actor.chairOf ?? []).length > 0)
		);
	}

	chairs(group: string): boolean {
		return mayChair(this.actor.value, group);
	}
}

export class MeetingIndexState {
	readonly index: Live<MeetingIndex | undefined>;

	constructor(workspace: Workspace) {
		this.index = new Live(
			() => undefined,
			() => loadMeetingIndex(workspace.desk, Date.now(), today()),
			undefined
		);
	}
}

/** Every group by name, with its sync status. */
export class GroupListState {
	readonly groups: Live<Synced<GroupRow>[]>;
	readonly rows = $derived.by(() => this.groups.value.map((group) => group.row));

	constructor(workspace: Workspace) {
		this.groups = new Live(
			() => undefined,
			() => loadGroups(workspace.desk),
			[]
		);
	}
}

/** One group with its sync status: null when it is not on this device, undefined until read. */
export class GroupDetail {
	readonly group: Live<Synced<GroupRow> | null | undefined, string>;

	constructor(workspace: Workspace, id: () => string) {
		this.group = new Live(id, (groupId) => loadGroup(workspace.desk, groupId), undefined);
	}
}

export class MeetingDetail {
	readonly view: Live<MeetingView | undefined, string>;

	constructor(workspace: Workspace, me: string, id: () => string) {
		this.view = new Live(id, (meetingId) => loadMeeting(workspace.desk, meetingId, me, today()), undefined);
	}
}

/** A meeting's own row, for its form: null when it is not on this device, undefined until read. */
export class MeetingRecord {
	readonly meeting: Live<MeetingRow | null | undefined, string>;

	constructor(workspace: Workspace, id: () => string) {
		this.meeting = new Live(id, (meetingId) => loadMeetingRow(workspace.desk, meetingId), undefined);
	}
}

/** What the notes page shows beside the meeting: ideas to link an action to, and parts in conflict. */
export class MeetingNotes {
	/** The newest ideas, for an action's "about this idea". */
	readonly ideas: Live<{ id: string; title: string }[]>;
	/** Parts changed on two devices while apart, to compare and choose. */
	readonly conflicted: Live<string[], string>;

	constructor(workspace: Workspace, id: () => string) {
		this.ideas = new Live(
			() => undefined,
			() => recentIdeaTitles(workspace.desk, 200),
			[]
		);
		this.conflicted = new Live(id, (meetingId) => conflictedParts(workspace.desk, meetingId), []);
	}
}

export class MyActions {
	readonly actions: Live<ActionView[]>;

	constructor(workspace: Workspace, me: string) {
		this.actions = new Live(
			() => undefined,
			() => loadMyActions(workspace.desk, me, today()),
			[]
		);
	}
}

// ——— Writing ———

function stored(raw: Record<string, unknown>): { rev: string; content: Record<string, unknown> } {
	const { _rev, _conflicts: _ignored, ...content } = raw;
	return { rev: String(_rev), content };
}

function base(type: string, author: string, id = newDocId(type)) {
	const at = nowIso();
	return { _id: id, type, schemaVersion: 1, author, createdAt: at, updatedAt: at };
}

/** Everything people do with meetings, written on this device first. */
export class MeetingWrites {
	constructor(
		private readonly workspace: Workspace,
		private readonly me: string
	) {}

	/** Changes a stored document with `change`, over its current revision (once more if it moved meanwhile). */
	async change(
		id: string,
		change: (content: Record<string, unknown>) => Record<string, unknown>
	): Promise<void> {
		for (let attempt = 0; ; attempt++) {
			const current = await this.workspace.ledger.get(id);
			if (!current) throw new Error('it is not on this device');
			const { rev, content } = stored(current);
			const parsed = parseDocument({ ...change(content), updatedAt: nowIso() });
			if (!parsed.ok) throw new Error(parsed.reason);
			try {
				await this.workspace.writer.save(parsed.doc, rev);
				return;
			} catch (error) {
				if (!isConflict(error) || attempt > 0) throw error;
			}
		}
	}

	private save(doc: AppDoc): Promise<string> {
		return this.workspace.writer.save(doc);
	}

	async moveItem(meeting: MeetingRow, itemId: string, by: -1 | 1): Promise<void> {
		await this.change(meeting.id, (content) => ({
			...content,
			agenda: moveInAgenda((content.agenda as string[]) ?? [], itemId, by)
		}));
	}

	/** Takes an item off the agenda (it stays proposed). */
	async unplaceItem(meeting: MeetingRow, itemId: string): Promise<void> {
		await this.change(meeting.id, (content) => ({
			...content,
			agenda: ((content.agenda as string[]) ?? []).filter((id) => id !== itemId)
		}));
	}

	async setItemMinutes(itemId: string, minutes: number | null): Promise<void> {
		await this.change(itemId, (content) => ({ ...content, minutes }));
	}

	async setStatus(meeting: MeetingRow, status: MeetingStatus): Promise<void> {
		await this.change(meeting.id, (content) => ({ ...content, status }));
	}

	/** The chair approves the minutes (a meeting still marked planned becomes held). */
	async approve(meeting: MeetingRow): Promise<void> {
		await this.change(meeting.id, (content) => ({
			...content,
			status: 'held',
			approvedBy: this.me,
			approvedAt: nowIso()
		}));
	}

	async withdrawApproval(meeting: MeetingRow): Promise<void> {
		await this.change(meeting.id, (content) => ({ ...content, approvedBy: null, approvedAt: null }));
	}

	async recordAttendance(meeting: MeetingRow, record: Omit<AttendanceRecord, 'at'>): Promise<void> {
		const id = attendanceId(meeting.id, this.me);
		const entry = { ...record, at: nowIso() };
		if (await this.workspace.ledger.get(id)) {
			await this.change(id, (content) => ({
				...content,
				records: [...((content.records as AttendanceRecord[]) ?? []), entry]
			}));
			return;
		}
		await this.save(
			attendanceSchema.parse({
				...base('attendance', this.me, id),
				meetingId: meeting.id,
				group: meeting.group,
				records: [entry]
			})
		);
	}

	async updateAction(action: ActionView, to: ActionStatus, note = ''): Promise<void> {
		await this.save(
			actionUpdateSchema.parse({
				...base('action-update', this.me),
				actionId: action.row.id,
				meetingId: action.row.meetingId,
				to,
				note
			})
		);
	}
}

// ——— Forms ———

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
		(values) => check(groupInputSchema.safeParse({ ...values, chairs: names(values.chairs) } as GroupInput))
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

function checkMeetingForm(values: MeetingFormValues): Checked<MeetingInput & { group: string }> {
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
	if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
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
		(values) => check(agendaItemInputSchema.safeParse(values))
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
				: { ok: false, errors: fieldErrors(parsed.error.issues) };
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
			return form.submit(async ({ notes }) => {
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
			}, 'keep');
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
		(values) => check(attendanceRecordSchema.omit({ at: true }).safeParse(values))
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
			const result = check(
				decisionInputSchema.safeParse({
					text: values.text,
					votesFor: count(values.votesFor),
					votesAgainst: count(values.votesAgainst),
					votesAbstain: count(values.votesAbstain)
				})
			);
			if (result.ok) return result;
			const errors = { ...result.errors };
			for (const key of ['votesFor', 'votesAgainst', 'votesAbstain'])
				if (errors[key]) errors[key] = 'Enter a whole number of people, or leave it empty';
			return { ok: false, errors };
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
			const result = check(actionInputSchema.safeParse({ ...values, ideaId: values.ideaId || null }));
			if (result.ok) return result;
			const errors = { ...result.errors };
			if (errors.owner) errors.owner = 'Enter the user name of the person who will do it';
			if (errors.due) errors.due = 'Enter the date it is due, for example 2026-11-30';
			return { ok: false, errors };
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
			check(
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
			form.submit(async (input) => {
				if (await workspace.ledger.get(id)) {
					await writes.change(id, (content) => ({ ...content, ...input }));
					return;
				}
				await workspace.writer.save(
					reflectionSchema.parse({ ...base('meeting-reflection', me, id), meetingId: meeting.id, ...input })
				);
			}, 'keep')
	};
}

export const PERSON_KIND_OPTIONS: readonly { value: PersonKind; label: string }[] = [
	{ value: 'member', label: 'A member' },
	{ value: 'staff', label: 'Staff' }
];
