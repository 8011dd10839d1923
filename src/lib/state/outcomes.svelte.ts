import type { IdeaRow, StatusRow } from '$lib/store/desk';
import type { Workspace } from '$lib/store/workspace';
import { Live } from './live.svelte';

export interface Outcome {
	step: StatusRow;
	idea: IdeaRow;
}

/** "You said, we did": the newest endings of ideas, with what happened. */
export class OutcomeFeed {
	readonly outcomes: Live<Outcome[]>;

	constructor(workspace: Workspace, limit = 50) {
		const { desk } = workspace;
		this.outcomes = new Live(
			() => undefined,
			async () => {
				const steps = await desk.statuses
					.orderBy('createdAt')
					.reverse()
					.filter((step) => Boolean(step.outcome))
					.limit(limit)
					.toArray();
				const ideas = await desk.ideas.bulkGet(steps.map((step) => step.ideaId));
				return steps.flatMap((step, i) => {
					const idea = ideas[i];
					// Only the idea's latest ending counts: a reopened idea has no outcome yet.
					return idea && (idea.status === 'done' || idea.status === 'not-taken-forward')
						? [{ step, idea }]
						: [];
				});
			},
			[]
		);
	}
}
