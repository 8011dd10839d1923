import { groupSchema } from '../domain/meetings';
import type { CouchClient } from './couch';

/**
 * Who chairs which group, for `Actor.chairOf`: read from the `group` documents of the network database.
 *
 * Cached per database and keyed by the database's `update_seq`: a write request costs one small info
 * request, and the groups are read again only when something in the database changed. So a chair
 * removed by a coordinator loses their rights with the very next write, never after a grace period.
 * Concurrent look-ups share one read.
 */
export class ChairDirectory {
	private cached: { seq: string; chairOf: Map<string, string[]> } | undefined;
	private loading: { seq: string; chairOf: Promise<Map<string, string[]>> } | undefined;

	constructor(
		private readonly couch: CouchClient,
		private readonly db: string
	) {}

	/** The ids of the groups `name` chairs. */
	async chairOf(name: string): Promise<string[]> {
		const seq = await this.updateSeq();
		if (this.cached?.seq === seq) return this.cached.chairOf.get(name) ?? [];
		if (this.loading?.seq !== seq) this.loading = { seq, chairOf: this.load() };
		const loading = this.loading;
		try {
			const chairOf = await loading.chairOf;
			this.cached = { seq, chairOf };
			return chairOf.get(name) ?? [];
		} finally {
			if (this.loading === loading) this.loading = undefined;
		}
	}

	private async updateSeq(): Promise<string> {
		const info = await this.couch.request<{ update_seq?: unknown }>('GET', this.couch.url(this.db));
		return JSON.stringify(info.body?.update_seq ?? null);
	}

	private async load(): Promise<Map<string, string[]>> {
		const rows = await this.couch.allDocsWithPrefix<Record<string, unknown>>(this.db, 'group:');
		const chairOf = new Map<string, string[]>();
		for (const row of rows) {
			// Only valid groups count: the gateway let no other kind in, but the store may predate a rule.
			const group = groupSchema.safeParse(stripMeta(row.doc));
			if (!group.success) continue;
			for (const chair of group.data.chairs) {
				chairOf.set(chair, [...(chairOf.get(chair) ?? []), group.data._id]);
			}
		}
		return chairOf;
	}
}

function stripMeta(doc: Record<string, unknown> | null | undefined): Record<string, unknown> | undefined {
	if (!doc) return undefined;
	const { _rev: _ignored, _conflicts: _alsoIgnored, ...content } = doc;
	return content;
}

const directories = new WeakMap<CouchClient, Map<string, ChairDirectory>>();

/** The chair directory of a backend database (one per database and client, kept for the process's life). */
export function chairDirectory(couch: CouchClient, db: string): ChairDirectory {
	let byDb = directories.get(couch);
	if (!byDb) {
		byDb = new Map();
		directories.set(couch, byDb);
	}
	let directory = byDb.get(db);
	if (!directory) {
		directory = new ChairDirectory(couch, db);
		byDb.set(db, directory);
	}
	return directory;
}
