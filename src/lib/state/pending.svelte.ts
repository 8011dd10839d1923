import { loadPendingCounts, type PendingCounts } from '$lib/store/pending-query';
import type { Workspace } from '$lib/store/workspace';
import { Live } from './live.svelte';

export type { PendingCounts };

const NOTHING: PendingCounts = { waiting: 0, refused: 0 };

/**
 * How many changes made on this device the server has not confirmed, and how many it refused, counted as
 * a person made them (a photo with what it shows: store/pending-query.ts).
 */
export class Pending {
	readonly counts: Live<PendingCounts, Workspace | undefined>;

	constructor(workspace: () => Workspace | undefined) {
		this.counts = new Live(workspace, async (ws) => (ws ? loadPendingCounts(ws.desk) : NOTHING), NOTHING);
	}
}
