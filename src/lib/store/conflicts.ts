/** A document's conflicting versions as the ledger holds them, for the generic conflicts page. */
import { contentOf, sameApartFromTimes, ULID_PATTERN } from '$lib/domain';
import type { Ledger } from './ledger';

export interface Version {
	rev: string;
	content: Record<string, unknown>;
}

export interface Conflict {
	id: string;
	/** The revision PouchDB currently shows (the "winner", chosen by a rule, not by anyone). */
	current: Version;
	/** The other device's version. */
	other: Version;
	/** How many more versions wait after this one. */
	remaining: number;
}

/** The first unresolved pair of versions of a document, or undefined when it has no conflict. */
export async function loadConflict(ledger: Ledger, id: string): Promise<Conflict | undefined> {
	const current = await ledger.get(id);
	const [first, ...rest] = current?._conflicts ?? [];
	if (!current || !first) return undefined;
	const other = await ledger.getRev(id, first);
	if (!other) return undefined;
	return {
		id,
		current: { rev: current._rev, content: contentOf(current) },
		other: { rev: first, content: contentOf(other) },
		remaining: rest.length
	};
}

/**
 * Conflicting revisions that say the same as the current one, apart from when they were written: nothing to
 * choose, nothing lost.
 */
export async function identicalConflicts(ledger: Ledger, id: string): Promise<string[]> {
	const current = await ledger.get(id);
	if (!current?._conflicts?.length) return [];
	const same: string[] = [];
	for (const rev of current._conflicts) {
		const other = await ledger.getRev(id, rev);
		if (other && sameApartFromTimes(current, other)) same.push(rev);
	}
	return same;
}

/** Whether a value is another document's id (`<type>:<ulid>`). */
function isDocId(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	const colon = value.indexOf(':');
	return colon > 0 && ULID_PATTERN.test(value.slice(colon + 1));
}

/**
 * What the documents that versions mention (in a field or a list: an agenda's order of items, an idea an
 * action links to) are called on this device, by id: their title or name. Unknown ids are left out.
 */
export async function mentionedNames(
	ledger: Ledger,
	...contents: Record<string, unknown>[]
): Promise<Map<string, string>> {
	const ids = new Set<string>();
	for (const content of contents)
		for (const [field, value] of Object.entries(content)) {
			if (field === '_id') continue;
			for (const entry of Array.isArray(value) ? value : [value]) if (isDocId(entry)) ids.add(entry);
		}
	const names = new Map<string, string>();
	if (ids.size === 0) return names;
	const { rows } = await ledger.db.allDocs({ keys: [...ids], include_docs: true });
	for (const row of rows) {
		const doc = 'doc' in row ? row.doc : undefined;
		const name = doc?.title ?? doc?.name ?? doc?.siteName;
		if (typeof name === 'string' && name) names.set(row.key, name);
	}
	return names;
}
