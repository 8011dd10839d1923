/**
 * What waits to sync, counted the way a person counts what they did: a photo is part of the idea or
 * observation it shows (its subject), so "an observation with two photos" is one change, not three.
 */
import type { Desk, DocStatusRow } from './desk';

export interface PendingCounts {
	/** Changes saved on this device that the server has not confirmed (and sign-ups not yet delivered). */
	waiting: number;
	/** Changes the server refused. */
	refused: number;
}

/**
 * The status rows grouped by what a person changed, in the rows' order: each photo under its subject
 * (as the desk's photo list names it), every other document on its own. A photo the lists do not hold
 * yet (a save cut short) stands on its own, so nothing waiting goes uncounted.
 */
export async function bySubject(
	desk: Desk,
	rows: readonly DocStatusRow[]
): Promise<Map<string, DocStatusRow[]>> {
	const photoIds = rows.filter((row) => row.id.startsWith('photo:')).map((row) => row.id);
	const photos = await desk.photos.bulkGet(photoIds);
	const subjects = new Map(photoIds.map((id, i) => [id, photos[i]?.subject ?? id]));
	const groups = new Map<string, DocStatusRow[]>();
	for (const row of rows) {
		const subject = subjects.get(row.id) ?? row.id;
		groups.set(subject, [...(groups.get(subject) ?? []), row]);
	}
	return groups;
}

/** How many changes wait to sync and how many were refused, a photo counted with its subject. */
export async function loadPendingCounts(desk: Desk): Promise<PendingCounts> {
	const [rows, signups] = await Promise.all([
		desk.docStatus.toArray(),
		// Sealed event sign-ups not delivered yet (signup-outbox.ts) wait to sync too.
		desk.outbox.filter((row) => !row.refused).count()
	]);
	const [local, denied] = await Promise.all([
		bySubject(
			desk,
			rows.filter((row) => row.state === 'local')
		),
		bySubject(
			desk,
			rows.filter((row) => row.state === 'denied')
		)
	]);
	return { waiting: local.size + signups, refused: denied.size };
}

/** Changes written on this device that the server has not confirmed yet (waiting or refused), as counted above. */
export async function countUnsynced(desk: Desk): Promise<number> {
	return (await bySubject(desk, await desk.docStatus.toArray())).size;
}
