import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { supportId } from './discussion';
import { editDoc, newDoc } from './envelope';

describe('newDoc', () => {
	it('puts the envelope around the content and checks it', () => {
		const now = new Date('2026-05-01T10:00:00.000Z');
		const idea = newDoc('idea', 'sam', { title: 'Warmer blankets', details: '' }, { now });
		expect(idea).toMatchObject({
			type: 'idea',
			schemaVersion: 1,
			author: 'sam',
			createdAt: now.toISOString(),
			updatedAt: now.toISOString(),
			title: 'Warmer blankets',
			tags: []
		});
		expect(idea._id).toMatch(/^idea:[0-9A-Z]{26}$/);
		const id = supportId(idea._id, 'sam');
		expect(newDoc('support', 'sam', { ideaId: idea._id }, { id })._id).toBe(id);
	});

	it('refuses content its schema refuses', () => {
		expect(() => newDoc('idea', 'sam', { title: '', details: '' })).toThrow(ZodError);
	});
});

describe('editDoc', () => {
	it('changes the content and the update time, never the envelope', () => {
		const idea = newDoc('idea', 'sam', { title: 'One', details: '' }, { now: new Date('2026-05-01') });
		const later = new Date('2026-05-02T00:00:00.000Z');
		const sneaky = { title: 'Two', author: 'mallory', createdAt: later.toISOString() } as never;
		const edited = editDoc('idea', idea, sneaky, later);
		expect(edited).toMatchObject({ title: 'Two', author: 'sam', createdAt: idea.createdAt });
		expect(edited.updatedAt).toBe(later.toISOString());
	});
});
