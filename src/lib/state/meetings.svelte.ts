import {
	actionUpdateSchema,
	attendanceId,
	attendanceSchema,
	groupsChairedBy,
	mayChair,
	moveInAgenda,
	newDocId,
	parseDocument,
	type ActionStatus,
	type Actor,
	type AppDoc,
	type AttendanceRecord,
	type MeetingStatus,
	type SessionInfo
} from '$lib/domain';
import { nowIso, today } from '$lib/format';
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
import { Live } from './live.svelte';

/** Rune state for meetings: what pages read (live from the desk) and what people do (written offline). */

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

/** The fields every new meeting document starts with. */
export function base(type: string, author: string, id = newDocId(type)) {
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
