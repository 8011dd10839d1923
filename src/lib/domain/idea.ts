import { z } from 'zod';
import { baseDocShape } from './common';

export const IDEA_TITLE_MAX = 120;
export const IDEA_DETAILS_MAX = 10_000;

/** What a person types: validated at the field, before anything is written. */
export const ideaInputSchema = z.object({
	title: z
		.string()
		.trim()
		.min(1, { error: 'Enter a title for your idea' })
		.max(IDEA_TITLE_MAX, { error: `Title must be ${IDEA_TITLE_MAX} characters or fewer` }),
	details: z
		.string()
		.trim()
		.max(IDEA_DETAILS_MAX, {
			error: `Details must be ${IDEA_DETAILS_MAX.toLocaleString('en-GB')} characters or fewer`
		})
});
export type IdeaInput = z.infer<typeof ideaInputSchema>;

export const ideaSchema = z.strictObject({
	...baseDocShape('idea'),
	...ideaInputSchema.shape
});
export type Idea = z.infer<typeof ideaSchema>;

/** A new idea written by `author` from what they typed. */
export function newIdea(id: string, author: string, input: IdeaInput, now: Date = new Date()): Idea {
	const at = now.toISOString();
	return ideaSchema.parse({
		_id: id,
		type: 'idea',
		schemaVersion: 1,
		author,
		createdAt: at,
		updatedAt: at,
		...input
	});
}

/** An edit of an idea: content changes, authorship and creation time never do. */
export function editIdea(existing: Idea, input: IdeaInput, now: Date = new Date()): Idea {
	return ideaSchema.parse({ ...existing, ...input, updatedAt: now.toISOString() });
}
