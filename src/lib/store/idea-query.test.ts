import { describe, expect, it } from 'vitest';
import { makeComment, makeIdea, makeStatus, makeSupport } from '../../../tests/factories';
import { editDoc } from '$lib/domain';
import { loadConflict } from './conflicts';
import { loadIdeaPage, loadIdeaView, loadOutcomes, queryIdeas, type IdeaQuery } from './idea-query';
import { useTestStore } from '../../../tests/support/test-store';

const store = useTestStore('ideas');

const query = (overrides: Partial<IdeaQuery> = {}): IdeaQuery => ({
	sort: 'newest',
	limit: 50,
	...overrides
});

describe('idea read model', () => {
	it('counts supports and visible comments, follows the latest status, in any arrival order', async () => {
		const idea = makeIdea({ title: 'Quieter handovers' });
		const comment = makeComment(idea._id);
		const hidden = makeComment(idea._id, { hidden: true });
		// Discussion can sync before the idea itself.
		await store.ledger.db.bulkDocs([
			makeSupport(idea._id, 'member'),
			makeSupport(idea._id, 'chair'),
			comment,
			hidden
		]);
		await store.projector.catchUp();
		await store.ledger.db.bulkDocs([idea, makeStatus(idea._id, { to: 'under-discussion' })]);
		await store.ledger.db.bulkDocs([
			makeStatus(idea._id, { to: 'done', outcome: 'Handover bays now have a quiet room.' })
		]);
		await store.projector.catchUp();

		const row = await store.desk.ideas.get(idea._id);
		expect(row).toMatchObject({ supportCount: 2, commentCount: 1, status: 'done' });
		expect(row!.lastActivityAt > idea.updatedAt).toBe(true);

		const support = await store.ledger.get(`support:${idea._id.slice(5)}:chair`);
		await store.ledger.remove(support!._id, support!._rev);
		await store.projector.catchUp();
		expect((await store.desk.ideas.get(idea._id))?.supportCount).toBe(1);
	});

	it('filters by status, area, tag, mine and supported, and sorts', async () => {
		const mine = makeIdea({ author: 'member', area: '111', tags: ['waiting'] });
		const popular = makeIdea({ author: 'chair', area: 'Community' });
		const done = makeIdea({ author: 'chair' });
		await store.ledger.db.bulkDocs([
			mine,
			popular,
			done,
			makeSupport(popular._id, 'member'),
			makeSupport(popular._id, 'chair'),
			makeStatus(done._id, { to: 'done', outcome: 'Fixed' })
		]);
		await store.projector.catchUp();

		const ids = async (q: Partial<IdeaQuery>) =>
			(await queryIdeas(store.desk, 'member', query(q))).rows.map((row) => row.id);
		expect(await ids({})).toEqual([done._id, popular._id, mine._id]);
		expect(await ids({ sort: 'supported' })).toEqual(expect.arrayContaining([popular._id]));
		expect((await ids({ sort: 'supported' }))[0]).toBe(popular._id);
		expect(await ids({ status: 'done' })).toEqual([done._id]);
		expect(await ids({ area: '111' })).toEqual([mine._id]);
		expect(await ids({ tag: 'waiting' })).toEqual([mine._id]);
		expect(await ids({ mine: true })).toEqual([mine._id]);
		expect(await ids({ supported: true })).toEqual([popular._id]);
		const page = await queryIdeas(store.desk, 'member', query({ limit: 1 }));
		expect(page).toMatchObject({ total: 3, rows: [{ id: done._id }] });
	});
});

describe('one idea and the outcomes feed', () => {
	it('threads replies under their comment, and lists an ending only while it is the latest step', async () => {
		const idea = makeIdea({ title: 'Quieter handovers' });
		const first = makeComment(idea._id, { body: 'Yes please' });
		const reply = makeComment(idea._id, { parentId: first._id, body: 'And at night too' });
		const done = makeStatus(idea._id, { to: 'done', outcome: 'Handover bays now have a quiet room.' });
		await store.ledger.db.bulkDocs([idea, first, reply, makeSupport(idea._id, 'member'), done]);
		await store.projector.catchUp();

		const view = await loadIdeaView(store.desk, 'member', idea._id, '2026-10-01');
		expect(view).toMatchObject({ item: { row: { title: 'Quieter handovers' } }, supportedByMe: true });
		expect(view?.comments.map((thread) => [thread.row.body, thread.replies.map((r) => r.row.body)])).toEqual([
			['Yes please', ['And at night too']]
		]);
		expect(view?.history.map((step) => step.to)).toEqual(['done']);
		expect(await loadIdeaView(store.desk, 'member', makeIdea()._id, '2026-10-01')).toBeUndefined();
		expect((await loadOutcomes(store.desk, 10)).map(({ step }) => step.id)).toEqual([done._id]);

		await store.ledger.db.bulkDocs([makeStatus(idea._id, { to: 'under-discussion' })]);
		await store.projector.catchUp();
		expect(await loadOutcomes(store.desk, 10)).toEqual([]);
	});
});

describe('conflicts', () => {
	it('keeps both versions until a choice is saved, then removes only the other one', async () => {
		const idea = makeIdea({ title: 'Original', details: 'Base text' });
		const rev1 = await store.writer.save(idea);
		await store.writer.save(editDoc('idea', idea, { title: 'Original', details: 'Text from phone A' }), rev1);
		// Phone B's edit of the same first revision, arriving by replication.
		await store.ledger.db.bulkDocs(
			[
				{
					...editDoc('idea', idea, { title: 'Renamed on B', details: 'Text from phone B' }),
					_rev: '2-bbbb',
					_revisions: { start: 2, ids: ['bbbb', rev1.split('-')[1]] }
				}
			],
			{ new_edits: false }
		);
		await store.projector.catchUp();
		expect(await store.desk.conflicts.get(idea._id)).toMatchObject({ type: 'idea' });
		// While two versions wait for a choice the idea is not "Synced", in the list and on its page.
		expect((await loadIdeaView(store.desk, 'member', idea._id, '2026-10-02'))?.item.status).toEqual({
			kind: 'conflict'
		});
		expect((await loadIdeaPage(store.desk, 'member', query())).items[0]?.status).toEqual({
			kind: 'conflict'
		});

		const conflict = await loadConflict(store.ledger, idea._id);
		expect(conflict).toBeDefined();
		const texts = [conflict!.current.content.details, conflict!.other.content.details].sort();
		expect(texts).toEqual(['Text from phone A', 'Text from phone B']);

		const merged = editDoc('idea', idea, {
			title: 'Renamed on B',
			details: 'Text from phone A\n\nText from phone B'
		});
		await store.writer.resolve(idea._id, merged, conflict!.current.rev, [conflict!.other.rev]);
		expect(await loadConflict(store.ledger, idea._id)).toBeUndefined();
		const row = await store.desk.ideas.get(idea._id);
		expect(row).toMatchObject({
			title: 'Renamed on B',
			details: 'Text from phone A\n\nText from phone B',
			conflicts: []
		});
		expect(await store.desk.conflicts.get(idea._id)).toBeUndefined();
		expect((await loadIdeaView(store.desk, 'member', idea._id, '2026-10-02'))?.item.status).toEqual({
			kind: 'local'
		});
	});
});
