import { describe, expect, it } from 'vitest';
import { newDocId, typeOfId, ulid } from './index';

describe('ids', () => {
	it('sort by creation time', () => {
		const older = ulid(Date.parse('2026-01-01T00:00:00Z'));
		const newer = ulid(Date.parse('2026-01-01T00:00:00.001Z'));
		expect(older < newer).toBe(true);
		expect(older).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
	});

	it('carry their type', () => {
		expect(typeOfId(newDocId('idea'))).toBe('idea');
		expect(typeOfId('nocolon')).toBeUndefined();
	});
});
