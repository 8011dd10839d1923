import type { Desk } from './desk';

/**
 * The home page's counts, read from the desk. Kept apart from the other queries: the home page loads before
 * the ledger, so this module brings no schemas (zod) with it, only the desk's types.
 */

/** Visits planned or under way. */
export function countActiveVisits(desk: Desk): Promise<number> {
	return desk.visits.where('status').anyOf('planned', 'in-progress').count();
}

export function countIdeas(desk: Desk): Promise<number> {
	return desk.ideas.count();
}
