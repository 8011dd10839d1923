import type { Workspace } from '$lib/store/workspace';
import { Live } from './live.svelte';

export interface PendingCounts {
	waiting: number;
	refused: number;
}

/** How many documents written on this device the server has not confirmed, and how many it refused. */
export class Pending {
	readonly counts: Live<PendingCounts, Workspace | undefined>;

	constructor(workspace: () => Workspace | undefined) {
		this.counts = new Live(
			workspace,
			async (ws) => {
				if (!ws) return { waiting: 0, refused: 0 };
				const [waiting, refused, signups] = await Promise.all([
					ws.desk.docStatus.where('state').equals('local').count(),
					ws.desk.docStatus.where('state').equals('denied').count(),
					// Sealed event sign-ups not delivered yet (signup-outbox.ts) wait to sync too.
					ws.desk.outbox.filter((row) => !row.refused).count()
				]);
				return { waiting: waiting + signups, refused };
			},
			{ waiting: 0, refused: 0 },
			// Signed out: nothing to count, and no database code to load for it.
			(ws) => !ws
		);
	}
}
