import type { DataPoint, Pdsa, Project, ProjectRequest } from '$lib/domain';

/** Rows of the projects read models (desk tables `projects`, `projectParts`). */

type Content<D> = Omit<D, '_id' | 'type' | 'schemaVersion'>;

export type ProjectRow = Content<Project> & { id: string; rev: string; conflicts: string[] };

/** Everything written for a project by its team or by people asking to join, the document kept whole. */
export type ProjectPart = ProjectRequest | Pdsa | DataPoint;
export type ProjectPartType = ProjectPart['type'];

export interface ProjectPartRow<D extends ProjectPart = ProjectPart> {
	id: string;
	rev: string;
	type: D['type'];
	projectId: string;
	author: string;
	createdAt: string;
	updatedAt: string;
	conflicts: string[];
	doc: D;
}

/**
 * Dexie table schemas of the projects read models and of the links to projects (desk.ts, version 5): the
 * observations, meetings and idea status changes that name a project are found by it.
 */
export const PROJECT_TABLES = {
	projects: 'id, status, lead',
	projectParts: 'id, type, projectId, [projectId+type]',
	observations: 'id, visitId, createdAt, projectId',
	meetings: 'id, group, startsAt, status, projectId',
	statuses: 'id, ideaId, createdAt, projectId'
} as const;
