import {
	actionProgress,
	dueState,
	groupsChairedBy,
	meetingMeasures,
	mergeAttendance,
	orderAgenda,
	sortActions,
	type Action,
	type ActionProgress,
	type ActionStep,
	type ActionUpdate,
	type AgendaEntry,
	type AgendaItem,
	type Attendance,
	type Coming,
	type Attendee,
	type Decision,
	type DueState,
	type MeetingMeasures,
	type MeetingNote,
	type Reflection,
	type SessionInfo
} from '$lib/domain';
import type { MeetingsInput } from '$lib/domain/work-measures';
import type { Desk } from './desk';
import type { GroupRow, MeetingPart, MeetingPartRow, MeetingRow } from './meeting-rows';
import { withStatuses, type DocSyncStatus } from './status';

/** Reading meetings from the desk, on the device: lists, one meeting with everything in it, "My actions". */

/** The signed-in person: their account, and the name they go by. */
export type Person = Pick<SessionInfo, 'name' | 'displayName'>;

/** The names people go by, by account name, as far as this device knows them. */
export type PeopleNames = ReadonlyMap<string, string>;

export interface Synced<R> {
	row: R;
	status: DocSyncStatus;
}

export interface ItemView extends Synced<MeetingPartRow<AgendaItem>> {
	id: string;
	/** The name the person who proposed it goes by. */
	proposerName: string;
	createdAt: string;
	minutes: number | null;
}

/** A note-taker's notes on an item, with the name the note-taker goes by. */
export interface NoteView extends Synced<MeetingPartRow<MeetingNote>> {
	authorName: string;
}

export interface ActionView extends Synced<MeetingPartRow<Action>> {
	/** The name its owner goes by (their user name when this device does not know it). */
	ownerName: string;
	progress: ActionProgress;
	state: DueState;
	steps: ActionStep[];
	meetingTitle?: string;
}

export interface ReflectionSummary {
	count: number;
	/** The average rating, to one decimal place. */
	average: number | null;
	comments: string[];
	mine: Reflection | undefined;
}

export interface ComingView extends Synced<MeetingPartRow<Coming>> {
	name: string;
}

export interface MeetingView {
	meeting: Synced<MeetingRow>;
	group: GroupRow | undefined;
	/** People's names, for the chair, proposers, note-takers and owners (`personName`). */
	names: PeopleNames;
	agenda: AgendaEntry<ItemView>[];
	/** Notes by agenda item id, one per note-taker, the person's own first. */
	notes: Record<string, NoteView[]>;
	attendance: Attendee[];
	decisions: Synced<MeetingPartRow<Decision>>[];
	actions: ActionView[];
	reflections: ReflectionSummary;
	/**
	 * Who said they are coming, with how they need information: on this device only the person's own, or
	 * everyone's for the chair the documents name and coordinators (the server sends nobody else's).
	 */
	coming: ComingView[];
	/**
	 * The newest change to what the minutes record (notes, attendance, decisions, actions, agenda items;
	 * not progress on actions or reflections), to tell whether they changed after approval. '' if none.
	 */
	lastChangeAt: string;
}

function ofType<T extends MeetingPart['type']>(rows: readonly MeetingPartRow[], type: T) {
	return rows.filter((row): row is MeetingPartRow<Extract<MeetingPart, { type: T }>> => row.type === type);
}

function byCreated(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }): number {
	return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;
}

function stepsOf(updates: readonly MeetingPartRow<ActionUpdate>[], actionId: string): ActionStep[] {
	return updates
		.filter((update) => update.doc.actionId === actionId)
		.map((update) => ({
			id: update.id,
			to: update.doc.to,
			createdAt: update.createdAt,
			author: update.author,
			note: update.doc.note
		}))
		.sort(byCreated);
}

function actionViews(
	actions: readonly Synced<MeetingPartRow<Action>>[],
	updates: readonly MeetingPartRow<ActionUpdate>[],
	today: string,
	names: PeopleNames
): ActionView[] {
	return actions.map((action) => {
		const steps = stepsOf(updates, action.row.id);
		const progress = actionProgress(steps);
		const { owner, due } = action.row.doc;
		return {
			...action,
			ownerName: names.get(owner) ?? owner,
			steps,
			progress,
			state: dueState(due, progress, today)
		};
	});
}

/**
 * The names people go by, by account: the signed-in person's own, and each note-taker's who recorded
 * themselves at a meeting ("I am here" names the account). A record naming an account is believed only on
 * that account's own attendance document (its author, whom the server checks), so nobody can rename
 * someone else; the latest counts. Other accounts are shown by their user name.
 */
export async function loadPeopleNames(desk: Desk, me?: Person): Promise<Map<string, string>> {
	const rows = ofType(await desk.meetingParts.where('type').equals('attendance').toArray(), 'attendance');
	const latest = new Map<string, { name: string; at: string }>();
	for (const row of rows) {
		for (const record of row.doc.records) {
			const seen = latest.get(row.author);
			if (record.account === row.author && (!seen || record.at > seen.at)) latest.set(row.author, record);
		}
	}
	const names = new Map([...latest].map(([account, record]) => [account, record.name]));
	if (me?.displayName.trim()) names.set(me.name, me.displayName.trim());
	return names;
}

