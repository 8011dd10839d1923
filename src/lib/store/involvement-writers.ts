/** How opportunities, profiles and expenses claims land in the desk (involvement-rows.ts). */
import { claimTotal, type ClaimDocType, type OpportunityDocType } from '$lib/domain';
import type { ClaimPart, ClaimPartRow, InvolvementDoc, InvolvementRow } from './involvement-rows';
import { contentRow, type Projected, type Stored, type Writers } from './read-models';

function involvement(doc: InvolvementDoc, { rev, conflicts }: Stored): Projected {
	const row: InvolvementRow = {
		id: doc._id,
		rev,
		type: doc.type,
		opportunityId: doc.opportunityId,
		member: doc.member,
		poster: doc.poster,
		updatedAt: doc.updatedAt,
		conflicts,
		doc
	};
	return { rows: { involvement: row } };
}

function claimPart(doc: ClaimPart, { rev, conflicts }: Stored): Projected {
	const row: ClaimPartRow = {
		id: doc._id,
		rev,
		type: doc.type,
		claimId: doc.claimId,
		author: doc.author,
		createdAt: doc.createdAt,
		conflicts,
		doc
	};
	return { rows: { claimParts: row } };
}

export const involvementWriters: Writers<OpportunityDocType | ClaimDocType | 'profile'> = {
	opportunity: (doc, { rev, conflicts }) => ({
		rows: { opportunities: { ...contentRow(doc), rev, conflicts } }
	}),
	interest: involvement,
	selection: involvement,
	'time-given': involvement,
	profile: (doc, { rev, conflicts }) => ({ rows: { profiles: { ...contentRow(doc), rev, conflicts } } }),
	claim: (doc, { rev, conflicts }) => ({
		rows: { claims: { ...contentRow(doc), rev, conflicts, totalPence: claimTotal(doc) } }
	}),
	'claim-step': claimPart,
	receipt: claimPart,
	'expense-rates': (doc, { rev, conflicts }) => ({
		rows: { expenseRates: { ...contentRow(doc), rev, conflicts } }
	})
};
