import { describe, expect, it } from 'vitest';
import type { KeyQuestion, ObservationKind } from '$lib/domain';
import type { VisitRow } from '$lib/store/desk';
import type { ObservationItem } from '$lib/store/visit-query';
import { reportFacts, reportParts, visitReportText } from './visit-report';

const visit: VisitRow = {
	id: 'visit:01',
	rev: '1-a',
	siteType: 'ambulance-station',
	siteName: 'Northgate station',
	date: '2026-11-21',
	visitors: ['member', 'chair'],
	purpose: '',
	status: 'done',
	template: 'general',
	author: 'member',
	createdAt: '2026-11-21T09:00:00.000Z',
	conflicts: []
};

let made = 0;
function observation(
	text: string,
	kind: ObservationKind,
	keyQuestion: KeyQuestion | null = null
): ObservationItem {
	made += 1;
	const at = `2026-11-21T10:${String(made).padStart(2, '0')}:00.000Z`;
	return {
		row: {
			id: `observation:${made}`,
			rev: '1-a',
			visitId: visit.id,
			text,
			kind,
			keyQuestion,
			projectId: null,
			author: 'member',
			createdAt: at,
			updatedAt: at,
			conflicts: []
		},
		status: { kind: 'synced' },
		photos: [],
		ideas: []
	};
}

const names = new Map([['member', 'Mo Member']]);
const nameOf = (account: string) => names.get(account) ?? account;

describe('a visit report', () => {
	it('opens with the visit, where, when and who visited, by name where this device knows it', () => {
		expect(reportFacts(visit, 2, nameOf)).toEqual([
			{ label: 'Site', value: 'Northgate station (Ambulance station)' },
			{ label: 'Date', value: expect.stringContaining('21 November 2026') },
			{ label: 'Kind of visit', value: 'General visit' },
			{ label: 'Visited by', value: 'Mo Member, chair' },
			{ label: 'Observations', value: '2 observations' }
		]);
	});

	it('titles a part only where the title tells it from another', () => {
		const general = reportParts([
			observation('Ramp is steep', 'concern'),
			observation('Calm', 'good-practice')
		]);
		expect(general.map((part) => part.heading)).toEqual([undefined]);
		expect(general[0]!.kinds.map((group) => group.label)).toEqual(['Good practice', 'Concern']);

		const mixed = reportParts([
			observation('Safe handover', 'good-practice', 'safe'),
			observation('Cold', 'concern')
		]);
		expect(mixed.map((part) => part.heading)).toEqual(['Safe', 'Other observations']);
		const questions = reportParts([observation('Kind words', 'good-practice', 'caring')]);
		expect(questions.map((part) => part.heading)).toEqual(['Caring']);
	});

	it('reads as plain text with the same opening and parts', () => {
		const text = visitReportText(
			{ visit, status: { kind: 'synced' }, observations: [observation('Ramp is steep', 'concern')] },
			nameOf
		);
		expect(text).toContain('Visit report: Northgate station\n\nSite: Northgate station (Ambulance station)');
		expect(text).toContain('Visited by: Mo Member, chair');
		expect(text).toContain('Concern:\n- Ramp is steep (Mo Member)');
		expect(text).not.toContain('OTHER OBSERVATIONS');
	});
});
