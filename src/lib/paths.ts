import { meetingIdOf, MEETING_SCHEMAS, typeOfId } from '$lib/domain';
import { opportunityPath } from './opportunity-paths';

export { opportunityIdFromParam, opportunityPath } from './opportunity-paths';

/** Ideas are addressed by the ULID part of their id: `/ideas/01J…` for `idea:01J…`. */
export function ideaPath(id: string): string {
	return `/ideas/${encodeURIComponent(id.replace(/^idea:/, ''))}`;
}

export function ideaIdFromParam(param: string): string {
	return `idea:${param}`;
}

/** Visits likewise: `/visits/01J…` for `visit:01J…`. */
export function visitPath(id: string): string {
	return `/visits/${encodeURIComponent(id.replace(/^visit:/, ''))}`;
}

export function visitIdFromParam(param: string): string {
	return `visit:${param}`;
}

/**
 * Where a document of any type is shown. Given its content, a document shown on another one's page (a
 * comment on its idea, an observation on its visit, a photo on its subject) leads there.
 */
export function docPath(id: string, content?: Record<string, unknown>): string {
	const link = (field: string) => {
		const value = content?.[field];
		return typeof value === 'string' ? value : undefined;
	};
	if (id.startsWith('idea:')) return ideaPath(id);
	if (id.startsWith('visit:')) return visitPath(id);
	const idea = link('ideaId');
	if (idea?.startsWith('idea:')) return ideaPath(idea);
	const visit = link('visitId');
	if (visit?.startsWith('visit:')) return visitPath(visit);
	if (id.startsWith('observation:')) return '/visits';
	const subject = link('subject');
	if (id.startsWith('photo:') && subject && !subject.startsWith('photo:')) return docPath(subject);
	if (isMeetingDocId(id)) return meetingDocPath(id, content);
	if (id.startsWith('project:')) return projectPath(id);
	if (id.startsWith('glossary-term:')) return glossaryTermPath(id);
	if (id.startsWith('claim:')) return claimPath(id);
	const claim = link('claimId');
	if (claim?.startsWith('claim:')) return claimPath(claim);
	if (id.startsWith('expense-rates:')) return '/expenses/rates';
	const project = link('projectId');
	if (project?.startsWith('project:')) return projectPath(project);
	if (id.startsWith('opportunity:')) return opportunityPath(id);
	const opportunity = link('opportunityId');
	if (opportunity?.startsWith('opportunity:')) return opportunityPath(opportunity);
	if (id.startsWith('profile:')) return profilePath(id.slice('profile:'.length));
	return '/sync';
}

/** The page to settle a document's conflicting versions. */
export function conflictPath(id: string): string {
	return `/conflicts/${encodeURIComponent(id)}`;
}

/** Meetings are addressed by the ULID part of their id: `/meetings/01J…` for `meeting:01J…`. */
export function meetingPath(id: string, page?: 'agenda' | 'notes' | 'minutes' | 'edit'): string {
	const base = `/meetings/${encodeURIComponent(id.replace(/^meeting:/, ''))}`;
	return page ? `${base}/${page}` : base;
}

export function meetingIdFromParam(param: string): string {
	return `meeting:${param}`;
}

export function groupPath(id: string): string {
	return `/meetings/groups/${encodeURIComponent(id.replace(/^group:/, ''))}`;
}

export function groupIdFromParam(param: string): string {
	return `group:${param}`;
}

export function isMeetingDocId(id: string): boolean {
	const type = typeOfId(id);
	return type !== undefined && Object.hasOwn(MEETING_SCHEMAS, type);
}

/**
 * Where a meeting document is shown: its meeting when the id names it or the document gives its `meetingId`,
 * else the meetings page.
 */
export function meetingDocPath(id: string, content?: Record<string, unknown>): string {
	if (id.startsWith('group:')) return groupPath(id);
	const named = content?.meetingId;
	const meetingId =
		meetingIdOf(id) ?? (typeof named === 'string' && named.startsWith('meeting:') ? named : undefined);
	if (!meetingId) return '/meetings';
	return meetingPath(meetingId, id.startsWith('meeting-note:') ? 'notes' : undefined);
}

/** Projects are addressed by the ULID part of their id: `/projects/01J…` for `project:01J…`. */
export function projectPath(id: string, page?: 'edit' | 'team' | 'cycles' | 'measures'): string {
	const base = `/projects/${encodeURIComponent(id.replace(/^project:/, ''))}`;
	return page ? `${base}/${page}` : base;
}

/** Glossary terms likewise: `/glossary/01J…` for `glossary-term:01J…`. */
export function glossaryTermPath(id: string): string {
	return `/glossary/${encodeURIComponent(id.replace(/^glossary-term:/, ''))}`;
}

export function glossaryIdFromParam(param: string): string {
	return `glossary-term:${param}`;
}

export function projectIdFromParam(param: string): string {
	return `project:${param}`;
}

/** A project's PDSA cycle to change (`pdsa:01J…`), or the page that adds one. */
export function cyclePath(projectId: string, cycleId?: string): string {
	return `${projectPath(projectId)}/cycles/${cycleId ? encodeURIComponent(cycleId.replace(/^pdsa:/, '')) : 'new'}`;
}

/** The page that adds a measure to a project, or a figure to one of its measures, or changes a figure. */
export function measurePath(projectId: string, measureId?: string, pointId?: string): string {
	const base = `${projectPath(projectId)}/measures`;
	if (!measureId) return `${base}/new`;
	const point = pointId ? encodeURIComponent(pointId.replace(/^data-point:/, '')) : 'new';
	return `${base}/${encodeURIComponent(measureId)}/${point}`;
}

/** A member's profile, as the member and coordinators see it. */
export function profilePath(member: string): string {
	return `/people/${encodeURIComponent(member)}/profile`;
}

/** Expenses claims are addressed by their id without its type: `/expenses/ann%3A01J…` for `claim:ann:01J…`. */
export function claimPath(id: string): string {
	return `/expenses/${encodeURIComponent(id.replace(/^claim:/, ''))}`;
}

export function claimIdFromParam(param: string): string {
	return `claim:${param}`;
}
