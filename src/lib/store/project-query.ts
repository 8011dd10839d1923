/** Reading co-production projects from the desk: the list, one project with what links to it. */
import { projectsOf, type ProjectRequest, type ProjectStatus } from '$lib/domain';
import type { Desk, ObservationRow } from './desk';
import { loadPeopleNames, type PeopleNames, type Person, type Synced } from './meeting-query';
import type { MeetingRow } from './meeting-rows';
import type { ProjectPartRow, ProjectRow } from './project-rows';
import { withStatuses } from './status';

/** The projects `name` leads or is on the team of, from this device's copy (the app's `Actor.teamOf`). */
export async function loadTeamOf(desk: Desk, name: string): Promise<string[]> {
	return projectsOf(await desk.projects.toArray(), name);
}

export interface ProjectListItem extends Synced<ProjectRow> {
	/** The name the lead goes by. */
	leadName: string;
}

/** Every project on the device (or those with `status`), the most recently changed first. */
export async function loadProjects(
	desk: Desk,
	status: ProjectStatus | '',
	me?: Person
): Promise<ProjectListItem[]> {
	const [rows, names] = await Promise.all([
		status ? desk.projects.where('status').equals(status).toArray() : desk.projects.toArray(),
		loadPeopleNames(desk, me)
	]);
	rows.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
	return (await withStatuses(desk, rows)).map((entry) => ({
		...entry,
		leadName: names.get(entry.row.lead) ?? entry.row.lead
	}));
}

/** A project's own row, or null when it is not on this device. */
export async function loadProjectRow(desk: Desk, id: string): Promise<ProjectRow | null> {
	return (await desk.projects.get(id)) ?? null;
}

/** A member's request to join, with the name they go by. */
export interface RequestView extends Synced<ProjectPartRow<ProjectRequest>> {
	authorName: string;
}

/** Something elsewhere in the app that names the project. */
export interface ProjectLink {
	id: string;
	title: string;
	/** Where it sits, for an observation: its visit. */
	within?: { id: string; title: string };
}

export interface ProjectView {
	project: Synced<ProjectRow>;
	names: PeopleNames;
	/** Requests to join from people not on the team (yet), oldest first. */
	pending: RequestView[];
	/** The signed-in person's own request, whatever became of it. */
	mine: RequestView | undefined;
	ideas: ProjectLink[];
	observations: ProjectLink[];
	meetings: ProjectLink[];
}

function ofRequests(rows: readonly ProjectPartRow[]): ProjectPartRow<ProjectRequest>[] {
	return rows.filter((row): row is ProjectPartRow<ProjectRequest> => row.type === 'project-request');
}

/** The ideas whose status changes name the project, each once, by title. */
async function linkedIdeas(desk: Desk, projectId: string): Promise<ProjectLink[]> {
	const changes = await desk.statuses.where('projectId').equals(projectId).toArray();
	const ideas = await desk.ideas.bulkGet([...new Set(changes.map((change) => change.ideaId))]);
	return ideas.flatMap((idea) => (idea ? [{ id: idea.id, title: idea.title }] : []));
}

/** Observations that name the project, each with its visit. */
async function linkedObservations(desk: Desk, projectId: string): Promise<ProjectLink[]> {
	const rows: ObservationRow[] = await desk.observations
		.where('projectId')
		.equals(projectId)
		.sortBy('createdAt');
	const visits = await desk.visits.bulkGet([...new Set(rows.map((row) => row.visitId))]);
	const visitNames = new Map(
		visits.flatMap((visit) => (visit ? [[visit.id, `${visit.siteName} (${visit.date})`] as const] : []))
	);
	return rows.map((row) => ({
		id: row.id,
		title: row.text,
		within: { id: row.visitId, title: visitNames.get(row.visitId) ?? 'A visit not on this device yet' }
	}));
}

function meetingLinks(meetings: readonly MeetingRow[]): ProjectLink[] {
	return [...meetings]
		.sort((a, b) => (a.startsAt < b.startsAt ? -1 : 1))
		.map((meeting) => ({ id: meeting.id, title: meeting.title }));
}

/** One project with who asked to join and what links to it, or undefined when it is not on this device. */
export async function loadProject(desk: Desk, id: string, me: Person): Promise<ProjectView | undefined> {
	const row = await desk.projects.get(id);
	if (!row) return undefined;
	const [[project], parts, names, ideas, observations, meetings] = await Promise.all([
		withStatuses(desk, [row]),
		desk.projectParts.where('[projectId+type]').equals([id, 'project-request']).sortBy('createdAt'),
		loadPeopleNames(desk, me),
		linkedIdeas(desk, id),
		linkedObservations(desk, id),
		desk.meetings.where('projectId').equals(id).toArray()
	]);
	const requests = (await withStatuses(desk, ofRequests(parts))).map((request) => ({
		...request,
		authorName: names.get(request.row.author) ?? request.row.author
	}));
	const onTeam = new Set([row.lead, ...row.team.map((person) => person.name)]);
	return {
		project: project ?? { row, status: { kind: 'synced' } },
		names,
		pending: requests.filter((request) => !onTeam.has(request.row.author)),
		mine: requests.find((request) => request.row.author === me.name),
		ideas,
		observations,
		meetings: meetingLinks(meetings)
	};
}
