import {
	claimStatus,
	DEFAULT_MILEAGE_PENCE,
	EXPENSE_RATES_ID,
	type ClaimStatus,
	type ClaimStep,
	type Receipt
} from '$lib/domain';
import type { Desk } from './desk';
import type { ClaimPartRow, ClaimRow, ExpenseRatesRow } from './involvement-rows';
import type { Synced } from './meeting-query';
import { withStatuses } from './status';

/**
 * Reading expenses claims from the desk, on the device: a member's claims, every claim (a coordinator's
 * device holds them all; a member's only their own), one claim with its steps and receipts, the approved
 * claims for the finance team, the mileage rate, and what a claim can be for.
 */

export interface ClaimItem extends Synced<ClaimRow> {
	claimStatus: ClaimStatus;
	/** When a coordinator approved it (the latest approval), for the finance team. */
	approvedAt: string | undefined;
}

export interface ClaimView extends ClaimItem {
	/** Oldest first: the claim's history. */
	steps: Synced<ClaimPartRow<ClaimStep>>[];
	receipts: ClaimPartRow<Receipt>[];
}

/** Waiting for a coordinator first, then queried, then settled. */
const STATUS_ORDER: Record<ClaimStatus, number> = {
	submitted: 0,
	answered: 0,
	queried: 1,
	approved: 2,
	rejected: 3
};

const isStep = (part: ClaimPartRow): part is ClaimPartRow<ClaimStep> => part.type === 'claim-step';
const isReceipt = (part: ClaimPartRow): part is ClaimPartRow<Receipt> => part.type === 'receipt';

/** The claims `rows` with where each stands, in a few bulk reads. */
async function withClaimStatus(desk: Desk, rows: ClaimRow[]): Promise<ClaimItem[]> {
	const ids = rows.map((row) => row.id);
	const [synced, parts] = await Promise.all([
		withStatuses(desk, rows),
		desk.claimParts.where('claimId').anyOf(ids).toArray()
	]);
	const steps = parts.filter(isStep);
	return synced.map(({ row, status }) => {
		const own = steps.filter((step) => step.claimId === row.id).map((step) => step.doc);
		const approvals = own.filter((step) => step.kind === 'approved').map((step) => step.createdAt);
		return { row, status, claimStatus: claimStatus(own), approvedAt: approvals.sort().at(-1) };
	});
}

/** The latest activity first. */
const byDate = (a: ClaimItem, b: ClaimItem) =>
	b.row.on.localeCompare(a.row.on) || b.row.createdAt.localeCompare(a.row.createdAt);

/** `member`'s claims, the latest first. */
export async function loadMemberClaims(desk: Desk, member: string): Promise<ClaimItem[]> {
	const rows = await desk.claims.where('member').equals(member).toArray();
	return (await withClaimStatus(desk, rows)).sort(byDate);
}

/** Every claim on this device: waiting for a coordinator first, then queried, approved, rejected. */
export async function loadAllClaims(desk: Desk): Promise<ClaimItem[]> {
	const items = await withClaimStatus(desk, await desk.claims.toArray());
	return items.sort((a, b) => STATUS_ORDER[a.claimStatus] - STATUS_ORDER[b.claimStatus] || byDate(a, b));
}

/** One claim with its history and receipts (undefined when it is not on this device). */
export async function loadClaim(desk: Desk, id: string): Promise<ClaimView | undefined> {
	const row = await desk.claims.get(id);
	if (!row) return undefined;
	const [[item], parts] = await Promise.all([
		withClaimStatus(desk, [row]),
		desk.claimParts.where('claimId').equals(id).toArray()
	]);
	if (!item) return undefined;
	const steps = parts
		.filter(isStep)
		.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
	return { ...item, steps: await withStatuses(desk, steps), receipts: parts.filter(isReceipt) };
}

/** The network's mileage rate in pence a mile (the default until a coordinator sets it). */
export async function loadMileageRate(desk: Desk): Promise<number> {
	return (await desk.expenseRates.get(EXPENSE_RATES_ID))?.mileagePencePerMile ?? DEFAULT_MILEAGE_PENCE;
}

/** The rates document as it is on this device, with its revision (undefined until a coordinator sets it). */
export function loadExpenseRates(desk: Desk): Promise<ExpenseRatesRow | undefined> {
	return desk.expenseRates.get(EXPENSE_RATES_ID);
}

/** Something on this device a claim can be for. */
export interface ClaimForChoice {
	id: string;
	label: string;
	/** Its date (YYYY-MM-DD), when it has one. */
	on: string;
}

const CHOICES_MAX = 40;

/**
 * What `member` can claim for: visits they are on, meetings, events and opportunities on this device, the
 * latest first.
 */
export async function loadClaimForChoices(desk: Desk, member: string): Promise<ClaimForChoice[]> {
	const [meetings, visits, events, opportunities] = await Promise.all([
		desk.meetings.toArray(),
		desk.visits.toArray(),
		desk.events.toArray(),
		desk.opportunities.toArray()
	]);
	const choices: ClaimForChoice[] = [
		...meetings.map((row) => ({ id: row.id, label: `Meeting: ${row.title}`, on: row.startsAt.slice(0, 10) })),
		...visits
			.filter((row) => row.visitors.includes(member))
			.map((row) => ({ id: row.id, label: `Visit to ${row.siteName}`, on: row.date })),
		...events.map((row) => ({ id: row.id, label: `Event: ${row.name}`, on: row.date })),
		...opportunities.map((row) => ({
			id: row.id,
			label: `Opportunity: ${row.title}`,
			on: row.startsOn ?? ''
		}))
	];
	return choices.sort((a, b) => b.on.localeCompare(a.on)).slice(0, CHOICES_MAX);
}
