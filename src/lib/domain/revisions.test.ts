import { describe, expect, it } from 'vitest';
import { isRev, revisionProblem } from './revisions';

const HASH = '0123456789abcdef0123456789abcdef';
const doc = (extra: Record<string, unknown>) => ({ _id: 'idea:1', type: 'idea', ...extra });

describe('revisionProblem', () => {
	it('accepts what PouchDB and CouchDB write', () => {
		expect(isRev(`1-${HASH}`)).toBe(true);
		expect(revisionProblem(doc({}), true)).toBeUndefined();
		expect(revisionProblem(doc({ _rev: `1-${HASH}` }), true)).toBeUndefined();
		const replicated = doc({ _rev: `3-${HASH}`, _revisions: { start: 3, ids: [HASH, 'ab', 'cd'] } });
		expect(revisionProblem(replicated, false)).toBeUndefined();
		expect(revisionProblem(doc({ _rev: `2-${HASH}`, _deleted: true }), false)).toBeUndefined();
		expect(revisionProblem(doc({ _rev: `1-${HASH}`, _attachments: {} }), false)).toBeUndefined();
	});

	it('refuses every malformed revision tree, with a reason', () => {
		for (const [extra, newEdits] of [
			[{ _rev: '1-abc', _revisions: { start: 1, ids: [] } }, false],
			[{ _rev: '1-abc', _revisions: { start: 'a', ids: 5 } }, false],
			[{ _rev: '2-abc', _revisions: { start: 1, ids: ['abc'] } }, false],
			[{ _rev: '1-abc', _revisions: { start: 1, ids: ['abd'] } }, false],
			[{ _rev: '1-abc', _revisions: { start: 1, ids: ['abc', 'def'] } }, false],
			[{ _rev: '2-abc', _revisions: { start: 2, ids: ['abc', 'XYZ'] } }, false],
			[{ _rev: '2-abc', _revisions: { start: 2, ids: ['abc', null] } }, false],
			[{ _rev: '1-abc', _revisions: { start: 1, ids: ['abc'], extra: 1 } }, false],
			[{ _rev: '1-abc', _revisions: 'x' }, false],
			[{ _revisions: { start: 1, ids: ['abc'] } }, true],
			[{}, false],
			[{ _rev: '0-abc' }, true],
			[{ _rev: 'a-b' }, true],
			[{ _rev: '1-' }, true],
			[{ _rev: 5 }, true],
			[{ _rev: '1-ABC' }, true],
			[{ _deleted: 'true' }, true],
			[{ _deleted: 1 }, true],
			[{ _foo: 1 }, true],
			[{ _conflicts: [] }, true],
			[{ _id: '' }, true],
			[{ _id: 5 }, true]
		] as const) {
			expect(revisionProblem(doc(extra), newEdits), JSON.stringify(extra)).toEqual(expect.any(String));
		}
	});
});
