import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeComment, makeIdea, makeStatus, makeSupport } from '../../../tests/factories';
import {
	makeAction,
	makeAgendaItem,
	makeGroup,
	makeMeeting,
	makeNote
} from '../../../tests/meeting-factories';
import type { IdeaRow } from './desk';
import { Ledger } from './ledger';
import { Projector, type PulledDoc } from './projection';
import {
	openTestStore,
	recordFeedReads,
	removeTestStore,
	type TestStore
} from '../../../tests/support/test-store';
import { countIdea, readModelTables } from './read-models';
import { useTestStore } from '../../../tests/support/test-store';
import { PROJECTION_SEQ_KEY } from './desk';
import { statusOf } from './status';

const store = useTestStore('projection');

/** Every read-model table's rows, by table name (the time a document was set aside left out). */
async function snapshot(): Promise<Record<string, unknown[]>> {
	const tables: Record<string, unknown[]> = {};
	for (const table of store.desk.readModels) {
		const rows: unknown[] = await table.toArray();
		tables[table.name] =
			table.name === 'quarantine'
				? rows.map((row) => ({ ...(row as Record<string, unknown>), at: undefined }))
				: rows;
	}
	return tables;
}

describe('batched projection', () => {
	it('knows every read-model table of the store.desk', () => {
		expect(Object.keys(readModelTables(store.desk)).sort()).toEqual(
			store.desk.readModels.map((table) => table.name).sort()
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

	it('gives the same tables when the lists are rebuilt as when they were followed change by change', async () => {
		const ideas = Array.from({ length: 12 }, (_, i) =>
			makeIdea({ title: `Idea ${i}`, tags: [`tag${i % 3}`] })
		);
		const group = makeGroup();
		const meeting = makeMeeting(group._id);
		const item = makeAgendaItem(meeting);
		await store.ledger.db.bulkDocs([...ideas, group, meeting, item]);
		await store.projector.catchUp();
		for (const [i, idea] of ideas.entries()) {
			const docs: Record<string, unknown>[] = [makeComment(idea._id, { hidden: i % 4 === 0 })];
			if (i % 2 === 0) docs.push(makeSupport(idea._id, 'member'), makeSupport(idea._id, 'chair'));
			if (i % 3 === 0) docs.push(makeStatus(idea._id, { to: 'under-discussion' }));
			await store.ledger.db.bulkDocs(docs);
			if (i % 5 === 0) await store.projector.catchUp();
		}
		await store.ledger.db.bulkDocs([makeNote(item), makeAction(meeting), { ...makeIdea(), title: '' }]);
		const first = ideas[0]!;
		await store.ledger.remove(first._id, (await store.ledger.get(first._id))!._rev);
		const support = (await store.desk.supports.where('ideaId').equals(ideas[2]!._id).first())!;
		await store.ledger.remove(support.id, (await store.ledger.get(support.id))!._rev);
		await store.projector.catchUp();

		const followed = await snapshot();
		expect(followed.ideas).toHaveLength(11);
		expect(followed.quarantine).toHaveLength(1);
		expect(followed.meetingParts).toHaveLength(3);
		expect(await store.projector.rebuild()).toBeGreaterThan(0);
		expect(await snapshot()).toEqual(followed);
	});

	it('sets aside a document that stops being valid, and takes it back once it is valid again', async () => {
		const idea = makeIdea();
		const comment = makeComment(idea._id);
		await store.ledger.db.bulkDocs([idea, comment]);
		await store.projector.catchUp();
		expect(await store.desk.ideas.get(idea._id)).toMatchObject({ commentCount: 1 });

		const stored = (await store.ledger.get(comment._id))!;
		const { rev: badRev } = await store.ledger.db.put({ ...stored, body: '' });
		await store.projector.catchUp();
		expect(await store.desk.comments.get(comment._id)).toBeUndefined();
		expect(await store.desk.quarantine.get(comment._id)).toMatchObject({ rev: badRev });
		expect(await store.desk.ideas.get(idea._id)).toMatchObject({ commentCount: 0 });
		const lines = (await store.desk.journal.toArray()).filter((line) => line.kind === 'quarantine');
		expect(lines).toHaveLength(1);
		expect(lines[0]?.message).toContain(comment._id);

		await store.ledger.db.put({ ...(await store.ledger.get(comment._id))!, body: 'Fixed' });
		await store.projector.catchUp();
		expect(await store.desk.quarantine.get(comment._id)).toBeUndefined();
		expect(await store.desk.ideas.get(idea._id)).toMatchObject({ commentCount: 1 });
	});

	it('tells about conflicts once per batch and clears them when they are settled', async () => {
		const seen: string[][] = [];
		store.projector.onConflicts = (ids) => seen.push(ids);
		const idea = makeIdea();
		const rev = await store.ledger.put(idea);
		await store.ledger.db.bulkDocs(
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
		await store.ledger.db.bulkDocs(
			[
				{ ...idea, title: 'Here', _rev: '2-aaaa', _revisions: { start: 2, ids: ['aaaa', rev.split('-')[1]] } }
			],
			{ new_edits: false }
		);
		await store.projector.catchUp();
		expect(seen).toEqual([[idea._id]]);
		expect(await store.desk.conflicts.get(idea._id)).toMatchObject({ type: 'idea', revs: ['2-aaaa'] });

		await store.ledger.db.remove(idea._id, '2-aaaa');
		await store.projector.catchUp();
		expect(await store.desk.conflicts.get(idea._id)).toBeUndefined();
		expect(await store.desk.ideas.get(idea._id)).toMatchObject({ title: 'Elsewhere', conflicts: [] });
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
		const fake = new Projector(feed as unknown as Ledger, store.desk);
		expect(await fake.catchUp()).toBe(4);
		expect(await store.desk.ideas.get(idea._id)).toMatchObject({
			title: 'Second title',
			rev: '2-a',
			commentCount: 0
		});
		expect(await store.desk.comments.count()).toBe(0);
	});

	it('has the store.desk hold every change made before a catch-up was asked for, even while one runs', async () => {
		await store.ledger.db.bulkDocs(Array.from({ length: 600 }, (_, i) => makeIdea({ title: `Idea ${i}` })));
		const first = store.projector.catchUp();
		const late = makeIdea({ title: 'Written while the projection ran' });
		await store.ledger.put(late);
		await store.projector.catchUp();
		expect(await store.desk.ideas.get(late._id)).toBeDefined();
		await first;
		expect(await store.desk.ideas.count()).toBe(601);
	});

	it('keeps one projection when two projectors share a store.desk (two tabs)', async () => {
		const other = new Projector(store.ledger, store.desk);
		await store.ledger.db.bulkDocs(Array.from({ length: 700 }, (_, i) => makeIdea({ title: `Idea ${i}` })));
		await Promise.all([store.projector.catchUp(), other.catchUp()]);
		await store.ledger.db.bulkDocs([makeIdea({ title: 'One more' })]);
		await Promise.all([other.catchUp(), store.projector.catchUp()]);
		expect(await store.desk.ideas.count()).toBe(701);
		const info = await store.ledger.db.info();
		expect(await store.desk.getSetting('projection.seq')).toBe(info.update_seq);
	});

	it('has a saved document in the store.desk when the save resolves, while following the store.ledger live', async () => {
		store.projector.start();
		const ideas = Array.from({ length: 8 }, (_, i) => makeIdea({ title: `Saved ${i}` }));
		await Promise.all(
			ideas.map(async (idea) => {
				const rev = await store.writer.save(idea);
				expect(await store.desk.ideas.get(idea._id)).toMatchObject({ rev });
				expect(await store.desk.docStatus.get(idea._id)).toMatchObject({ rev, state: 'local' });
			})
		);
	});
	it('marks a write the desk never projected (a tab killed after the ledger write) as saved on this device', async () => {
		const synced = makeIdea({ title: 'Synced, then edited here' });
		const rev1 = await store.ledger.put(synced);
		await store.projector.catchUp();
		// The tab was killed after these ledger writes, before their desk transactions: no status rows.
		const rev2 = await store.ledger.put({ ...synced, title: 'Edited' }, rev1);
		const lost = makeIdea({ title: 'Written just before the tab was killed' });
		const lostRev = await store.ledger.put(lost);
		const confirmed = makeIdea({ title: 'Saved, projected, not yet confirmed' });
		const confirmedRev = await store.writer.save(confirmed);

		const reopened = new Projector(store.ledger, store.desk);
		reopened.start();
		await reopened.catchUp();
		await reopened.stop();
		expect(await store.desk.docStatus.get(synced._id)).toMatchObject({ rev: rev2, state: 'local' });
		expect(await store.desk.docStatus.get(lost._id)).toMatchObject({ rev: lostRev, state: 'local' });
		expect(await store.desk.docStatus.get(confirmed._id)).toMatchObject({
			rev: confirmedRev,
			state: 'local'
		});
		expect(await store.desk.ideas.get(lost._id)).toMatchObject({ rev: lostRev });
	});

	it('marks nothing before the desk has projected anything (a first sync brings the server’s documents)', async () => {
		await store.ledger.db.bulkDocs([makeIdea(), makeIdea()]);
		store.projector.start();
		await store.projector.catchUp();
		expect(await store.desk.ideas.count()).toBe(2);
		expect(await store.desk.docStatus.count()).toBe(0);
	});

	it('marks a save made during a first sync that a killed tab never projected as saved on this device', async () => {
		await store.ledger.db.bulkDocs([makeIdea(), makeIdea()]); // pulled, not yet in the lists
		// The tab is killed after the ledger write, before the desk's transaction.
		vi.spyOn(store.projector, 'project').mockReturnValue(new Promise(() => {}));
		const idea = makeIdea({ title: 'Written while the first sync ran' });
		void store.writer.save(idea);
		const written = await vi.waitFor(async () => {
			const doc = await store.ledger.get(idea._id);
			if (!doc) throw new Error('Not written yet');
			return doc;
		});

		const reopened = new Projector(store.ledger, store.desk);
		reopened.start();
		await reopened.catchUp();
		await reopened.stop();
		expect(await store.desk.ideas.count()).toBe(3);
		expect(await store.desk.docStatus.toArray()).toEqual([
			expect.objectContaining({ id: idea._id, state: 'local' })
		]);
		expect(statusOf(written._rev, await store.desk.docStatus.get(idea._id))).toEqual({ kind: 'local' });
	});

	it('takes away the mark of a save made during a first sync whose ledger write never happened', async () => {
		vi.spyOn(store.ledger, 'put').mockReturnValue(new Promise(() => {}));
		const idea = makeIdea();
		void store.writer.save(idea);
		await vi.waitFor(async () =>
			expect(await store.desk.docStatus.get(idea._id)).toMatchObject({ rev: null, state: 'local' })
		);
		const refused = {
			id: 'idea:gone',
			rev: null,
			state: 'denied' as const,
			reason: 'No',
			at: idea.createdAt
		};
		await store.desk.docStatus.put(refused);

		const reopened = new Projector(store.ledger, store.desk);
		reopened.start();
		await reopened.catchUp();
		await reopened.stop();
		expect(await store.desk.docStatus.toArray()).toEqual([refused]);
	});

	it('puts a status row back as it was when a save made during a first sync fails', async () => {
		const idea = makeIdea();
		const rev = await store.writer.save(idea);
		await expect(store.writer.save({ ...idea, title: 'From a stale copy' })).rejects.toMatchObject({
			status: 409
		});
		expect(await store.desk.docStatus.get(idea._id)).toMatchObject({ rev, state: 'local' });
	});

	it('is settled once a save queued before the call has its status row in the desk', async () => {
		store.projector.start();
		const idea = makeIdea();
		const rev = await store.ledger.put(idea);
		const projecting = store.projector.project(idea._id, {
			status: { id: idea._id, rev, state: 'local', at: idea.createdAt }
		});
		await store.projector.settled();
		expect(await store.desk.docStatus.get(idea._id)).toMatchObject({ rev, state: 'local' });
		await projecting;
	});

	it('never lets a pass that read the feed before a save write the older revision over it', async () => {
		const idea = makeIdea({ title: 'Before' });
		const first = await store.ledger.put(idea);
		// The pass reads the feed (the idea's first revision), then is held until the save has been written.
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		let hasRead = () => {};
		const read = new Promise<void>((resolve) => (hasRead = resolve));
		const changes = store.ledger.db.changes.bind(store.ledger.db);
		vi.spyOn(store.ledger.db, 'changes').mockImplementationOnce(((options: PouchDB.Core.ChangesOptions) =>
			(async () => {
				const result = await changes(options);
				hasRead();
				await held;
				return result;
			})()) as unknown as typeof store.ledger.db.changes);
		const pass = store.projector.catchUp();
		await read;
		const saving = store.writer.save({ ...idea, title: 'After' }, first);
		await new Promise((resolve) => setTimeout(resolve, 50));
		release();
		const saved = await saving;
		await pass;
		expect(await store.desk.ideas.get(idea._id)).toMatchObject({ rev: saved, title: 'After' });
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

	it('stops only once a pass under way has finished, so the stores can close under it', async () => {
		await store.ledger.db.bulkDocs(Array.from({ length: 300 }, (_, i) => makeIdea({ title: `Idea ${i}` })));
		store.projector.start();
		let finished = false;
		const pass = store.projector.catchUp().then(() => (finished = true));
		await store.projector.stop();
		// The pass finished before stop() resolved: nothing of it is left to write into closed stores.
		expect(finished).toBe(true);
		await pass;
		expect(await store.desk.ideas.count()).toBe(300);
	});
});

describe('first pull', () => {
	let server: TestStore;
	beforeEach(async () => {
		server = await openTestStore('projection-server');
	});
	afterEach(async () => {
		await removeTestStore(server);
	});

	/** The server's current versions of `ids` (every leaf), with their histories, as a pull fetches them. */
	async function fetched(ids: string[]): Promise<PulledDoc[]> {
		const docs: PulledDoc[] = [];
		for (const id of ids) {
			const leaves = await server.ledger.db.get(id, { open_revs: 'all', revs: true });
			for (const leaf of leaves) if ('ok' in leaf) docs.push(leaf.ok as PulledDoc);
		}
		return docs;
	}

	/** Writes a batch into the device's ledger as a pull does, and tells the first pull about it. */
	async function pullBatch(first: ReturnType<Projector['firstPull']>, docs: PulledDoc[]): Promise<void> {
		await store.ledger.db.bulkDocs(docs, { new_edits: false });
		first.pulled(docs);
	}

	it('builds the lists from the pulled batches without reading them back, as following the feed would', async () => {
		const ideas = Array.from({ length: 9 }, (_, i) => makeIdea({ title: `Pulled ${i}` }));
		const gone = makeIdea({ title: 'Taken down' });
		await server.ledger.db.bulkDocs([
			...ideas,
			gone,
			makeSupport(ideas[0]!._id, 'member'),
			makeComment(ideas[1]!._id),
			makeStatus(ideas[2]!._id, { to: 'under-discussion' }),
			{ ...makeIdea(), title: '' }
		]);
		await server.ledger.remove(gone._id, (await server.ledger.get(gone._id))!._rev);
		// As in the app, the projection has caught up with the (empty) ledger before the sync starts.
		store.projector.start();
		await store.projector.catchUp();
		const reads = recordFeedReads(store.ledger);
		const passes: [number, boolean][] = [];
		store.projector.onPass = (processed, pulled) => passes.push([processed, pulled]);
		const first = store.projector.firstPull();
		let written = 0;
		await store.ledger.db.replicate.from(server.ledger.db, { batch_size: 4 }).on('change', (info) => {
			written = info.docs_written;
			first.pulled(info.docs as PulledDoc[]);
		});
		const { update_seq: seq } = await store.ledger.db.info();
		expect(written).toBe(seq);
		await first.end(seq);

		expect(reads).toEqual([seq]);
		// Each batch is said to be a pull's (the search index waits for the end of it, see SearchIndexer.nudge).
		expect(passes.length).toBeGreaterThan(1);
		expect(passes.every(([, pulled]) => pulled)).toBe(true);
		expect(await store.desk.getSetting(PROJECTION_SEQ_KEY)).toBe(seq);
		const pulled = await snapshot();
		expect(pulled.ideas).toHaveLength(9);
		expect(pulled.quarantine).toHaveLength(1);
		expect(pulled.ideas).toContainEqual(expect.objectContaining({ id: ideas[0]!._id, supportCount: 1 }));
		await store.projector.rebuild();
		expect(await snapshot()).toEqual(pulled);

		// Then the feed leads: a later change reaches the lists.
		await store.ledger.put(
			{ ...ideas[3]!, _rev: undefined, title: 'Changed later' } as never,
			ideas[3] && (await store.ledger.get(ideas[3]._id))!._rev
		);
		await expect.poll(async () => (await store.desk.ideas.get(ideas[3]!._id))?.title).toBe('Changed later');
		await expect.poll(() => passes.at(-1)).toEqual([1, false]);
	});

	it('reads from the ledger what a batch cannot vouch for: versions in conflict, a document written here', async () => {
		const split = makeIdea({ title: 'Split' });
		const changed = makeIdea({ title: 'Before' });
		const rev = await server.ledger.put(split);
		const hash = rev.split('-')[1];
		await server.ledger.db.bulkDocs(
			[
				{ ...split, title: 'There', _rev: '2-ffff', _revisions: { start: 2, ids: ['ffff', hash] } },
				{ ...split, title: 'Here', _rev: '2-aaaa', _revisions: { start: 2, ids: ['aaaa', hash] } }
			],
			{ new_edits: false }
		);
		await server.ledger.put(changed);
		store.projector.start();
		const first = store.projector.firstPull();

		await pullBatch(first, await fetched([split._id, changed._id]));
		const passes: number[] = [];
		store.projector.onPass = (processed, pulled) => {
			if (!pulled) passes.push(processed);
		};
		const written = makeIdea({ title: 'Written here during the pull' });
		await store.writer.save(written);
		// No pass of the feed brings it meanwhile: the projection says it put it in (the search index follows).
		await expect.poll(() => passes).toContain(1);
		await expect.poll(async () => (await store.desk.conflicts.get(split._id))?.revs).toEqual(['2-aaaa']);
		expect(await store.desk.ideas.get(split._id)).toMatchObject({ title: 'There' });

		// Something other than the pull was written: the feed is followed from the start again.
		await first.end(undefined);
		const followed = await snapshot();
		expect(followed.ideas).toHaveLength(3);
		expect(await store.desk.getSetting(PROJECTION_SEQ_KEY)).toBe((await store.ledger.db.info()).update_seq);
		await store.projector.rebuild();
		expect(await snapshot()).toEqual(followed);
	});

	it('reads a document pulled again from the ledger', async () => {
		const changed = makeIdea({ title: 'Before' });
		const other = makeIdea({ title: 'Other' });
		const rev = await server.ledger.put(changed);
		store.projector.start();
		await store.projector.catchUp();
		const reads = recordFeedReads(store.ledger);
		const first = store.projector.firstPull();
		await pullBatch(first, await fetched([changed._id]));
		await expect.poll(async () => (await store.desk.ideas.get(changed._id))?.title).toBe('Before');

		// Two versions on the server; the pull brings the losing one on its own, in a later batch.
		const hash = rev.split('-')[1];
		await server.ledger.db.bulkDocs(
			[
				{ ...changed, title: 'Winner', _rev: '2-ffff', _revisions: { start: 2, ids: ['ffff', hash] } },
				{ ...changed, title: 'Loser', _rev: '2-aaaa', _revisions: { start: 2, ids: ['aaaa', hash] } }
			],
			{ new_edits: false }
		);
		await server.ledger.put(other);
		const leaves = await fetched([changed._id]);
		await pullBatch(
			first,
			leaves.filter((doc) => doc._rev === '2-ffff')
		);
		await pullBatch(first, [
			...leaves.filter((doc) => doc._rev === '2-aaaa'),
			...(await fetched([other._id]))
		]);
		const { update_seq: seq } = await store.ledger.db.info();
		await first.end(seq);

		expect(reads).toEqual([seq]);
		expect(await store.desk.ideas.get(changed._id)).toMatchObject({ title: 'Winner', conflicts: ['2-aaaa'] });
		expect(await store.desk.conflicts.get(changed._id)).toMatchObject({ revs: ['2-aaaa'] });
		expect(await store.desk.ideas.get(other._id)).toMatchObject({ title: 'Other' });
	});

	it('leaves the feed leading when the lists already follow the ledger', async () => {
		const before = makeIdea({ title: 'Already here' });
		await store.ledger.put(before);
		await store.projector.catchUp();
		const pulled = makeIdea({ title: 'Pulled' });
		await server.ledger.put(pulled);
		store.projector.start();
		const reads = recordFeedReads(store.ledger);
		const first = store.projector.firstPull();
		await pullBatch(first, await fetched([pulled._id]));
		await expect.poll(async () => (await store.desk.ideas.get(pulled._id))?.title).toBe('Pulled');
		expect(reads.length).toBeGreaterThan(0);
		await first.end((await store.ledger.db.info()).update_seq);
		expect(await store.desk.ideas.count()).toBe(2);
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
