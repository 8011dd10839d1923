import { describe, expect, it } from 'vitest';
import { idea as ideaDoc } from '../../../tests/support/raw-docs';
import { judgeIncoming, mergeBulkResults, type Verdict } from './writes';

const member = { name: 'mo', roles: ['member'] as const };

const idea = (author: string) => ideaDoc(author, 'A title');

describe('judgeIncoming', () => {
	it('applies decideWrite and refuses design documents and attachments', () => {
		expect(judgeIncoming(member, idea('mo'), undefined).ok).toBe(true);
		expect(judgeIncoming(member, idea('someone'), undefined)).toEqual({
			ok: false,
			reason: 'You can only write documents in your own name'
		});
		expect(judgeIncoming(member, { _id: '_design/x' }, undefined)).toMatchObject({ ok: false });
		const file = { 'a.png': { content_type: 'image/png', data: 'iVBORw0KGgo=' } };
		expect(judgeIncoming(member, { ...idea('mo'), _attachments: file }, undefined)).toEqual({
			ok: false,
			reason: 'Attachments are not allowed'
		});
		expect(judgeIncoming(member, { _id: 'nonsense', _deleted: true }, undefined)).toEqual({
			ok: false,
			reason: 'Only documents of a known type can be deleted'
		});
		expect(judgeIncoming(member, 'text', undefined)).toEqual({ ok: false, reason: 'Not a document' });
	});

	it("forwards a deletion as a tombstone that keeps only the owner's fields, from the store's copy", () => {
		const existing = idea('mo');
		const verdict = judgeIncoming(
			member,
			{ ...existing, _rev: '2-b', _deleted: true, _revisions: { start: 2, ids: ['b', 'a'] }, extra: 'x' },
			existing
		);
		expect(verdict).toEqual({
			ok: true,
			forward: {
				_id: existing._id,
				_rev: '2-b',
				_deleted: true,
				_revisions: { start: 2, ids: ['b', 'a'] },
				author: 'mo',
				type: 'idea'
			}
		});
	});
	it('keeps a deleted id for its owner: only someone who could change it may write there again', () => {
		const gone = { _deleted: true as const, author: 'ada', type: 'idea' };
		const mine = idea('mo');
		expect(judgeIncoming(member, mine, gone)).toEqual({
			ok: false,
			reason: "This id belonged to a document of ada's"
		});
		expect(judgeIncoming(member, mine, { ...gone, author: 'mo' })).toMatchObject({ ok: true });
		const coordinator = { name: 'cat', roles: ['coordinator'] as const };
		expect(judgeIncoming(coordinator, idea('cat'), gone)).toMatchObject({ ok: true });
		// A bare tombstone whose owner nobody can tell: only a coordinator may use the id again.
		expect(judgeIncoming(member, mine, { _deleted: true })).toMatchObject({ ok: false });
		expect(judgeIncoming(coordinator, idea('cat'), { _deleted: true })).toMatchObject({ ok: true });
		// Deleting it again changes nothing and is let through, keeping the owner.
		expect(judgeIncoming(member, { _id: mine._id, _deleted: true, _rev: '3-c' }, gone)).toEqual({
			ok: true,
			forward: { _id: mine._id, _deleted: true, _rev: '3-c', author: 'ada', type: 'idea' }
		});
	});
});

describe('mergeBulkResults', () => {
	const docs = [{ _id: 'a' }, { _id: 'b' }, { _id: 'c' }];
	const refused: Verdict = { ok: false, reason: 'no' };
	const allowed: Verdict = { ok: true, forward: {} };

	it('keeps the original order with new_edits: true', () => {
		const merged = mergeBulkResults(
			docs,
			[allowed, refused, allowed],
			[
				{ id: 'a', ok: true, rev: '1-a' },
				{ id: 'c', error: 'conflict', reason: 'Document update conflict.' }
			],
			true
		);
		expect(merged).toEqual([
			{ id: 'a', ok: true, rev: '1-a' },
			{ id: 'b', error: 'forbidden', reason: 'no' },
			{ id: 'c', error: 'conflict', reason: 'Document update conflict.' }
		]);
	});

	it('answers only errors with new_edits: false, ours and the backend’s, in document order', () => {
		const merged = mergeBulkResults(
			docs,
			[allowed, refused, allowed],
			[{ id: 'c', error: 'bad', reason: 'x' }],
			false
		);
		expect(merged).toEqual([
			{ id: 'b', error: 'forbidden', reason: 'no' },
			{ id: 'c', error: 'bad', reason: 'x' }
		]);
		expect(mergeBulkResults(docs, [allowed, allowed, allowed], [], false)).toEqual([]);
	});
});
