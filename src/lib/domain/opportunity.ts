import { z } from 'zod';
import { accountNameSchema } from './accounts';
import {
	baseDocShape,
	docIdSchema,
	isoTimestamp,
	optionalText as text,
	requiredText as required
} from './common';
import { INTEREST_AREAS, PLACES, TIMES_OF_DAY, WEEKDAYS, type Profile } from './profile';
import { posterOfId } from './private';
import { matchesPosterFields, posterIdSchema } from './private-ids';
import type { TypeRule } from './type-rules';

/**
 * Involvement opportunities: an interview panel, a mock patient for training, a place on a QI project
 * team… each with its role description. Staff and coordinators post them in `network` (every member reads
 * them); what passes between a member and the poster is private to the two of them and coordinators
 * (private.ts): the member's `interest` with a note, the poster's `selection`, and the `time-given`
 * recorded afterwards. Their ids name poster, member and opportunity, so each is one per person.
 */

export const OPPORTUNITY_KINDS = [
	'interview-panel',
	'mock-patient',
	'qi-project-team',
	'audit-or-inspection',
	'focus-group',
	'survey-design',
	'bid-writing',
	'research',
	'public-event'
] as const;
export type OpportunityKind = (typeof OPPORTUNITY_KINDS)[number];
export const OPPORTUNITY_KIND_LABELS: Record<OpportunityKind, string> = {
	'interview-panel': 'Interview panel',
	'mock-patient': 'Mock patient for training',
	'qi-project-team': 'Quality improvement project team',
	'audit-or-inspection': 'Audit or mock inspection',
	'focus-group': 'Focus group',
	'survey-design': 'Designing a survey',
	'bid-writing': 'Writing a bid',
	research: 'Research',
	'public-event': 'Public event'
};

export const OPPORTUNITY_STATUSES = ['open', 'closed'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

export const RATE_UNITS = ['hour', 'session', 'day'] as const;
export type RateUnit = (typeof RATE_UNITS)[number];

export const OPPORTUNITY_PLACES = [...PLACES, 'either'] as const;
export type OpportunityPlace = (typeof OPPORTUNITY_PLACES)[number];

/** An amount of money in whole pence: never a floating-point number of pounds. */
export const penceSchema = z
	.number({ error: 'Enter an amount of money' })
	.int({ error: 'An amount must be in whole pence' })
	.min(0, { error: 'An amount cannot be less than £0' })
	.max(1_000_000, { error: 'An amount must be £10,000 or less' });

const opportunityFields = z.object({
	kind: z.enum(OPPORTUNITY_KINDS, { error: 'Choose what kind of opportunity this is' }),
	title: required(120, 'The title', 'Enter a title'),
	purpose: required(2_000, 'The purpose', 'Say what this is for'),
	whatYouWillDo: required(2_000, 'What you will do', 'Say what people will do'),
	timeCommitment: required(300, 'The time commitment', 'Say how much time it takes'),
	startsOn: z.iso.date({ error: 'Enter a real date' }).nullable().default(null),
	endsOn: z.iso.date({ error: 'Enter a real date' }).nullable().default(null),
	/** The last day to say you are interested. */
	closesOn: z.iso.date({ error: 'Enter a real date' }).nullable().default(null),
	place: z.enum(OPPORTUNITY_PLACES, { error: 'Choose where it happens' }),
	location: text(200, 'The place').default(''),
	days: z.array(z.enum(WEEKDAYS)).max(7).default([]),
	times: z.array(z.enum(TIMES_OF_DAY)).max(3).default([]),
	interests: z.array(z.enum(INTEREST_AREAS)).max(INTEREST_AREAS.length).default([]),
	skillsUseful: text(1_000, 'Skills that help').default(''),
	support: text(1_000, 'Support and training').default(''),
	contact: required(200, 'The contact', 'Say who to contact'),
	supervisor: text(200, 'The supervisor').default(''),
	paid: z.boolean().default(false),
	/** The involvement payment per `rateUnit`, when `paid`. */
	ratePence: penceSchema.nullable().default(null),
	rateUnit: z.enum(RATE_UNITS).default('session'),
	expensesCovered: z.boolean().default(true),
	accessibility: text(1_000, 'Accessibility').default(''),
	projectId: docIdSchema('project').nullable().default(null),
	status: z.enum(OPPORTUNITY_STATUSES).default('open')
});

function checkOpportunity(
	value: Pick<
		z.infer<typeof opportunityFields>,
		'paid' | 'ratePence' | 'startsOn' | 'endsOn' | 'place' | 'location'
	>,
	ctx: z.core.$RefinementCtx
): void {
	if (value.paid && value.ratePence === null) {
		ctx.addIssue({ code: 'custom', path: ['ratePence'], message: 'Enter the payment rate, like 25.00' });
	}
	if (value.startsOn && value.endsOn && value.endsOn < value.startsOn) {
		ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'The end date must be on or after the start' });
	}
	if (value.place !== 'online' && value.location === '') {
		ctx.addIssue({ code: 'custom', path: ['location'], message: 'Say where it happens' });
	}
}

export const opportunityInputSchema = opportunityFields.superRefine(checkOpportunity);
export type OpportunityInput = z.input<typeof opportunityInputSchema>;

export const opportunitySchema = z
	.strictObject({ ...baseDocShape('opportunity'), ...opportunityFields.shape })
	.superRefine(checkOpportunity);
export type Opportunity = z.infer<typeof opportunitySchema>;

/** The fields a poster-private document shares: who, about whom, for which opportunity. */
const posterFields = <T extends string>(type: T) => ({
	_id: posterIdSchema(type),
	type: z.literal(type),
	schemaVersion: z.literal(1),
	author: accountNameSchema,
	createdAt: isoTimestamp,
	updatedAt: isoTimestamp,
	opportunityId: docIdSchema('opportunity'),
	poster: accountNameSchema,
	member: accountNameSchema
});
const idMatches = { error: "The id must name the document's poster, member and opportunity" };

