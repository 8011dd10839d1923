import type { ClaimStatus, ClaimStepKind, ExpenseKind } from '$lib/domain';
import { m } from '$lib/paraglide/messages';

/**
 * Expenses' kinds, a claim's standing and the steps of its history in the person's language (the domain
 * keeps its English labels for the server). Each is a message looked up when it is shown.
 */

const EXPENSE_KINDS: Record<ExpenseKind, () => string> = {
	mileage: m.inv_expense_mileage,
	fare: m.inv_expense_fare,
	parking: m.inv_expense_parking,
	meal: m.inv_expense_meal,
	care: m.inv_expense_care,
	other: m.inv_expense_other
};

const CLAIM_STATUSES: Record<ClaimStatus, () => string> = {
	submitted: m.inv_claim_status_submitted,
	queried: m.inv_claim_status_queried,
	answered: m.inv_claim_status_answered,
	approved: m.inv_claim_status_approved,
	rejected: m.inv_claim_status_rejected
};

const CLAIM_STEPS: Record<ClaimStepKind, () => string> = {
	approved: m.inv_claim_step_approved,
	queried: m.inv_claim_step_queried,
	answered: m.inv_claim_step_answered,
	rejected: m.inv_claim_step_rejected
};

export const expenseKindLabel = (kind: ExpenseKind) => EXPENSE_KINDS[kind]();
export const claimStatusLabel = (status: ClaimStatus) => CLAIM_STATUSES[status]();
/** What a step is called in a claim's history. */
export const claimStepLabel = (kind: ClaimStepKind) => CLAIM_STEPS[kind]();
