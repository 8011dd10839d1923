import { describe, expect, it } from 'vitest';
import { groupReport, observationInputSchema, visitInputSchema } from './visit';
import { fieldErrors } from './documents';

describe('visits', () => {
	it('explain what is missing in plain words', () => {
		const visit = visitInputSchema.safeParse({ siteName: ' ', date: '' });
		expect(fieldErrors(visit.error!.issues)).toMatchObject({
			siteType: 'Choose the kind of site',
			siteName: 'Enter the name of the site',
			date: 'Enter the date of the visit'
		});
		const observation = observationInputSchema.safeParse({ text: '' });
		expect(fieldErrors(observation.error!.issues)).toEqual({
			text: 'Write what you saw or heard',
			kind: 'Choose what kind of observation this is'
		});
	});

	it('group a report by key question in the CQC order, then kind, oldest first, leaving out empty groups', () => {
		const o = (
			keyQuestion: 'safe' | 'caring' | null,
			kind: 'concern' | 'good-practice',
			createdAt: string
		) => ({
			keyQuestion,
			kind,
			createdAt
		});
		const report = groupReport([
			o('caring', 'concern', '2026-01-01T10:05:00Z'),
			o(null, 'good-practice', '2026-01-01T10:00:00Z'),
			o('safe', 'concern', '2026-01-01T10:02:00Z'),
			o('safe', 'good-practice', '2026-01-01T10:03:00Z'),
			o('safe', 'concern', '2026-01-01T10:01:00Z')
		]);
		expect(report.map((section) => section.keyQuestion)).toEqual(['safe', 'caring', null]);
		expect(report[0]?.kinds.map((group) => [group.kind, group.observations.map((x) => x.createdAt)])).toEqual(
			[
				['good-practice', ['2026-01-01T10:03:00Z']],
				['concern', ['2026-01-01T10:01:00Z', '2026-01-01T10:02:00Z']]
			]
		);
	});
});
