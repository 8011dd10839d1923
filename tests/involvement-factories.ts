/**
 * Typed test data for opportunities, profiles and expenses claims, made through the envelope (`newDoc`),
 * so each document goes through the real zod schema; each one a minute newer than the last.
 */
import {
	posterPrivateId,
	profileId,
	ulid,
	type Claim,
	type ClaimStep,
	type Interest,
	type Opportunity,
	type Profile,
	type Receipt,
	type Selection,
	type TimeGiven
} from '../src/lib/domain';
import { minuteByMinute, type Overrides } from './factories';

const made = minuteByMinute('2026-11-01T09:00:00Z');

export function makeOpportunity({
	author = 'coordinator',
	...content
}: Overrides<'opportunity'> = {}): Opportunity {
	return made('opportunity', author, {
		kind: 'interview-panel',
		title: 'Interview panel for a new paramedic lead',
		purpose: 'Choose the person who will lead paramedic practice in the north.',
		whatYouWillDo: 'Read the applications, ask two questions at interview, score each candidate.',
		timeCommitment: 'One day, and an hour to prepare',
		place: 'in-person',
		location: 'Headquarters, Leeds',
		contact: 'Casey Coordinator',
		interests: ['training'],
		...content
	});
}

/** A profile of `member`, written by them unless `author` says otherwise. */
export function makeProfile(
	member = 'member',
	{ author = member, ...content }: Overrides<'profile'> = {}
): Profile {
	return made('profile', author, { member, interests: ['training'], ...content }, profileId(member));
}

type PosterOverrides<K extends 'interest' | 'selection' | 'time-given'> = Omit<
	Overrides<K>,
	'opportunityId' | 'poster' | 'member'
>;

export function makeInterest(
	opportunity: Pick<Opportunity, '_id' | 'author'>,
	member = 'member',
	{ author = member, ...content }: PosterOverrides<'interest'> = {}
): Interest {
	const ids = { opportunityId: opportunity._id, poster: opportunity.author, member };
	const id = posterPrivateId('interest', opportunity.author, member, opportunity._id);
	return made('interest', author, { ...ids, note: 'I sat on a panel before.', ...content }, id);
}

export function makeSelection(
	opportunity: Pick<Opportunity, '_id' | 'author'>,
	member = 'member',
	{ author = opportunity.author, ...content }: PosterOverrides<'selection'> = {}
): Selection {
	const ids = { opportunityId: opportunity._id, poster: opportunity.author, member };
	const id = posterPrivateId('selection', opportunity.author, member, opportunity._id);
	return made('selection', author, { ...ids, outcome: 'selected', ...content }, id);
}

export function makeTimeGiven(
	opportunity: Pick<Opportunity, '_id' | 'author'>,
	member = 'member',
	{ author = opportunity.author, ...content }: PosterOverrides<'time-given'> = {}
): TimeGiven {
	const ids = { opportunityId: opportunity._id, poster: opportunity.author, member };
	const id = posterPrivateId('time-given', opportunity.author, member, opportunity._id);
	return made(
		'time-given',
		author,
		{ ...ids, on: '2026-11-20', minutes: 150, kind: 'taking-part', ...content },
		id
	);
}

/** A claim of `member` for 12.5 miles at 45p (563p) and £4.20 parking. */
export function makeClaim(
	member = 'member',
	{ author = member, ...content }: Overrides<'claim'> = {}
): Claim {
	return made(
		'claim',
		author,
		{
			member,
			forLabel: 'Control room visit',
			on: '2026-11-20',
			lines: [
				{ kind: 'mileage', tenthsOfMiles: 125, pencePerMile: 45, amountPence: 563 },
				{ kind: 'parking', description: 'Hospital car park', amountPence: 420 }
			],
			...content
		},
		`claim:${member}:${ulid()}`
	);
}

export function makeClaimStep(
	claim: Pick<Claim, '_id' | 'member'>,
	{ author = 'coordinator', ...content }: Omit<Overrides<'claim-step'>, 'claimId'> = {}
): ClaimStep {
	const id = `claim-step:${claim._id.slice('claim:'.length)}:${ulid()}`;
	return made('claim-step', author, { claimId: claim._id, kind: 'approved', ...content }, id);
}

export function makeReceipt(
	claim: Pick<Claim, '_id' | 'member'>,
	{ author = claim.member, ...content }: Omit<Overrides<'receipt'>, 'claimId'> = {}
): Receipt {
	return made(
		'receipt',
		author,
		{ claimId: claim._id, line: 1, ...content },
		`receipt:${claim.member}:${ulid()}`
	);
}