/** One meeting with everything written for it, or undefined when it is not on this device. */
export async function loadMeeting(
	desk: Desk,
	meetingId: string,
	person: Person,
	today: string
): Promise<MeetingView | undefined> {
	const me = person.name;
	const meeting = await desk.meetings.get(meetingId);
	if (!meeting) return undefined;
	const [group, parts, names] = await Promise.all([
		desk.groups.get(meeting.group),
		desk.meetingParts.where('meetingId').equals(meetingId).toArray(),
		loadPeopleNames(desk, person)
	]);
	const [[synced], rest] = await Promise.all([withStatuses(desk, [meeting]), withStatuses(desk, parts)]);
	const partStatus = new Map(rest.map((entry) => [entry.row.id, entry.status]));
	const status = (row: MeetingPartRow) => partStatus.get(row.id) ?? { kind: 'synced' as const };
	const attach = <R extends MeetingPartRow>(rows: R[]) => rows.map((row) => ({ row, status: status(row) }));
	const nameOf = (account: string) => names.get(account) ?? account;

	const items: ItemView[] = ofType(parts, 'agenda-item').map((row) => ({
		row,
		status: status(row),
		id: row.id,
		proposerName: nameOf(row.author),
		createdAt: row.createdAt,
		minutes: row.doc.minutes
	}));
	const notes: MeetingView['notes'] = {};
	for (const note of attach(ofType(parts, 'meeting-note')).sort(
		(a, b) => Number(b.row.author === me) - Number(a.row.author === me) || byCreated(a.row, b.row)
	)) {
		(notes[note.row.doc.itemId] ??= []).push({ ...note, authorName: nameOf(note.row.author) });
	}
	const reflections = ofType(parts, 'meeting-reflection');
	const ratings = reflections.map((row) => row.doc.rating);
	return {
		meeting: synced ?? { row: meeting, status: { kind: 'synced' } },
		group,
		names,
		agenda: orderAgenda(meeting.agenda, items, meeting.startsAt),
		notes,
		attendance: mergeAttendance(ofType(parts, 'attendance').map((row) => row.doc as Attendance)),
		decisions: attach(ofType(parts, 'decision')).sort((a, b) => byCreated(a.row, b.row)),
		actions: actionViews(
			attach(ofType(parts, 'action')).sort((a, b) => byCreated(a.row, b.row)),
			ofType(parts, 'action-update'),
			today,
			names
		),
		reflections: {
			count: ratings.length,
			average: ratings.length
				? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10
				: null,
			comments: reflections
				.sort(byCreated)
				.map((row) => row.doc.comment)
				.filter(Boolean),
			mine: reflections.find((row) => row.author === me)?.doc
		},
		coming: attach(ofType(parts, 'coming'))
			.map((entry) => ({ ...entry, name: nameOf(entry.row.doc.member) }))
			.sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
		lastChangeAt: parts
			.filter((part) => !['action-update', 'meeting-reflection', 'coming'].includes(part.type))
			.map((part) => part.updatedAt)
			.reduce((a, b) => (a > b ? a : b), '')
	};
}

export interface MeetingListItem {
	row: MeetingRow;
	groupName: string;
	/** The name the chair goes by. */
	chairName: string;
	status: DocSyncStatus;
	itemCount: number;
}

export interface MeetingIndex {
	upcoming: MeetingListItem[];
	past: MeetingListItem[];
	groups: GroupRow[];
	measures: MeetingMeasures;
}

/**
 * Every meeting on the device: upcoming ones (planned, not yet finished) soonest first, the others newest
 * first, with the network's measures.
 */
export async function loadMeetingIndex(
	desk: Desk,
	now: number,
	today: string,
	me?: Person
): Promise<MeetingIndex> {
	const [meetings, groups, items, actions, updates, names] = await Promise.all([
		desk.meetings.orderBy('startsAt').toArray(),
		desk.groups.orderBy('name').toArray(),
		desk.meetingParts.where('type').equals('agenda-item').toArray(),
		desk.meetingParts.where('type').equals('action').toArray(),
		desk.meetingParts.where('type').equals('action-update').toArray(),
		loadPeopleNames(desk, me)
	]);
	const groupNames = new Map(groups.map((group) => [group.id, group.name]));
	const itemCounts = new Map<string, number>();
	for (const item of items) itemCounts.set(item.meetingId, (itemCounts.get(item.meetingId) ?? 0) + 1);
	const listed = (await withStatuses(desk, meetings)).map(({ row, status }) => ({
		row,
		status,
		groupName: groupNames.get(row.group) ?? 'A group not on this device yet',
		chairName: names.get(row.chair) ?? row.chair,
		itemCount: itemCounts.get(row.id) ?? 0
	}));
	const isUpcoming = (row: MeetingRow) =>
		row.status === 'planned' && Date.parse(row.startsAt) + row.durationMinutes * 60_000 > now;
	return {
		upcoming: listed.filter((item) => isUpcoming(item.row)),
		past: listed.filter((item) => !isUpcoming(item.row)).reverse(),
		groups,
		measures: meetingMeasures(measuresInput(meetings, items, actions, updates, today))
	};
}

