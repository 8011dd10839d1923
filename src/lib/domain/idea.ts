import { z } from 'zod';
import { baseDocShape } from './common';
import { ULID_PATTERN } from './ids';

/** An idea: what a person types (`ideaInputSchema`) and the document it becomes (`ideaSchema`). */

export const IDEA_TITLE_MAX = 120;
export const IDEA_DETAILS_MAX = 10_000;
export const IDEA_TAGS_MAX = 10;
export const IDEA_PHOTOS_MAX = 3;

/** Who an idea came from: the network's measures count ideas from the public and staff separately. */
export const IDEA_ORIGINS = ['member', 'staff', 'public'] as const;
export const ideaOriginSchema = z.enum(IDEA_ORIGINS);
export type IdeaOrigin = z.infer<typeof ideaOriginSchema>;

/** Service areas, until a network sets its own list. */
export const DEFAULT_SERVICE_AREAS = [
	'999 control room',
	'111',
	'Patient transport',
	'A&E operations',
	'Community'
] as const;

/** A tag: lower-case words, so "Waiting Times" and "waiting times" are one tag. */
export const tagSchema = z
	.string()
	.trim()
	.toLowerCase()
	.min(1, { error: 'A tag cannot be empty' })
	.max(30, { error: 'Each tag must be 30 characters or fewer' });

/** Links to other documents (observations, meetings) by id. */
export const linkSchema = z
	.string()
	.refine(
		(id) => /^(observation|meeting|visit):/.test(id) && ULID_PATTERN.test(id.slice(id.indexOf(':') + 1)),
		{
			error: 'Links can only point to observations, visits or meetings'
		}
	);

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
		}),
	area: z.string().trim().max(60, { error: 'Service area must be 60 characters or fewer' }).default(''),
	tags: z
		.array(tagSchema)
		.max(IDEA_TAGS_MAX, { error: `Use ${IDEA_TAGS_MAX} tags or fewer` })
		.transform((tags) => [...new Set(tags)])
		.default([]),
	origin: ideaOriginSchema.default('member'),
	links: z.array(linkSchema).max(20).default([])
});
/** What a form hands over (fields with defaults may be left out). */
export type IdeaInput = z.input<typeof ideaInputSchema>;
/** The content fields of an idea once checked. */
export type IdeaContent = z.output<typeof ideaInputSchema>;

export const ideaSchema = z.strictObject({
	...baseDocShape('idea'),
	...ideaInputSchema.shape
});
export type Idea = z.infer<typeof ideaSchema>;