/** What a member writes when they say they are interested. */
export const interestInputSchema = z.object({ note: text(1_000, 'Your note').default('') });

/** A member saying they are interested, with a note to the poster. Taking it back deletes it. */
export const interestSchema = z
	.strictObject({ ...posterFields('interest'), ...interestInputSchema.shape })
	.refine(matchesPosterFields, idMatches);
export type Interest = z.infer<typeof interestSchema>;

export const SELECTION_OUTCOMES = ['selected', 'not-selected'] as const;
export type SelectionOutcome = (typeof SELECTION_OUTCOMES)[number];

/** What the poster answers. */
export const selectionInputSchema = z.object({
	outcome: z.enum(SELECTION_OUTCOMES, { error: 'Choose Selected or Not selected' }),
	message: text(1_000, 'The message').default('')
});

/** The poster's answer to an interest: selected or not, with a message to the member. */
export const selectionSchema = z
	.strictObject({ ...posterFields('selection'), ...selectionInputSchema.shape })
	.refine(matchesPosterFields, idMatches);
export type Selection = z.infer<typeof selectionSchema>;

export const TIME_KINDS = ['preparation', 'taking-part', 'travel', 'follow-up'] as const;
export type TimeKind = (typeof TIME_KINDS)[number];
export const TIME_KIND_LABELS: Record<TimeKind, string> = {
	preparation: 'Preparing',
	'taking-part': 'Taking part',
	travel: 'Travelling',
	'follow-up': 'Following up'
};

/** What the poster records of the time a member gave. */
export const timeGivenInputSchema = z.object({
	on: z.iso.date({ error: 'Enter the date, for example 2026-11-20' }),
	/** In minutes: hours are entered as "2.5" and kept whole. */
	minutes: z
		.number({ error: 'Enter the hours, like 2 or 1.5' })
		.int()
		.min(15, { error: 'Enter at least a quarter of an hour (0.25)' })
		.max(24 * 60 * 14, { error: 'Enter 336 hours or fewer' }),
	kind: z.enum(TIME_KINDS, { error: 'Choose what the time was spent on' })
});

/** The time a member gave to an opportunity, recorded afterwards by the poster or a coordinator. */
export const timeGivenSchema = z
	.strictObject({ ...posterFields('time-given'), ...timeGivenInputSchema.shape })
	.refine(matchesPosterFields, idMatches);
export type TimeGiven = z.infer<typeof timeGivenSchema>;

export const OPPORTUNITY_SCHEMAS = {
	opportunity: opportunitySchema,
	interest: interestSchema,
	selection: selectionSchema,
	'time-given': timeGivenSchema
} as const;
export type OpportunityDocType = keyof typeof OPPORTUNITY_SCHEMAS;

const byPoster = (actor: { name: string }, doc: Record<string, unknown>) =>
	typeof doc._id === 'string' && posterOfId(doc._id) === actor.name;

export const OPPORTUNITY_TYPE_RULES: Readonly<Record<OpportunityDocType, TypeRule>> = {
	opportunity: {
		createRoles: ['staff', 'coordinator'],
		createRefusal: 'Only staff and coordinators can post opportunities'
	},
	interest: {
		immutable: ['opportunityId', 'poster', 'member'],
		onePerPerson: true,
		writers: (actor, doc) => doc.member === actor.name && doc.author === actor.name,
		writersRefusal: 'Only the member (or a coordinator for them) can say they are interested'
	},
	selection: {
		immutable: ['opportunityId', 'poster', 'member'],
		onePerPerson: true,
		writers: byPoster,
		writersRefusal: 'Only the person who posted it or a coordinator can select people'
	},
	'time-given': {
		immutable: ['opportunityId', 'poster', 'member'],
		onePerPerson: true,
		writers: byPoster,
		writersRefusal: 'Only the person who posted it or a coordinator can record time given'
	}
};

/** How well an opportunity suits a member's profile: the reasons, in words, and whether it matches at all. */
export interface ProfileMatch {
	matches: boolean;
	reasons: string[];
}

/**
 * Whether an open opportunity suits a profile: it shares an interest, or (when neither names interests)
 * it happens in a way the member can take part (online or in person) on a day they are free.
 */
export function matchProfile(
	opportunity: Pick<Opportunity, 'interests' | 'place' | 'days' | 'times' | 'status'>,
	profile: Pick<Profile, 'interests' | 'places' | 'days' | 'times'> | undefined
): ProfileMatch {
	if (!profile || opportunity.status !== 'open') return { matches: false, reasons: [] };
	const reasons: string[] = [];
	const shared = opportunity.interests.filter((interest) => profile.interests.includes(interest));
	if (shared.length > 0)
		reasons.push(shared.length === 1 ? 'one of your interests' : `${shared.length} of your interests`);
	const place =
		opportunity.place === 'either' ||
		profile.places.length === 0 ||
		profile.places.includes(opportunity.place);
	const day =
		opportunity.days.length === 0 ||
		profile.days.length === 0 ||
		opportunity.days.some((d) => profile.days.includes(d));
	const time =
		opportunity.times.length === 0 ||
		profile.times.length === 0 ||
		opportunity.times.some((t) => profile.times.includes(t));
	if (place && profile.places.length > 0) reasons.push('how you can take part');
	if (day && time && (profile.days.length > 0 || profile.times.length > 0)) reasons.push('when you are free');
	const interestsSay =
		opportunity.interests.length === 0 || profile.interests.length === 0 || shared.length > 0;
	return { matches: interestsSay && place && day && time && reasons.length > 0, reasons };
}
