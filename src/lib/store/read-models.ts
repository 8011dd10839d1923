import type { InsertType, Table } from 'dexie';
import type { AppDoc, DocOf, DocType } from '$lib/domain';
import type {
	CommentRow,
	ConflictRow,
	Desk,
	IdeaRow,
	ObservationRow,
	PhotoRow,
	QuarantineRow,
	SearchRow,
	StatusRow,
	SupportRow,
	VisitRow
} from './desk';
import type { GroupRow, MeetingPartRow, MeetingRow } from './meeting-rows';
import { meetingWriters } from './meeting-writers';
import type { CoordinatorKeyRow, EventRow } from './recruitment';
import { recruitmentWriters } from './recruitment-writers';
import { words } from './words';

/** The row of each read-model table (the tables `Desk.readModels` lists), by table name. */
export interface ReadModelRows {
	ideas: IdeaRow;
	comments: CommentRow;
	supports: SupportRow;
	statuses: StatusRow;
	photos: PhotoRow;
	search: SearchRow;
	conflicts: ConflictRow;
	visits: VisitRow;
	observations: ObservationRow;
	groups: GroupRow;
	meetings: MeetingRow;
	meetingParts: MeetingPartRow;
	events: EventRow;
	coordinatorKeys: CoordinatorKeyRow;
	quarantine: QuarantineRow;
}

export type ReadModel = keyof ReadModelRows;

export type ReadModelTables = {
	[T in ReadModel]: Table<ReadModelRows[T], string, InsertType<ReadModelRows[T], 'id'>>;
};

/** The desk's read-model tables by name. Every row in them has the id of the document it comes from. */
export function readModelTables(desk: Desk): ReadModelTables {
	return {
		ideas: desk.ideas,
		comments: desk.comments,
		supports: desk.supports,
		statuses: desk.statuses,
		photos: desk.photos,
		search: desk.search,
		conflicts: desk.conflicts,
		visits: desk.visits,
		observations: desk.observations,
		groups: desk.groups,
		meetings: desk.meetings,
		meetingParts: desk.meetingParts,
		events: desk.events,
		coordinatorKeys: desk.coordinatorKeys,
		quarantine: desk.quarantine
	};
}

/**
 * A document's rows in the desk: for each table it lands in, its row there (whose id is the document's), or
 * `null` when its row there goes. Tables left out are not touched.
 */
export type DocRows = { [T in ReadModel]?: ReadModelRows[T] | null };

/** What a writer makes of a document: its rows, and the idea whose counts need working out again, if any. */
export interface Projected {
	rows: DocRows;
	idea?: string;
}

export interface Stored {
	rev: string;
	conflicts: string[];
}

/**
 * How each document type lands in the desk: pure functions from a valid document to its rows. An idea's
 * counts, status and last activity start empty here and are worked out by `countIdea` before it is stored.
 */
const writers: { [K in DocType]: (doc: DocOf<K>, stored: Stored) => Projected } = {
	idea(doc, { rev, conflicts }) {
		return {
			rows: {
				ideas: {
					id: doc._id,
					rev,
					title: doc.title,
					details: doc.details,
					author: doc.author,
					createdAt: doc.createdAt,
					updatedAt: doc.updatedAt,
					area: doc.area,
					tags: doc.tags,
					origin: doc.origin,
					links: doc.links,
					conflicts,
					status: 'new',
					supportCount: 0,
					commentCount: 0,
					lastActivityAt: doc.updatedAt
				},
				search: { id: doc._id, ideaId: doc._id, words: words(doc.title, doc.details, doc.area, ...doc.tags) }
			},
			idea: doc._id
		};
	},
	comment(doc, { rev, conflicts }) {
		return {
			rows: {
				comments: {
					id: doc._id,
					rev,
					ideaId: doc.ideaId,
					parentId: doc.parentId,
					author: doc.author,
					body: doc.body,
					hidden: doc.hidden,
					createdAt: doc.createdAt,
					updatedAt: doc.updatedAt,
					conflicts
				},
				search: doc.hidden ? null : { id: doc._id, ideaId: doc.ideaId, words: words(doc.body) }
			},
			idea: doc.ideaId
		};
	},
	support(doc) {
		return {
			rows: { supports: { id: doc._id, ideaId: doc.ideaId, author: doc.author, createdAt: doc.createdAt } },
			idea: doc.ideaId
		};
	},
	status(doc) {
		return {
			rows: {
				statuses: {
					id: doc._id,
					ideaId: doc.ideaId,
					author: doc.author,
					to: doc.to,
					reason: doc.reason,
					outcome: doc.outcome,
					qiProject: doc.qiProject,
					createdAt: doc.createdAt
				}
			},
			idea: doc.ideaId
		};
	},
	photo(doc, { rev }) {
		return {
			rows: {
				photos: {
					id: doc._id,
					rev,
					subject: doc.subject,
					alt: doc.alt,
					author: doc.author,
					createdAt: doc.createdAt
				}
			},
			idea: doc.subject.startsWith('idea:') ? doc.subject : undefined
		};
	},
	visit(doc, { rev, conflicts }) {
		return {
			rows: {
				visits: {
					id: doc._id,
					rev,
					siteType: doc.siteType,
					siteName: doc.siteName,
					date: doc.date,
					visitors: doc.visitors,
					purpose: doc.purpose,
					status: doc.status,
					template: doc.template,
					author: doc.author,
					createdAt: doc.createdAt,
					conflicts
				}
			}
		};
	},
	observation(doc, { rev, conflicts }) {
		return {
			rows: {
				observations: {
					id: doc._id,
					rev,
					visitId: doc.visitId,
					text: doc.text,
					kind: doc.kind,
					keyQuestion: doc.keyQuestion,
					author: doc.author,
					createdAt: doc.createdAt,
					updatedAt: doc.updatedAt,
					conflicts
				}
			}
		};
	},
	...meetingWriters,
	...recruitmentWriters
};

