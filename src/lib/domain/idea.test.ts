import { describe, expect, it } from 'vitest';
import { ideaInputSchema, fieldErrors } from './index';

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
