import { z } from 'zod';
import { baseDocShape } from './common';
import { ULID_PATTERN } from './ids';

/** Photos are compressed on the device to fit this box (and lose their location metadata on the way). */
export const PHOTO_MAX_EDGE = 1600;

/**
 * A photo is a document of its own with one attachment, `image`, linked to what it shows (an idea or an
 * observation). It never changes once taken, so it is uploaded once, and editing the idea never re-sends it.
 * What the attachment may be is in `ATTACHMENT_RULES` (attachments.ts).
 */
export const photoSchema = z.strictObject({
	...baseDocShape('photo'),
	subject: z
		.string()
		.refine((id) => /^(idea|observation):/.test(id) && ULID_PATTERN.test(id.slice(id.indexOf(':') + 1)), {
			error: 'A photo belongs to an idea or an observation'
		}),
	alt: z.string().trim().max(250, { error: 'Description must be 250 characters or fewer' }).default('')
});
export type Photo = z.infer<typeof photoSchema>;