/**
 * What the network's meeting measures count (`meetingMeasures`, the measures page's `meetingSeries`): each
 * meeting, who proposed each agenda item, and each action's state on `today`.
 */
function measuresInput(
	meetings: readonly MeetingRow[],
	items: readonly MeetingPartRow[],
	actions: readonly MeetingPartRow[],
	updates: readonly MeetingPartRow[],
	today: string
): MeetingsInput {
	const steps = new Map<string, MeetingPartRow<ActionUpdate>[]>();
	for (const update of ofType(updates, 'action-update')) {
		const list = steps.get(update.doc.actionId) ?? [];
		list.push(update);
		steps.set(update.doc.actionId, list);
	}
	return {
		meetings,
		items: ofType(items, 'agenda-item').map((item) => ({
			meetingId: item.meetingId,
			proposerKind: item.doc.proposerKind
		})),
		actions: ofType(actions, 'action').map((action) => ({
			meetingId: action.meetingId,
			state: dueState(action.doc.due, actionProgress(stepsOf(steps.get(action.id) ?? [], action.id)), today)
		}))
	};
}

/** The meetings, agenda items and actions the network's meeting measures count, as of `today`. */
export async function loadMeetingsInput(desk: Desk, today: string): Promise<MeetingsInput> {
	const [meetings, items, actions, updates] = await Promise.all([
		desk.meetings.toArray(),
		desk.meetingParts.where('type').equals('agenda-item').toArray(),
		desk.meetingParts.where('type').equals('action').toArray(),
		desk.meetingParts.where('type').equals('action-update').toArray()
	]);
	return measuresInput(meetings, items, actions, updates, today);
}

/** Actions with their progress and their meeting's title, overdue ones first. */
async function actionsAcrossMeetings(
	desk: Desk,
	actions: MeetingPartRow<Action>[],
	today: string,
	me?: Person
): Promise<ActionView[]> {
	const [updates, meetings, names] = await Promise.all([
		desk.meetingParts
			.where('actionId')
			.anyOf(actions.map((row) => row.id))
			.toArray(),
		desk.meetings.bulkGet([...new Set(actions.map((row) => row.meetingId))]),
		loadPeopleNames(desk, me)
	]);
	const titles = new Map(meetings.flatMap((meeting) => (meeting ? [[meeting.id, meeting.title]] : [])));
	const views = actionViews(
		await withStatuses(desk, actions),
		ofType(updates, 'action-update'),
		today,
		names
	).map((view) => ({ ...view, meetingTitle: titles.get(view.row.meetingId) }));
	return sortActions(
		views.map((view) => ({ ...view, due: view.row.doc.due, createdAt: view.row.createdAt }))
	);
}

/** "My actions": the actions `me` owns across every meeting, overdue ones first. */
export async function loadMyActions(desk: Desk, me: Person, today: string): Promise<ActionView[]> {
	const mine = ofType(await desk.meetingParts.where('owner').equals(me.name).toArray(), 'action');
	return actionsAcrossMeetings(desk, mine, today, me);
}

/** The actions meetings agreed about an idea (a network has hundreds of actions at most: read them all). */
export async function loadIdeaActions(desk: Desk, ideaId: string, today: string): Promise<ActionView[]> {
	const actions = ofType(await desk.meetingParts.where('type').equals('action').toArray(), 'action');
	return actionsAcrossMeetings(
		desk,
		actions.filter((row) => row.doc.ideaId === ideaId),
		today
	);
}

/** Every group by name, with its sync status. */
export async function loadGroups(desk: Desk): Promise<Synced<GroupRow>[]> {
	return withStatuses(desk, await desk.groups.orderBy('name').toArray());
}

/** One group with its sync status, or null when it is not on this device. */
export async function loadGroup(desk: Desk, id: string): Promise<Synced<GroupRow> | null> {
	const row = await desk.groups.get(id);
	return row ? ((await withStatuses(desk, [row]))[0] ?? null) : null;
}

/** The groups `name` chairs, from this device's copy of the groups (the app's `Actor.chairOf`). */
export async function loadChairOf(desk: Desk, name: string): Promise<string[]> {
	return groupsChairedBy(await desk.groups.toArray(), name);
}

/** A meeting's own row, or null when it is not on this device. */
export async function loadMeetingRow(desk: Desk, id: string): Promise<MeetingRow | null> {
	return (await desk.meetings.get(id)) ?? null;
}

/** The parts of a meeting (notes, items, decisions, actions…) changed on two devices while apart. */
export async function conflictedParts(desk: Desk, meetingId: string): Promise<string[]> {
	const parts = await desk.meetingParts.where('meetingId').equals(meetingId).toArray();
	return parts.filter((part) => part.conflicts.length > 0).map((part) => part.id);
}
