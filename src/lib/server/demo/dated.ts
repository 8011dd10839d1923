/**
 * The demo network's documents are written in the past: each one through the same envelope as a device
 * writes (`newDoc`), at a time of its own, and some changed again later (`editDoc`).
 */
import type { DocOf, DocType } from '../../domain/documents';
import { editDoc, newDoc, type ContentOf } from '../../domain/envelope';

export const MINUTE_MS = 60 * 1000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** When a demo document was written (ms), and when it was last changed if that was later. */
export interface Written {
	at: number;
	changed?: number | undefined;
	/** A derived id (one person's support of an idea); a new one from `at` otherwise. */
	id?: string | undefined;
}

/** A demo document of `type` by `author`, written (and perhaps changed) when `written` says. */
export function demoDoc<K extends DocType>(
	type: K,
	author: string,
	content: ContentOf<K>,
	{ at, changed = at, id }: Written
): DocOf<K> {
	const doc = newDoc(type, author, content, { id, now: new Date(at) });
	return changed === at ? doc : editDoc(type, doc, {}, new Date(changed));
}
