/** Ideas' counts, status and last activity (idea-counts.ts), worked out as batches and saves are projected. */
import { describe, expect, it } from 'vitest';
import { makeComment, makeIdea, makeStatus, makeSupport } from '../../../tests/factories';
import { useTestStore } from '../../../tests/support/test-store';
import type { IdeaRow } from './desk';
import { countIdea } from './idea-counts';

const store = useTestStore('idea-counts');

describe('projected counts', () => {
	it('counts an idea, its supports, comments and status, and a deletion, all in one batch', async () => {
		const idea = makeIdea({ title: 'Quieter handovers' });
		const other = makeIdea({ title: 'Nothing said about it' });
		const support = makeSupport(idea._id, 'member');
		const comment = makeComment(idea._id, { body: 'Handover noise keeps patients awake' });
		const hidden = makeComment(idea._id, { hidden: true, body: 'Hidden words' });
		const status = makeStatus(idea._id, { to: 'under-discussion' });
		const gone = makeSupport(idea._id, 'chair');
		await store.ledger.db.bulkDocs([idea, other, support, gone, comment, hidden, status]);
		await store.ledger.remove(gone._id, (await store.ledger.get(gone._id))!._rev);

		expect(await store.projector.catchUp()).toBe(7);

		const row = await store.desk.ideas.get(idea._id);
		expect(row).toMatchObject({
			title: 'Quieter handovers',
			supportCount: 1,
			commentCount: 1,
			status: 'under-discussion',
			lastActivityAt: status.createdAt
		});
		expect(await store.desk.ideas.get(other._id)).toMatchObject({
			supportCount: 0,
			commentCount: 0,
			status: 'new',
			lastActivityAt: other.updatedAt
		});
		expect(await store.desk.supports.get(gone._id)).toBeUndefined();
	});

	it('recounts the idea a later batch takes a comment or status away from', async () => {
		const idea = makeIdea();
		const comment = makeComment(idea._id);
		const status = makeStatus(idea._id, { to: 'done', outcome: 'Fixed' });
		await store.ledger.db.bulkDocs([idea, comment, status]);
		await store.projector.catchUp();
		expect(await store.desk.ideas.get(idea._id)).toMatchObject({ commentCount: 1, status: 'done' });

		await store.ledger.remove(comment._id, (await store.ledger.get(comment._id))!._rev);
		await store.ledger.remove(status._id, (await store.ledger.get(status._id))!._rev);
		expect(await store.projector.catchUp()).toBe(2);
		expect(await store.desk.ideas.get(idea._id)).toMatchObject({
			commentCount: 0,
			status: 'new',
			lastActivityAt: idea.updatedAt
		});

		// Editing the idea keeps its counts (they are worked out again, not reset).
		await store.ledger.db.bulkDocs([makeSupport(idea._id, 'chair')]);
		await store.projector.catchUp();
		const current = await store.ledger.get(idea._id);
		await store.ledger.db.put({ ...current!, title: 'Renamed', updatedAt: new Date().toISOString() });
		await store.projector.catchUp();
		expect(await store.desk.ideas.get(idea._id)).toMatchObject({ title: 'Renamed', supportCount: 1 });

		// A deleted idea leaves no row, even when its discussion changes in the same batch.
		await store.ledger.remove(idea._id, (await store.ledger.get(idea._id))!._rev);
		await store.ledger.db.bulkDocs([makeComment(idea._id)]);
		await store.projector.catchUp();
		expect(await store.desk.ideas.get(idea._id)).toBeUndefined();
	});

	it('counts a saved comment or support into its idea when the save resolves, and a taken-back one out', async () => {
		const idea = makeIdea();
		await store.writer.save(idea);
		await store.writer.save(makeComment(idea._id));
		const support = makeSupport(idea._id, 'chair');
		const rev = await store.writer.save(support);
		expect(await store.desk.ideas.get(idea._id)).toMatchObject({ commentCount: 1, supportCount: 1 });
		await store.writer.remove(support._id, rev);
		expect(await store.desk.ideas.get(idea._id)).toMatchObject({ commentCount: 1, supportCount: 0 });
		expect(await store.desk.supports.get(support._id)).toBeUndefined();
	});
});

describe('countIdea', () => {
	const idea: IdeaRow = {
		id: 'idea:1',
		rev: '1-a',
		title: 'T',
		details: '',
		author: 'member',
		createdAt: '2026-01-01T00:00:00.000Z',
		updatedAt: '2026-01-02T00:00:00.000Z',
		area: '',
		tags: [],
		origin: 'member',
		links: [],
		conflicts: [],
		status: 'new',
		supportCount: 0,
		commentCount: 0,
		lastActivityAt: '2026-01-02T00:00:00.000Z'
	};
	const status = (id: string, to: IdeaRow['status'], createdAt: string) => ({
		id,
		ideaId: idea.id,
		author: 'coordinator',
		to,
		reason: '',
		outcome: '',
		projectId: null,
		qiProject: '',
		easyRead: '',
		createdAt
	});

	it('follows the newest status, the greater id for the same time', () => {
		const at = '2026-01-03T00:00:00.000Z';
		const counted = countIdea(idea, {
			supports: [],
			comments: [],
			statuses: [status('status:b', 'done', at), status('status:a', 'under-discussion', at)]
		});
		expect(counted).toMatchObject({ status: 'done', lastActivityAt: at });
	});

	it('ignores hidden comments and keeps the idea’s own time when nothing is newer', () => {
		const comment = {
			id: 'comment:1',
			rev: '1-c',
			ideaId: idea.id,
			parentId: null,
			author: 'chair',
			body: 'Hidden',
			hidden: true,
			createdAt: '2026-02-01T00:00:00.000Z',
			updatedAt: '2026-02-01T00:00:00.000Z',
			conflicts: []
		};
		expect(countIdea(idea, { supports: [], comments: [comment], statuses: [] })).toEqual(idea);
	});
});
