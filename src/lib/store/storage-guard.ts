import { liveQuery, type Subscription } from 'dexie';
import { reportProblem } from '$lib/report';
import type { DocStatusRow } from './desk';
import { isNotFound } from './ledger';
import type { Workspace } from './workspace';

/** The browser deleted this device's storage (site data cleared, a database deleted in DevTools…). */
export interface StorageLoss {
	/** Changes saved on this device that the server had not confirmed when the storage went: maybe lost. */
	unsynced: number;
	at: string;
}

/** What survives an IndexedDB wipe in localStorage: the marker both stores carry, and the unsynced count. */
interface GuardRecord {
	marker: string;
	unsynced: number;
}

const MARKER_SETTING = 'storage.marker';
const LEDGER_MARKER = '_local/storage-marker';
const CHECK_EVERY_MS = 5_000;

/** Random and unique enough; `crypto.randomUUID` would need a secure context. */
function newMarker(): string {
	return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
		byte.toString(16).padStart(2, '0')
	).join('');
}

function recordKey(account: string): string {
	return `coproduce.storage.${account}`;
}

function readRecord(account: string): GuardRecord | undefined {
	try {
		const value = JSON.parse(
			localStorage.getItem(recordKey(account)) ?? 'null'
		) as Partial<GuardRecord> | null;
		return typeof value?.marker === 'string'
			? { marker: value.marker, unsynced: Number(value.unsynced) || 0 }
			: undefined;
	} catch {
		return undefined;
	}
}

function writeRecord(account: string, record: GuardRecord): void {
	try {
		localStorage.setItem(recordKey(account), JSON.stringify(record));
	} catch {
		// No localStorage (private mode, quota): the guard still detects a loss, only without the count.
	}
}

/**
 * Notices when the browser deletes the ledger or the desk while the app runs (or while it was closed), so
 * the app can open fresh stores, pull everything again from the server, and say whether unsynced work
 * may have been lost. Both stores carry a marker that is also kept in localStorage with the number of
 * unsynced changes; Dexie reports the deletion of the desk at once (`versionchange`, `close`), and a
 * check on focus, on becoming visible and every few seconds catches the rest.
 */
export class StorageGuard {
	private marker = '';
	private stopped = false;
	private reported = false;
	private timer: ReturnType<typeof setInterval> | undefined;
	private unsynced: Subscription | undefined;
	private readonly account: string;
	private readonly check = () => void this.verify();
	private readonly onVisible = () => {
		if (document.visibilityState === 'visible') this.check();
	};
	private readonly onVersionChange = (event: IDBVersionChangeEvent) => {
		// `newVersion` null (or 0) means the database is being deleted, not upgraded by a newer tab.
		if (!event.newVersion) this.report();
	};

	constructor(
		private readonly workspace: Workspace,
		private readonly onLost: (loss: StorageLoss) => void,
		private readonly checkEveryMs = CHECK_EVERY_MS
	) {
		this.account = workspace.account;
	}

	/** Clears what the guard keeps for an account whose data was removed on purpose (sign-out). */
	static forget(account: string): void {
		try {
			localStorage.removeItem(recordKey(account));
		} catch {
			// Nothing kept.
		}
	}

	/**
	 * Marks the stores and starts watching. Answers the loss if the storage went while the app was closed
	 * (the stores just opened are new and empty: there is nothing to reopen).
	 */
	async start(): Promise<StorageLoss | undefined> {
		const { desk, ledger } = this.workspace;
		await ledger.ready();
		const saved = readRecord(this.account);
		const [deskMarker, ledgerMarker] = await Promise.all([
			desk.getSetting<string>(MARKER_SETTING),
			this.ledgerMarker()
		]);
		const lost =
			saved && (deskMarker !== saved.marker || ledgerMarker !== saved.marker)
				? { unsynced: saved.unsynced, at: new Date().toISOString() }
				: undefined;
		this.marker = !lost && deskMarker && deskMarker === ledgerMarker ? deskMarker : newMarker();
		if (deskMarker !== this.marker) await desk.setSetting(MARKER_SETTING, this.marker);
		if (ledgerMarker !== this.marker) await this.setLedgerMarker();
		writeRecord(this.account, { marker: this.marker, unsynced: await this.workspace.unsyncedCount() });
		if (this.stopped) return lost;

		this.unsynced = liveQuery(() => this.workspace.unsyncedCount()).subscribe({
			next: (count) => {
				if (!this.reported && !this.stopped)
					writeRecord(this.account, { marker: this.marker, unsynced: count });
			},
			error: (error: unknown) => reportProblem('the count of unsynced changes stopped updating', error)
		});
		desk.on('versionchange', this.onVersionChange);
		desk.on('close', this.check);
		window.addEventListener('focus', this.check);
		document.addEventListener('visibilitychange', this.onVisible);
		this.timer = setInterval(this.check, this.checkEveryMs);
		return lost;
	}

