import { supportId, type IdeaStatus } from '$lib/domain';
import {
	PROJECTION_SEQ_KEY,
	SEARCH_SEQ_KEY,
	type CommentRow,
	type Desk,
	type IdeaRow,
	type LedgerSeq,
	type PhotoRow,
	type StatusRow
} from './desk';
import { loadIdeaActions, type ActionView, type Synced } from './meeting-query';
import { withStatuses } from './status';
import { commentWords, ideaWords, words } from './words';

/**
 * Reading ideas from the desk, on the device: a page of the list (filtered, sorted, searched), one idea
 * with everything about it, the outcomes feed, and what the idea form starts from.
 */

export const IDEA_SORTS = ['newest', 'supported', 'activity'] as const;
export type IdeaSort = (typeof IDEA_SORTS)[number];

export interface IdeaQuery {
	text?: string;
	status?: IdeaStatus;
	area?: string;
	tag?: string;
	/** Only ideas written by this person. */
	mine?: boolean;
	/** Only ideas this person supports. */
	supported?: boolean;
	sort: IdeaSort;
	limit: number;
}

export interface IdeaPage {
	rows: IdeaRow[];
	total: number;
	/** The search read the lists because the search index is still catching up (after a big sync). */
	indexPending?: boolean;
}

const SORT_INDEX: Record<IdeaSort, 'createdAt' | 'supportCount' | 'lastActivityAt'> = {
	newest: 'createdAt',
	supported: 'supportCount',
	activity: 'lastActivityAt'
};

/** Ideas whose words (or whose comments' words) start with every word typed, and whether the lists were read. */
async function searchIdeaIds(
	desk: Desk,
	text: string
): Promise<{ ids: Set<string>; indexPending: boolean } | undefined> {
	const typed = words(text);
	if (typed.length === 0) return undefined;
	if (await searchIsBehind(desk)) return { ids: await scanIdeaIds(desk, typed), indexPending: true };
	let result: Set<string> | undefined;
	for (const word of typed) {
		const rows = await desk.search.where('words').startsWith(word).toArray();
		const ids = new Set(rows.map((row) => row.ideaId));
		result = result ? new Set([...result].filter((id) => ids.has(id))) : ids;
		if (result.size === 0) break;
	}
	return { ids: result ?? new Set(), indexPending: false };
}

/**
 * Whether the search index (search-index.ts) has not caught up with the lists yet, as after a first sync
 * of many ideas: a search then reads the lists themselves. Lists with no sequence yet were filled without
 * the changes feed (a first sync's pull, or saves on a new device, see projection.ts): the index is behind
 * them until it has indexed anything.
 */
export async function searchIsBehind(desk: Desk): Promise<boolean> {
	const [indexed, listed] = await Promise.all([
		desk.getSetting<LedgerSeq>(SEARCH_SEQ_KEY),
		desk.getSetting<LedgerSeq>(PROJECTION_SEQ_KEY)
	]);
	if (listed === undefined) return indexed === undefined && (await desk.ideas.count()) > 0;
	if (indexed === undefined) return true;
	if (typeof indexed === 'number' && typeof listed === 'number') return indexed < listed;
	return indexed !== listed;
}

/** The same search as the index's, reading every idea and comment in the lists (slower; used while the index catches up). */
async function scanIdeaIds(desk: Desk, typed: string[]): Promise<Set<string>> {
	const found = typed.map(() => new Set<string>());
	const take = (ideaId: string, own: string[]) =>
		typed.forEach((word, i) => {
			if (own.some((candidate) => candidate.startsWith(word))) found[i]?.add(ideaId);
		});
	// One read of each table (a cursor would cost a round trip per row).
	const [ideas, comments] = await Promise.all([desk.ideas.toArray(), desk.comments.toArray()]);
	for (const idea of ideas) take(idea.id, ideaWords(idea));
	for (const comment of comments) if (!comment.hidden) take(comment.ideaId, commentWords(comment));
	return found.reduce((all, ids) => new Set([...all].filter((id) => ids.has(id))));
}

/**
 * One page of ideas from the desk, filtered and sorted, without touching the network. Without search
 * text it walks the sort index and stops once the page is full; with text it starts from the word index.
 */
export async function queryIdeas(desk: Desk, me: string, query: IdeaQuery): Promise<IdeaPage> {
	const supported = query.supported
		? new Set((await desk.supports.where('author').equals(me).toArray()).map((row) => row.ideaId))
		: undefined;
	const keep = (row: IdeaRow) =>
		(!query.status || row.status === query.status) &&
		(!query.area || row.area === query.area) &&
		(!query.tag || row.tags.includes(query.tag)) &&
		(!query.mine || row.author === me) &&
		(!supported || supported.has(row.id));
	const filtered = Boolean(query.status || query.area || query.tag || query.mine || supported);
	const index = SORT_INDEX[query.sort];

	if (query.text?.trim()) {
		const found = await searchIdeaIds(desk, query.text);
		if (found) {
			const rows = (await desk.ideas.bulkGet([...found.ids])).filter(
				(row): row is IdeaRow => !!row && keep(row)
			);
			rows.sort((a, b) => compare(b[index], a[index]) || compare(b.createdAt, a.createdAt));
			return { rows: rows.slice(0, query.limit), total: rows.length, indexPending: found.indexPending };
		}
	}
	const ordered = desk.ideas.orderBy(index).reverse();
	if (!filtered) {
		const [rows, total] = await Promise.all([ordered.limit(query.limit).toArray(), desk.ideas.count()]);
		return { rows, total };
	}
	const [rows, total] = await Promise.all([
		ordered.filter(keep).limit(query.limit).toArray(),
		desk.ideas.filter(keep).count()
	]);
	return { rows, total };
}

