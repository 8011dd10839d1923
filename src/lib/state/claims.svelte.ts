import {
	claimStepSchema,
	EXPENSE_RATES_ID,
	expenseRatesSchema,
	newDoc,
	penceAsPounds,
	ulid,
	type ClaimStep,
	type ClaimStepKind,
	type Result,
	type SessionInfo
} from '$lib/domain';
import { expenseKindLabel } from '$lib/components/expenses/expense-text';
import type { Series } from '$lib/domain/measure-series';
import { nowIso } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import {
	loadAllClaims,
	loadClaim,
	loadExpenseRates,
	loadMemberClaims,
	type ClaimItem,
	type ClaimView
} from '$lib/store/claim-query';
import type { Workspace } from '$lib/store/workspace';
import { formatMiles } from './claim-lines';
import { checkedBy, DraftForm } from './draft-form.svelte';
import { Live } from './live.svelte';

/**
 * Expenses claims as pages read them (live from the desk) and what people do with a sent claim: a
 * coordinator approves, asks a question or rejects it, its member answers a question, and coordinators
 * keep the mileage rate and download the approved claims for the finance team.
 */

export type { ClaimItem, ClaimView } from '$lib/store/claim-query';

/** The signed-in member's claims, the latest first. */
export function myClaims(workspace: Workspace, me: SessionInfo): Live<ClaimItem[]> {
	return new Live(
		() => undefined,
		() => loadMemberClaims(workspace.desk, me.name),
		[]
	);
}

/** Every claim on this device (a coordinator's: everyone's), waiting for a coordinator first. */
export function allClaims(workspace: Workspace): Live<ClaimItem[]> {
	return new Live(
		() => undefined,
		() => loadAllClaims(workspace.desk),
		[]
	);
}

/** One claim with its history and receipts: undefined until read and when it is not on this device. */
export function claimDetail(workspace: Workspace, id: () => string): Live<ClaimView | undefined, string> {
	return new Live(id, (claimId) => loadClaim(workspace.desk, claimId), undefined);
}

export interface StepValues {
	kind: ClaimStepKind | '';
	note: string;
}

/**
 * A step on a claim: a coordinator's decision (`decide`: approve, ask or reject, with a reason), or its
 * member's answer to a question (`answer`). Kept as a draft on every keystroke; the step is made, named
 * after its claim, when the form is checked.
 */
export function claimStepForm(workspace: Workspace, me: string, claimId: string, role: 'decide' | 'answer') {
	const form = new DraftForm<StepValues, ClaimStep>(
		workspace.desk,
		`claim-step:${role}:${claimId}`,
		{ kind: role === 'answer' ? 'answered' : '', note: '' },
		({ kind, note }) => {
			const at = nowIso();
			return checkedBy(
				claimStepSchema.safeParse({
					_id: `claim-step:${claimId.slice('claim:'.length)}:${ulid()}`,
					type: 'claim-step',
					schemaVersion: 1,
					author: me,
					createdAt: at,
					updatedAt: at,
					claimId,
					kind: kind || undefined,
					note
				})
			);
		}
	);
	return {
		form,
		load: () => form.load(),
		save: () =>
			form.submit((step) => workspace.writer.save(step), {
				what: role === 'answer' ? m.inv_what_claim_answer() : m.inv_what_decision()
			})
	};
}

export type ClaimStepForm = ReturnType<typeof claimStepForm>;

export type RatesValues = Record<'mileagePencePerMile', string>;

/** Coordinators set the network's mileage rate (in whole pence a mile). */
export function ratesForm(workspace: Workspace, me: string) {
	const check = (values: RatesValues): Result<{ mileagePencePerMile: number }> => {
		const typed = values.mileagePencePerMile.trim();
		return checkedBy(
			expenseRatesSchema
				.pick({ mileagePencePerMile: true })
				.safeParse({ mileagePencePerMile: /^\d+$/.test(typed) ? Number(typed) : undefined })
		);
	};
	const form = new DraftForm<RatesValues, { mileagePencePerMile: number }>(
		workspace.desk,
		EXPENSE_RATES_ID,
		{ mileagePencePerMile: '' },
		check
	);
	return {
		form,
		async load() {
			const current = await loadExpenseRates(workspace.desk);
			await form.load(current ? { mileagePencePerMile: String(current.mileagePencePerMile) } : {});
		},
		save: () =>
			form.submit(
				async (rates) => {
					const current = await workspace.ledger.get(EXPENSE_RATES_ID);
					if (!current)
						return workspace.writer.save(newDoc('expense-rates', me, rates, { id: EXPENSE_RATES_ID }));
					return workspace.writer.update('expense-rates', EXPENSE_RATES_ID, () => rates);
				},
				{ what: m.inv_what_rate(), after: 'keep' }
			)
	};
}

interface ApprovedLine {
	member: string;
	claim: string;
	on: string;
	forLabel: string;
	kind: string;
	description: string;
	miles: string;
	pounds: string;
	approvedOn: string;
}

/** The approved claims for the finance team: one row per cost, amounts in pounds from whole pence. */
export function approvedClaimsSeries(claims: readonly ClaimItem[]): Series<ApprovedLine> {
	const rows = claims
		.filter((item) => item.claimStatus === 'approved')
		.flatMap(({ row, approvedAt }) =>
			row.lines.map((line) => ({
				member: row.member,
				claim: row.id,
				on: row.on,
				forLabel: row.forLabel,
				kind: expenseKindLabel(line.kind),
				description: line.description,
				miles: line.tenthsOfMiles === null ? '' : formatMiles(line.tenthsOfMiles),
				pounds: penceAsPounds(line.amountPence),
				approvedOn: approvedAt?.slice(0, 10) ?? ''
			}))
		);
	return {
		title: m.inv_csv_title(),
		columns: [
			{ key: 'member', label: m.inv_csv_member() },
			{ key: 'claim', label: m.inv_csv_claim() },
			{ key: 'on', label: m.inv_date() },
			{ key: 'forLabel', label: m.inv_csv_for() },
			{ key: 'kind', label: m.inv_csv_kind() },
			{ key: 'description', label: m.inv_csv_description() },
			{ key: 'miles', label: m.inv_csv_miles() },
			{ key: 'pounds', label: m.inv_csv_amount() },
			{ key: 'approvedOn', label: m.inv_csv_approved() }
		],
		rows
	};
}