	stop(): void {
		this.stopped = true;
		clearInterval(this.timer);
		this.unsynced?.unsubscribe();
		const { desk } = this.workspace;
		desk.on('versionchange').unsubscribe(this.onVersionChange);
		desk.on('close').unsubscribe(this.check);
		window.removeEventListener('focus', this.check);
		document.removeEventListener('visibilitychange', this.onVisible);
	}

	/** Checks that both stores still exist and still carry the marker; reports a loss once. */
	async verify(): Promise<void> {
		if (this.stopped || this.reported) return;
		if (await this.isLost().catch(() => false)) this.report();
	}

	private async isLost(): Promise<boolean> {
		const { desk, ledger } = this.workspace;
		if (typeof indexedDB.databases === 'function') {
			// Listing names opens nothing, so it never re-creates a deleted database as a query would.
			const names = new Set((await indexedDB.databases()).map((db) => db.name));
			if (!names.has(desk.name) || !names.has(`_pouch_${ledger.db.name}`)) return true;
		}
		const [deskMarker, ledgerMarker] = await Promise.all([
			desk.getSetting<string>(MARKER_SETTING),
			this.ledgerMarker()
		]);
		return deskMarker !== this.marker || ledgerMarker !== this.marker;
	}

	private report(): void {
		if (this.reported || this.stopped) return;
		this.reported = true;
		const saved = readRecord(this.account);
		this.onLost({ unsynced: saved?.unsynced ?? 0, at: new Date().toISOString() });
	}

	private async ledgerMarker(): Promise<string | undefined> {
		return (await this.markerDoc())?.marker;
	}

	private async setLedgerMarker(): Promise<void> {
		const existing = await this.markerDoc();
		await this.workspace.ledger.db.put({
			_id: LEDGER_MARKER,
			...(existing ? { _rev: existing._rev } : {}),
			marker: this.marker
		});
	}

	/** The ledger's marker document, or undefined when it is not there. */
	private async markerDoc(): Promise<{ _rev: string; marker?: string } | undefined> {
		try {
			return await this.workspace.ledger.db.get<{ marker?: string }>(LEDGER_MARKER);
		} catch (error) {
			if (isNotFound(error)) return undefined;
			throw error;
		}
	}
}

/**
 * After a loss, when one store may have survived the other: the lists and the search index are rebuilt from
 * the ledger (a surviving desk's projection points would skip a new ledger's changes), a status row for a document the
 * ledger no longer has is dropped (that change is gone; the warning says so), and every document the
 * ledger still has is marked unconfirmed until the server confirms it holds that revision (the rows that
 * said so may be gone with the desk).
 */
export async function reconcileAfterLoss(workspace: Workspace): Promise<void> {
	const { desk, ledger } = workspace;
	await workspace.rebuildLists();
	const docs = await ledger.db.allDocs();
	const revs = new Map(docs.rows.map((row) => [row.id, row.value.rev]));
	const at = new Date().toISOString();
	await desk.transaction('rw', desk.docStatus, async () => {
		const rows = await desk.docStatus.toArray();
		const known = new Set(rows.map((row) => row.id));
		await desk.docStatus.bulkDelete(rows.filter((row) => !revs.has(row.id)).map((row) => row.id));
		const unconfirmed: DocStatusRow[] = [...revs]
			.filter(([id]) => !known.has(id) && !id.startsWith('_design/'))
			.map(([id, rev]) => ({ id, rev, state: 'local', at }));
		await desk.docStatus.bulkPut(unconfirmed);
	});
}
