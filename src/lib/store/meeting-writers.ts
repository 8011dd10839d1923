import type { DocOf, MeetingDocType } from '$lib/domain';
import type { MeetingPart, MeetingPartRow } from './meeting-rows';
import type { Projected, Stored } from './read-models';

type Writer<K extends MeetingDocType> = (doc: DocOf<K>, stored: Stored) => Projected;

function strip<D extends { _id: string; type: string; schemaVersion: number }>(doc: D) {
	const { _id, type: _type, schemaVersion: _version, ...content } = doc;
	return { id: _id, ...content };
}

function part(doc: MeetingPart, { rev, conflicts }: Stored): Projected {
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
	return { rows: { meetingParts: row } };
}

/** How meeting documents land in the desk (spread into the writers of read-models.ts). */
export const meetingWriters: { [K in MeetingDocType]: Writer<K> } = {
	group: (doc, { rev, conflicts }) => ({ rows: { groups: { ...strip(doc), rev, conflicts } } }),
	meeting: (doc, { rev, conflicts }) => ({ rows: { meetings: { ...strip(doc), rev, conflicts } } }),
	'agenda-item': part,
	'meeting-note': part,
	attendance: part,
	decision: part,
	action: part,
	'action-update': part,
	'meeting-reflection': part,
	coming: part
};