function compare(a: string | number, b: string | number): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** The newest ideas' ids and titles (`limit` of them), to choose one to link to. */
export async function recentIdeaTitles(desk: Desk, limit: number): Promise<{ id: string; title: string }[]> {
	const rows = await desk.ideas.orderBy('createdAt').reverse().limit(limit).toArray();
	return rows.map((idea) => ({ id: idea.id, title: idea.title }));
}

export type IdeaItem = Synced<IdeaRow>;

export interface IdeaListPage {
	items: IdeaItem[];
	total: number;
	/** The search read the lists because the search index is still catching up. */
	indexPending: boolean;
}

/** One page of the ideas list (`queryIdeas`) with each idea's sync status. */
export async function loadIdeaPage(desk: Desk, me: string, query: IdeaQuery): Promise<IdeaListPage> {
	const page = await queryIdeas(desk, me, query);
	const items = await withStatuses(desk, page.rows);
	return { items, total: page.total, indexPending: page.indexPending ?? false };
}

export interface CommentItem extends Synced<CommentRow> {
	replies: Synced<CommentRow>[];
}

export interface IdeaView {
	item: IdeaItem;
	/** Top-level comments, oldest first, each with its replies. */
	comments: CommentItem[];
	history: StatusRow[];
	photos: PhotoRow[];
	supportedByMe: boolean;
	/** Visits whose observations this idea came from. */
	sources: { observationId: string; visitId: string; siteName: string }[];
	/** What meetings agreed to do about it, with where each action has got to. */
	actions: ActionView[];
}

/** The photos about `subject` (an idea, an observation), oldest first. */
export function loadPhotos(desk: Desk, subject: string): Promise<PhotoRow[]> {
	return desk.photos.where('subject').equals(subject).sortBy('createdAt');
}

/** One idea with everything about it, as `me` sees it; undefined when it is not on this device. */
export async function loadIdeaView(
	desk: Desk,
	me: string,
	ideaId: string,
	today: string
): Promise<IdeaView | undefined> {
	const row = await desk.ideas.get(ideaId);
	if (!row) return undefined;
	const [[item], comments, history, photos, mySupport, sources, actions] = await Promise.all([
		withStatuses(desk, [row]),
		desk.comments.where('ideaId').equals(ideaId).sortBy('createdAt'),
		desk.statuses.where('ideaId').equals(ideaId).sortBy('createdAt'),
		loadPhotos(desk, ideaId),
		desk.supports.get(supportId(ideaId, me)),
		loadSources(desk, row.links),
		loadIdeaActions(desk, ideaId, today)
	]);
	if (!item) return undefined;
	const discussion = await withStatuses(desk, comments);
	const threads = discussion
		.filter((comment) => comment.row.parentId === null)
		.map((top) => ({
			...top,
			replies: discussion.filter((reply) => reply.row.parentId === top.row.id)
		}));
	return { item, comments: threads, history, photos, supportedByMe: Boolean(mySupport), sources, actions };
}

/** The visits an idea's linked observations were made on. */
async function loadSources(desk: Desk, links: readonly string[]): Promise<IdeaView['sources']> {
	const observations = await desk.observations.bulkGet(
		links.filter((link) => link.startsWith('observation:'))
	);
	const visits = await desk.visits.bulkGet(observations.map((o) => o?.visitId ?? ''));
	return observations.flatMap((o, i) => {
		const visit = visits[i];
		return o && visit ? [{ observationId: o.id, visitId: visit.id, siteName: visit.siteName }] : [];
	});
}

export interface Outcome {
	step: StatusRow;
	idea: IdeaRow;
}

/** "You said, we did": the newest `limit` endings of ideas, with what happened. */
export async function loadOutcomes(desk: Desk, limit: number): Promise<Outcome[]> {
	const steps = await desk.statuses
		.orderBy('createdAt')
		.reverse()
		.filter((step) => Boolean(step.outcome))
		.limit(limit)
		.toArray();
	const ideas = await desk.ideas.bulkGet(steps.map((step) => step.ideaId));
	return steps.flatMap((step, i) => {
		const idea = ideas[i];
		// Only the idea's latest ending counts: a reopened idea has no outcome yet.
		return idea && (idea.status === 'done' || idea.status === 'not-taken-forward') ? [{ step, idea }] : [];
	});
}

/**
 * What a new idea starts from when it is made from an observation on a visit ("turn into an idea"): the
 * observation's first line as the title and its text as the details; undefined when it is not on this device.
 */
export async function loadIdeaSeed(
	desk: Desk,
	from: string
): Promise<{ from: string; title: string; details: string } | undefined> {
	if (!from.startsWith('observation:')) return undefined;
	const observation = await desk.observations.get(from);
	if (!observation) return undefined;
	const title = observation.text.split('\n')[0]?.slice(0, 120) ?? '';
	return { from: observation.id, title, details: observation.text };
}
