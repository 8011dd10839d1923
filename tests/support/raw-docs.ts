/**
 * Documents as a device would send them, unchecked (a test may send an invalid one on purpose): the
 * typed factories that run the schemas are in tests/factories.ts.
 */
import { newDocId } from '../../src/lib/domain/ids';

/** An idea as a device would write it. */
export function idea(
	author: string,
	title: string,
	overrides: Record<string, unknown> = {}
): Record<string, unknown> {
	const now = new Date().toISOString();
	return {
		_id: newDocId('idea'),
		type: 'idea',
		schemaVersion: 1,
		author,
		createdAt: now,
		updatedAt: now,
		title,
		details: '',
		...overrides
	};
}
