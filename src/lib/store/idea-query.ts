import type { IdeaStatus } from '$lib/domain';
import type { Desk, IdeaRow } from './desk';
import { words } from './words';

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
}

const SORT_INDEX: Record<IdeaSort, 'createdAt' | 'supportCount' | 'lastActivityAt'> = {
	newest: 'createdAt',
	supported: 'supportCount',
	activity: 'lastActivityAt'
};

/** Ideas whose words (or whose comments' words) start with every word typed. */
async function searchIdeaIds(desk: Desk, text: string): Promise<Set<string> | undefined> {
	const typed = words(text);
	if (typed.length === 0) return undefined;
	let result: Set<string> | undefined;
	for (const word of typed) {
		const rows = await desk.search.where('words').startsWith(word).toArray();
		const ids = new Set(rows.map((row) => row.ideaId));
		result = result ? new Set([...result].filter((id) => ids.has(id))) : ids;
		if (result.size === 0) break;
	}
	return result;
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
		const ids = await searchIdeaIds(desk, query.text);
		if (ids) {
			const rows = (await desk.ideas.bulkGet([...ids])).filter((row): row is IdeaRow => !!row && keep(row));
			rows.sort((a, b) => compare(b[index], a[index]) || compare(b.createdAt, a.createdAt));
			return { rows: rows.slice(0, query.limit), total: rows.length };
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
