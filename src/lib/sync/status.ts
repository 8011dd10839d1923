/** Where replication is, in words a volunteer understands. */
export type SyncPhase =
	'offline' | 'connecting' | 'pushing' | 'pulling' | 'up-to-date' | 'signed-out' | 'error';

export interface SyncProgress {
	/** Documents received in this run. */
	received: number;
	/** Documents the server holds, when known (first sync). */
	total?: number;
}

export interface SyncStatus {
	phase: SyncPhase;
	/** Why, for `error` and `signed-out`. */
	reason?: string;
	/** When the server last confirmed everything was up to date (ISO time). */
	lastSyncedAt?: string;
	progress?: SyncProgress;
}

export const PHASE_LABELS: Record<SyncPhase, string> = {
	offline: 'Offline',
	connecting: 'Connecting',
	pushing: 'Sending changes',
	pulling: 'Receiving changes',
	'up-to-date': 'Synced',
	'signed-out': 'Signed out',
	error: 'Not syncing'
};
