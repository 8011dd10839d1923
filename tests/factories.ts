import { ideaSchema, newDocId, type Idea } from '../src/lib/domain';

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
