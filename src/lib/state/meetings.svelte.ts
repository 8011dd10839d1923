import {
	attendanceId,
	comingId,
	mayChair,
	moveInAgenda,
	newDoc,
	type ActionStatus,
	type Actor,
	type AttendanceRecord,
	type ChangeOf,
	type ComingInput,
	type ContentOf,
	type DocOf,
	type MeetingDocType,
	type MeetingStatus,
	type SessionInfo
} from '$lib/domain';
import { untrack } from 'svelte';
import { nowIso, today } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import {
	loadChairOf,
	loadGroup,
	loadGroups,
	loadMeeting,
	loadMeetingIndex,
	loadMeetingRow,
	loadMyActions,
	type ActionView,
	type MeetingIndex,
	type MeetingView,
	type Person,
	type Synced
} from '$lib/store/meeting-query';
import type { GroupRow, MeetingRow } from '$lib/store/meeting-rows';
import type { Workspace } from '$lib/store/workspace';
import { Attempt } from './attempt.svelte';
import { Live } from './live.svelte';

/** Rune state for meetings: what pages read (live from the desk) and what people do (written offline). */

/** The signed-in person as the rules see them, with the groups they chair (from this device's copy). */
export class MeetingActor {
	readonly actor: Live<Actor>;

	constructor(workspace: Workspace, session: SessionInfo) {
		const base: Actor = { name: session.name, roles: session.roles, chairOf: [] };
		this.actor = new Live(
			() => undefined,
			async () => ({ ...base, chairOf: await loadChairOf(workspace.desk, session.name) }),
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

/** Every meeting on the device, upcoming and past, with the network's measures. */
export function meetingIndex(workspace: Workspace, me: Person): Live<MeetingIndex | undefined> {
	return new Live(
		() => undefined,
		() => loadMeetingIndex(workspace.desk, Date.now(), today(), me),
		undefined
	);
}

/** Every group by name, with its sync status. */
export function groupList(workspace: Workspace): Live<Synced<GroupRow>[]> {
	return new Live(
		() => undefined,
		() => loadGroups(workspace.desk),
		[]
	);
}

/** One group with its sync status: null when it is not on this device, undefined until read. */
export function groupDetail(
	workspace: Workspace,
	id: () => string
): Live<Synced<GroupRow> | null | undefined, string> {
	return new Live(id, (groupId) => loadGroup(workspace.desk, groupId), undefined);
}

/** One meeting with everything written for it: undefined until read and when it is not on this device. */
export function meetingDetail(
	workspace: Workspace,
	me: Person,
	id: () => string
): Live<MeetingView | undefined, string> {
	return new Live(id, (meetingId) => loadMeeting(workspace.desk, meetingId, me, today()), undefined);
}

/** A meeting's own row, for its form: null when it is not on this device, undefined until read. */
export function meetingRecord(
	workspace: Workspace,
	id: () => string
): Live<MeetingRow | null | undefined, string> {
	return new Live(id, (meetingId) => loadMeetingRow(workspace.desk, meetingId), undefined);
}

/** "My actions": the actions `me` owns across every meeting, overdue ones first. */
export function myActions(workspace: Workspace, me: Person): Live<ActionView[]> {
	return new Live(
		() => undefined,
		() => loadMyActions(workspace.desk, me, today()),
		[]
	);
}

// ——— Writing ———

/** Everything people do with meetings, written on this device first. */
export class MeetingWrites {
	constructor(
		private readonly workspace: Workspace,
		readonly me: string
	) {}

	/** Writes a new document of `type` by this person. */
	async add<K extends MeetingDocType>(type: K, content: ContentOf<K>, id?: string): Promise<DocOf<K>> {
		const doc = newDoc(type, this.me, content, { id });
		await this.workspace.writer.save(doc);
		return doc;
	}

	/** Changes a stored document over its current revision (once more if it moved meanwhile). */
	async change<K extends MeetingDocType>(
		type: K,
		id: string,
		change: (doc: DocOf<K>) => ChangeOf<K>
	): Promise<void> {
		await this.workspace.writer.update(type, id, change);
	}

	/**
	 * Writes this person's own document `id` (a note, an attendance record, a reflection: one per person):
	 * changes it with `change` when it is on this device, or writes it afresh with `content`.
	 */
	async writeOwn<K extends MeetingDocType>(
		type: K,
		id: string,
		content: ContentOf<K>,
		change: (doc: DocOf<K>) => ChangeOf<K>
	): Promise<void> {
		if (await this.workspace.ledger.get(id)) await this.change(type, id, change);
		else await this.add(type, content, id);
	}

	/**
	 * Tells the meeting's chair this person is coming, with how they need information (again to change
	 * it), or with `input` undefined takes it back.
	 */
	async coming(meeting: Pick<MeetingRow, 'id' | 'chair'>, input: ComingInput | undefined): Promise<void> {
		const id = comingId(meeting.chair, this.me, meeting.id);
		const stored = await this.workspace.ledger.get(id);
		if (!input) {
			if (stored?._rev) await this.workspace.writer.remove(id, stored._rev);
			return;
		}
		const content = { meetingId: meeting.id, chair: meeting.chair, member: this.me, ...input };
		await this.writeOwn('coming', id, content, () => input);
	}

	/** This person's own document `id` as stored on this device (a note, a reflection), if any. */
	async own(id: string): Promise<Record<string, unknown> | undefined> {
		return this.workspace.ledger.get(id);
	}

	async moveItem(meeting: MeetingRow, itemId: string, by: -1 | 1): Promise<void> {
		await this.change('meeting', meeting.id, (doc) => ({ agenda: moveInAgenda(doc.agenda, itemId, by) }));
	}

	/** Takes an item off the agenda (it stays proposed). */
	async unplaceItem(meeting: MeetingRow, itemId: string): Promise<void> {
		await this.change('meeting', meeting.id, (doc) => ({ agenda: doc.agenda.filter((id) => id !== itemId) }));
	}

	async setItemMinutes(itemId: string, minutes: number | null): Promise<void> {
		await this.change('agenda-item', itemId, () => ({ minutes }));
	}

	async setStatus(meeting: MeetingRow, status: MeetingStatus): Promise<void> {
		await this.change('meeting', meeting.id, () => ({ status }));
	}

	/** The chair approves the minutes (a meeting still marked planned becomes held). */
	async approve(meeting: MeetingRow): Promise<void> {
		await this.change('meeting', meeting.id, () => ({
			status: 'held' as const,
			approvedBy: this.me,
			approvedAt: nowIso()
		}));
	}

	async withdrawApproval(meeting: MeetingRow): Promise<void> {
		await this.change('meeting', meeting.id, () => ({ approvedBy: null, approvedAt: null }));
	}

	/** Adds a record to this note-taker's attendance for the meeting (the latest record for a name counts). */
	async recordAttendance(meeting: MeetingRow, record: Omit<AttendanceRecord, 'at'>): Promise<void> {
		const entry = { ...record, at: nowIso() };
		await this.writeOwn(
			'attendance',
			attendanceId(meeting.id, this.me),
			{ meetingId: meeting.id, group: meeting.group, records: [entry] },
			(doc) => ({ records: [...doc.records, entry] })
		);
	}

	async updateAction(action: ActionView, to: ActionStatus, note = ''): Promise<void> {
		await this.add('action-update', { actionId: action.row.id, meetingId: action.row.meetingId, to, note });
	}
}

/** The chair orders the agenda: moves items, takes them off, gives each its time. Each change saves at once. */
export class AgendaOrder {
	/** Field id → what is wrong with the minutes typed there. */
	errors = $state<Record<string, string>>({});
	/** Why the last change could not be saved. */
	readonly attempt = new Attempt();

	constructor(private readonly writes: MeetingWrites) {}

	move(meeting: MeetingRow, itemId: string, by: -1 | 1): Promise<boolean> {
		return this.attempt.run(() => this.writes.moveItem(meeting, itemId, by));
	}

	takeOff(meeting: MeetingRow, itemId: string): Promise<boolean> {
		return this.attempt.run(() => this.writes.unplaceItem(meeting, itemId));
	}

	/** Gives an item the minutes typed in `field` (empty: no time set). */
	async setMinutes(itemId: string, field: string, text: string): Promise<void> {
		const value = text.trim();
		const minutes = value === '' ? null : Number(value);
		const { [field]: _previous, ...others } = this.errors;
		if (minutes !== null && (!Number.isInteger(minutes) || minutes < 1 || minutes > 240)) {
			this.errors = { ...others, [field]: m.mtgp_agenda_minutes_invalid() };
			return;
		}
		this.errors = others;
		await this.attempt.run(() => this.writes.setItemMinutes(itemId, minutes));
	}
}

/**
 * What every page of one meeting starts from: the meeting with everything written for it, who is looking
 * (do they chair it?), and what they can write.
 */
export class MeetingPage {
	readonly view: Live<MeetingView | undefined, string>;
	readonly actor: MeetingActor;
	readonly writes: MeetingWrites;

	constructor(workspace: Workspace, session: SessionInfo, id: () => string) {
		this.view = meetingDetail(workspace, session, id);
		this.actor = new MeetingActor(workspace, session);
		this.writes = new MeetingWrites(workspace, session.name);
	}

	get meeting(): MeetingRow | undefined {
		return this.view.value?.meeting.row;
	}

	/** Whether this person may chair the meeting (a chair of its group, or a coordinator). */
	get chairs(): boolean {
		const meeting = this.meeting;
		return meeting ? this.actor.chairs(meeting.group) : false;
	}

	/**
	 * A form for the meeting on screen, made by `make` once it is read (again if the page moves to another
	 * meeting, not each time the meeting changes) and loaded as it is made. Call while the page initialises.
	 */
	formFor<F extends { load(): Promise<void> }>(make: (meeting: MeetingRow) => F): { readonly current?: F } {
		const id = $derived(this.meeting?.id);
		const made = $derived.by(() => {
			const meeting = untrack(() => this.meeting);
			return id && meeting ? make(meeting) : undefined;
		});
		$effect(() => {
			const form = made;
			if (form) untrack(() => void form.load());
		});
		return {
			get current() {
				return made;
			}
		};
	}
}
