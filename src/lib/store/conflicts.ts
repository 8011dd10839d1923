import { contentOf, sameApartFromTimes } from '$lib/domain';
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
