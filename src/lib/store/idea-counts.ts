/**
 * An idea's counts (supports, visible comments), status and last activity, worked out from its discussion
 * in the same transaction as a batch's rows (`ideaCounts`, a rollup of the projection): its discussion as
 * read before the batch, with the batch's rows put over it, so rows and counts go in one write.
 */
import type { CommentRow, IdeaRow, StatusRow, SupportRow } from './desk';
import type { DocRows, ReadModelRows, ReadModelTables, Rollup, Tally } from './read-models';

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

/** The idea a document's rows count towards: itself for an idea, its idea for a discussion's row. */
function ideaOf(rows: DocRows): string | undefined {
	return rows.ideas?.id ?? rows.comments?.ideaId ?? rows.supports?.ideaId ?? rows.statuses?.ideaId;
}

/** The ideas the stored rows of these documents count towards (comments, supports, status changes). */
async function ideasOf(tables: ReadModelTables, ids: string[]): Promise<string[]> {
	if (ids.length === 0) return [];
	const [comments, supports, statuses] = await Promise.all([
		tables.comments.bulkGet(ids),
		tables.supports.bulkGet(ids),
		tables.statuses.bulkGet(ids)
	]);
	const found = new Set<string>();
	for (const row of [...comments, ...supports, ...statuses]) if (row) found.add(row.ideaId);
	return [...found];
}

/** Ideas as stored, with the rows their counts are worked out from, read before a batch is written. */
export interface StoredDiscussions extends Discussion {
	ideas: Map<string, IdeaRow>;
}

const NOTHING: StoredDiscussions = { ideas: new Map(), supports: [], comments: [], statuses: [] };

/** Reads ideas (those not in `fresh`) and their discussion: one query per table for all of them. */
async function readDiscussions(
	tables: ReadModelTables,
	ids: string[],
	fresh: ReadonlyMap<string, IdeaRow>
): Promise<StoredDiscussions> {
	if (ids.length === 0) return NOTHING;
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
function joinDiscussions(a: StoredDiscussions, b: StoredDiscussions): StoredDiscussions {
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
 * written) with the batch's rows (`docs`) put over it. `fresh` idea rows are always returned, counted; stored
 * ideas only when their counts changed. Ideas not in the desk, or removed by the batch, are skipped.
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

/** One batch's ideas: those it brings (written once counted) and those its discussion rows count towards. */
class IdeaTally implements Tally {
	/** The batch's idea rows, taken out of its rows: they are written once counted. */
	private readonly fresh = new Map<string, IdeaRow>();
	/** Ideas the batch's rows count towards (its own ideas among them). */
	private readonly touched = new Set<string>();
	private discussions = NOTHING;

	constructor(private readonly docs: Map<string, DocRows>) {
		for (const [id, rows] of docs) {
			const idea = ideaOf(rows);
			if (idea) this.touched.add(idea);
			if (rows.ideas) {
				this.fresh.set(id, rows.ideas);
				delete rows.ideas;
			}
		}
	}

	writeEarly(tables: ReadModelTables): Promise<unknown> {
		return this.fresh.size > 0 ? tables.ideas.bulkPut([...this.fresh.values()]) : Promise.resolve();
	}

	/**
	 * The touched ideas and their discussions, then those of the ideas that removed documents' stored rows
	 * counted towards (only known once those rows are read).
	 */
	async read(tables: ReadModelTables, gone: string[]): Promise<void> {
		const [formerIdeas, read] = await Promise.all([
			ideasOf(tables, gone),
			readDiscussions(tables, [...this.touched], this.fresh)
		]);
		const former = formerIdeas.filter((idea) => !this.touched.has(idea));
		this.discussions =
			former.length > 0 ? joinDiscussions(read, await readDiscussions(tables, former, this.fresh)) : read;
	}

	async write(tables: ReadModelTables, early: boolean): Promise<void> {
		const ideas = recountIdeas(this.discussions, this.fresh, this.docs);
		const rows = early ? ideas.filter((idea) => !sameCounts(this.fresh.get(idea.id), idea)) : ideas;
		if (rows.length > 0) await tables.ideas.bulkPut(rows);
	}
}

/** Ideas' counts, worked out in every batch for the ideas it touches. */
export const ideaCounts: Rollup = { begin: (docs) => new IdeaTally(docs) };
