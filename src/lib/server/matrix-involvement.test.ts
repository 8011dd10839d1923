import { describe, expect, it } from 'vitest';
import { EXPENSE_RATES_ID } from '../domain/claim';
import { profileId } from '../domain/profile';
import { RECEIPT_PHOTO } from './fuzz/private-docs';
import { useTestGateway, type Json } from '../../../tests/support/gateway';
import {
	makeClaim,
	makeClaimStep,
	makeInterest,
	makeOpportunity,
	makeProfile,
	makeReceipt,
	makeSelection,
	makeTimeGiven
} from '../../../tests/involvement-factories';
import {
	asNew,
	PRINCIPALS,
	revisionOf,
	SIGNED_IN,
	writeAs,
	WRITE_ROUTES,
	type Principal,
	type WriteRoute
} from '../../../tests/support/matrix';
import { makeComing, makeGroup, makeMeeting } from '../../../tests/meeting-factories';
import { TEST_BACKENDS } from '../../../tests/support/test-backends';

/**
 * The proof of who may write the documents of involvement opportunities, profiles and expenses claims,
 * and a member's `coming` to a meeting: every principal × every write route × each kind, on an opportunity
 * staff posted, a claim member sent and a meeting chair chairs. The expectations are written out here by
 * hand, not read from the type rules, so a change to the rules has to be made in both places.
 */

const EVERYONE: readonly Principal[] = ['member', 'chair', 'recruiter', 'staff', 'coordinator'];

/**
 * Who may write each kind in their own name. Staff and coordinators post opportunities, and the poster
 * and coordinators select people and record their time; anyone says they are interested, sends a claim
 * with its receipts and tells a chair they are coming; coordinators approve claims and their member
 * answers a query; only coordinators change someone else's profile and the expenses rates. A profile is
 * one per member: it is made the first time it is written and changed after that (the demo member's is
 * there already).
 *
 * Coordinators may also say someone is interested or coming for them, in their own name as author (a
 * member who rang rather than used the app): a type rule's `writers` adds to what coordinators may do.
 */
const TYPE_WRITERS: Record<string, readonly Principal[]> = {
	'an opportunity': ['staff', 'coordinator'],
	"a change to staff's opportunity": ['staff', 'coordinator'],
	'their own profile': EVERYONE,
	"someone else's profile": ['coordinator'],
	"their own interest in staff's opportunity": EVERYONE,
	"an interest in someone else's name": ['coordinator'],
	"a selection of member for staff's opportunity": ['staff', 'coordinator'],
	"member's time given to staff's opportunity": ['staff', 'coordinator'],
	'their own claim': EVERYONE,
	"a step approving member's claim": ['coordinator'],
	"an answer on member's claim": ['member', 'coordinator'],
	'a receipt on their own claim': EVERYONE,
	'a change to the expenses rates': ['coordinator'],
	'their own coming to a meeting chair chairs': EVERYONE,
	"a coming in someone else's name": ['coordinator']
};

