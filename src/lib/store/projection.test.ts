import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeComment, makeIdea, makeStatus, makeSupport } from '../../../tests/factories';
import {
	makeAction,
	makeAgendaItem,
	makeGroup,
	makeMeeting,
	makeNote
} from '../../../tests/meeting-factories';
import { Desk, type IdeaRow } from './desk';
import { Ledger } from './ledger';
import { Projector } from './projection';
import { countIdea, readModelTables } from './read-models';
import type { DocumentWriter } from './writer';
import { openTestStore, removeTestStore, type TestStore } from '../../../tests/support/test-store';

let store: TestStore;
let ledger: Ledger;
let desk: Desk;
let projector: Projector;
let writer: DocumentWriter;

beforeEach(async () => {
	store = await openTestStore('projection');
	({ ledger, desk, projector, writer } = store);
});

afterEach(async () => {
	await removeTestStore(store);
});

/** Every read-model table's rows, by table name (the time a document was set aside left out). */
async function snapshot(): Promise<Record<string, unknown[]>> {
	const tables: Record<string, unknown[]> = {};
	for (const table of desk.readModels) {
		const rows: unknown[] = await table.toArray();
		tables[table.name] =
			table.name === 'quarantine'
				? rows.map((row) => ({ ...(row as Record<string, unknown>), at: undefined }))
				: rows;
	}
	return tables;
}

