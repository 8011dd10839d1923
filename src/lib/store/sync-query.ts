/** What the Sync page reads from the desk: changes waiting for the server, conflicts, set-aside documents, the journal. */
import { docPath } from '$lib/paths';
import type { ConflictRow, Desk, JournalRow, QuarantineRow } from './desk';
import { labelDocs } from './doc-labels';
import { statusOf, type DocSyncStatus } from './status';

/** A change saved on this device and not yet confirmed by the server, named for people. */
export interface WaitingChange {
	id: string;
	label: string;
	path: string;
	status: DocSyncStatus;
}

export async function loadWaitingChanges(desk: Desk): Promise<WaitingChange[]> {
	const rows = await desk.docStatus.toArray();
	const labels = await labelDocs(
		desk,
		rows.map((row) => row.id)
	);
	return rows.map((row) => {
		const named = labels.get(row.id);
		return {
			id: row.id,
			label: named?.label ?? row.id,
			path: docPath(row.id, named?.links),
			status: statusOf(row.rev ?? '', row)
		};
	});
}

export function loadConflicts(desk: Desk): Promise<ConflictRow[]> {
	return desk.conflicts.toArray();
}

export function loadQuarantine(desk: Desk): Promise<QuarantineRow[]> {
	return desk.quarantine.toArray();
}

/** The newest entries of the sync journal first. */
export function loadJournal(desk: Desk, limit = 50): Promise<JournalRow[]> {
	return desk.journal.orderBy('seq').reverse().limit(limit).toArray();
}
