import { describe, expect, it } from 'vitest';
import { docPath } from './paths';

const IDEA = 'idea:01J0000000000000000000000A';
const VISIT = 'visit:01J0000000000000000000000B';
const MEETING = 'meeting:01J0000000000000000000000C';

describe('docPath', () => {
	it('leads to the page that shows a document, through what it belongs to', () => {
		expect(docPath(IDEA)).toBe('/ideas/01J0000000000000000000000A');
		expect(docPath('comment:01J0000000000000000000000D', { ideaId: IDEA })).toBe(
			'/ideas/01J0000000000000000000000A'
		);
		expect(docPath('observation:01J0000000000000000000000E', { visitId: VISIT })).toBe(
			'/visits/01J0000000000000000000000B'
		);
		expect(docPath('photo:01J0000000000000000000000F', { subject: IDEA })).toBe(
			'/ideas/01J0000000000000000000000A'
		);
		expect(docPath('action:01J0000000000000000000000G', { meetingId: MEETING })).toBe(
			'/meetings/01J0000000000000000000000C'
		);
	});

	it('leads from a profile to its page, and from an interest, a selection or time given to its opportunity', () => {
		const opportunity = 'opportunity:01J0000000000000000000000H';
		expect(docPath(opportunity)).toBe('/opportunities/01J0000000000000000000000H');
		expect(docPath('profile:sam.patel')).toBe('/people/sam.patel/profile');
		for (const type of ['interest', 'selection', 'time-given'])
			expect(docPath(`${type}:staff:member:01J0000000000000000000000H`, { opportunityId: opportunity })).toBe(
				'/opportunities/01J0000000000000000000000H'
			);
	});

	it('leads to an expenses claim from its steps and receipts, and to the rates', () => {
		const claim = 'claim:ann:01J0000000000000000000000H';
		expect(docPath(claim)).toBe('/expenses/ann%3A01J0000000000000000000000H');
		expect(docPath('receipt:ann:01J0000000000000000000000J', { claimId: claim })).toBe(
			'/expenses/ann%3A01J0000000000000000000000H'
		);
		expect(docPath('expense-rates:network')).toBe('/expenses/rates');
	});

	it('falls back to a list, or the sync page, when it cannot tell', () => {
		expect(docPath('comment:01J0000000000000000000000D')).toBe('/sync');
		expect(docPath('observation:01J0000000000000000000000E')).toBe('/visits');
		expect(docPath('action:01J0000000000000000000000G')).toBe('/meetings');
		expect(docPath('comment:01J0000000000000000000000D', { ideaId: 'javascript:alert(1)' })).toBe('/sync');
	});
});