describe('batched projection', () => {
	it('knows every read-model table of the desk', () => {
		expect(Object.keys(readModelTables(desk)).sort()).toEqual(
			desk.readModels.map((table) => table.name).sort()
		);
	});

	it('counts an idea, its supports, comments and status, and a deletion, all in one batch', async () => {
		const idea = makeIdea({ title: 'Quieter handovers' });
		const other = makeIdea({ title: 'Nothing said about it' });
		const support = makeSupport(idea._id, 'member');
		const comment = makeComment(idea._id, { body: 'Handover noise keeps patients awake' });
		const hidden = makeComment(idea._id, { hidden: true, body: 'Hidden words' });
		const status = makeStatus(idea._id, { to: 'under-discussion' });
		const gone = makeSupport(idea._id, 'chair');
		await ledger.db.bulkDocs([idea, other, support, gone, comment, hidden, status]);
		await ledger.remove(gone._id, (await ledger.get(gone._id))!._rev);

		expect(await projector.catchUp()).toBe(7);

		const row = await desk.ideas.get(idea._id);
		expect(row).toMatchObject({
			title: 'Quieter handovers',
			supportCount: 1,
			commentCount: 1,
			status: 'under-discussion',
			lastActivityAt: status.createdAt
		});
		expect(await desk.ideas.get(other._id)).toMatchObject({
			supportCount: 0,
			commentCount: 0,
			status: 'new',
			lastActivityAt: other.updatedAt
		});
		expect(await desk.supports.get(gone._id)).toBeUndefined();
		// A comment's words find its idea; a hidden comment's do not.
		expect(await desk.search.where('words').equals('awake').primaryKeys()).toEqual([comment._id]);
		expect(await desk.search.get(hidden._id)).toBeUndefined();
	});

	it('recounts the idea a later batch takes a comment or status away from', async () => {
		const idea = makeIdea();
		const comment = makeComment(idea._id);
		const status = makeStatus(idea._id, { to: 'done', outcome: 'Fixed' });
		await ledger.db.bulkDocs([idea, comment, status]);
		await projector.catchUp();
		expect(await desk.ideas.get(idea._id)).toMatchObject({ commentCount: 1, status: 'done' });

		await ledger.remove(comment._id, (await ledger.get(comment._id))!._rev);
		await ledger.remove(status._id, (await ledger.get(status._id))!._rev);
		expect(await projector.catchUp()).toBe(2);
		expect(await desk.ideas.get(idea._id)).toMatchObject({
			commentCount: 0,
			status: 'new',
			lastActivityAt: idea.updatedAt
		});
		expect(await desk.search.get(comment._id)).toBeUndefined();

		// Editing the idea keeps its counts (they are worked out again, not reset).
		await ledger.db.bulkDocs([makeSupport(idea._id, 'chair')]);
		await projector.catchUp();
		const current = await ledger.get(idea._id);
		await ledger.db.put({ ...current!, title: 'Renamed', updatedAt: new Date().toISOString() });
		await projector.catchUp();
		expect(await desk.ideas.get(idea._id)).toMatchObject({ title: 'Renamed', supportCount: 1 });

		// A deleted idea leaves no row and no search words.
		await ledger.remove(idea._id, (await ledger.get(idea._id))!._rev);
		await projector.catchUp();
		expect(await desk.ideas.get(idea._id)).toBeUndefined();
		expect(await desk.search.get(idea._id)).toBeUndefined();
	});

	it('gives the same tables when the lists are rebuilt as when they were followed change by change', async () => {
		const ideas = Array.from({ length: 12 }, (_, i) =>
			makeIdea({ title: `Idea ${i}`, tags: [`tag${i % 3}`] })
		);
		const group = makeGroup();
		const meeting = makeMeeting(group._id);
		const item = makeAgendaItem(meeting);
		await ledger.db.bulkDocs([...ideas, group, meeting, item]);
		await projector.catchUp();
		for (const [i, idea] of ideas.entries()) {
			const docs: Record<string, unknown>[] = [makeComment(idea._id, { hidden: i % 4 === 0 })];
			if (i % 2 === 0) docs.push(makeSupport(idea._id, 'member'), makeSupport(idea._id, 'chair'));
			if (i % 3 === 0) docs.push(makeStatus(idea._id, { to: 'under-discussion' }));
			await ledger.db.bulkDocs(docs);
			if (i % 5 === 0) await projector.catchUp();
		}
		await ledger.db.bulkDocs([makeNote(item), makeAction(meeting), { ...makeIdea(), title: '' }]);
		const first = ideas[0]!;
		await ledger.remove(first._id, (await ledger.get(first._id))!._rev);
		const support = (await desk.supports.where('ideaId').equals(ideas[2]!._id).first())!;
		await ledger.remove(support.id, (await ledger.get(support.id))!._rev);
		await projector.catchUp();

		const followed = await snapshot();
		expect(followed.ideas).toHaveLength(11);
		expect(followed.quarantine).toHaveLength(1);
		expect(followed.meetingParts).toHaveLength(3);
		expect(await projector.rebuild()).toBeGreaterThan(0);
		expect(await snapshot()).toEqual(followed);
	});

	it('sets aside a document that stops being valid, and takes it back once it is valid again', async () => {
		const idea = makeIdea();
		const comment = makeComment(idea._id);
		await ledger.db.bulkDocs([idea, comment]);
		await projector.catchUp();
		expect(await desk.ideas.get(idea._id)).toMatchObject({ commentCount: 1 });

		const stored = (await ledger.get(comment._id))!;
		const { rev: badRev } = await ledger.db.put({ ...stored, body: '' });
		await projector.catchUp();
		expect(await desk.comments.get(comment._id)).toBeUndefined();
		expect(await desk.search.get(comment._id)).toBeUndefined();
		expect(await desk.quarantine.get(comment._id)).toMatchObject({ rev: badRev });
		expect(await desk.ideas.get(idea._id)).toMatchObject({ commentCount: 0 });
		const lines = (await desk.journal.toArray()).filter((line) => line.kind === 'quarantine');
		expect(lines).toHaveLength(1);
		expect(lines[0]?.message).toContain(comment._id);

		await ledger.db.put({ ...(await ledger.get(comment._id))!, body: 'Fixed' });
		await projector.catchUp();
		expect(await desk.quarantine.get(comment._id)).toBeUndefined();
		expect(await desk.ideas.get(idea._id)).toMatchObject({ commentCount: 1 });
	});

	it('tells about conflicts once per batch and clears them when they are settled', async () => {
		const seen: string[][] = [];
		projector.onConflicts = (ids) => seen.push(ids);
		const idea = makeIdea();
		const rev = await ledger.put(idea);
		await ledger.db.bulkDocs(
			[
				{
					...idea,
					title: 'Elsewhere',
					_rev: '2-ffff',
					_revisions: { start: 2, ids: ['ffff', rev.split('-')[1]] }
				}
			],
			{ new_edits: false }
		);
		await ledger.db.bulkDocs(
			[
				{ ...idea, title: 'Here', _rev: '2-aaaa', _revisions: { start: 2, ids: ['aaaa', rev.split('-')[1]] } }
			],
			{ new_edits: false }
		);
		await projector.catchUp();
		expect(seen).toEqual([[idea._id]]);
		expect(await desk.conflicts.get(idea._id)).toMatchObject({ type: 'idea', revs: ['2-aaaa'] });

		await ledger.db.remove(idea._id, '2-aaaa');
		await projector.catchUp();
		expect(await desk.conflicts.get(idea._id)).toBeUndefined();
		expect(await desk.ideas.get(idea._id)).toMatchObject({ title: 'Elsewhere', conflicts: [] });
	});

	it('lets a later change to the same document in a batch win', async () => {
		const idea = makeIdea();
		const comment = makeComment(idea._id);
		const changes = [
			{ id: idea._id, seq: 1, doc: { ...idea, _rev: '1-a' } },
			{ id: comment._id, seq: 2, doc: { ...comment, _rev: '1-b' } },
			{ id: idea._id, seq: 3, doc: { ...idea, title: 'Second title', _rev: '2-a' } },
			{ id: comment._id, seq: 4, deleted: true, doc: { _id: comment._id, _rev: '2-b', _deleted: true } }
		];
		let read = false;
		const feed = {
			db: {
				changes: () => {
					const results = read ? [] : changes;
					read = true;
					return Promise.resolve({ results, last_seq: 4 });
				}
			}
		};
		const fake = new Projector(feed as unknown as Ledger, desk);
		expect(await fake.catchUp()).toBe(4);
		expect(await desk.ideas.get(idea._id)).toMatchObject({
			title: 'Second title',
			rev: '2-a',
			commentCount: 0
		});
		expect(await desk.comments.count()).toBe(0);
		expect(await desk.search.get(comment._id)).toBeUndefined();
	});

	it('has the desk hold every change made before a catch-up was asked for, even while one runs', async () => {
		await ledger.db.bulkDocs(Array.from({ length: 600 }, (_, i) => makeIdea({ title: `Idea ${i}` })));
		const first = projector.catchUp();
		const late = makeIdea({ title: 'Written while the projection ran' });
		await ledger.put(late);
		await projector.catchUp();
		expect(await desk.ideas.get(late._id)).toBeDefined();
		await first;
		expect(await desk.ideas.count()).toBe(601);
	});

	it('keeps one projection when two projectors share a desk (two tabs)', async () => {
		const other = new Projector(ledger, desk);
		await ledger.db.bulkDocs(Array.from({ length: 700 }, (_, i) => makeIdea({ title: `Idea ${i}` })));
		await Promise.all([projector.catchUp(), other.catchUp()]);
		await ledger.db.bulkDocs([makeIdea({ title: 'One more' })]);
		await Promise.all([other.catchUp(), projector.catchUp()]);
		expect(await desk.ideas.count()).toBe(701);
		const info = await ledger.db.info();
		expect(await desk.getSetting('projection.seq')).toBe(info.update_seq);
	});

	it('has a saved document in the desk when the save resolves, while following the ledger live', async () => {
		projector.start();
		const ideas = Array.from({ length: 8 }, (_, i) => makeIdea({ title: `Saved ${i}` }));
		await Promise.all(
			ideas.map(async (idea) => {
				const rev = await writer.save(idea);
				expect(await desk.ideas.get(idea._id)).toMatchObject({ rev });
				expect(await desk.docStatus.get(idea._id)).toMatchObject({ rev, state: 'local' });
			})
		);
	});
	it('stops only once a pass under way has finished, so the stores can close under it', async () => {
		await ledger.db.bulkDocs(Array.from({ length: 300 }, (_, i) => makeIdea({ title: `Idea ${i}` })));
		projector.start();
		let finished = false;
		const pass = projector.catchUp().then(() => (finished = true));
		await projector.stop();
		// The pass finished before stop() resolved: nothing of it is left to write into closed stores.
		expect(finished).toBe(true);
		await pass;
		expect(await desk.ideas.count()).toBe(300);
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
		qiProject: '',
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
