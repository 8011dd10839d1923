import { describe, expect, it } from 'vitest';
import type { Role } from '../../domain/accounts';
import { claimStatus, claimTotal, type Claim, type ClaimStep } from '../../domain/claim';
import { parseDocument, type AppDoc } from '../../domain/documents';
import { matchProfile, OPPORTUNITY_KINDS, type Opportunity } from '../../domain/opportunity';
import { readersOfId } from '../../domain/private';
import { decideWrite } from '../../domain/rules';
import { DEMO_ACCOUNTS } from './accounts';
import { demoClaims, demoReceiptImage } from './claims';
import { demoDiscussion } from './discussion';
import { demoInvolvement } from './involvement';
import { demoMeetings } from './meetings';
import { demoIdeas } from './network';
import { demoProjects } from './projects';
import { demoVisits } from './visits';

const now = Date.now();
const projects = demoProjects(now);
const { ideas } = demoDiscussion(demoIdeas(now), projects.ids);
const involvement = demoInvolvement(projects.ids, now);
const image = await demoReceiptImage();
const claims = demoClaims(
	{
		opportunities: involvement.opportunities,
		visits: demoVisits(projects.ids, now),
		meetings: demoMeetings(ideas, projects.ids, now)
	},
	image,
	now
);
const everything = [...involvement.docs, ...claims];
const roles = (name: string): readonly Role[] =>
	DEMO_ACCOUNTS.find((account) => account.name === name)?.roles ?? [];
const ofType = <T extends AppDoc['type']>(type: T) =>
	everything.filter((doc): doc is Extract<AppDoc, { type: T }> => doc.type === type);

describe('the demo network’s involvement and expenses', () => {
	it('are valid documents their authors could have written, none dated after now', () => {
		expect(DEMO_ACCOUNTS.find((account) => account.name === 'staff')?.roles).toEqual(['staff', 'member']);
		for (const doc of everything) {
			expect(parseDocument(doc), doc._id).toMatchObject({ ok: true });
			const actor = { name: doc.author, roles: roles(doc.author) };
			expect(decideWrite(actor, doc, undefined), doc._id).toMatchObject({ ok: true });
			expect(doc.createdAt <= new Date(now).toISOString(), doc._id).toBe(true);
		}
		expect(new Set(everything.map((doc) => doc._id)).size).toBe(everything.length);
	});

	it('offer every kind of opportunity, some paid, one closed, the QI team linked to a demo project', () => {
		const opportunities = ofType('opportunity');
		expect(opportunities.map((doc) => doc.kind).sort()).toEqual([...OPPORTUNITY_KINDS].sort());
		expect(new Set(opportunities.map((doc) => doc.author))).toEqual(new Set(['staff', 'coordinator']));
		const paid = opportunities.filter((doc) => doc.paid);
		expect(paid.length).toBeGreaterThanOrEqual(2);
		expect(paid.every((doc) => Number.isInteger(doc.ratePence) && (doc.ratePence ?? 0) > 0)).toBe(true);
		expect(opportunities.filter((doc) => doc.status === 'closed')).toHaveLength(1);
		const team = opportunities.find((doc) => doc.kind === 'qi-project-team');
		expect(Object.values(projects.ids)).toContain(team?.projectId);
	});

	it('give the demo member a profile that suits some open opportunities and not others', () => {
		const [profile] = ofType('profile');
		expect(profile?.member).toBe('member');
		const suits = (doc: Opportunity) => matchProfile(doc, profile).matches;
		const open = ofType('opportunity').filter((doc) => doc.status === 'open');
		expect(open.filter(suits).map((doc) => doc.kind)).toEqual([
			'interview-panel',
			'mock-patient',
			'qi-project-team'
		]);
		expect(open.some((doc) => !suits(doc))).toBe(true);
	});

	it('hold interests with notes from several members, selections and time given, private to those named', () => {
		const interests = ofType('interest');
		expect(new Set(interests.map((doc) => doc.member)).size).toBeGreaterThanOrEqual(2);
		expect(interests.every((doc) => doc.note.length > 0)).toBe(true);
		expect(ofType('selection').filter((doc) => doc.outcome === 'selected').length).toBeGreaterThan(0);
		const given = ofType('time-given');
		expect(new Set(given.map((doc) => doc.member)).size).toBeGreaterThanOrEqual(2);
		for (const doc of [...interests, ...ofType('selection'), ...given]) {
			expect(readersOfId(doc._id), doc._id).toEqual([doc.member, doc.poster]);
		}
		for (const doc of [
			...ofType('profile'),
			...ofType('claim'),
			...ofType('claim-step'),
			...ofType('receipt')
		]) {
			expect(readersOfId(doc._id), doc._id).toEqual(['member']);
		}
	});

	it('give the demo member a claim in every status, with steps by the coordinator and a receipt photo', () => {
		const steps = ofType('claim-step');
		const stepsOf = (claim: Claim): ClaimStep[] => steps.filter((step) => step.claimId === claim._id);
		const statuses = ofType('claim').map((claim) => claimStatus(stepsOf(claim)));
		expect(statuses.sort()).toEqual(['answered', 'approved', 'queried', 'rejected', 'submitted']);
		expect(steps.every((step) => step.author === (step.kind === 'answered' ? 'member' : 'coordinator'))).toBe(
			true
		);
		expect(steps.every((step) => ofType('claim').some((claim) => claim._id === step.claimId))).toBe(true);
		expect(ofType('claim').every((claim) => claimTotal(claim) > 0)).toBe(true);
		const [rates] = ofType('expense-rates');
		expect(rates?.mileagePencePerMile).toBe(45);

		const receipts = claims.filter((doc) => doc.type === 'receipt');
		expect(receipts.length).toBeGreaterThan(0);
		for (const receipt of receipts) {
			const claim = ofType('claim').find((doc) => receipt.type === 'receipt' && doc._id === receipt.claimId);
			expect(claim && receipt.type === 'receipt' && claim.lines[receipt.line]?.kind).toBe('parking');
			expect(receipt._attachments).toEqual({ image: { content_type: 'image/jpeg', data: image } });
		}
		expect(Buffer.from(image, 'base64').subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
	});
});
