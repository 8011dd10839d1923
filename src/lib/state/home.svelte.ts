import { countActiveVisits, countIdeas } from '$lib/store/home-query';
import type { Workspace } from '$lib/store/workspace';
import { Live } from './live.svelte';

/** The home page's counts. Kept apart from the other state modules: the home page loads before the ledger. */
export class HomeCounts {
	/** Visits planned or under way. */
	readonly visits: Live<number>;
	readonly ideas: Live<number>;

	constructor(workspace: Workspace) {
		this.visits = new Live(
			() => undefined,
			() => countActiveVisits(workspace.desk),
			0
		);
		this.ideas = new Live(
			() => undefined,
			() => countIdeas(workspace.desk),
			0
		);
	}
}
