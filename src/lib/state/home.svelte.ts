import {
	countActiveVisits,
	countIdeas,
	countQueriedClaims,
	loadSelectedNotices,
	type SelectedNotice
} from '$lib/store/home-query';
import type { Workspace } from '$lib/store/workspace';
import { Live } from './live.svelte';

/** The home page's counts. Kept apart from the other state modules: the home page loads before the ledger. */
export class HomeCounts {
	/** Visits planned or under way. */
	readonly visits: Live<number>;
	readonly ideas: Live<number>;
	/** Opportunities the person has been selected for. */
	readonly selected: Live<SelectedNotice[]>;
	/** The signed-in member's claims with a question from a coordinator. */
	readonly queriedClaims: Live<number>;

	constructor(workspace: Workspace, member: string) {
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
		this.selected = new Live(
			() => undefined,
			() => loadSelectedNotices(workspace.desk, member),
			[]
		);
		this.queriedClaims = new Live(
			() => undefined,
			() => countQueriedClaims(workspace.desk, member),
			0
		);
	}
}
