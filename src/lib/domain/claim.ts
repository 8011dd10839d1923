import { z } from 'zod';
import { accountNameSchema } from './accounts';
import { baseDocShape, isoTimestamp, optionalText as text, requiredText as required } from './common';
import { ULID_PATTERN } from './ids';
import { mileagePence } from './money';
import { penceSchema } from './opportunity';
import { memberOfId } from './private';
import { memberUlidIdSchema } from './private-ids';
import { ownMemberWrites } from './profile';
import type { TypeRule } from './type-rules';

export * from './claim-status';

/**
 * Expenses claims, made offline. A claim is written once, when it is sent (the draft lives on the device
 * until then), and never changed: what happens to it is a history of `claim-step` documents (a
 * coordinator approves, queries or rejects; the member answers a query). Receipt photos are `receipt`
 * documents of their own. All of them are readable only by the member and coordinators (private.ts).
 * Money is whole pence; the network's mileage rate is the `expense-rates` document coordinators keep.
 */

export const EXPENSE_KINDS = ['mileage', 'fare', 'parking', 'meal', 'care', 'other'] as const;
export type ExpenseKind = (typeof EXPENSE_KINDS)[number];
export const EXPENSE_KIND_LABELS: Record<ExpenseKind, string> = {
	mileage: 'Mileage (your own car)',
	fare: 'Fares (bus, train, taxi)',
	parking: 'Parking',
	meal: 'Meals',
	care: 'Carer or childcare costs',
	other: 'Something else'
};

export const CLAIM_LINES_MAX = 20;
export const RECEIPTS_PER_LINE_MAX = 5;
export const DEFAULT_MILEAGE_PENCE = 45;

/** What a claim can be for: a meeting, a visit, an event or an opportunity. */
const claimForSchema = z
	.string()
	.refine(
		(id) =>
			/^(meeting|visit|event|opportunity):/.test(id) && ULID_PATTERN.test(id.slice(id.indexOf(':') + 1)),
		{
			error: 'A claim is for a meeting, a visit, an event or an opportunity'
		}
	);

export const claimLineSchema = z
	.object({
		kind: z.enum(EXPENSE_KINDS, { error: 'Choose what this cost is' }),
		description: text(200, 'The description').default(''),
		/** Mileage only: the distance in tenths of a mile and the rate it was claimed at. */
		tenthsOfMiles: z.number().int().min(1).max(99_999).nullable().default(null),
		pencePerMile: z.number().int().min(0).max(500).nullable().default(null),
		amountPence: penceSchema
	})
	.superRefine((line, ctx) => {
		if (line.kind === 'mileage') {
			if (line.tenthsOfMiles === null || line.pencePerMile === null) {
				ctx.addIssue({ code: 'custom', path: ['tenthsOfMiles'], message: 'Enter how many miles you drove' });
			} else if (line.amountPence !== mileagePence(line.tenthsOfMiles, line.pencePerMile)) {
				ctx.addIssue({
					code: 'custom',
					path: ['amountPence'],
					message: 'The amount must be the miles at the rate'
				});
			}
		} else if (line.tenthsOfMiles !== null || line.pencePerMile !== null) {
			ctx.addIssue({ code: 'custom', path: ['tenthsOfMiles'], message: 'Only mileage has miles' });
		}
		if (line.amountPence === 0) {
			ctx.addIssue({ code: 'custom', path: ['amountPence'], message: 'Enter an amount more than £0' });
		}
	});
export type ClaimLine = z.infer<typeof claimLineSchema>;

const memberShape = <T extends string>(type: T, parents = 0) => ({
	_id: memberUlidIdSchema(type, parents),
	type: z.literal(type),
	schemaVersion: z.literal(1),
	author: accountNameSchema,
	createdAt: isoTimestamp,
	updatedAt: isoTimestamp
});

