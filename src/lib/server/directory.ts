import { groupSchema, groupsChairedBy } from '../domain/meetings';
import { projectSchema, projectsOf } from '../domain/project';
import type { CouchClient } from './couch';

/** Who chairs which group and who is on which project's team: what a write's `Actor` is given. */
export interface Standing {
	/** `Actor.chairOf`: the ids of the groups this person chairs. */
	chairOf: string[];
	/** `Actor.teamOf`: the ids of the projects this person leads or is on the team of. */
	teamOf: string[];
}

/** The valid groups and projects of the network database. */
interface Directory {
	groups: { _id: string; chairs: readonly string[] }[];
	projects: { _id: string; lead: string; team: readonly { name: string }[] }[];
}

/**
 * Who chairs which group (`Actor.chairOf`) and who is on which project's team (`Actor.teamOf`): read
 * from the `group` and `project` documents of the network database.
 *
 * Cached per database and keyed by the database's `update_seq`: a write request costs one small info
 * request, and the groups and projects are read again only when something in the database changed. So a
 * chair removed by a coordinator, or a member taken off a project's team by its lead, loses their rights
 * with the very next write, never after a grace period. Concurrent look-ups share one read.
 */
export class ActorDirectory {
	private cached: { seq: string; directory: Directory } | undefined;
	private loading: { seq: string; directory: Promise<Directory> } | undefined;

	constructor(
		private readonly couch: CouchClient,
		private readonly db: string
	) {}

	/** The groups `name` chairs and the projects whose team they are on. */
	async standingOf(name: string): Promise<Standing> {
		const { groups, projects } = await this.current();
		return { chairOf: groupsChairedBy(groups, name), teamOf: projectsOf(projects, name) };
	}

	private async current(): Promise<Directory> {
		const seq = await this.updateSeq();
		if (this.cached?.seq === seq) return this.cached.directory;
		if (this.loading?.seq !== seq) this.loading = { seq, directory: this.load() };
		const loading = this.loading;
		try {
			const directory = await loading.directory;
			this.cached = { seq, directory };
			return directory;
		} finally {
			if (this.loading === loading) this.loading = undefined;
		}
	}

	private async updateSeq(): Promise<string> {
		const info = await this.couch.request<{ update_seq?: unknown }>('GET', this.couch.url(this.db));
		return JSON.stringify(info.body?.update_seq ?? null);
	}

	private async load(): Promise<Directory> {
		const [groupRows, projectRows] = await Promise.all([
			this.couch.allDocsWithPrefix<Record<string, unknown>>(this.db, 'group:'),
			this.couch.allDocsWithPrefix<Record<string, unknown>>(this.db, 'project:')
		]);
		// Only valid documents count: the gateway let no other kind in, but the store may predate a rule.
		const groups = groupRows.flatMap((row) => {
			const group = groupSchema.safeParse(stripMeta(row.doc));
			return group.success ? [group.data] : [];
		});
		const projects = projectRows.flatMap((row) => {
			const project = projectSchema.safeParse(stripMeta(row.doc));
			return project.success ? [project.data] : [];
		});
		return { groups, projects };
	}
}

function stripMeta(doc: Record<string, unknown> | null | undefined): Record<string, unknown> | undefined {
	if (!doc) return undefined;
	const { _rev: _ignored, _conflicts: _alsoIgnored, ...content } = doc;
	return content;
}

const directories = new WeakMap<CouchClient, Map<string, ActorDirectory>>();

/** The directory of a backend database (one per database and client, kept for the process's life). */
export function actorDirectory(couch: CouchClient, db: string): ActorDirectory {
	let byDb = directories.get(couch);
	if (!byDb) {
		byDb = new Map();
		directories.set(couch, byDb);
	}
	let directory = byDb.get(db);
	if (!directory) {
		directory = new ActorDirectory(couch, db);
		byDb.set(db, directory);
	}
	return directory;
}
