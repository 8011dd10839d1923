import type {
	Claim,
	ClaimStep,
	ExpenseRates,
	Interest,
	Opportunity,
	Profile,
	Receipt,
	Selection,
	TimeGiven
} from '$lib/domain';

/**
 * Rows of the involvement read models (desk version 7): opportunities, what passes between a member and a
 * poster about one, profiles, expenses claims with their steps and receipts, and the network's rates. A
 * device holds the private ones only for its own account (coordinators: everyone's), because the gateway
 * sends nothing else (private.ts).
 */

type Content<D> = Omit<D, '_id' | 'type' | 'schemaVersion'>;

export type OpportunityRow = Content<Opportunity> & { id: string; rev: string; conflicts: string[] };

export type InvolvementDoc = Interest | Selection | TimeGiven;
export type InvolvementType = InvolvementDoc['type'];

/** An interest, a selection or a time given, the document kept whole. */
export interface InvolvementRow<D extends InvolvementDoc = InvolvementDoc> {
	id: string;
	rev: string;
	type: D['type'];
	opportunityId: string;
	member: string;
	poster: string;
	updatedAt: string;
	conflicts: string[];
	doc: D;
}

export type ProfileRow = Content<Profile> & { id: string; rev: string; conflicts: string[] };

export type ClaimRow = Content<Claim> & { id: string; rev: string; conflicts: string[]; totalPence: number };

export type ClaimPart = ClaimStep | Receipt;

/** A step in a claim's history or a receipt, the document kept whole. */
export interface ClaimPartRow<D extends ClaimPart = ClaimPart> {
	id: string;
	rev: string;
	type: D['type'];
	claimId: string;
	author: string;
	createdAt: string;
	conflicts: string[];
	doc: D;
}

export type ExpenseRatesRow = Content<ExpenseRates> & { id: string; rev: string; conflicts: string[] };

/** Dexie table schemas of the involvement read models (desk.ts, version 7). */
export const INVOLVEMENT_TABLES = {
	opportunities: 'id, status',
	involvement: 'id, opportunityId, member',
	profiles: 'id, member',
	claims: 'id, member, on',
	claimParts: 'id, claimId',
	expenseRates: 'id'
} as const;
