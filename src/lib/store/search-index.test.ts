import { describe, expect, it } from 'vitest';
import { makeComment, makeIdea, makeSupport } from '../../../tests/factories';
import { useTestStore } from '../../../tests/support/test-store';
import { SEARCH_SEQ_KEY } from './desk';
import { queryIdeas, searchIsBehind } from './idea-query';
import { SearchIndexer } from './search-index';

const store = useTestStore('search');

async function found(text: string): Promise<string[]> {
	const page = await queryIdeas(store.desk, 'member', { text, sort: 'newest', limit: 50 });
	return page.rows.map((row) => row.id).sort();
}

describe('search index', () => {
	it('indexes ideas and visible comments, and takes out hidden comments and deleted ideas', async () => {
		const indexer = new SearchIndexer(store.ledger, store.desk);
		const idea = makeIdea({ title: 'Quieter handovers', details: 'At night', tags: ['wards'] });
		const comment = makeComment(idea._id, { body: 'Handover noise keeps patients awake' });
		const hidden = makeComment(idea._id, { hidden: true, body: 'Hidden words' });
		await store.ledger.db.bulkDocs([idea, comment, hidden, makeSupport(idea._id)]);
		await indexer.catchUp();
		expect((await store.desk.search.toArray()).map((row) => row.id).sort()).toEqual(
			[idea._id, comment._id].sort()
		);
		expect(await store.desk.search.where('words').equals('awake').primaryKeys()).toEqual([comment._id]);
		expect((await store.desk.search.get(idea._id))?.words).toEqual(
			expect.arrayContaining(['quieter', 'night', 'wards'])
		);

		const current = await store.ledger.get(comment._id);
		await store.ledger.db.put({ ...current!, hidden: true });
		await store.ledger.remove(idea._id, (await store.ledger.get(idea._id))!._rev);
		await indexer.catchUp();
		expect(await store.desk.search.count()).toBe(0);
		expect(await store.desk.getSetting(SEARCH_SEQ_KEY)).toBe((await store.ledger.db.info()).update_seq);
	});

	it('finds ideas by words in titles, details, tags and comments: from the lists while the index is behind, the same from the index', async () => {
		const a = makeIdea({ title: 'Defibrillator training', details: 'In village halls', tags: ['community'] });
		const b = makeIdea({ title: 'Wheelchair access', details: 'Ramps at the station' });
		await store.ledger.db.bulkDocs([
			a,
			b,
			makeComment(b._id, { body: 'The ramp at Northgate is too steep' })
		]);
		await store.projector.catchUp();
		const questions = [
			'defib',
			'village',
			'community',
			'northgate steep',
			'ramp',
			'northgate village',
			'zebra'
		];

		expect(await searchIsBehind(store.desk)).toBe(true);
		const fromLists = await Promise.all(questions.map(found));
		await new SearchIndexer(store.ledger, store.desk).catchUp();
		expect(await searchIsBehind(store.desk)).toBe(false);
		const fromIndex = await Promise.all(questions.map(found));

		expect(fromIndex).toEqual(fromLists);
		expect(fromIndex).toEqual([[a._id], [a._id], [a._id], [b._id], [b._id], [], []]);
	});

	it('reads the lists while they were filled without the feed (a first pull, a save on a new device)', async () => {
		const idea = makeIdea({ title: 'Saved before any sync' });
		await store.writer.save(idea);
		expect(await searchIsBehind(store.desk)).toBe(true);
		expect(await found('saved')).toEqual([idea._id]);
		await new SearchIndexer(store.ledger, store.desk).catchUp();
		expect(await searchIsBehind(store.desk)).toBe(false);
		expect(await found('saved')).toEqual([idea._id]);
	});

	it('takes in a small pass at once, and waits for a quiet moment after a big one or during a sync', async () => {
		const indexer = new SearchIndexer(store.ledger, store.desk);
		await store.ledger.put(makeIdea({ title: 'Saved just now' }));
		indexer.nudge(1);
		await indexer.catchUp();
		expect(await store.desk.search.count()).toBe(1);

		await store.ledger.db.bulkDocs(Array.from({ length: 120 }, (_, i) => makeIdea({ title: `Synced ${i}` })));
		indexer.nudge(120);
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(await store.desk.search.count()).toBe(1);
		await new Promise((resolve) => setTimeout(resolve, 1_000));
		expect(await store.desk.search.count()).toBe(121);

		// A sync's last batch is small, but comes at the end of a big one: still a quiet moment first.
		await store.ledger.db.bulkDocs([makeIdea({ title: 'Last of a sync' })]);
		indexer.nudge(1, true);
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(await store.desk.search.count()).toBe(121);
		await new Promise((resolve) => setTimeout(resolve, 1_000));
		expect(await store.desk.search.count()).toBe(122);
		await indexer.stop();
	});

	it('builds the index again from nothing', async () => {
		const indexer = new SearchIndexer(store.ledger, store.desk);
		await store.ledger.db.bulkDocs([makeIdea({ title: 'One' }), makeIdea({ title: 'Two' })]);
		await indexer.catchUp();
		await store.desk.search.clear();
		await indexer.rebuild();
		expect(await store.desk.search.count()).toBe(2);
	});
});