describe.each(TEST_BACKENDS)('involvement write matrix over the $kind backend', ({ kind }) => {
	const gateway = useTestGateway(kind, 'matrix-involvement', { signIn: SIGNED_IN });

	const store = () => gateway.server.internals.names.backendName('network');
	const stored = async (id: string): Promise<Json | undefined> =>
		gateway.server.internals.couch.get(store(), id);
	/** The store's update sequence: it moves with every write that reaches it. */
	async function updateSeq(): Promise<unknown> {
		const { couch } = gateway.server.internals;
		const res = await couch.request<Json>('GET', couch.url(store()));
		expect(res.body?.update_seq).toBeDefined();
		return res.body?.update_seq;
	}

	/** `doc` written as `principal` through PUT, as the set-up of a kind, and as it is stored. */
	async function setUp<D extends Json>(principal: Principal, doc: D): Promise<D & { _rev: string }> {
		const result = await writeAs(gateway, 'PUT /<docid>', principal, doc);
		expect(result, `${principal} sets up ${String(doc._id)}`).toMatchObject({ written: true });
		return { ...doc, _rev: String(result.rev) };
	}

	/** `change` over the stored document with `fresh`'s id, or `fresh` when there is none yet. */
	async function createOrChange(fresh: Json, change: Json, route: WriteRoute): Promise<Json> {
		const current = await stored(String(fresh._id));
		if (!current) return asNew(fresh, route);
		return revisionOf({ ...current, ...change }, current, route === '_bulk_docs new_edits:false');
	}

	it('grants each kind exactly where the policy says, on every write route, and stores nothing refused', async () => {
		const group = await setUp('coordinator', makeGroup({ chairs: ['chair'] }));
		// The demo network keeps the 45p mileage rate, set by a coordinator.
		expect(await stored(EXPENSE_RATES_ID)).toMatchObject({ author: 'coordinator' });
		let rate = 45;
		const checked: string[] = [];
		for (const route of WRITE_ROUTES) {
			const replicated = route === '_bulk_docs new_edits:false';
			const change = (current: Json, fields: Json) =>
				revisionOf({ ...current, ...fields }, current, replicated);
			const memberClaim = await setUp('member', makeClaim('member'));
			for (const principal of PRINCIPALS) {
				const author = principal === 'anonymous' ? 'member' : principal;
				const someoneElse = author === 'member' ? 'recruiter' : 'member';
				const opportunity = await setUp('staff', makeOpportunity({ author: 'staff' }));
				const meeting = await setUp('chair', makeMeeting(group._id, { chair: 'chair' }));
				const ownClaim = makeClaim(author, { author });
				const rates = (await stored(EXPENSE_RATES_ID)) ?? {};
				rate += 1;
				const edit = { skillsOffered: `Changed by ${principal} through ${route}` };
				const docs: Record<string, Json> = {
					'an opportunity': makeOpportunity({ author }),
					"a change to staff's opportunity": change(opportunity, { title: `Changed by ${principal}` }),
					'their own profile': await createOrChange(makeProfile(author), edit, route),
					"someone else's profile": await createOrChange(makeProfile(someoneElse, { author }), edit, route),
					"their own interest in staff's opportunity": makeInterest(opportunity, author),
					"an interest in someone else's name": makeInterest(opportunity, someoneElse, { author }),
					"a selection of member for staff's opportunity": makeSelection(opportunity, 'member', { author }),
					"member's time given to staff's opportunity": makeTimeGiven(opportunity, 'member', { author }),
					'their own claim': ownClaim,
					"a step approving member's claim": makeClaimStep(memberClaim, { author, kind: 'approved' }),
					"an answer on member's claim": makeClaimStep(memberClaim, {
						author,
						kind: 'answered',
						note: 'The parking receipt is attached now.'
					}),
					'a receipt on their own claim': {
						...makeReceipt(ownClaim, { author, line: 1 }),
						_attachments: RECEIPT_PHOTO
					},
					'a change to the expenses rates': change(rates, { mileagePencePerMile: rate }),
					'their own coming to a meeting chair chairs': makeComing(meeting, author),
					"a coming in someone else's name": makeComing(meeting, someoneElse, { author })
				};
				for (const [what, writers] of Object.entries(TYPE_WRITERS)) {
					const doc = asNew(docs[what] ?? {}, route);
					const before = { seq: await updateSeq(), doc: await stored(String(doc._id)) };
					const { written, status, reason } = await writeAs(gateway, route, principal, doc);
					const where = `${principal} writing ${what} through ${route}: ${status} ${String(reason)}`;
					expect(written, where).toBe(writers.includes(principal));
					if (principal === 'anonymous') expect(status, where).toBe(401);
					else if (!written) expect(reason, where).toEqual(expect.any(String));
					if (!written) {
						// Nothing refused reaches the store: no revision, not even a conflicting one.
						expect(await updateSeq(), where).toEqual(before.seq);
						expect(await stored(String(doc._id)), where).toEqual(before.doc);
					}
					checked.push(`${route}:${principal}:${what}:${written ? 'yes' : 'no'}`);
				}
			}
		}
		const kinds = Object.keys(TYPE_WRITERS).length;
		expect(checked).toHaveLength(WRITE_ROUTES.length * PRINCIPALS.length * kinds);
		const granted = Object.values(TYPE_WRITERS).reduce((sum, writers) => sum + writers.length, 0);
		expect(checked.filter((c) => c.endsWith(':yes'))).toHaveLength(WRITE_ROUTES.length * granted);
		// Each member's own profile was made once and changed on the later routes, in their own name still.
		expect(await stored(profileId('staff'))).toMatchObject({
			author: 'staff',
			skillsOffered: `Changed by staff through ${WRITE_ROUTES[2]}`
		});
	});
});
