/**
 * A glossary term as a device would send it, unchecked: for the access matrix (matrix.test.ts) and the
 * fuzzing of replicated documents (revision-trees.ts). Only coordinators may write one.
 */
const AT = '2026-01-02T03:04:05.000Z';

export function glossaryDoc(author: string, _id: string, term = 'EOC'): Record<string, unknown> {
	return {
		_id,
		type: 'glossary-term',
		schemaVersion: 1,
		author,
		createdAt: AT,
		updatedAt: AT,
		term,
		meaning: 'Emergency operations centre: the control room that answers 999 calls',
		note: ''
	};
}
