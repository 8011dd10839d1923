import type { DocOf, MeetingDocType } from '$lib/domain';
import type { Desk } from './desk';
import type { MeetingPart, MeetingPartRow } from './meeting-rows';

interface Stored {
	rev: string;
	conflicts: string[];
}

type Writer<K extends MeetingDocType> = (desk: Desk, doc: DocOf<K>, stored: Stored) => Promise<undefined>;

function strip<D extends { _id: string; type: string; schemaVersion: number }>(doc: D) {
	const { _id, type: _type, schemaVersion: _version, ...content } = doc;
	return { id: _id, ...content };
}

async function part(desk: Desk, doc: MeetingPart, { rev, conflicts }: Stored): Promise<undefined> {
	const row: MeetingPartRow = {
		id: doc._id,
		rev,
		type: doc.type,
		meetingId: doc.meetingId,
		author: doc.author,
		createdAt: doc.createdAt,
		updatedAt: doc.updatedAt,
		conflicts,
		doc
	};
	if (doc.type === 'action') row.owner = doc.owner;
	if (doc.type === 'action-update') row.actionId = doc.actionId;
	await desk.meetingParts.put(row);
	return undefined;
}

/** How meeting documents land in the desk (spread into the writers of read-models.ts). */
export const meetingWriters: { [K in MeetingDocType]: Writer<K> } = {
	async group(desk, doc, { rev, conflicts }) {
		await desk.groups.put({ ...strip(doc), rev, conflicts });
		return undefined;
	},
	async meeting(desk, doc, { rev, conflicts }) {
		await desk.meetings.put({ ...strip(doc), rev, conflicts });
		return undefined;
	},
	'agenda-item': part,
	'meeting-note': part,
	attendance: part,
	decision: part,
	action: part,
	'action-update': part,
	'meeting-reflection': part
};
