/** What a document's status row says about its current revision: synced, saved on this device, or refused. */
import type { DocStatusRow } from './desk';

export type DocSyncStatus = { kind: 'synced' } | { kind: 'local' } | { kind: 'denied'; reason: string };

/**
 * What to tell the user about a document's current revision. A status row speaks only for the revision it
 * names (or for a write still in flight); any other revision came from the server, so it is synced.
 */
export function statusOf(rev: string, row: DocStatusRow | undefined): DocSyncStatus {
	if (!row || (row.rev !== null && row.rev !== rev)) return { kind: 'synced' };
	if (row.state === 'denied') return { kind: 'denied', reason: row.reason ?? 'Refused by the server' };
	return { kind: 'local' };
}
