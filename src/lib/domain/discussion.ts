import { z } from 'zod';
import { baseDocShape, docIdSchema, easyReadSummary } from './common';

/** An idea's discussion: comments, supports and the status changes that make its history. */

export const COMMENT_MAX = 2_000;

/** A comment on an idea; a reply names the top-level comment it answers (one level deep). */
export const commentInputSchema = z.object({
	body: z
		.string()
		.trim()
		.min(1, { error: 'Write your comment' })
		.max(COMMENT_MAX, { error: `Comment must be ${COMMENT_MAX.toLocaleString('en-GB')} characters or fewer` })
});
/** What a person types for a comment, once checked. */
export type CommentInput = z.infer<typeof commentInputSchema>;

export const commentSchema = z.strictObject({
	...baseDocShape('comment'),
	ideaId: docIdSchema('idea'),
	parentId: docIdSchema('comment').nullable().default(null),
	...commentInputSchema.shape,
	/** Hidden by its author or a coordinator: kept, but not shown to members. */
	hidden: z.boolean().default(false)
});
export type Comment = z.infer<typeof commentSchema>;

/**
 * A member's support for an idea. The id is derived from the idea and the member
 * (`support:<idea ulid>:<member>`), so supporting twice from two phones is still one support, and
 * taking support back is deleting the document.
 */
export function supportId(ideaId: string, member: string): string {
	return `support:${ideaId.slice('idea:'.length)}:${member}`;
}

export const supportSchema = z
	.strictObject({
		...baseDocShape('support'),
		_id: z.string(),
		ideaId: docIdSchema('idea')
	})
	.refine((doc) => doc._id === supportId(doc.ideaId, doc.author), {
		error: 'A support must be named after its idea and its member',
		path: ['_id']
	});
export type Support = z.infer<typeof supportSchema>;

/** An idea's journey. `not-taken-forward` needs a reason; both endings need a "You said, we did" outcome. */
export const IDEA_STATUSES = [
	'new',
	'under-discussion',
	'taken-forward',
	'done',
	'not-taken-forward'
] as const;
export const ideaStatusSchema = z.enum(IDEA_STATUSES);
export type IdeaStatus = z.infer<typeof ideaStatusSchema>;

export const STATUS_LABELS: Record<IdeaStatus, string> = {
	new: 'New',
	'under-discussion': 'Under discussion',
	'taken-forward': 'Taken forward',
	done: 'Done',
	'not-taken-forward': 'Not taken forward'
};

export const statusChangeInputSchema = z
	.object({
		to: ideaStatusSchema,
		reason: z.string().trim().max(2_000, { error: 'Reason must be 2,000 characters or fewer' }).default(''),
		outcome: z.string().trim().max(2_000, { error: 'Outcome must be 2,000 characters or fewer' }).default(''),
		/** The outcome in easy read. */
		easyRead: easyReadSummary(),
		/** The co-production project an idea taken forward became part of. */
		projectId: docIdSchema('project').nullable().default(null)
	})
	.superRefine((change, context) => {
		if (change.to === 'not-taken-forward' && !change.reason) {
			context.addIssue({
				code: 'custom',
				path: ['reason'],
				message: 'Give the reason it is not being taken forward'
			});
		}
		if ((change.to === 'done' || change.to === 'not-taken-forward') && !change.outcome) {
			context.addIssue({
				code: 'custom',
				path: ['outcome'],
				message: 'Say what happened: "You said, we did"'
			});
		}
	});
export type StatusChangeInput = z.infer<typeof statusChangeInputSchema>;

/** One step in an idea's visible history. Status changes are only ever added, never edited away. */
export const statusChangeSchema = z
	.strictObject({
		...baseDocShape('status'),
		ideaId: docIdSchema('idea'),
		to: ideaStatusSchema,
		reason: z.string().max(2_000),
		outcome: z.string().max(2_000),
		easyRead: z.string().max(600).default(''),
		projectId: docIdSchema('project').nullable().default(null),
		/**
		 * The free-text project name written before projects were documents: kept for the history of
		 * status changes written then; the server's start-up migration moves it to `projectId`.
		 */
		qiProject: z.string().max(120).default('')
	})
	.superRefine((change, context) => {
		const parsed = statusChangeInputSchema.safeParse(change);
		if (!parsed.success)
			for (const issue of parsed.error.issues) context.addIssue({ ...issue, code: 'custom' });
	});
export type StatusChange = z.infer<typeof statusChangeSchema>;
