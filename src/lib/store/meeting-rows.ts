import type {
	Action,
	ActionUpdate,
	AgendaItem,
	Attendance,
	Coming,
	Decision,
	Group,
	Meeting,
	MeetingNote,
	Reflection
} from '$lib/domain';

/** Rows of the meetings read models (desk tables `groups`, `meetings`, `meetingParts`). */

type Content<D> = Omit<D, '_id' | 'type' | 'schemaVersion'>;

export type GroupRow = Content<Group> & { id: string; rev: string; conflicts: string[] };

export type MeetingRow = Content<Meeting> & { id: string; rev: string; conflicts: string[] };

/** Everything written for a meeting, one row per document, the document kept whole. */
export type MeetingPart =
	AgendaItem | MeetingNote | Attendance | Decision | Action | ActionUpdate | Reflection | Coming;
export type MeetingPartType = MeetingPart['type'];

export interface MeetingPartRow<D extends MeetingPart = MeetingPart> {
	id: string;
	rev: string;
	type: D['type'];
	meetingId: string;
	author: string;
	createdAt: string;
	updatedAt: string;
	/** Actions only: who does it ("My actions"). */
	owner?: string;
	/** Action updates only: the action they move on. */
	actionId?: string;
	conflicts: string[];
	doc: D;
}

/** Dexie table schemas of the meetings read models (desk.ts, version 2). */
export const MEETING_TABLES = {
	groups: 'id, name',
	meetings: 'id, group, startsAt, status',
	meetingParts: 'id, type, meetingId, [meetingId+type], owner, actionId'
} as const;
