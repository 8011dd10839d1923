import {
	groupInputSchema,
	invalid,
	localDate,
	meetingInputSchema,
	type ChangeOf,
	type ContentOf,
	type GroupInput,
	type MeetingInput,
	type Result,
	type SessionInfo
} from '$lib/domain';
import { timeInputValue } from '$lib/meeting-format';
import { m } from '$lib/paraglide/messages';
import type { GroupRow, MeetingRow } from '$lib/store/meeting-rows';
import type { Workspace } from '$lib/store/workspace';
import { checkedBy, documentEditor, DraftForm } from './draft-form.svelte';
import { kindOf, reworded } from './meeting-forms.svelte';
import { MeetingWrites } from './meetings.svelte';

/** Setting up: a coordinator sets up or changes a group and its chairs; a chair, a meeting of their group. */

/** An existing document a form changes: its id, the form's values for it, and the change a checked input makes. */
interface Editing<K extends 'group' | 'meeting', V, T> {
	id: string;
	initial: Partial<V>;
	change: (input: T) => ChangeOf<K>;
}

/** The form that sets up a document of `type`, or changes `editing`; `save` answers its id once saved. */
function editorOf<K extends 'group' | 'meeting', V extends object, T>(
	writes: MeetingWrites,
	type: K,
	form: DraftForm<V, T>,
	create: (input: T) => ContentOf<K>,
	editing: Editing<K, V, T> | undefined
) {
	return documentEditor(
		form,
		{
			create: async (input) => (await writes.add(type, create(input)))._id,
			change: (id, input) => writes.change(type, id, () => editing?.change(input) ?? {})
		},
		editing
	);
}

export type GroupFormValues = Record<'name' | 'kind' | 'description' | 'chairs', string>;

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
	return editorOf(
		new MeetingWrites(workspace, me),
		'group',
		form,
		(input) => input,
		editing && {
			id: editing.id,
			initial: {
				name: editing.name,
				kind: editing.kind,
				description: editing.description,
				chairs: editing.chairs.join(', ')
			},
			change: (input) => input
		}
	);
}

export type MeetingFormValues = Record<
	| 'group'
	| 'title'
	| 'date'
	| 'time'
	| 'duration'
	| 'place'
	| 'onlineLink'
	| 'chair'
	| 'chairKind'
	| 'status'
	| 'cancelReason'
	| 'easyRead'
	| 'projectId',
	string
>;

type MeetingFormInput = MeetingInput & { group: string };

const EMPTY_MEETING: MeetingFormValues = {
	group: '',
	title: '',
	date: '',
	time: '18:00',
	duration: '90',
	place: '',
	onlineLink: '',
	chair: '',
	chairKind: 'member',
	status: 'planned',
	cancelReason: '',
	easyRead: '',
	projectId: ''
};

function checkMeetingForm(values: MeetingFormValues): Result<MeetingFormInput> {
	const errors: Record<string, string> = {};
	if (!values.group) errors.group = m.mtgp_meeting_group_missing();
	let startsAt = '';
	if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date) || Number.isNaN(Date.parse(`${values.date}T12:00:00`))) {
		errors.date = m.mtgp_meeting_date_invalid();
	} else if (!/^\d{2}:\d{2}$/.test(values.time)) {
		errors.time = m.mtgp_meeting_time_invalid();
	} else {
		startsAt = new Date(`${values.date}T${values.time}:00`).toISOString();
	}
	const duration = Number(values.duration);
	const parsed = reworded(
		checkedBy(
			meetingInputSchema.safeParse({
				...values,
				projectId: values.projectId || null,
				startsAt: startsAt || new Date(0).toISOString(),
				durationMinutes: values.duration.trim() && Number.isFinite(duration) ? duration : undefined
			})
		),
		{
			chair: m.mtgp_meeting_chair_missing(),
			chairKind: m.mtgp_meeting_chair_kind_missing()
		}
	);
	const { durationMinutes, ...fields } = parsed.ok ? {} : (parsed.fields ?? {});
	Object.assign(errors, fields, durationMinutes ? { duration: durationMinutes } : {});
	// The error summary lists the problems in the order of the form's fields.
	const ordered = Object.keys(EMPTY_MEETING).flatMap((field) => {
		const message = errors[field];
		return message ? [[field, message] as const] : [];
	});
	if (ordered.length > 0 || !parsed.ok) return invalid(Object.fromEntries(ordered));
	return { ok: true, value: { ...parsed.value, startsAt, group: values.group } };
}

/** A chair (or a coordinator) sets up a meeting, or changes one. */
export function meetingForm(workspace: Workspace, session: SessionInfo, editing?: MeetingRow) {
	const form = new DraftForm<MeetingFormValues, MeetingFormInput>(
		workspace.desk,
		editing ? `meeting:edit:${editing.id}` : 'meeting:new',
		{ ...EMPTY_MEETING, chair: session.name, chairKind: kindOf(session) },
		checkMeetingForm
	);
	return editorOf(
		new MeetingWrites(workspace, session.name),
		'meeting',
		form,
		(input) => ({ ...input, agenda: [], approvedBy: null, approvedAt: null }),
		editing && {
			id: editing.id,
			initial: {
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
				cancelReason: editing.cancelReason,
				easyRead: editing.easyRead,
				projectId: editing.projectId ?? ''
			},
			// A meeting never moves to another group.
			change: ({ group: _fixed, ...changes }) => changes
		}
	);
}
