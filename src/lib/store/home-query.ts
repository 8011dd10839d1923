import { claimStatus } from '$lib/domain/claim-status';
import type { Desk } from './desk';
import type { InvolvementRow } from './involvement-rows';

/**
 * The home page's counts, read from the desk. Kept apart from the other queries: the home page loads before
 * the ledger, so this module brings no schemas (zod) with it, only the desk's types (and zod-free rules).
 */

/** Visits planned or under way. */
export function countActiveVisits(desk: Desk): Promise<number> {
	return desk.visits.where('status').anyOf('planned', 'in-progress').count();
}

export function countIdeas(desk: Desk): Promise<number> {
	return desk.ideas.count();
}

/** An opportunity the person has been selected for, to tell them on the home page. */
export interface SelectedNotice {
	opportunityId: string;
	title: string;
}

/** The open opportunities `member` has been selected for, the latest answer first. */
export async function loadSelectedNotices(desk: Desk, member: string): Promise<SelectedNotice[]> {
	const rows: InvolvementRow[] = await desk.involvement.where('member').equals(member).toArray();
	const selected = rows
		.filter((row) => row.doc.type === 'selection' && row.doc.outcome === 'selected')
		.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
	const opportunities = await desk.opportunities.bulkGet(selected.map((row) => row.opportunityId));
	// Only what is still to come: an opportunity its poster has closed is over.
	return selected.flatMap((row, i) =>
		opportunities[i]?.status === 'closed'
			? []
			: [{ opportunityId: row.opportunityId, title: opportunities[i]?.title ?? 'An opportunity' }]
	);
}

/** How many of `member`'s claims have a question from a coordinator waiting for an answer. */
export async function countQueriedClaims(desk: Desk, member: string): Promise<number> {
	const claims = await desk.claims.where('member').equals(member).primaryKeys();
	const parts = await desk.claimParts.where('claimId').anyOf(claims).toArray();
	const steps = parts.flatMap((part) => (part.doc.type === 'claim-step' ? [part.doc] : []));
	return claims.filter((id) => claimStatus(steps.filter((step) => step.claimId === id)) === 'queried').length;
}
