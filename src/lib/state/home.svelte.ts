import { countActiveVisits, countIdeas, countQueriedClaims } from '$lib/store/home-query';
import type { Workspace } from '$lib/store/workspace';
import { Live } from './live.svelte';

/** The home page's counts. Kept apart from the other state modules: the home page loads before the ledger. */
export class HomeCounts {
	/** Visits planned or under way. */
	readonly visits: Live<number>;
	readonly ideas: Live<number>;
	/** The signed-in member's claims with a question from a coordinator. */
	readonly queriedClaims: Live<number>;

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
		this.queriedClaims = new Live(
			() => undefined,
			() => countQueriedClaims(workspace.desk, workspace.account),
			0
		);
	}
}
