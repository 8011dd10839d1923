/**
 * Pages of `_changes` and `_all_docs` without the rows hidden from the reader (hidden.ts), as long as the
 * device asked: each page is asked of the store with rows to spare, and while the rows left are too few
 * and the store has more, its next pages are read. Otherwise a page with hidden rows in it would look
 * short, which PouchDB takes for the last one, and a `limit` or `skip` would tell where hidden rows are
 * (the first row at or after a key is missing exactly when it is hidden).
 */
import { isRecord } from './writes';
import { visibleRows, type Reader } from './hidden';

/** Rows asked of the store beyond a page's `limit`, to make up for the hidden rows left out. */
export const PAGE_SLACK = 10;

/** Reads one more page from the store with this query (and the request's body, if any). */
export type PageReader = (query: URLSearchParams) => Promise<unknown>;

type Answer = Record<string, unknown>;

function rowsOf(answer: unknown, field: 'results' | 'rows'): unknown[] | undefined {
	return isRecord(answer) && Array.isArray(answer[field]) ? (answer[field] as unknown[]) : undefined;
}

function numberParam(params: URLSearchParams, name: string): number | undefined {
	const value = params.get(name);
	return value === null ? undefined : Number(value);
}

/** The query to ask the store for the first page of `_changes`: a few rows to spare. */
export function changesStoreQuery(params: URLSearchParams): URLSearchParams {
	const asked = new URLSearchParams(params);
	const limit = numberParam(params, 'limit');
	if (limit !== undefined) asked.set('limit', String(limit + PAGE_SLACK));
	return asked;
}

/**
 * A `_changes` answer (`first`, asked with `changesStoreQuery`) without hidden rows, at most `limit` long.
 * A long poll's later pages are read without waiting: the store has answered once already.
 */
export async function visibleChanges(
	reader: Reader,
	params: URLSearchParams,
	first: unknown,
	readPage: PageReader
): Promise<unknown> {
	let rows = rowsOf(first, 'results');
	if (!isRecord(first) || !rows) return first;
	let page: Answer = first;
	const limit = numberParam(params, 'limit');
	const most = limit ?? Infinity;
	const asked = most + PAGE_SLACK;
	const kept = visibleRows(reader, rows);
	// A descending feed has no `since` to go on from: it is only filtered.
	const paging = limit !== undefined && params.get('descending') !== 'true';
	while (paging && kept.length < most && rows.length >= asked && page.pending !== 0) {
		const next = new URLSearchParams(params);
		for (const waiting of ['feed', 'timeout', 'heartbeat']) next.delete(waiting);
		next.set('since', String(page.last_seq));
		next.set('limit', String(asked));
		const answer = await readPage(next);
		rows = rowsOf(answer, 'results');
		if (!isRecord(answer) || !rows) throw new Error('The store did not answer a page of changes');
		page = answer;
		kept.push(...visibleRows(reader, rows));
	}
	// All the store gave fits the page: its `last_seq` stands (every row it skipped was hidden).
	if (kept.length <= most) return { ...page, results: kept };
	return cutChanges(page, kept, most);
}

function cutChanges(page: Answer, kept: unknown[], most: number): Answer {
	const results = kept.slice(0, most);
	const last = results[results.length - 1];
	const lastSeq = isRecord(last) && last.seq !== undefined ? last.seq : page.last_seq;
	const pending = typeof page.pending === 'number' ? page.pending + kept.length - most : undefined;
	return { ...page, results, last_seq: lastSeq, pending };
}

/**
 * The query to ask the store for the first page of `_all_docs`: the gateway skips rows itself (the store
 * would count hidden ones), and asks for the rows skipped and a few to spare.
 */
export function allDocsStoreQuery(params: URLSearchParams): URLSearchParams {
	const asked = new URLSearchParams(params);
	const skip = numberParam(params, 'skip') ?? 0;
	const limit = numberParam(params, 'limit');
	asked.delete('skip');
	if (limit !== undefined) asked.set('limit', String(skip + limit + PAGE_SLACK));
	return asked;
}

/**
 * An `_all_docs` answer (`first`, asked with `allDocsStoreQuery`) without hidden rows, `skip` visible rows
 * skipped and at most `limit` long. Its `offset` is left out: it counts the rows before the first one,
 * hidden ones too. Asked by `keys` (no `readPage`), there is nothing to page through.
 */
export async function visibleAllDocs(
	reader: Reader,
	params: URLSearchParams,
	first: unknown,
	readPage: PageReader | undefined
): Promise<unknown> {
	let rows = rowsOf(first, 'rows');
	if (!isRecord(first) || !rows) return first;
	const skip = numberParam(params, 'skip') ?? 0;
	const limit = numberParam(params, 'limit');
	const wanted = skip + (limit ?? Infinity);
	const asked = wanted + PAGE_SLACK;
	const kept = visibleRows(reader, rows);
	while (readPage && limit !== undefined && kept.length < wanted && rows.length >= asked) {
		const last = rows[rows.length - 1];
		if (!isRecord(last) || last.key === undefined) break;
		const next = new URLSearchParams(params);
		for (const start of ['skip', 'start_key', 'startkey', 'key']) next.delete(start);
		next.set('startkey', JSON.stringify(last.key));
		next.set('skip', '1');
		next.set('limit', String(asked));
		const answer = await readPage(next);
		rows = rowsOf(answer, 'rows');
		if (!rows) throw new Error('The store did not answer a page of documents');
		kept.push(...visibleRows(reader, rows));
	}
	const answer: Answer = { ...first, rows: kept.slice(skip, wanted) };
	delete answer.offset;
	return answer;
}
