import { describe, expect, it } from 'vitest';
import type { DocStatusRow } from './desk';
import { statusOf } from './status';

const row = (state: DocStatusRow['state'], rev: string | null, reason?: string): DocStatusRow => ({
	id: 'idea:01JBXYZ0000000000000000000',
	rev,
	state,
	reason,
	at: '2026-10-01T09:00:00.000Z'
});

describe('statusOf', () => {
	it('says synced unless a status row speaks for the current revision (or a write in flight)', () => {
		expect(statusOf('2-b', undefined)).toEqual({ kind: 'synced' });
		expect(statusOf('2-b', row('local', '1-a'))).toEqual({ kind: 'synced' });
		expect(statusOf('2-b', row('local', '2-b'))).toEqual({ kind: 'local' });
		expect(statusOf('2-b', row('local', null))).toEqual({ kind: 'local' });
		expect(statusOf('2-b', row('denied', '2-b', 'Only member can change this'))).toEqual({
			kind: 'denied',
			reason: 'Only member can change this'
		});
	});

	it('says "in conflict" while conflicting versions wait, however synced; a refusal is told first', () => {
		expect(statusOf('2-b', undefined, ['2-a'])).toEqual({ kind: 'conflict' });
		expect(statusOf('2-b', row('local', '2-b'), ['2-a'])).toEqual({ kind: 'conflict' });
		expect(statusOf('2-b', row('denied', '2-b'), ['2-a'])).toEqual({
			kind: 'denied',
			reason: 'Refused by the server'
		});
		expect(statusOf('2-b', undefined, [])).toEqual({ kind: 'synced' });
	});
});