/** The rows a valid document puts in the desk (no desk access). */
export function rowsOf(doc: AppDoc, stored: Stored): Projected {
	const write = writers[doc.type] as (doc: AppDoc, stored: Stored) => Projected;
	return write(doc, stored);
}

/** The rows of a document that is gone (deleted, or no longer valid): its row in every read model goes. */
export function removal(): DocRows {
	const everywhere: { [T in ReadModel]: null } = {
		ideas: null,
		comments: null,
		supports: null,
		statuses: null,
		photos: null,
		search: null,
		conflicts: null,
		visits: null,
		observations: null,
		groups: null,
		meetings: null,
		meetingParts: null,
		events: null,
		coordinatorKeys: null,
		quarantine: null
	};
	return everywhere;
}

/**
 * Writes many documents' rows (by document id) with one bulk request per table and kind: `bulkPut` for the
 * rows, `bulkDelete` for the rows that go. Run it inside a transaction over the read-model tables.
 */
export async function writeRows(tables: ReadModelTables, docs: ReadonlyMap<string, DocRows>): Promise<void> {
	const names = Object.keys(tables) as ReadModel[];
	await Promise.all(names.map((name) => writeTable(tables, name, docs)));
}

async function writeTable<T extends ReadModel>(
	tables: ReadModelTables,
	name: T,
	docs: ReadonlyMap<string, DocRows>
): Promise<void> {
	const puts: ReadModelRows[T][] = [];
	const deletes: string[] = [];
	for (const [id, rows] of docs) {
		const row = rows[name];
		if (row === null) deletes.push(id);
		else if (row) puts.push(row);
	}
	const table = tables[name];
	await Promise.all([
		puts.length > 0 ? table.bulkPut(puts) : undefined,
		deletes.length > 0 ? table.bulkDelete(deletes) : undefined
	]);
}

/** The ideas the stored rows of these documents belong to (comments, supports, status changes, photos). */
export async function ideasOf(tables: ReadModelTables, ids: string[]): Promise<string[]> {
	if (ids.length === 0) return [];
	const [comments, supports, statuses, photos] = await Promise.all([
		tables.comments.bulkGet(ids),
		tables.supports.bulkGet(ids),
		tables.statuses.bulkGet(ids),
		tables.photos.bulkGet(ids)
	]);
	const found = new Set<string>();
	for (const row of [...comments, ...supports, ...statuses]) if (row) found.add(row.ideaId);
	for (const row of photos) if (row?.subject.startsWith('idea:')) found.add(row.subject);
	return [...found];
}

/** The rows about one idea that its counts are worked out from. */
export interface Discussion {
	supports: SupportRow[];
	comments: CommentRow[];
	statuses: StatusRow[];
}

/** An idea with its supports and visible comments counted, its latest status and its last activity. */
export function countIdea(idea: IdeaRow, { supports, comments, statuses }: Discussion): IdeaRow {
	const visible = comments.filter((comment) => !comment.hidden);
	// The newest status change wins; for the same time, the greater id (the order the desk keeps them in).
	const latest = statuses.reduce<StatusRow | undefined>(
		(a, b) => (!a || b.createdAt > a.createdAt || (b.createdAt === a.createdAt && b.id > a.id) ? b : a),
		undefined
	);
	let lastActivityAt = idea.updatedAt;
	for (const { createdAt } of [...visible, ...supports, ...statuses])
		if (createdAt > lastActivityAt) lastActivityAt = createdAt;
	return {
		...idea,
		supportCount: supports.length,
		commentCount: visible.length,
		status: latest?.to ?? 'new',
		lastActivityAt
	};
}

/**
 * Works out the counts of ideas from the rows about them in the desk: one query per discussion table for all
 * of them. `fresh` are idea rows about to be written (always returned, counted); the other ideas are read
 * from the desk and returned only when their counts changed. Ideas not in the desk are skipped.
 */
export async function recountIdeas(
	tables: ReadModelTables,
	ids: Iterable<string>,
	fresh: ReadonlyMap<string, IdeaRow>
): Promise<IdeaRow[]> {
	const all = [...new Set([...ids, ...fresh.keys()])];
	if (all.length === 0) return [];
	const [stored, supports, comments, statuses] = await Promise.all([
		tables.ideas.bulkGet(all.filter((id) => !fresh.has(id))),
		tables.supports.where('ideaId').anyOf(all).toArray(),
		tables.comments.where('ideaId').anyOf(all).toArray(),
		tables.statuses.where('ideaId').anyOf(all).toArray()
	]);
	const about = new Map<string, Discussion>();
	const of = (ideaId: string): Discussion => {
		let found = about.get(ideaId);
		if (!found) about.set(ideaId, (found = { supports: [], comments: [], statuses: [] }));
		return found;
	};
	for (const row of supports) of(row.ideaId).supports.push(row);
	for (const row of comments) of(row.ideaId).comments.push(row);
	for (const row of statuses) of(row.ideaId).statuses.push(row);
	const none: Discussion = { supports: [], comments: [], statuses: [] };
	const rows = [...fresh.values()].map((idea) => countIdea(idea, about.get(idea.id) ?? none));
	for (const idea of stored) {
		if (!idea) continue;
		const counted = countIdea(idea, about.get(idea.id) ?? none);
		if (!sameCounts(idea, counted)) rows.push(counted);
	}
	return rows;
}

function sameCounts(a: IdeaRow, b: IdeaRow): boolean {
	return (
		a.supportCount === b.supportCount &&
		a.commentCount === b.commentCount &&
		a.status === b.status &&
		a.lastActivityAt === b.lastActivityAt
	);
}
