import { describe, expect, it } from 'vitest';
import { makeIdea, makeSupport } from '../../../tests/factories';
import { decideWrite, editDoc } from './index';

describe('decideWrite', () => {
	const member = { name: 'member', roles: ['member'] as const };
	const other = { name: 'someone', roles: ['member'] as const };
	const coordinator = { name: 'coordinator', roles: ['coordinator'] as const };

	it('lets a member create in their own name only', () => {
		const idea = makeIdea({ author: 'member' });
		expect(decideWrite(member, idea, undefined).ok).toBe(true);
		expect(decideWrite(other, idea, undefined)).toEqual({
			ok: false,
			reason: 'You can only write documents in your own name'
		});
	});

	it('lets only the author or a coordinator change or delete', () => {
		const idea = makeIdea({ author: 'member' });
		const edited = editDoc('idea', idea, { title: 'Better title', details: '' });
		expect(decideWrite(member, edited, idea).ok).toBe(true);
		expect(decideWrite(coordinator, edited, idea).ok).toBe(true);
		expect(decideWrite(other, edited, idea).ok).toBe(false);
		expect(decideWrite(other, { _id: idea._id, _deleted: true }, idea).ok).toBe(false);
		expect(decideWrite(member, { _id: idea._id, _deleted: true }, idea).ok).toBe(true);
	});

	it('accepts a write that restores exactly what the server holds (discarding a refused edit)', () => {
		const idea = makeIdea({ author: 'member' });
		expect(decideWrite(other, { ...idea, _rev: '3-abc' }, { ...idea, _rev: '1-xyz' })).toEqual({ ok: true });
		expect(decideWrite(other, { ...idea, title: 'Changed' }, idea).ok).toBe(false);
		expect(decideWrite(other, { _id: idea._id, _deleted: true }, idea).ok).toBe(false);
	});

	it('never lets author, type or creation time change', () => {
		const idea = makeIdea({ author: 'member' });
		expect(decideWrite(coordinator, { ...idea, author: 'coordinator' }, idea)).toEqual({
			ok: false,
			reason: 'The author of a document cannot be changed'
		});
		expect(decideWrite(member, { ...idea, createdAt: '2020-01-01T00:00:00.000Z' }, idea).ok).toBe(false);
	});

	it('lets a support be withdrawn and given again with a new date (the same id, recreated)', () => {
		const idea = makeIdea({ author: 'member' });
		const first = makeSupport(idea._id, 'member');
		const again = makeSupport(idea._id, 'member');
		expect(again.createdAt).not.toBe(first.createdAt);
		expect(decideWrite(member, again, first)).toMatchObject({ ok: true });
		expect(decideWrite(other, { ...again, author: 'other' }, first).ok).toBe(false);
		expect(decideWrite(member, { ...again, ideaId: makeIdea()._id }, first).ok).toBe(false);
	});

	it('refuses documents that fail the schema or are too large', () => {
		const idea = makeIdea({ author: 'member' });
		expect(decideWrite(member, { ...idea, title: '' }, undefined).ok).toBe(false);
		expect(decideWrite(member, { ...idea, padding: 'x'.repeat(70_000) }, undefined)).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/too large/)
		});
	});
});
