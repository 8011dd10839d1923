/** The demo network's visits: a finished mock inspection with what was seen, and a visit to come. */
import type { AppDoc } from '../../domain/documents';
import type { ContentOf } from '../../domain/envelope';
import type { KeyQuestion, ObservationKind, Visit } from '../../domain/visit';
import { DAY_MS, demoDoc, MINUTE_MS } from './dated';
import type { DemoProject, DemoProjectIds } from './projects';

/** A finished mock CQC inspection at a control room: [key question, kind, what was seen, project]. */
const INSPECTION: ReadonlyArray<readonly [KeyQuestion, ObservationKind, string, DemoProject?]> = [
	[
		'safe',
		'good-practice',
		'Every call handler had a clear view of the live call board and knew who to escalate to.'
	],
	['safe', 'concern', 'Two headsets were held together with tape; staff said replacements take weeks.'],
	[
		'effective',
		'good-practice',
		'Clinicians in the hub called back category 3 patients within the hour we watched.'
	],
	['effective', 'question', 'How is learning from call audits fed back to new starters on night shifts?'],
	[
		'caring',
		'good-practice',
		'A call handler stayed calm and kind with a caller whose husband had collapsed, and talked her through CPR.'
	],
	[
		'caring',
		'idea',
		'A quiet room to decompress after difficult calls would help: staff go to their cars now.'
	],
	[
		'responsive',
		'concern',
		'Long waits were explained to callers, but the call-back script uses jargon like "category 2".',
		'script'
	],
	['responsive', 'idea', 'Offer text relay and video interpreting more visibly for Deaf callers.'],
	[
		'well-led',
		'good-practice',
		'The duty manager walked the floor every 20 minutes and knew everyone by name.'
	],
	['well-led', 'question', 'Do staff know how to raise concerns with the Freedom to Speak Up guardian?']
];

/**
 * The demo network's visits: a finished mock inspection with observations (so its report has content,
 * one of them linked to a project), and a planned visit.
 */
export function demoVisits(projects: DemoProjectIds, now = Date.now()): AppDoc[] {
	const docs: AppDoc[] = [];
	const visit = (author: string, daysAgo: number, content: ContentOf<'visit'>): Visit =>
		demoDoc('visit', author, content, { at: now - (daysAgo + 7) * DAY_MS, changed: now - daysAgo * DAY_MS });
	const inspectionDay = now - 12 * DAY_MS;
	const inspection = visit('chair', 12, {
		siteType: '999-control-room',
		siteName: 'Eastfield emergency operations centre',
		date: new Date(inspectionDay).toISOString().slice(0, 10),
		visitors: ['chair', 'member'],
		purpose:
			'Mock CQC inspection ahead of the real one in spring. The centre asked us to look at call-backs.',
		status: 'done',
		template: 'mock-cqc'
	});
	docs.push(inspection);
	INSPECTION.forEach(([keyQuestion, kind, text, project], i) => {
		const at = inspectionDay + (10 * 60 + i * 17) * MINUTE_MS;
		const author = i % 2 ? 'member' : 'chair';
		const projectId = project ? projects[project] : null;
		const content = { visitId: inspection._id, text, kind, keyQuestion, projectId };
		docs.push(demoDoc('observation', author, content, { at }));
	});
	docs.push(
		visit('member', 1, {
			siteType: 'ambulance-station',
			siteName: 'Northgate ambulance station',
			date: new Date(now + 9 * DAY_MS).toISOString().slice(0, 10),
			visitors: ['member', 'recruiter'],
			purpose: 'Meet the crews and see how vehicles are made ready at shift change.',
			status: 'planned',
			template: 'general'
		})
	);
	return docs;
}
