/**
 * What an account is never shown, on any path that reads: design documents (CouchDB keeps the gateway's
 * validation function in each database as `_design/coproduce-gateway`) and the private documents it may
 * not read (`mayReadId`, domain/private.ts: decided from the id alone, so deletions and conflicts are
 * covered). A hidden id is judged before the store is asked anything about it, so no answer differs
 * between one that exists and one that does not.
 *
 * Rows left out of a page (`_changes`, `_all_docs`) would make it look short, and PouchDB takes a short
 * page for the last one: so a page is asked of the store with rows to spare, and when the rows left are
 * still too few the store's next pages are read (hidden-pages.ts).
 */
import type { Role } from '../domain/accounts';
import { mayReadId } from '../domain/private';
import { isRecord } from './writes';

/** Who is reading. */
export interface Reader {
	name: string;
	roles: readonly Role[];
}

export const DESIGN_PREFIX = '_design/';

export function isDesignId(id: unknown): boolean {
	return typeof id === 'string' && id.startsWith(DESIGN_PREFIX);
}

/** Whether `reader` is never shown the document with this id. */
export function isHiddenFrom(reader: Reader, id: unknown): boolean {
	return typeof id === 'string' && (isDesignId(id) || !mayReadId(reader, id));
}

/** Whether a list of ids names a document hidden from `reader` (refused where a device never names one). */
export function namesHiddenFrom(reader: Reader, ids: unknown): boolean {
	return Array.isArray(ids) && ids.some((id) => isHiddenFrom(reader, id));
}

/** The rows of an answer (`_changes`' results, `_all_docs`' rows) that `reader` may be shown. */
export function visibleRows(reader: Reader, rows: readonly unknown[]): unknown[] {
	return rows.filter((row) => !(isRecord(row) && isHiddenFrom(reader, row.id)));
}

/**
 * A `_revs_diff` body without the hidden documents: the store is never asked about them, and a device that
 * holds one (sent to it before, or before its account's roles changed) is never asked to send it back.
 */
export function revsDiffVisible(reader: Reader, body: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(body).filter(([id]) => !isHiddenFrom(reader, id)));
}

/**
 * Whether an account with these roles may read every private document (a coordinator: `mayReadId`). When
 * that changes, what the account's devices have pulled so far is not what they may read now.
 */
export function readsEveryPrivateDocument(roles: readonly Role[]): boolean {
	return mayReadId({ name: '', roles }, 'profile:');
}
