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
	StatusRow,
	SupportRow,
	VisitRow
} from './desk';
import type { GroupRow, MeetingPartRow, MeetingRow } from './meeting-rows';
import { meetingWriters } from './meeting-writers';
import type { CoordinatorKeyRow, EventRow } from './recruitment';
import { recruitmentWriters } from './recruitment-writers';

/** The row of each read-model table (the tables `Desk.readModels` lists), by table name. */
export interface ReadModelRows {
	ideas: IdeaRow;
	comments: CommentRow;
	supports: SupportRow;
	statuses: StatusRow;
	photos: PhotoRow;
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
				}
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
				}
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

/** Ideas as stored, with the rows their counts are worked out from, read before a batch is written. */
export interface StoredDiscussions extends Discussion {
	ideas: Map<string, IdeaRow>;
}

/** Reads ideas (those not in `fresh`) and their discussion: one query per table for all of them. */
export async function readDiscussions(
	tables: ReadModelTables,
	ids: string[],
	fresh: ReadonlyMap<string, IdeaRow>
): Promise<StoredDiscussions> {
	if (ids.length === 0) return { ideas: new Map(), supports: [], comments: [], statuses: [] };
	const [ideas, supports, comments, statuses] = await Promise.all([
		tables.ideas.bulkGet(ids.filter((id) => !fresh.has(id))),
		tables.supports.where('ideaId').anyOf(ids).toArray(),
		tables.comments.where('ideaId').anyOf(ids).toArray(),
		tables.statuses.where('ideaId').anyOf(ids).toArray()
	]);
	const stored = new Map<string, IdeaRow>();
	for (const idea of ideas) if (idea) stored.set(idea.id, idea);
	return { ideas: stored, supports, comments, statuses };
}

/** Two reads of `readDiscussions` (for different ideas) as one. */
export function joinDiscussions(a: StoredDiscussions, b: StoredDiscussions): StoredDiscussions {
	return {
		ideas: new Map([...a.ideas, ...b.ideas]),
		supports: [...a.supports, ...b.supports],
		comments: [...a.comments, ...b.comments],
		statuses: [...a.statuses, ...b.statuses]
	};
}

/** Stored rows of one table with a batch's rows put over them: a document's new row replaces its stored row. */
function overlay<T extends 'supports' | 'comments' | 'statuses'>(
	stored: ReadModelRows[T][],
	table: T,
	docs: ReadonlyMap<string, DocRows>
): ReadModelRows[T][] {
	const rows = stored.filter((row) => docs.get(row.id)?.[table] === undefined);
	for (const doc of docs.values()) {
		const row = doc[table];
		if (row) rows.push(row as ReadModelRows[T]);
	}
	return rows;
}

/**
 * Works out the counts of ideas from their stored discussion (`readDiscussions`, read before the batch was
 * written) with the batch's rows (`docs`) put over it, so the counts and the rows go in one write. `fresh`
 * idea rows are always returned, counted; stored ideas only when their counts changed. Ideas not in the desk,
 * or removed by the batch, are skipped.
 */
export function recountIdeas(
	stored: StoredDiscussions,
	fresh: ReadonlyMap<string, IdeaRow>,
	docs: ReadonlyMap<string, DocRows>
): IdeaRow[] {
	const about = new Map<string, Discussion>();
	const of = (ideaId: string): Discussion => {
		let found = about.get(ideaId);
		if (!found) about.set(ideaId, (found = { supports: [], comments: [], statuses: [] }));
		return found;
	};
	for (const row of overlay(stored.supports, 'supports', docs)) of(row.ideaId).supports.push(row);
	for (const row of overlay(stored.comments, 'comments', docs)) of(row.ideaId).comments.push(row);
	for (const row of overlay(stored.statuses, 'statuses', docs)) of(row.ideaId).statuses.push(row);
	const none: Discussion = { supports: [], comments: [], statuses: [] };
	const rows = [...fresh.values()].map((idea) => countIdea(idea, about.get(idea.id) ?? none));
	for (const idea of stored.ideas.values()) {
		if (fresh.has(idea.id) || docs.get(idea.id)?.ideas === null) continue;
		const counted = countIdea(idea, about.get(idea.id) ?? none);
		if (!sameCounts(idea, counted)) rows.push(counted);
	}
	return rows;
}

/** Whether an idea row (if any) already has these counts. */
export function sameCounts(a: IdeaRow | undefined, b: IdeaRow): boolean {
	return (
		a !== undefined &&
		a.supportCount === b.supportCount &&
		a.commentCount === b.commentCount &&
		a.status === b.status &&
		a.lastActivityAt === b.lastActivityAt
	);
}
