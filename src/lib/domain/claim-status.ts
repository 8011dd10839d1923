import type { ClaimStepKind } from './claim';

/**
 * Where an expenses claim stands, worked out from its steps. Kept free of schemas (zod) so that the home
 * page, which loads before the ledger, can say when a coordinator has a question.
 */

export type ClaimStatus = 'submitted' | 'queried' | 'answered' | 'approved' | 'rejected';
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
	submitted: 'Sent, waiting for a coordinator',
	queried: 'A coordinator has a question',
	answered: 'Answered, waiting for a coordinator',
	approved: 'Approved',
	rejected: 'Rejected'
};

/** What `claimStatus` reads of a step. */
export interface ClaimStepLike {
	_id: string;
	kind: ClaimStepKind;
	createdAt: string;
}

/** Where a claim stands: its latest step (by time, then id), or "submitted" when it has none. */
export function claimStatus(steps: readonly ClaimStepLike[]): ClaimStatus {
	let latest: ClaimStepLike | undefined;
	for (const step of steps) {
		if (
			!latest ||
			step.createdAt > latest.createdAt ||
			(step.createdAt === latest.createdAt && step._id > latest._id)
		) {
			latest = step;
		}
	}
	return latest?.kind ?? 'submitted';
}
