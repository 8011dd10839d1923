import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_AREAS, IDEA_STATUSES, STATUS_LABELS } from '$lib/domain';
import { around } from './around';
import { areaLabel, statusLabel } from './idea-text';

describe('idea words', () => {
	it('says each status and service area in English as the domain writes it', () => {
		for (const status of IDEA_STATUSES) expect(statusLabel(status)).toBe(STATUS_LABELS[status]);
		for (const area of DEFAULT_SERVICE_AREAS) expect(areaLabel(area)).toBe(area);
	});

	it('keeps an area that is not in the list as it was typed', () => {
		expect(areaLabel('Dispatch desk')).toBe('Dispatch desk');
	});

	it('splits a sentence around the element inside it', () => {
		expect(around((site) => `From a visit to ${site}, today`)).toEqual(['From a visit to ', ', today']);
		expect(around((site) => `${site} کے دورے سے`)).toEqual(['', ' کے دورے سے']);
	});
});
