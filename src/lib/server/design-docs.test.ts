import { describe, expect, it } from 'vitest';
import { allDocsWithoutDesign, changesWithoutDesign, revsDiffWithoutDesign, storeLimit } from './design-docs';

const row = (seq: string, id: string) => ({ seq, id, changes: [{ rev: '1-a' }] });

describe('design documents left out', () => {
	it('cuts a _changes page to the length asked, ending where the kept rows end', () => {
		expect(storeLimit('2')).toBe('12');
		expect(storeLimit(null)).toBeNull();
		const answer = {
			results: [row('1-x', '_design/gate'), row('2-x', 'idea:a'), row('3-x', 'idea:b'), row('4-x', 'idea:c')],
			last_seq: '4-x',
			pending: 5
		};
		expect(changesWithoutDesign(answer, '2')).toEqual({
			results: [row('2-x', 'idea:a'), row('3-x', 'idea:b')],
			last_seq: '3-x',
			pending: 6
		});
		// Everything fits: the store's own last_seq stands, past the design document it skipped.
		const short = { results: [row('1-x', 'idea:a'), row('2-x', '_design/gate')], last_seq: '2-x' };
		expect(changesWithoutDesign(short, '5')).toEqual({ results: [row('1-x', 'idea:a')], last_seq: '2-x' });
		expect(changesWithoutDesign(short, null)).toEqual({ results: [row('1-x', 'idea:a')], last_seq: '2-x' });
	});

	it('takes design rows out of _all_docs and _revs_diff, and leaves other answers alone', () => {
		const rows = [{ id: '_design/gate' }, { id: 'idea:a' }];
		expect(allDocsWithoutDesign({ total_rows: 2, rows })).toEqual({
			total_rows: 2,
			rows: [{ id: 'idea:a' }]
		});
		expect(revsDiffWithoutDesign({ '_design/gate': ['1-a'], 'idea:a': ['1-b'] })).toEqual({
			'idea:a': ['1-b']
		});
		expect(changesWithoutDesign({ error: 'x' }, '1')).toEqual({ error: 'x' });
	});
});
