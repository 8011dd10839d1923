import {
	commentSchema,
	ideaSchema,
	newDocId,
	statusChangeSchema,
	supportId,
	supportSchema,
	type Comment,
	type Idea,
	type StatusChange,
	type Support
} from '../src/lib/domain';

let clock = Date.parse('2026-10-01T09:00:00Z');

/** A valid idea (run through the real zod schema), each one a minute newer than the last. */
export function makeIdea(overrides: Partial<Idea> = {}): Idea {
	clock += 60_000;
	const at = new Date(clock).toISOString();
	return ideaSchema.parse({
		_id: newDocId('idea', clock),
		type: 'idea',
		schemaVersion: 1,
		author: 'member',
		createdAt: at,
		updatedAt: at,
		title: 'Tell callers how long the wait is',
		details: 'When the queue is long, a message with the expected wait would help.',
		...overrides
	});
}

/** A valid comment on `ideaId`. */
export function makeComment(ideaId: string, overrides: Partial<Comment> = {}): Comment {
	clock += 60_000;
	const at = new Date(clock).toISOString();
	return commentSchema.parse({
		_id: newDocId('comment', clock),
		type: 'comment',
		schemaVersion: 1,
		author: 'chair',
		createdAt: at,
		updatedAt: at,
		ideaId,
		parentId: null,
		body: 'I agree, this happened to my mum too.',
		hidden: false,
		...overrides
	});
}

/** `member`'s support of `ideaId`. */
export function makeSupport(ideaId: string, member = 'member'): Support {
	clock += 60_000;
	const at = new Date(clock).toISOString();
	return supportSchema.parse({
		_id: supportId(ideaId, member),
		type: 'support',
		schemaVersion: 1,
		author: member,
		createdAt: at,
		updatedAt: at,
		ideaId
	});
}

/** A status change of `ideaId`, by a coordinator. */
export function makeStatus(ideaId: string, overrides: Partial<StatusChange> = {}): StatusChange {
	clock += 60_000;
	const at = new Date(clock).toISOString();
	return statusChangeSchema.parse({
		_id: newDocId('status', clock),
		type: 'status',
		schemaVersion: 1,
		author: 'coordinator',
		createdAt: at,
		updatedAt: at,
		ideaId,
		to: 'under-discussion',
		reason: '',
		outcome: '',
		qiProject: '',
		...overrides
	});
}
