/**
 * Typed project test data, made through the envelope (`newDoc`), so each document goes through the real
 * zod schema; each one a minute newer than the last.
 */
import {
	projectRequestId,
	ulid,
	type DataPoint,
	type Pdsa,
	type Project,
	type ProjectRequest
} from '../src/lib/domain';
import { minuteByMinute, type Overrides } from './factories';

const made = minuteByMinute('2026-09-01T09:00:00Z');

/** A measure id (a ULID), new each call. */
export const measureId = (): string => ulid();

export function makeProject({ author = 'member', ...content }: Overrides<'project'> = {}): Project {
	return made('project', author, {
		title: 'Faster handovers at the General',
		problem: 'Crews wait over an hour to hand patients over at the emergency department.',
		aim: {
			direction: 'reduce',
			measure: 'handover time',
			baseline: '45 minutes',
			target: '30 minutes',
			by: '2027-03-31'
		},
		lead: author,
		leadKind: 'member',
		membersFirstInvolved: 'problem',
		team: [{ name: author, kind: 'member', level: 'big-i', joinedAt: 'problem' }],
		...content
	});
}

export function makePdsa(projectId: string, { author = 'member', ...content }: Overrides<'pdsa'> = {}): Pdsa {
	return made('pdsa', author, {
		projectId,
		title: 'A handover checklist',
		startedOn: '2026-10-01',
		...content
	});
}

export function makeDataPoint(
	projectId: string,
	measure: string,
	{ author = 'member', ...content }: Overrides<'data-point'> = {}
): DataPoint {
	return made('data-point', author, {
		projectId,
		measureId: measure,
		date: '2026-10-01',
		value: 42,
		...content
	});
}

export function makeProjectRequest(projectId: string, author = 'someone', note = ''): ProjectRequest {
	return made('project-request', author, { projectId, note }, projectRequestId(projectId, author));
}
