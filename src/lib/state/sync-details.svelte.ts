import { docPath } from '$lib/paths';
import type { ConflictRow, Desk, DocStatusRow, JournalRow, QuarantineRow } from '$lib/store/desk';
import { labelDocs } from '$lib/store/doc-labels';
import { statusOf, type DocSyncStatus } from '$lib/store/status';
import { Live } from './live.svelte';

/** A change saved on this device and not yet confirmed by the server, named for people. */
export interface WaitingChange {
	id: string;
	label: string;
	path: string;
	status: DocSyncStatus;
}

/** What the Sync page shows, live from the desk: what waits, what conflicts, what was set aside, the history. */
export class SyncDetails {
	readonly waiting: Live<WaitingChange[]>;
	readonly conflicts: Live<ConflictRow[]>;
	readonly quarantine: Live<QuarantineRow[]>;
	readonly journal: Live<JournalRow[]>;

	constructor(desk: Desk) {
		const always = () => undefined;
		this.waiting = new Live(always, () => waitingChanges(desk), []);
		this.conflicts = new Live(always, () => desk.conflicts.toArray(), []);
		this.quarantine = new Live(always, () => desk.quarantine.toArray(), []);
		this.journal = new Live(always, () => desk.journal.orderBy('seq').reverse().limit(50).toArray(), []);
	}
}

async function waitingChanges(desk: Desk): Promise<WaitingChange[]> {
	const rows: DocStatusRow[] = await desk.docStatus.toArray();
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
