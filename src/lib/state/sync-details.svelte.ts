import type { Desk, JournalRow, QuarantineRow } from '$lib/store/desk';
import {
	loadConflicts,
	loadJournal,
	loadQuarantine,
	loadWaitingChanges,
	type NamedConflict,
	type WaitingChange
} from '$lib/store/sync-query';
import { Live } from './live.svelte';

/** What the Sync page shows, live from the desk: what waits, what conflicts, what was set aside, the history. */
export class SyncDetails {
	readonly waiting: Live<WaitingChange[]>;
	readonly conflicts: Live<NamedConflict[]>;
	readonly quarantine: Live<QuarantineRow[]>;
	readonly journal: Live<JournalRow[]>;

	constructor(desk: Desk) {
		const always = () => undefined;
		this.waiting = new Live(always, () => loadWaitingChanges(desk), []);
		this.conflicts = new Live(always, () => loadConflicts(desk), []);
		this.quarantine = new Live(always, () => loadQuarantine(desk), []);
		this.journal = new Live(always, () => loadJournal(desk), []);
	}
}
