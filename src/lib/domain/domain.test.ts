import { describe, expect, it } from 'vitest';
import { makeIdea, makeSupport } from '../../../tests/factories';
import {
	decideWrite,
	editIdea,
	ideaInputSchema,
	newDocId,
	parseDocument,
	typeOfId,
	ulid,
	fieldErrors,
	accountNameSchema,
	suggestAccountName
} from './index';

describe('ids', () => {
	it('sort by creation time', () => {
		const older = ulid(Date.parse('2026-01-01T00:00:00Z'));
		const newer = ulid(Date.parse('2026-01-01T00:00:00.001Z'));
		expect(older < newer).toBe(true);
		expect(older).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
	});

	it('carry their type', () => {
		expect(typeOfId(newDocId('idea'))).toBe('idea');
		expect(typeOfId('nocolon')).toBeUndefined();
	});
});

describe('suggestAccountName', () => {
	it('turns a name into a user name the account form accepts', () => {
		expect(suggestAccountName('Sam Patel')).toBe('sam.patel');
		expect(suggestAccountName("  Siobhán O'Brien-Nwosu ")).toBe('siobhan.o.brien.nwosu');
		expect(suggestAccountName('Zoë  Ng (she/her)')).toBe('zoe.ng.she.her');
		const long = suggestAccountName('A very long name indeed that goes on and on past forty characters');
		expect(long.length).toBeLessThanOrEqual(40);
		for (const name of ['Sam Patel', 'Zoë Ng', long])
			expect(accountNameSchema.safeParse(suggestAccountName(name)).success).toBe(true);
	});

	it('leaves nothing for a name without Latin letters or digits, for the coordinator to fill in', () => {
		expect(suggestAccountName('李小龍')).toBe('');
		expect(accountNameSchema.safeParse('').success).toBe(false);
	});
});

describe('idea input', () => {
	it('needs a title and keeps it within 120 characters', () => {
		const empty = ideaInputSchema.safeParse({ title: '   ', details: '' });
		expect(empty.success).toBe(false);
		expect(fieldErrors(empty.error!.issues)).toEqual({ title: 'Enter a title for your idea' });
		const long = ideaInputSchema.safeParse({ title: 'x'.repeat(121), details: '' });
		expect(fieldErrors(long.error!.issues).title).toBe('Title must be 120 characters or fewer');
		expect(ideaInputSchema.parse({ title: '  Trim me  ', details: '' }).title).toBe('Trim me');
	});
});

describe('parseDocument', () => {
	it('accepts a valid idea with PouchDB fields', () => {
		const idea = makeIdea();
		expect(parseDocument({ ...idea, _rev: '1-abc', _conflicts: [] })).toEqual({ ok: true, doc: idea });
	});

	it('refuses unknown types, mismatched ids, bad fields and extra fields', () => {
		const idea = makeIdea();
		expect(parseDocument({ ...idea, type: 'spell' })).toMatchObject({
			ok: false,
			reason: 'Unknown document type "spell"'
		});
		expect(parseDocument({ ...idea, _id: 'visit:01ARZ3NDEKTSV4RRFFQ69G5FAV' }).ok).toBe(false);
		expect(parseDocument({ ...idea, title: '' })).toMatchObject({
			ok: false,
			reason: 'title: Enter a title for your idea'
		});
		expect(parseDocument({ ...idea, admin: true }).ok).toBe(false);
		expect(parseDocument(null).ok).toBe(false);
		expect(parseDocument([]).ok).toBe(false);
	});
});

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
		const edited = editIdea(idea, { title: 'Better title', details: '' });
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
