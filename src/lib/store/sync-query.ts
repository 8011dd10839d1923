/** What the Sync page reads from the desk: changes waiting for the server, conflicts, set-aside documents, the journal. */
import { docPath } from '$lib/paths';
import type { ConflictRow, Desk, JournalRow, QuarantineRow } from './desk';
import { labelDocs } from './doc-labels';
import { bySubject } from './pending-query';
import { statusOf, type DocSyncStatus } from './status';

/** A change saved on this device and not yet confirmed by the server, named for people. */
export interface WaitingChange {
	id: string;
	label: string;
	path: string;
	status: DocSyncStatus;
	/** Its photos waiting with it (an idea's, an observation's): part of the same change. */
	photos: { id: string; label: string; status: DocSyncStatus }[];
}

/**
 * What waits for the server, one entry per change a person made (`bySubject`): a document with the
 * photos that show it listed under it. A change that is only photos (added to something already synced)
 * is named by what they show and takes the first photo's status.
 */
export async function loadWaitingChanges(desk: Desk): Promise<WaitingChange[]> {
	const groups = [...(await bySubject(desk, await desk.docStatus.toArray()))];
	const subjects = groups.map(([subject]) => subject);
	const [labels, photos] = await Promise.all([
		labelDocs(desk, subjects),
		desk.photos.bulkGet(groups.flatMap(([, rows]) => rows.map((row) => row.id)))
	]);
	const alt = new Map(photos.flatMap((photo) => (photo ? [[photo.id, photo.alt]] : [])));
	return groups.flatMap(([subject, rows]) => {
		const own = rows.find((row) => row.id === subject) ?? rows[0];
		if (!own) return [];
		const named = labels.get(subject);
		return [
			{
				id: subject,
				label: named?.label ?? subject,
				path: docPath(subject, named?.links),
				status: statusOf(own.rev ?? '', own),
				photos: rows
					.filter((row) => row.id !== subject)
					.map((row, i) => ({
						id: row.id,
						label: `Photo ${i + 1}${alt.get(row.id) ? `: ${alt.get(row.id)}` : ''}`,
						status: statusOf(row.rev ?? '', row)
					}))
			}
		];
	});
}

/** A document with versions to choose between, named for people. */
export interface NamedConflict extends ConflictRow {
	label: string;
}

export async function loadConflicts(desk: Desk): Promise<NamedConflict[]> {
	const rows = await desk.conflicts.toArray();
	const labels = await labelDocs(
		desk,
		rows.map((row) => row.id)
	);
	return rows.map((row) => ({ ...row, label: labels.get(row.id)?.label ?? row.id }));
}

export function loadQuarantine(desk: Desk): Promise<QuarantineRow[]> {
	return desk.quarantine.toArray();
}

/** The newest entries of the sync journal first. */
export function loadJournal(desk: Desk, limit = 50): Promise<JournalRow[]> {
	return desk.journal.orderBy('seq').reverse().limit(limit).toArray();
}
