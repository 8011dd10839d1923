import { describe, expect, it } from 'vitest';
import {
	makeDataPoint,
	makePdsa,
	makeProject,
	makeProjectRequest,
	measureId
} from '../../../tests/project-factories';
import {
	aimSentence,
	decideWrite,
	editDoc,
	involvementChanges,
	involvementSentence,
	projectInputSchema,
	projectsOf,
	type Actor,
	type ProjectFields
} from './index';

const lead: Actor = { name: 'member', roles: ['member'] };
const teammate: Actor = { name: 'sam', roles: ['member'] };
const outsider: Actor = { name: 'someone', roles: ['member'] };
const coordinator: Actor = { name: 'coordinator', roles: ['coordinator'] };
const inTeam = (actor: Actor, projectId: string): Actor => ({ ...actor, teamOf: [projectId] });

describe('a project', () => {
	it('states its aim in one sentence', () => {
		expect(aimSentence(makeProject().aim!)).toBe(
			'By 31 March 2027, reduce handover time from 45 minutes to 30 minutes'
		);
	});

	it('says from which stage members were involved', () => {
		expect(involvementSentence({ membersFirstInvolved: 'problem' })).toBe('Members involved from the start');
		expect(involvementSentence({ membersFirstInvolved: 'testing' })).toBe(
			'Members joined at testing changes'
		);
		expect(involvementSentence({ membersFirstInvolved: null })).toBe('No members involved yet');
	});

	it('puts each problem at the field a person would change', () => {
		const result = projectInputSchema.safeParse({
			title: 'Handovers',
			problem: 'Long waits',
			lead: 'member',
			leadKind: 'member',
			status: 'stopped',
			startDate: '2026-10-01',
			endDate: '2026-09-01',
			aimReached: 'no',
			membersFirstInvolved: 'testing',
			team: [{ name: 'sam', kind: 'member', level: null, joinedAt: 'planning' }]
		});
		expect(result.success).toBe(false);
		const paths = result.error?.issues.map((issue) => issue.path.join('.'));
		expect(paths).toEqual(
			expect.arrayContaining(['stopReason', 'endDate', 'aimEvidence', 'membersFirstInvolved', 'team.0.level'])
		);
	});

	it('records who joined, who left, levels and the first stage in its history', () => {
		const before = makeProject();
		const after: Pick<ProjectFields, 'membersFirstInvolved' | 'team'> = {
			membersFirstInvolved: 'problem',
			team: [
				{ ...before.team[0]!, level: 'little-i' },
				{ ...before.team[0]!, name: 'sam', kind: 'staff', level: null, joinedAt: 'testing' }
			]
		};
		const changes = involvementChanges(before, after, 'member', new Date('2026-11-01T10:00:00Z'));
		expect(changes.map((change) => change.what)).toEqual([
			'member is now little i',
			'sam joined as staff at testing changes'
		]);
		expect(
			involvementChanges(after, { ...after, team: [] }, 'member', new Date()).map((c) => c.what)
		).toEqual(['member left the team', 'sam left the team']);
	});

	it('knows whose projects are whose', () => {
		const project = makeProject({
			lead: 'member',
			team: [{ name: 'sam', kind: 'staff', joinedAt: 'testing' }],
			membersFirstInvolved: null
		});
		expect(projectsOf([project], 'sam')).toEqual([project._id]);
		expect(projectsOf([project], 'member')).toEqual([project._id]);
		expect(projectsOf([project], 'someone')).toEqual([]);
	});
});

describe('who may write to a project', () => {
	it('lets its lead and coordinators set it up and change it, nobody else', () => {
		const project = makeProject({ author: 'member' });
		expect(decideWrite(lead, project, undefined).ok).toBe(true);
		const forOthers = makeProject({ author: 'someone', lead: 'member' });
		expect(decideWrite(outsider, forOthers, undefined)).toEqual({
			ok: false,
			reason: "Only the project's lead or a coordinator can set up or change a project"
		});
		const edited = editDoc('project', project, { title: 'Handovers in half the time' });
		expect(decideWrite(lead, edited, project).ok).toBe(true);
		expect(decideWrite(coordinator, edited, project).ok).toBe(true);
		expect(decideWrite(inTeam(teammate, project._id), edited, project).ok).toBe(false);
		expect(decideWrite(outsider, { _id: project._id, _deleted: true }, project).ok).toBe(false);
	});

	it('follows the lead on the server, not the author', () => {
		const project = makeProject({ author: 'member' });
		const handedOver = editDoc('project', project, { lead: 'sam' });
		expect(decideWrite(lead, handedOver, project).ok).toBe(true);
		const later = editDoc('project', handedOver, { title: 'Renamed' });
		expect(decideWrite(lead, later, handedOver).ok).toBe(false);
		expect(decideWrite(teammate, later, handedOver).ok).toBe(true);
	});

	it('lets the history of involvement only grow', () => {
		const project = makeProject({
			history: [{ at: '2026-09-01T09:00:00.000Z', by: 'member', what: 'Set up' }]
		});
		const rewritten = editDoc('project', project, { history: [] });
		expect(decideWrite(lead, rewritten, project)).toEqual({
			ok: false,
			reason: "A project's history of involvement can only be added to"
		});
		const grown = editDoc('project', project, {
			history: [...project.history, { at: '2026-10-01T09:00:00.000Z', by: 'member', what: 'sam joined' }]
		});
		expect(decideWrite(lead, grown, project).ok).toBe(true);
	});

	it('lets the team, and only the team, add PDSA cycles and figures', () => {
		const project = makeProject();
		const cycle = makePdsa(project._id, { author: 'sam' });
		expect(decideWrite(inTeam(teammate, project._id), cycle, undefined).ok).toBe(true);
		expect(decideWrite(teammate, cycle, undefined)).toEqual({
			ok: false,
			reason: "Only the project's team can add or change its PDSA cycles"
		});
		const point = makeDataPoint(project._id, measureId(), { author: 'someone' });
		expect(decideWrite(outsider, point, undefined).ok).toBe(false);
		expect(decideWrite(inTeam(outsider, project._id), point, undefined).ok).toBe(true);
		const moved = editDoc('data-point', point, { projectId: makeProject()._id });
		expect(decideWrite(inTeam(outsider, project._id), moved, point).ok).toBe(false);
		// Someone who has left the team can no longer change what they wrote.
		const corrected = editDoc('data-point', point, { value: 40 });
		expect(decideWrite(outsider, corrected, point).ok).toBe(false);
		expect(decideWrite(coordinator, corrected, point).ok).toBe(true);
	});

	it('lets anyone ask to join, in their own name', () => {
		const project = makeProject();
		const request = makeProjectRequest(project._id, 'someone', 'I drive for PTS and know the delays');
		expect(decideWrite(outsider, request, undefined).ok).toBe(true);
		expect(decideWrite(teammate, { ...request, author: 'sam' }, undefined).ok).toBe(false);
	});
});
