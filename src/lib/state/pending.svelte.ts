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
				const [waiting, refused] = await Promise.all([
					ws.desk.docStatus.where('state').equals('local').count(),
					ws.desk.docStatus.where('state').equals('denied').count()
				]);
				return { waiting, refused };
			},
			{ waiting: 0, refused: 0 }
		);
	}
}
