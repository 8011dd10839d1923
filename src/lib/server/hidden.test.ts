import { describe, expect, it } from 'vitest';
import { isHiddenFrom, namesHiddenFrom, readsEveryPrivateDocument, revsDiffVisible } from './hidden';
import {
	allDocsStoreQuery,
	changesStoreQuery,
	visibleAllDocs,
	visibleChanges,
	type PageReader
} from './hidden-pages';

const member = { name: 'member', roles: ['member'] as const };
const coordinator = { name: 'cora', roles: ['coordinator'] as const };
const OPPORTUNITY = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

const change = (seq: string, id: string) => ({ seq, id, changes: [{ rev: '1-a' }] });
const params = (query: string) => new URLSearchParams(query);
const noMorePages: PageReader = () => Promise.reject(new Error('no page should be read'));

/** A store of `_changes` rows answering pages as CouchDB does: `since` exclusive, `limit` rows. */
function changesStore(rows: ReturnType<typeof change>[]): { read: PageReader; asked: string[] } {
	const asked: string[] = [];
	const read: PageReader = (query) => {
		asked.push(query.toString());
		const from = rows.findIndex((row) => row.seq === query.get('since')) + 1;
		const page = rows.slice(from, from + Number(query.get('limit')));
		return Promise.resolve({ results: page, last_seq: page.at(-1)?.seq ?? query.get('since') });
	};
	return { read, asked };
}

describe('hidden documents', () => {
	it('hides design documents from everyone, and private ones from all but their readers', () => {
		expect(isHiddenFrom(coordinator, '_design/gate')).toBe(true);
		expect(isHiddenFrom(member, 'idea:01ARZ3NDEKTSV4RRFFQ69G5FAV')).toBe(false);
		expect(isHiddenFrom(member, 'claim:member:x')).toBe(false);
		expect(isHiddenFrom(member, 'claim:bob:x')).toBe(true);
		expect(isHiddenFrom(member, `interest:staff:member:${OPPORTUNITY}`)).toBe(false);
		expect(isHiddenFrom(member, `interest:member:bob:${OPPORTUNITY}`)).toBe(false);
		expect(isHiddenFrom(member, `interest:staff:bob:${OPPORTUNITY}`)).toBe(true);
		// Not well formed: nobody's but coordinators'.
		expect(isHiddenFrom(member, 'profile:Member')).toBe(true);
		expect(isHiddenFrom(coordinator, 'profile:Member')).toBe(false);
		expect(namesHiddenFrom(member, ['idea:a', 'profile:bob'])).toBe(true);
		expect(namesHiddenFrom(member, ['idea:a', 'profile:member'])).toBe(false);
		expect(revsDiffVisible(member, { 'profile:bob': ['1-a'], 'idea:a': ['1-b'] })).toEqual({
			'idea:a': ['1-b']
		});
		expect(readsEveryPrivateDocument(['member', 'chair'])).toBe(false);
		expect(readsEveryPrivateDocument(['coordinator'])).toBe(true);
	});

	it('cuts a _changes page to the length asked, ending where the kept rows end', async () => {
		expect(changesStoreQuery(params('limit=2&since=0')).toString()).toBe('limit=12&since=0');
		const answer = {
			results: [change('1-x', '_design/gate'), change('2-x', 'idea:a'), change('3-x', 'idea:b')],
			last_seq: '3-x',
			pending: 5
		};
		expect(await visibleChanges(member, params('limit=1'), answer, noMorePages)).toEqual({
			results: [change('2-x', 'idea:a')],
			last_seq: '2-x',
			pending: 6
		});
		// Everything fits: the store's own last_seq stands, past the row it skipped.
		const short = { results: [change('1-x', 'idea:a'), change('2-x', 'claim:bob:x')], last_seq: '2-x' };
		const kept = { results: [change('1-x', 'idea:a')], last_seq: '2-x' };
		expect(await visibleChanges(member, params('limit=5'), short, noMorePages)).toEqual(kept);
		expect(await visibleChanges(member, params(''), short, noMorePages)).toEqual(kept);
		expect(await visibleChanges(member, params('limit=1'), { error: 'x' }, noMorePages)).toEqual({
			error: 'x'
		});
	});

	it("reads the store's next pages until the page is full or the store has no more", async () => {
		const hidden = Array.from({ length: 25 }, (_, i) => change(`${i + 1}`, `profile:bob${i}`));
		const rows = [...hidden, change('26', 'idea:a'), change('27', 'profile:bob'), change('28', 'idea:b')];
		const store = changesStore(rows);
		const query = params('limit=1&feed=longpoll&timeout=1000&since=0');
		const first = await store.read(changesStoreQuery(query));
		expect(await visibleChanges(member, query, first, store.read)).toEqual({
			results: [change('26', 'idea:a')],
			last_seq: '26'
		});
		// Pages of limit + slack, from where the last ended, without waiting.
		expect(store.asked).toEqual([
			'limit=11&feed=longpoll&timeout=1000&since=0',
			'limit=11&since=11',
			'limit=11&since=22'
		]);
		const all = changesStore(rows);
		const wide = params('limit=5&since=0');
		const tail = await visibleChanges(member, wide, await all.read(changesStoreQuery(wide)), all.read);
		expect(tail).toEqual({ results: [change('26', 'idea:a'), change('28', 'idea:b')], last_seq: '28' });
	});

	it('skips and limits _all_docs over the rows the reader may see, and leaves out the offset', async () => {
		const row = (id: string) => ({ id, key: id, value: { rev: '1-a' } });
		const hidden = Array.from({ length: 12 }, (_, i) => row(`claim:bob:${String(i).padStart(2, '0')}`));
		const rows = [...hidden, row('idea:a'), row('idea:b'), row('idea:c')];
		const asked: string[] = [];
		const read: PageReader = (query) => {
			asked.push(query.toString());
			const start = JSON.parse(query.get('startkey') ?? '""') as string;
			const from = rows.filter((r) => r.id >= start).slice(Number(query.get('skip') ?? 0));
			return Promise.resolve({ total_rows: 15, offset: 0, rows: from.slice(0, Number(query.get('limit'))) });
		};
		const query = params('limit=1&skip=1');
		const first = await read(allDocsStoreQuery(query));
		expect(await visibleAllDocs(member, query, first, read)).toEqual({
			total_rows: 15,
			rows: [row('idea:b')]
		});
		const last = encodeURIComponent('"claim:bob:11"');
		expect(asked).toEqual(['limit=12', `limit=12&startkey=${last}&skip=1`]);
		// By keys: nothing to page through.
		const byKeys = { total_rows: 15, offset: 0, rows: [row('idea:a')] };
		expect(await visibleAllDocs(member, params('limit=1'), byKeys, undefined)).toEqual({
			total_rows: 15,
			rows: [row('idea:a')]
		});
	});
});
