/**
 * Design documents never reach a device. CouchDB keeps the gateway's validation function in each
 * database as `_design/coproduce-gateway`, where `_changes` and `_all_docs` would hand it to everyone who
 * reads the database. The gateway takes such rows out of those answers, and out of what `_revs_diff`
 * asks about (a device that received one before keeps it, and must not try to send it back).
 *
 * Taking rows out of a `_changes` page would make it look short, and PouchDB takes a short page for the
 * last one: so a page is asked of the store with a few rows to spare, cut back to the length the device
 * asked for, and its `last_seq` set to the last row it keeps.
 */
import { isRecord } from './writes';

export const DESIGN_PREFIX = '_design/';

/** Rows asked of the store beyond a `_changes` page's `limit`, to make up for design documents left out. */
export const DESIGN_SLACK = 10;

export function isDesignId(id: unknown): boolean {
	return typeof id === 'string' && id.startsWith(DESIGN_PREFIX);
}

/** Whether a list of ids names a design document (refused where a device never names one). */
export function namesDesign(ids: unknown): boolean {
	return Array.isArray(ids) && ids.some(isDesignId);
}

/** A `_revs_diff` body without the design documents: the store is never asked about them. */
export function revsDiffWithoutDesign(body: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(body).filter(([id]) => !isDesignId(id)));
}

/** The `limit` to ask of the store for a `_changes` page of `limit` rows (none: none). */
export function storeLimit(limit: string | null): string | null {
	return limit === null ? null : String(Number(limit) + DESIGN_SLACK);
}

/** A `_changes` answer without design documents, at most `limit` rows long (null: no limit). */
export function changesWithoutDesign(answer: unknown, limit: string | null): unknown {
	if (!isRecord(answer) || !Array.isArray(answer.results)) return answer;
	const kept = answer.results.filter((row) => !(isRecord(row) && isDesignId(row.id)));
	const most = limit === null ? Infinity : Number(limit);
	// All the store gave fits the page: its `last_seq` stands (every row it skipped was a design document).
	if (kept.length <= most) return { ...answer, results: kept };
	const page = kept.slice(0, most);
	const pending = typeof answer.pending === 'number' ? answer.pending + kept.length - most : undefined;
	return { ...answer, results: page, last_seq: lastSeqOf(page, answer.last_seq), pending };
}

function lastSeqOf(rows: unknown[], fallback: unknown): unknown {
	const last = rows[rows.length - 1];
	return isRecord(last) && last.seq !== undefined ? last.seq : fallback;
}

/** An `_all_docs` answer without design documents. */
export function allDocsWithoutDesign(answer: unknown): unknown {
	if (!isRecord(answer) || !Array.isArray(answer.rows)) return answer;
	return { ...answer, rows: answer.rows.filter((row) => !(isRecord(row) && isDesignId(row.id))) };
}