export const claimSchema = z
	.strictObject({
		...memberShape('claim'),
		member: accountNameSchema,
		forId: claimForSchema.nullable().default(null),
		forLabel: required(200, 'What the claim is for', 'Say what the claim is for'),
		on: z.iso.date({ error: 'Enter the date of the activity' }),
		lines: z
			.array(claimLineSchema)
			.min(1, { error: 'Add at least one cost' })
			.max(CLAIM_LINES_MAX, { error: `A claim can have ${CLAIM_LINES_MAX} costs at most` }),
		note: text(1_000, 'The note').default('')
	})
	.refine((doc) => memberOfId(doc._id) === doc.member, { error: 'A claim is named after its member' });
export type Claim = z.infer<typeof claimSchema>;

export const CLAIM_STEP_KINDS = ['approved', 'queried', 'answered', 'rejected'] as const;
export type ClaimStepKind = (typeof CLAIM_STEP_KINDS)[number];

/** The claim an id of `claim-step:<member>:<claim ulid>:<ulid>` or `receipt:…` belongs to must match it. */
const claimIdSchema = memberUlidIdSchema('claim');

export const claimStepSchema = z
	.strictObject({
		...memberShape('claim-step', 1),
		claimId: claimIdSchema,
		kind: z.enum(CLAIM_STEP_KINDS, { error: 'Choose what to do with the claim' }),
		note: text(1_000, 'The note').default('')
	})
	.refine((doc) => doc._id.startsWith(`claim-step:${doc.claimId.slice('claim:'.length)}:`), {
		error: 'A step names its claim in its id'
	})
	.refine((doc) => doc.kind === 'approved' || doc.note !== '', {
		error: 'Say why, or what you need to know',
		path: ['note']
	});
export type ClaimStep = z.infer<typeof claimStepSchema>;

export const receiptSchema = z
	.strictObject({
		...memberShape('receipt'),
		claimId: claimIdSchema,
		/** The claim's line (0 for the first) the receipt is for. */
		line: z
			.number()
			.int()
			.min(0)
			.max(CLAIM_LINES_MAX - 1),
		alt: text(250, 'The description').default('')
	})
	.refine((doc) => memberOfId(doc._id) === memberOfId(doc.claimId), {
		error: "A receipt belongs to one of its member's claims"
	});
export type Receipt = z.infer<typeof receiptSchema>;

/** The network's expenses rates, one document coordinators keep. */
export const EXPENSE_RATES_ID = 'expense-rates:network';
export const expenseRatesSchema = z.strictObject({
	...baseDocShape('expense-rates'),
	_id: z.literal(EXPENSE_RATES_ID),
	mileagePencePerMile: z
		.number({ error: 'Enter the mileage rate in pence, like 45' })
		.int({ error: 'Enter a whole number of pence, like 45' })
		.min(0, { error: 'The rate cannot be less than 0p' })
		.max(500, { error: 'Enter 500p a mile or less' })
});
export type ExpenseRates = z.infer<typeof expenseRatesSchema>;

export const CLAIM_SCHEMAS = {
	claim: claimSchema,
	'claim-step': claimStepSchema,
	receipt: receiptSchema,
	'expense-rates': expenseRatesSchema
} as const;
export type ClaimDocType = keyof typeof CLAIM_SCHEMAS;

export const CLAIM_TYPE_RULES: Readonly<Record<ClaimDocType, TypeRule>> = {
	claim: {
		appendOnly: true,
		writers: ownMemberWrites,
		writersRefusal: 'Only the member or a coordinator can make or withdraw a claim'
	},
	'claim-step': {
		appendOnly: true,
		immutable: ['claimId'],
		writers: (actor, doc) => doc.kind === 'answered' && ownMemberWrites(actor, doc),
		writersRefusal: 'Only a coordinator can approve, query or reject a claim, and only its member answer'
	},
	receipt: {
		appendOnly: true,
		immutable: ['claimId'],
		writers: ownMemberWrites,
		writersRefusal: 'Only the member can add a receipt to their claim'
	},
	'expense-rates': {
		createRoles: ['coordinator'],
		createRefusal: 'Only coordinators can set the expenses rates',
		changeRoles: ['coordinator'],
		changeRefusal: 'Only coordinators can change the expenses rates'
	}
};

/** The claim's total in pence. */
export function claimTotal(claim: Pick<Claim, 'lines'>): number {
	return claim.lines.reduce((total, line) => total + line.amountPence, 0);
}
