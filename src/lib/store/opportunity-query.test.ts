import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	makeInterest,
	makeOpportunity,
	makeProfile,
	makeSelection,
	makeTimeGiven
} from '../../../tests/involvement-factories';
import { openTestStore, removeTestStore, type TestStore } from '../../../tests/support/test-store';
import { loadSelectedNotices } from './home-query';
import { loadOpportunities, loadOpportunity, type OpportunityFilter } from './opportunity-query';

let store: TestStore;
const me = { name: 'member', displayName: 'Mo Member' };
const all: OpportunityFilter = { kind: '', place: '', suits: false };

beforeEach(async () => {
	store = await openTestStore('opportunities');
});

afterEach(async () => {
	await removeTestStore(store);
});

describe('opportunities on the device', () => {
	it('lists open ones first, soonest to close first, with how each suits the profile; filters by kind, place and fit', async () => {
		const closed = makeOpportunity({ title: 'Closed', status: 'closed', interests: ['training'] });
		const later = makeOpportunity({ title: 'Later', closesOn: '2026-12-20', interests: ['digital'] });
		const sooner = makeOpportunity({
			title: 'Sooner',
			kind: 'focus-group',
			place: 'online',
			location: '',
			closesOn: '2026-12-01',
			interests: ['training']
		});
		const profile = makeProfile('member', { interests: ['training'], places: ['online'] });
		await store.ledger.db.bulkDocs([closed, later, sooner, profile, makeInterest(sooner)]);
		await store.projector.catchUp();

		const listed = await loadOpportunities(store.desk, all, me);
		expect(listed.map((item) => item.row.title)).toEqual(['Sooner', 'Later', 'Closed']);
		expect(listed[0]?.match).toEqual({
			matches: true,
			reasons: ['one of your interests', 'how you can take part']
		});
		expect(listed[0]?.interested).toBe(true);
		expect(listed.map((item) => item.match.matches)).toEqual([true, false, false]);

		const titles = async (filter: Partial<OpportunityFilter>) =>
			(await loadOpportunities(store.desk, { ...all, ...filter }, me)).map((item) => item.row.title);
		expect(await titles({ suits: true })).toEqual(['Sooner']);
		expect(await titles({ kind: 'focus-group' })).toEqual(['Sooner']);
		expect(await titles({ place: 'in-person' })).toEqual(['Later', 'Closed']);
	});

	it('gathers each person’s interest, selection and time given under one opportunity, and tells the selected', async () => {
		const opportunity = makeOpportunity({ author: 'staff', title: 'Interview panel' });
		const other = makeOpportunity({ author: 'staff', title: 'Not this one' });
		await store.ledger.db.bulkDocs([
			opportunity,
			other,
			makeInterest(opportunity, 'member', { note: 'I can do Tuesdays' }),
			makeInterest(opportunity, 'chair'),
			makeSelection(opportunity, 'member', { message: 'See you there' }),
			makeSelection(opportunity, 'chair', { outcome: 'not-selected' }),
			makeTimeGiven(opportunity, 'member')
		]);
		await store.projector.catchUp();

		const view = await loadOpportunity(store.desk, opportunity._id, me);
		expect(view?.people.map((person) => person.member)).toEqual(['chair', 'member']);
		expect(view?.mine?.name).toBe('Mo Member');
		expect(view?.mine?.interest?.row.doc.note).toBe('I can do Tuesdays');
		expect(view?.mine?.selection?.row.doc.message).toBe('See you there');
		expect(view?.mine?.time?.row.doc.minutes).toBe(150);
		expect(view?.mine?.interest?.status).toEqual({ kind: 'synced' });
		expect(await loadOpportunity(store.desk, 'opportunity:01J0000000000000000000000Z', me)).toBeUndefined();

		expect(await loadSelectedNotices(store.desk, 'member')).toEqual([
			{ opportunityId: opportunity._id, title: 'Interview panel' }
		]);
		expect(await loadSelectedNotices(store.desk, 'chair')).toEqual([]);
		// Once its poster closes the opportunity, Home no longer mentions it.
		await store.ledger.db.put({
			...opportunity,
			status: 'closed',
			_rev: (await store.ledger.db.get(opportunity._id))._rev
		});
		await store.projector.catchUp();
		expect(await loadSelectedNotices(store.desk, 'member')).toEqual([]);
	});
});
