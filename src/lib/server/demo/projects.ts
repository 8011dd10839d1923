/** The demo network's co-production projects as documents, from the stories in project-stories.ts. */
import type { AppDoc } from '../../domain/documents';
import { ulid } from '../../domain/ids';
import {
	involvementChanges,
	projectRequestId,
	teamMemberSchema,
	type Project,
	type TeamMember
} from '../../domain/project';
import { demoDisplayName } from './accounts';
import { DAY_MS, demoDoc, HOUR_MS } from './dated';
import { PROJECT_STORIES, type DemoProject, type ProjectStory } from './project-stories';

export { DEMO_PROJECTS, type DemoProject } from './project-stories';

/** The ids of the demo projects, for the ideas, observations and meetings that link to them. */
export type DemoProjectIds = Readonly<Record<DemoProject, string>>;

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The demo projects across every status, Big I and little i, with members involved from different
 * stages; their PDSA cycles and weekly figures (the last a few days before `now`, none after it); and a
 * request to join from `recruiter`.
 */
export function demoProjects(now = Date.now()): { ids: DemoProjectIds; docs: AppDoc[] } {
	const docs: AppDoc[] = [];
	const ids: Partial<Record<DemoProject, string>> = {};
	for (const story of PROJECT_STORIES) {
		const [project, ...rest] = projectDocs(story, now);
		ids[story.key] = project._id;
		docs.push(project, ...rest);
	}
	const handover = ids.handover ?? '';
	const request = demoDoc(
		'project-request',
		'recruiter',
		{ projectId: handover, note: 'I wait with my dad at the General most weeks and would like to help.' },
		{ at: now - 3 * DAY_MS, id: projectRequestId(handover, 'recruiter') }
	);
	return { ids: ids as DemoProjectIds, docs: [...docs, request] };
}

/** A project (first) and its cycles and figures. */
function projectDocs(story: ProjectStory, now: number): [Project, ...AppDoc[]] {
	const created = now - story.daysAgo * DAY_MS;
	const { aim, endedDaysAgo, ...fields } = story.project;
	const team = story.team.map((person) => teamMemberSchema.parse(person));
	const membersFirstInvolved = fields.membersFirstInvolved ?? null;
	const setUp = { membersFirstInvolved, team };
	const history = involvementChanges(undefined, setUp, story.author, new Date(created), demoDisplayName);
	let finalTeam: TeamMember[] = team;
	const joined = story.joinedLater ? now - story.joinedLater.daysAgo * DAY_MS : created;
	if (story.joinedLater) {
		finalTeam = [...team, ...story.joinedLater.people.map((person) => teamMemberSchema.parse(person))];
		const later = { membersFirstInvolved, team: finalTeam };
		history.push(...involvementChanges(setUp, later, fields.lead, new Date(joined), demoDisplayName));
	}
	const changed = endedDaysAgo === undefined ? joined : now - endedDaysAgo * DAY_MS;
	const measure = story.measure && {
		id: ulid(created),
		name: story.measure.name,
		unit: story.measure.unit,
		better: story.measure.better
	};
	const project = demoDoc(
		'project',
		story.author,
		{
			...fields,
			aim: aim ? { ...aim, by: day(now + aim.inDays * DAY_MS) } : null,
			startDate: fields.status === 'proposed' ? null : day(created),
			endDate: endedDaysAgo === undefined ? null : day(changed),
			team: finalTeam,
			measures: measure ? [measure] : [],
			history
		},
		{ at: created, changed }
	);
	if (!measure || !story.measure) return [project];
	// Weekly figures, the last four days ago.
	const values = story.measure.values;
	const week = (i: number) => now - 4 * DAY_MS - (values.length - 1 - i) * 7 * DAY_MS;
	const projectId = project._id;
	const figures = values.map((value, i) => {
		// Entered by someone on the team by then.
		const names = (week(i) < joined ? team : finalTeam).map((person) => person.name);
		return demoDoc(
			'data-point',
			names[i % names.length] ?? fields.lead,
			{ projectId, measureId: measure.id, date: day(week(i)), value },
			{ at: week(i) + 18 * HOUR_MS }
		);
	});
	const cycles = (story.cycles ?? []).map(({ week: started, by, ...cycle }) => {
		const at = week(started) + 9 * HOUR_MS;
		const studied = cycle.decision ? Math.min(at + 14 * DAY_MS, now) : at;
		return demoDoc('pdsa', by, { projectId, startedOn: day(at), ...cycle }, { at, changed: studied });
	});
	return [project, ...cycles, ...figures];
}
