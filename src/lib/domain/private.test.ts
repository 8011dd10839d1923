import { describe, expect, it } from 'vitest';
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
import { mayReadId, memberOfId, posterOfId, readersOfId } from './private';
import { decideWrite, type Actor } from './rules';

const member: Actor = { name: 'member', roles: ['member'] };
const other: Actor = { name: 'other', roles: ['member'] };
const staff: Actor = { name: 'sam', roles: ['staff'] };
const coordinator: Actor = { name: 'coordinator', roles: ['coordinator'] };

describe('who may read a private document, from its id alone', () => {
	const opportunity = makeOpportunity({ author: 'sam' });

	it('lets the member and coordinators read profiles, claims, steps and receipts, and nobody else', () => {
		const claim = makeClaim('member');
		for (const doc of [makeProfile('member'), claim, makeClaimStep(claim), makeReceipt(claim)]) {
			expect(readersOfId(doc._id)).toEqual(['member']);
			expect(mayReadId(member, doc._id)).toBe(true);
			expect(mayReadId(coordinator, doc._id)).toBe(true);
			expect(mayReadId(other, doc._id)).toBe(false);
			expect(mayReadId(staff, doc._id)).toBe(false);
		}
	});

	it('lets the poster read what passes between them and a member about their opportunity', () => {
		for (const doc of [makeInterest(opportunity), makeSelection(opportunity), makeTimeGiven(opportunity)]) {
			expect(memberOfId(doc._id)).toBe('member');
			expect(posterOfId(doc._id)).toBe('sam');
			expect(mayReadId(member, doc._id)).toBe(true);
			expect(mayReadId(staff, doc._id)).toBe(true);
			expect(mayReadId(other, doc._id)).toBe(false);
		}
	});

	it('lets everyone read documents that are not private, and nobody but coordinators a malformed private id', () => {
		expect(readersOfId(opportunity._id)).toBeUndefined();
		expect(mayReadId(other, opportunity._id)).toBe(true);
		for (const id of [
			'profile:',
			'profile:Member',
			'claim:../x',
			'interest:sam:member',
			'interest:sam:member:x:y'
		]) {
			expect(readersOfId(id)).toEqual([]);
			expect(mayReadId(member, id)).toBe(false);
			expect(mayReadId(coordinator, id)).toBe(true);
		}
	});
});

describe('writing private documents', () => {
	const opportunity = makeOpportunity({ author: 'sam' });

	it('refuses a member writing in another member’s private space, even with their own name as author', () => {
		const claim = makeClaim('other', { author: 'member' });
		expect(decideWrite(member, claim, undefined)).toEqual({ ok: false, reason: 'You cannot write this' });
		expect(decideWrite(member, makeProfile('other', { author: 'member' }), undefined).ok).toBe(false);
	});

	it('lets a member make their own claim and answer a query, but not approve it', () => {
		const claim = makeClaim('member');
		expect(decideWrite(member, claim, undefined).ok).toBe(true);
		const answer = makeClaimStep(claim, {
			author: 'member',
			kind: 'answered',
			note: 'It was the Leeds car park.'
		});
		expect(decideWrite(member, answer, undefined).ok).toBe(true);
		const approval = makeClaimStep(claim, { author: 'member', kind: 'approved' });
		expect(decideWrite(member, approval, undefined).ok).toBe(false);
		expect(decideWrite(coordinator, makeClaimStep(claim), undefined).ok).toBe(true);
		expect(decideWrite(member, { ...claim, note: 'changed' }, claim)).toEqual({
			ok: false,
			reason: 'This is part of a history and cannot be changed'
		});
	});

	it('lets a coordinator start a member’s profile and the member change it', () => {
		const profile = makeProfile('member', { author: 'coordinator' });
		expect(decideWrite(coordinator, profile, undefined).ok).toBe(true);
		expect(decideWrite(member, { ...profile, skillsOffered: 'Listening' }, profile).ok).toBe(true);
		expect(decideWrite(other, { ...profile, skillsOffered: 'x' }, profile).ok).toBe(false);
	});

	it('lets staff post opportunities and select people for their own, and members only say they are interested', () => {
		expect(decideWrite(staff, opportunity, undefined).ok).toBe(true);
		expect(decideWrite(member, makeOpportunity({ author: 'member' }), undefined).ok).toBe(false);
		expect(decideWrite(member, makeInterest(opportunity), undefined).ok).toBe(true);
		expect(decideWrite(staff, makeSelection(opportunity), undefined).ok).toBe(true);
		expect(
			decideWrite(member, makeSelection(opportunity, 'member', { author: 'member' }), undefined).ok
		).toBe(false);
		const someoneElses = makeOpportunity({ author: 'casey' });
		expect(decideWrite(staff, makeSelection(someoneElses, 'member', { author: 'sam' }), undefined).ok).toBe(
			false
		);
		expect(
			decideWrite(coordinator, makeTimeGiven(opportunity, 'member', { author: 'coordinator' }), undefined).ok
		).toBe(true);
	});

	it('refuses a receipt or an answer under another member’s claim', () => {
		const claim = makeClaim('other');
		expect(() => makeReceipt(claim, { author: 'member' })).not.toThrow();
		expect(decideWrite(member, makeReceipt(claim, { author: 'member' }), undefined).ok).toBe(false);
	});
});
