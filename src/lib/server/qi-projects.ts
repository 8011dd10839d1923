/**
 * A start-up migration: before projects were documents, an idea's "taken forward" status change named its
 * quality improvement project in free text (`qiProject`). Each such status change is linked by
 * `projectId` to the project of that title (matched trimmed and ignoring case), made if there is none, and
 * its free text cleared. Status changes are append-only for devices, so the new revision is written
 * straight to the store. Idempotent: a status change with a `projectId` is never looked at again, and a
 * run stopped half-way finds the projects it made by their titles.
 */
import { contentOf } from '../domain/documents';
import { newDoc } from '../domain/envelope';
import { statusChangeSchema, type StatusChange } from '../domain/discussion';
import type { CouchClient, StoredDoc } from './couch';

type StoredStatus = StatusChange & { _rev?: string };

const titleKey = (title: string) => title.trim().toLowerCase();

/** A status change still naming its project in free text, or undefined. */
function legacyStatus(stored: StoredDoc): StoredStatus | undefined {
	const parsed = statusChangeSchema.safeParse(contentOf(stored));
	if (!parsed.success || parsed.data.projectId !== null || !parsed.data.qiProject.trim()) return undefined;
	return { ...parsed.data, _rev: stored._rev };
}

/** Links the free-text QI projects of `db`'s status changes to project documents; answers how many. */
export async function migrateQiProjects(
	couch: CouchClient,
	db: string,
	log: (message: string) => void
): Promise<{ linked: number; created: number }> {
	const rows = await couch.allDocsWithPrefix<StoredDoc>(db, 'status:');
	const legacy = rows.flatMap((row) => {
		const status = row.doc ? legacyStatus(row.doc) : undefined;
		return status ? [status] : [];
	});
	if (legacy.length === 0) return { linked: 0, created: 0 };

	const projects = new Map<string, string>();
	for (const row of await couch.allDocsWithPrefix<StoredDoc>(db, 'project:')) {
		const title = row.doc?.title;
		if (typeof title === 'string' && !projects.has(titleKey(title)))
			projects.set(titleKey(title), row.id ?? row.key);
	}
	let linked = 0;
	let created = 0;
	for (const status of legacy) {
		const key = titleKey(status.qiProject);
		let projectId = projects.get(key);
		if (!projectId) {
			projectId = await createProject(couch, db, status);
			projects.set(key, projectId);
			created += 1;
		}
		const link = projectId;
		const result = await couch.update(db, status._id, {
			current: status,
			parse: legacyStatus,
			change: (current) => {
				const next = { ...current, projectId: link, qiProject: '' };
				statusChangeSchema.parse(contentOf(next));
				return next;
			}
		});
		if (result.written) linked += 1;
		else log(`Could not link the status change ${status._id} to its project (${result.reason})`);
	}
	log(`Linked ${linked} status change(s) to their projects, ${created} project(s) made from their names.`);
	return { linked, created };
}

/** The project a status change named: led by whoever took the idea forward, from that day. */
async function createProject(couch: CouchClient, db: string, status: StatusChange): Promise<string> {
	const idea = await couch.get(db, status.ideaId);
	const ideaTitle = typeof idea?.title === 'string' ? idea.title : 'an idea no longer on the network';
	const project = newDoc(
		'project',
		status.author,
		{
			title: status.qiProject.trim(),
			problem: `Taken forward from the idea “${ideaTitle}”.`,
			lead: status.author,
			leadKind: 'staff',
			status: 'active',
			startDate: status.createdAt.slice(0, 10)
		},
		{ now: new Date(status.createdAt) }
	);
	const rev = await couch.put(db, project);
	if (!rev) throw new Error(`Could not write the project ${project._id} for ${status._id}`);
	return project._id;
}
