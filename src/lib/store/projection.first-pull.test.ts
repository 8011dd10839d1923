/** A first sync's pull projected from its batches (`Projector.firstPull`, projection.ts). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeComment, makeIdea, makeStatus, makeSupport } from '../../../tests/factories';
import {
	openTestStore,
	recordFeedReads,
	removeTestStore,
	useTestStore,
	type TestStore
} from '../../../tests/support/test-store';
import { PROJECTION_SEQ_KEY } from './desk';
import type { Projector, PulledDoc } from './projection';
import { branches, snapshot } from '../../../tests/support/projection-testing';

const store = useTestStore('first-pull');

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
		const pulled = await snapshot(store.desk);
		expect(pulled.ideas).toHaveLength(9);
		expect(pulled.quarantine).toHaveLength(1);
		expect(pulled.ideas).toContainEqual(expect.objectContaining({ id: ideas[0]!._id, supportCount: 1 }));
		await store.projector.rebuild();
		expect(await snapshot(store.desk)).toEqual(pulled);

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
		await branches(server.ledger, split, rev, { ffff: 'There', aaaa: 'Here' });
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
		const followed = await snapshot(store.desk);
		expect(followed.ideas).toHaveLength(3);
		expect(await store.desk.getSetting(PROJECTION_SEQ_KEY)).toBe((await store.ledger.db.info()).update_seq);
		await store.projector.rebuild();
		expect(await snapshot(store.desk)).toEqual(followed);
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
		await branches(server.ledger, changed, rev, { ffff: 'Winner', aaaa: 'Loser' });
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
