import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeComment, makeIdea, makeSupport } from '../../../tests/factories';
import {
	makeClaim,
	makeInterest,
	makeOpportunity,
	makeReceipt,
	makeSelection
} from '../../../tests/involvement-factories';
import { makeAction, makeGroup, makeMeeting } from '../../../tests/meeting-factories';
import { openTestStore, removeTestStore, type TestStore } from '../../../tests/support/test-store';
import { newDocId } from '$lib/domain';
import { docPath } from '$lib/paths';
import { labelDocs } from './doc-labels';

let store: TestStore;

beforeEach(async () => {
	store = await openTestStore('labels');
});

afterEach(async () => {
	await removeTestStore(store);
});

describe('labelDocs', () => {
	it('names documents by what they are and what they belong to, and links to where they are shown', async () => {
		const idea = makeIdea({ title: 'Ramps at every station' });
		const comment = makeComment(idea._id);
		const support = makeSupport(idea._id);
		const meeting = makeMeeting(makeGroup()._id, { title: 'North members' });
		const action = makeAction(meeting, { text: 'Ask the estates team' });
		await store.ledger.db.bulkDocs([idea, comment, support, meeting, action]);
		await store.projector.catchUp();
		const unknown = newDocId('comment');

		const labels = await labelDocs(store.desk, [idea._id, comment._id, support._id, action._id, unknown]);
		const shown = [idea._id, comment._id, support._id, action._id, unknown].map((id) => {
			const label = labels.get(id);
			return [label?.label, docPath(id, label?.links)];
		});
		const ideaPage = `/ideas/${idea._id.slice('idea:'.length)}`;
		expect(shown).toEqual([
			['Idea: Ramps at every station', ideaPage],
			['Comment on “Ramps at every station”', ideaPage],
			['Support for “Ramps at every station”', ideaPage],
			['Action from “North members”', `/meetings/${meeting._id.slice('meeting:'.length)}`],
			[unknown, '/sync']
		]);
	});

	it('names an interest or a selection by its opportunity, and leads there', async () => {
		const opportunity = makeOpportunity({ title: 'Mock patient for call handlers' });
		const interest = makeInterest(opportunity);
		const selection = makeSelection(opportunity);
		await store.ledger.db.bulkDocs([opportunity, interest, selection]);
		await store.projector.catchUp();

		const labels = await labelDocs(store.desk, [opportunity._id, interest._id, selection._id]);
		const page = `/opportunities/${opportunity._id.slice('opportunity:'.length)}`;
		expect([opportunity._id, interest._id, selection._id].map((id) => labels.get(id)?.label)).toEqual([
			'Opportunity: Mock patient for call handlers',
			'Interest in “Mock patient for call handlers”',
			'Selection for “Mock patient for call handlers”'
		]);
		for (const id of [opportunity._id, interest._id, selection._id])
			expect(docPath(id, labels.get(id)?.links)).toBe(page);
	});

	it('names an expenses claim, its receipts and the rates, and links them to the claim', async () => {
		const claim = makeClaim('ann');
		const receipt = makeReceipt(claim);
		await store.ledger.db.bulkDocs([claim, receipt]);
		await store.projector.catchUp();

		const labels = await labelDocs(store.desk, [claim._id, receipt._id, 'expense-rates:network']);
		const claimPage = `/expenses/${encodeURIComponent(claim._id.slice('claim:'.length))}`;
		expect([...labels].map(([id, label]) => [label.label, docPath(id, label.links)])).toEqual([
			['Expenses claim for Control room visit', claimPage],
			['Receipt for the expenses claim for “Control room visit”', claimPage],
			['Expenses rates', '/expenses/rates']
		]);
	});
});
