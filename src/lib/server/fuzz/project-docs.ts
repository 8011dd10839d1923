/**
 * Documents of the project types as a device would send them, unchecked (raw, so an id may be a
 * placeholder the fuzzing replaces): for the access matrix (matrix.test.ts) and the fuzzing of replicated
 * documents (revision-trees.ts).
 */
export const PROJECT_DOC_TYPES = ['project', 'project-request', 'pdsa', 'data-point'] as const;
export type ProjectDocType = (typeof PROJECT_DOC_TYPES)[number];

/** The project a request, a PDSA cycle or a figure is for, and the measure a figure counts. */
export interface ProjectRef {
	projectId: string;
	measureId: string;
}

const AT = '2026-01-02T03:04:05.000Z';

/**
 * A valid new document of `type` with id `_id` written by `author`: a project led by `lead` (its author
 * unless given), or a request to join, a PDSA cycle or a figure of `ref`'s project.
 */
export function projectDoc(
	type: ProjectDocType,
	author: string,
	_id: string,
	ref: ProjectRef,
	lead = author
): Record<string, unknown> {
	const envelope = { _id, type, schemaVersion: 1, author, createdAt: AT, updatedAt: AT };
	switch (type) {
		case 'project':
			return { ...envelope, title: 'A project', problem: 'A problem', lead, leadKind: 'member' };
		case 'project-request':
			return { ...envelope, projectId: ref.projectId, note: 'May I join?' };
		case 'pdsa':
			return { ...envelope, projectId: ref.projectId, title: 'A change', startedOn: '2026-01-02' };
		case 'data-point':
			return { ...envelope, ...ref, date: '2026-01-02', value: 42 };
	}
}
