import { describe, expect, it } from 'vitest';
import { makeIdea } from '../../../tests/factories';
import { parseDocument } from './index';

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
