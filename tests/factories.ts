/**
 * Typed test data for ideas and their discussion, made through the envelope (`newDoc`), so each document
 * goes through the real zod schema; each one a minute newer than the last. Meetings' are in
 * meeting-factories.ts, raw unchecked documents in support/raw-docs.ts.
 */
import {
	newDoc,
	supportId,
	type Comment,
	type ContentOf,
	type DocOf,
	type DocType,
	type Idea,
	type StatusChange,
	type Support
} from '../src/lib/domain';

/** What a test may set: any content field, and who wrote it. */
export type Overrides<K extends DocType> = Partial<ContentOf<K>> & { author?: string };

/** Makes documents, from `start` on, each written a minute after the last one it made. */
export function minuteByMinute(start: string) {
	let clock = Date.parse(start);
	return <K extends DocType>(type: K, author: string, content: ContentOf<K>, id?: string): DocOf<K> => {
		clock += 60_000;
		return newDoc(type, author, content, { id, now: new Date(clock) });
	};
}

const made = minuteByMinute('2026-10-01T09:00:00Z');

/** A valid idea. */
export function makeIdea({ author = 'member', ...content }: Overrides<'idea'> = {}): Idea {
	return made('idea', author, {
		title: 'Tell callers how long the wait is',
		details: 'When the queue is long, a message with the expected wait would help.',
		...content
	});
}

/** A valid comment on `ideaId`. */
export function makeComment(
	ideaId: string,
	{ author = 'chair', ...content }: Overrides<'comment'> = {}
): Comment {
	return made('comment', author, {
		ideaId,
		parentId: null,
		body: 'I agree, this happened to my mum too.',
		hidden: false,
		...content
	});
}

/** `member`'s support of `ideaId`. */
export function makeSupport(ideaId: string, member = 'member'): Support {
	return made('support', member, { ideaId }, supportId(ideaId, member));
}

/** A status change of `ideaId`, by a coordinator. */
export function makeStatus(
	ideaId: string,
	{ author = 'coordinator', ...content }: Overrides<'status'> = {}
): StatusChange {
	return made('status', author, {
		ideaId,
		to: 'under-discussion',
		reason: '',
		outcome: '',
		qiProject: '',
		...content
	});
}
