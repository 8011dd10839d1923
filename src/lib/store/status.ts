/**
 * What to tell people about a document's current revision: saved on this device, synced, refused by the
 * server, or in conflict (two versions wait for someone to choose).
 */
import type { Desk, DocStatusRow } from './desk';
import type { Synced } from './meeting-query';

export type DocSyncStatus =
	{ kind: 'synced' } | { kind: 'local' } | { kind: 'denied'; reason: string } | { kind: 'conflict' };

/**
 * What to tell the user about a document's current revision. A status row speaks only for the revision it
 * names (or for a write still in flight); any other revision came from the server, so it is synced. A
 * document with conflicting revisions (`conflicts`, as its read model keeps them) is not "synced" whatever
 * the server holds: two versions wait for a choice. A refusal is told first, since it names its reason.
 */
export function statusOf(
	rev: string,
	row: DocStatusRow | undefined,
	conflicts: readonly string[] = []
): DocSyncStatus {
	const own = !row || (row.rev !== null && row.rev !== rev) ? undefined : row;
	if (own?.state === 'denied') return { kind: 'denied', reason: own.reason ?? 'Refused by the server' };
	if (conflicts.length > 0) return { kind: 'conflict' };
	return own ? { kind: 'local' } : { kind: 'synced' };
}

/** Rows with their sync status; rows that keep their conflicting revisions show them as "In conflict". */
export async function withStatuses<R extends { id: string; rev: string; conflicts?: readonly string[] }>(
	desk: Desk,
	rows: readonly R[]
): Promise<Synced<R>[]> {
	const statuses = await desk.docStatus.bulkGet(rows.map((row) => row.id));
	return rows.map((row, i) => ({ row, status: statusOf(row.rev, statuses[i], row.conflicts) }));
}
