/** How co-production projects and what their teams write land in the desk. */
import type { DocOf, ProjectDocType } from '$lib/domain';
import type { ProjectPart, ProjectPartRow } from './project-rows';
import { contentRow, type Projected, type Stored, type Writers } from './read-models';

function part(doc: ProjectPart, { rev, conflicts }: Stored): Projected {
	const row: ProjectPartRow = {
		id: doc._id,
		rev,
		type: doc.type,
		projectId: doc.projectId,
		author: doc.author,
		createdAt: doc.createdAt,
		updatedAt: doc.updatedAt,
		conflicts,
		doc
	};
	return { rows: { projectParts: row } };
}

export const projectWriters: Writers<ProjectDocType> = {
	project: (doc: DocOf<'project'>, { rev, conflicts }) => ({
		rows: { projects: { ...contentRow(doc), rev, conflicts } }
	}),
	'project-request': part,
	pdsa: part,
	'data-point': part
};
