import { describe, expect, it } from 'vitest';
import { makeIdea } from '../../../tests/factories';
import { useTestStore } from '../../../tests/support/test-store';
import type { LedgerDb } from './ledger';

const store = useTestStore('ledger');

describe('the ledger’s revsDiff', () => {
	it('answers as PouchDB does for documents held, in conflict, deleted and never seen', async () => {
		const held = makeIdea({ title: 'Held' });
		const split = makeIdea({ title: 'Split' });
		const gone = makeIdea({ title: 'Gone' });
		const history = (start: number, ...ids: string[]) => ({ _revisions: { start, ids } });
		/** The same revisions in both databases: one document, one in conflict, one deleted. */
		const fill = (db: LedgerDb) =>
			db.bulkDocs(
				[
					{ ...held, _rev: '1-aaaa', ...history(1, 'aaaa') },
					{ ...split, _rev: '2-bbbb', ...history(2, 'bbbb', '1111') },
					{ ...split, title: 'Other', _rev: '2-2222', ...history(2, '2222', '1111') },
					{ ...gone, _rev: '2-4444', _deleted: true, ...history(2, '4444', '3333') }
				],
				{ new_edits: false }
			);
		const { default: PouchDB } = await import('pouchdb-browser');
		const plain = new PouchDB<Record<string, unknown>>(`ledger-plain-${Date.now()}`, { adapter: 'idb' });
		try {
			await Promise.all([fill(store.ledger.db), fill(plain)]);
			const diff = {
				[held._id]: ['1-aaaa', '2-cccc'],
				[split._id]: ['1-1111', '2-bbbb', '2-2222', '3-dddd'],
				[gone._id]: ['2-4444', '3-5555'],
				'idea:never-seen': ['1-eeee', '2-ffff']
			};
			const quick = await store.ledger.db.revsDiff(diff);
			expect(quick).toEqual(await plain.revsDiff(diff));
			expect(quick).toEqual({
				[held._id]: { missing: ['2-cccc'] },
				[split._id]: { missing: ['1-1111', '3-dddd'] },
				[gone._id]: { missing: ['3-5555'] },
				'idea:never-seen': { missing: ['1-eeee', '2-ffff'] }
			});
		} finally {
			await plain.destroy();
		}
	});
});
