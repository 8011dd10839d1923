import type {
	ActionStatus,
	AttendanceRecord,
	AttendanceStatus,
	AttendeeKind,
	MeetingStatus,
	PersonKind
} from './meetings';

/**
 * Pure rules for meetings, shared by pages and (later) the dashboard: the agenda in the chair's order with
 * its times, attendance merged from every note-taker, where an action has got to, and the measures.
 */

export interface AgendaItemLike {
	id: string;
	createdAt: string;
	minutes: number | null;
}

export interface AgendaEntry<T extends AgendaItemLike> {
	item: T;
	/** Whether the chair has placed it on the agenda (otherwise it is proposed, waiting for the chair). */
	placed: boolean;
	/** When the item starts, worked out from the meeting's start and the minutes of the items before it. */
	startsAt: string | null;
}

/**
 * The agenda: items in the chair's order (ids that name no item are skipped), then items not placed yet,
 * oldest first. Times run on from the meeting's start while every earlier placed item has its minutes.
 */
export function orderAgenda<T extends AgendaItemLike>(
	order: readonly string[],
	items: readonly T[],
	meetingStartsAt: string
): AgendaEntry<T>[] {
	const byId = new Map(items.map((item) => [item.id, item]));
	const placed: AgendaEntry<T>[] = [];
	let clock: number | null = Date.parse(meetingStartsAt);
	for (const id of order) {
		const item = byId.get(id);
		if (!item) continue;
		byId.delete(id);
		placed.push({ item, placed: true, startsAt: clock === null ? null : new Date(clock).toISOString() });
		clock = clock !== null && item.minutes !== null ? clock + item.minutes * 60_000 : null;
	}
	const waiting = [...byId.values()]
		.sort((a, b) => compare(a.createdAt, b.createdAt) || compare(a.id, b.id))
		.map((item) => ({ item, placed: false, startsAt: null }));
	return [...placed, ...waiting];
}

/** Moves `id` one place up (-1) or down (+1) in the chair's order, adding unplaced items at the end first. */
export function moveInAgenda(order: readonly string[], id: string, by: -1 | 1): string[] {
	const next = order.includes(id) ? [...order] : [...order, id];
	const from = next.indexOf(id);
	const to = from + by;
	if (to < 0 || to >= next.length) return next;
	next.splice(from, 1);
	next.splice(to, 0, id);
	return next;
}

export interface Attendee {
	name: string;
	kind: AttendeeKind;
	status: AttendanceStatus;
	/** The note-taker whose record counts (the latest one). */
	recordedBy: string;
	at: string;
}

/** One list from every note-taker's records: for each person (by name, ignoring case) the latest record. */
export function mergeAttendance(
	docs: readonly { author: string; records: readonly AttendanceRecord[] }[]
): Attendee[] {
	const latest = new Map<string, Attendee>();
	for (const doc of docs) {
		for (const record of doc.records) {
			const key = personKey(record.name);
			const seen = latest.get(key);
			if (!seen || record.at > seen.at || (record.at === seen.at && doc.author > seen.recordedBy)) {
				latest.set(key, { ...record, recordedBy: doc.author });
			}
		}
	}
	return [...latest.values()].sort(
		(a, b) =>
			compare(a.status === 'present' ? 0 : 1, b.status === 'present' ? 0 : 1) ||
			personKey(a.name).localeCompare(personKey(b.name), 'en-GB')
	);
}

export function personKey(name: string): string {
	return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface ActionStep {
	id: string;
	to: ActionStatus;
	createdAt: string;
	author: string;
	note: string;
}

export interface ActionProgress {
	status: ActionStatus;
	/** When the latest step marked it done (null unless it is done). */
	completedAt: string | null;
	latest: ActionStep | null;
}

/** Where an action has got to: its latest step (a new action is open). */
export function actionProgress(steps: readonly ActionStep[]): ActionProgress {
	const latest =
		[...steps].sort((a, b) => compare(a.createdAt, b.createdAt) || compare(a.id, b.id)).at(-1) ?? null;
	return {
		status: latest?.to ?? 'open',
		completedAt: latest?.to === 'done' ? latest.createdAt : null,
		latest
	};
}

/** The calendar date (YYYY-MM-DD) of a moment, where the device is. */
export function localDate(at: Date | string): string {
	const date = typeof at === 'string' ? new Date(at) : at;
	const month = String(date.getMonth() + 1).padStart(2, '0');
	const day = String(date.getDate()).padStart(2, '0');
	return `${date.getFullYear()}-${month}-${day}`;
}

export type DueState = 'overdue' | 'due-today' | 'upcoming' | 'done-on-time' | 'done-late' | 'dropped';

/** How an action stands against its due date (`today` as YYYY-MM-DD). */
export function dueState(due: string, progress: ActionProgress, today: string): DueState {
	if (progress.status === 'dropped') return 'dropped';
	if (progress.status === 'done') {
		return progress.completedAt && localDate(progress.completedAt) <= due ? 'done-on-time' : 'done-late';
	}
	if (due < today) return 'overdue';
	return due === today ? 'due-today' : 'upcoming';
}

const DUE_ORDER: Record<DueState, number> = {
	overdue: 0,
	'due-today': 1,
	upcoming: 2,
	'done-late': 3,
	'done-on-time': 3,
	dropped: 4
};

/** "My actions": overdue first (the longest overdue at the top), then by due date, finished ones last. */
export function sortActions<T extends { due: string; state: DueState; createdAt: string }>(
	actions: readonly T[]
): T[] {
	return [...actions].sort(
		(a, b) =>
			DUE_ORDER[a.state] - DUE_ORDER[b.state] ||
			(DUE_ORDER[a.state] >= 3 ? compare(b.due, a.due) : compare(a.due, b.due)) ||
			compare(a.createdAt, b.createdAt)
	);
}

export interface MeetingMeasures {
	/** Meetings held or planned (not cancelled). */
	meetings: number;
	memberChaired: number;
	staffChaired: number;
	itemsFromMembers: number;
	itemsFromStaff: number;
	actions: number;
	actionsDone: number;
	actionsDoneOnTime: number;
	actionsOverdue: number;
}

/** What the network measures about its meetings: who chairs them, who sets the agenda, actions done on time. */
export function meetingMeasures(input: {
	meetings: readonly { id: string; status: MeetingStatus; chairKind: PersonKind }[];
	items: readonly { meetingId: string; proposerKind: PersonKind }[];
	actions: readonly { meetingId: string; state: DueState }[];
}): MeetingMeasures {
	const counted = new Set(input.meetings.filter((m) => m.status !== 'cancelled').map((m) => m.id));
	const meetings = input.meetings.filter((m) => counted.has(m.id));
	const items = input.items.filter((item) => counted.has(item.meetingId));
	const actions = input.actions.filter((action) => counted.has(action.meetingId));
	return {
		meetings: meetings.length,
		memberChaired: meetings.filter((m) => m.chairKind === 'member').length,
		staffChaired: meetings.filter((m) => m.chairKind === 'staff').length,
		itemsFromMembers: items.filter((item) => item.proposerKind === 'member').length,
		itemsFromStaff: items.filter((item) => item.proposerKind === 'staff').length,
		actions: actions.length,
		actionsDone: actions.filter((a) => a.state === 'done-on-time' || a.state === 'done-late').length,
		actionsDoneOnTime: actions.filter((a) => a.state === 'done-on-time').length,
		actionsOverdue: actions.filter((a) => a.state === 'overdue').length
	};
}

function compare(a: string | number, b: string | number): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
