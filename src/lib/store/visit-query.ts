import type { Desk, IdeaRow, ObservationRow, PhotoRow, VisitRow } from './desk';
import type { Synced } from './meeting-query';
import { statusOf, type DocSyncStatus } from './status';

/** Reading visits from the desk, on the device: the list, one visit with its timeline, one visit's row. */

export interface ObservationItem extends Synced<ObservationRow> {
	photos: PhotoRow[];
	/** Ideas made from this observation (they link back to it). */
	ideas: IdeaRow[];
}

export interface VisitView {
	visit: VisitRow;
	status: DocSyncStatus;
	/** Newest first: the visit's timeline. */
	observations: ObservationItem[];
}

/** Every visit, the latest date first. */
export function loadVisits(desk: Desk): Promise<VisitRow[]> {
	return desk.visits.orderBy('date').reverse().toArray();
}

/** One visit's row (undefined when it is not on this device). */
export function loadVisitRow(desk: Desk, id: string): Promise<VisitRow | undefined> {
	return desk.visits.get(id);
}

/** A visit with its timeline of observations, their photos and the ideas that came from them. */
export async function loadVisit(desk: Desk, id: string): Promise<VisitView | undefined> {
	const visit = await desk.visits.get(id);
	if (!visit) return undefined;
	const observations = (await desk.observations.where('visitId').equals(id).sortBy('createdAt')).reverse();
	const ids = observations.map((observation) => observation.id);
	const [statuses, visitStatus, photos, ideas] = await Promise.all([
		desk.docStatus.bulkGet(ids),
		desk.docStatus.get(id),
		ids.length ? desk.photos.where('subject').anyOf(ids).sortBy('createdAt') : [],
		ids.length ? desk.ideas.where('links').anyOf(ids).toArray() : []
	]);
	return {
		visit,
		status: statusOf(visit.rev, visitStatus, visit.conflicts),
		observations: observations.map((row, i) => ({
			row,
			status: statusOf(row.rev, statuses[i], row.conflicts),
			photos: photos.filter((photo) => photo.subject === row.id),
			ideas: ideas.filter((idea) => idea.links.includes(row.id))
		}))
	};
}
