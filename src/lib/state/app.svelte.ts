import { say } from '$lib/domain-words.svelte';
import { nowIso } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { createContext } from 'svelte';
import type { DeviceStore } from '$lib/store/desk';
import type { Workspace } from '$lib/store/workspace';
import type { StorageGuard, StorageLoss } from '$lib/store/storage-guard';
import { whyNotSaved } from '$lib/store/save-errors';
import { SessionApi } from '$lib/sync/api';
import type { SessionCheck, SyncEngine } from '$lib/sync/engine';
import type { SignupOutbox } from '$lib/sync/signup-outbox';
import type { SyncStatus } from '$lib/sync/status';
import type { DatabaseName, Result, SessionInfo, SignIn } from '$lib/domain';
import { success } from '$lib/domain/result';
import { reportProblem } from '$lib/report';

export type AppPhase = 'starting' | 'signed-out' | 'ready' | 'failed';
export type StorageState = 'unknown' | 'persisted' | 'refused' | 'unsupported';

const NETWORK_DB: DatabaseName = 'network';
/** The device-wide database that remembers who is signed in (`DeviceStore`). */
const DEVICE_DB = 'coproduce-device';

/**
 * The app's state for the signed-in person on this device. One instance per page load, created by the
 * root layout and handed down through context.
 */
export class AppState {
	phase = $state<AppPhase>('starting');
	failure = $state<string>();
	session = $state.raw<SessionInfo>();
	sync = $state.raw<SyncStatus>({ phase: 'offline' });
	storage = $state<StorageState>('unknown');
	workspace = $state.raw<Workspace>();
	/** Set when the browser deleted this device's storage; the layout warns until dismissed. */
	storageLost = $state.raw<StorageLoss>();

	private engine: SyncEngine | undefined;
	/** Delivers sealed event sign-ups to the server's inbox (signup-outbox.ts). */
	outbox: SignupOutbox | undefined;
	private guard: StorageGuard | undefined;
	private unsubscribe: (() => void) | undefined;
	/**
	 * Set by a sign-in: the server has just vouched for the session, so sync's next check need not ask again
	 * (a session that ended since shows up as a refused replication, which signs out the same way).
	 */
	private sessionFresh = false;
	private readonly onOnline = () => this.engine?.online();
	private readonly onOffline = () => this.engine?.offline();

	private deviceStore: Promise<DeviceStore> | undefined;

	constructor(private readonly api = new SessionApi()) {}

	/** The signed-in account's data. Pages only render once the app is ready, so this is always there for them. */
	get ready(): { workspace: Workspace; session: SessionInfo } {
		if (!this.workspace || !this.session) throw new Error('The app is not ready yet');
		return { workspace: this.workspace, session: this.session };
	}

	/** Rebuilds the local lists from the ledger (for a damaged or outdated desk). */
	async rebuildLists(): Promise<number> {
		return this.ready.workspace.rebuildLists();
	}

	/** Gives up a change the server refused, putting back what the server holds. */
	async discardRefused(id: string): Promise<Result<void>> {
		const { workspace } = this.ready;
		if (!this.engine) return { ok: false, reason: 'offline', message: m.shell_discard_not_running() };
		let serverCopy: Record<string, unknown> | undefined;
		try {
			serverCopy = await this.engine.serverCopy(id);
		} catch {
			return {
				ok: false,
				reason: 'offline',
				message: m.shell_discard_offline()
			};
		}
		try {
			await workspace.writer.restore(id, serverCopy);
		} catch (error) {
			return {
				ok: false,
				reason: 'not-saved',
				message: m.shell_discard_failed({ why: say(whyNotSaved(error)) })
			};
		}
		return success(undefined);
	}

	/** Opens the last signed-in account's data, online or not. */
	async start(): Promise<void> {
		window.addEventListener('online', this.onOnline);
		window.addEventListener('offline', this.onOffline);
		try {
			const account = (await someoneMayBeRemembered())
				? await (await this.device()).account.get('current')
				: undefined;
			if (!account) {
				this.phase = 'signed-out';
				return;
			}
			await this.openAndConnect(account.session);
		} catch (error) {
			this.fail(error);
		}
	}

	async signIn(credentials: SignIn): Promise<Result<SessionInfo>> {
		// The password check takes a moment on purpose; the code the sync needs loads meanwhile.
		void storeCode().then(
			({ Workspace }) => Workspace.preloadCode(),
			(error: unknown) => reportProblem('the storage code could not be loaded ahead', error)
		);
		void signupOutboxCode().catch((error: unknown) =>
			reportProblem('the sign-up code could not be loaded ahead; it loads again when needed', error)
		);
		const result = await this.api.signIn(credentials);
		if (!result.ok) return result;
		this.sessionFresh = true;
		const remembered = (await this.device()).account.put({
			key: 'current',
			session: result.value,
			signedInAt: nowIso()
		});
		if (this.workspace && this.session?.name === result.value.name) {
			await remembered;
			this.session = result.value;
			await this.engine?.start();
			void this.outbox?.flush();
		} else {
			await this.close();
			// The account's stores open while the device remembers who signed in.
			await Promise.all([remembered, this.openAndConnect(result.value)]);
		}
		return result;
	}

	/** Signs out. With `removeData`, this account's documents and drafts are deleted from the device. */
	async signOut(removeData = false): Promise<void> {
		await this.api.signOut();
		const workspace = this.detach();
		const { StorageGuard } = await storeCode();
		if (removeData && workspace) StorageGuard.forget(workspace.account);
		await (await this.device()).account.delete('current');
		this.session = undefined;
		this.phase = 'signed-out';
		if (workspace) await (removeData ? workspace.destroy() : workspace.close());
	}

	dispose(): void {
		window.removeEventListener('online', this.onOnline);
		window.removeEventListener('offline', this.onOffline);
		void this.close();
	}

	/**
	 * Opens the account's desk and shows the pages at once (they read their lists from it); the ledger,
	 * sync and the rest start after the first paint (`connect`). Writes made before that wait for the
	 * ledger (`Workspace.writer`).
	 */
	private async open(session: SessionInfo): Promise<Workspace> {
		const { Workspace } = await storeCode();
		const workspace = await Workspace.openDesk(session, NETWORK_DB);
		// Not "Synced" (nor anything else it cannot know) until the sync engine says so.
		this.sync = { phase: navigator.onLine ? 'connecting' : 'offline' };
		this.session = session;
		this.workspace = workspace;
		this.phase = 'ready';
		return workspace;
	}

	/** Opens the ledger and starts syncing, guarding storage and delivering sign-ups, after the first paint. */
	private async connect(workspace: Workspace): Promise<StorageLoss | undefined> {
		await afterFirstPaint();
		const current = () => this.workspace === workspace;
		if (!current()) return undefined;
		const { projector } = await workspace.openLedger();
		const { Ledger, StorageGuard, SyncEngine } = await storeCode();
		const [remote, { SignupOutbox }] = await Promise.all([
			Ledger.remote(`${location.origin}/db/${NETWORK_DB}`),
			signupOutboxCode()
		]);
		if (!current()) return undefined;
		this.engine = new SyncEngine({
			ledger: workspace.ledger,
			desk: workspace.desk,
			remote,
			checkSession: () => this.checkSession(),
			firstPull: () => projector.firstPull(),
			settled: () => projector.settled()
		});
		this.unsubscribe = this.engine.subscribe((status) => (this.sync = status));
		void this.engine.start();
		this.outbox = new SignupOutbox({ desk: workspace.desk });
		this.outbox.start();
		void this.askForPersistentStorage();
		const guard = new StorageGuard(workspace, (loss) => void this.storageWasLost(loss));
		this.guard = guard;
		return guard.start().catch((error: unknown) => {
			reportProblem(
				'the storage guard could not start, so a browser deleting this data may go unnoticed',
				error
			);
			return undefined;
		});
	}

	/** Opens the account and connects it in the background; a failure there shows as the app's failure. */
	private async openAndConnect(session: SessionInfo): Promise<void> {
		const workspace = await this.open(session);
		void this.connect(workspace).then(
			(lostWhileClosed) => lostWhileClosed && this.storageWasLost(lostWhileClosed, workspace),
			(error: unknown) => {
				if (this.workspace === workspace) this.fail(error);
			}
		);
	}

	private checkSession(): Promise<SessionCheck> {
		if (!this.sessionFresh) return this.api.check();
		this.sessionFresh = false;
		return Promise.resolve('ok');
	}

	private fail(error: unknown): void {
		this.phase = 'failed';
		this.failure = error instanceof Error ? error.message : String(error);
	}

	/**
	 * The browser deleted this device's storage: open fresh stores (unless they just were), pull everything
	 * again from the server, and say whether unsynced work may have been lost.
	 */
	private async storageWasLost(loss: StorageLoss, reopened?: Workspace): Promise<void> {
		const session = this.session;
		if (!session) return;
		this.storageLost = loss;
		try {
			const { reconcileAfterLoss, StorageGuard } = await storeCode();
			if (!reopened) {
				this.phase = 'starting';
				await this.detach()
					?.close()
					.catch((error: unknown) => reportProblem('the lost stores could not be closed', error));
				StorageGuard.forget(session.name);
				await this.openAndConnect(session);
			}
			if (this.workspace) await reconcileAfterLoss(this.workspace);
			// Who is signed in went with the rest; written once the deletions are surely over.
			await (await this.device()).account.put({ key: 'current', session, signedInAt: nowIso() });
		} catch (error) {
			this.fail(error);
		}
	}

	/** Stops syncing and hands back the workspace, which is no longer the app's. */
	private detach(): Workspace | undefined {
		this.guard?.stop();
		this.guard = undefined;
		this.unsubscribe?.();
		this.engine?.stop();
		this.engine = undefined;
		this.outbox?.stop();
		this.outbox = undefined;
		const workspace = this.workspace;
		this.workspace = undefined;
		return workspace;
	}

	private async close(): Promise<void> {
		await this.detach()?.close();
	}

	/** The device database, opened (with the storage code) the first time it is needed; tried again after a failure. */
	private device(): Promise<DeviceStore> {
		if (this.deviceStore) return this.deviceStore;
		const opening = storeCode().then(({ DeviceStore }) => new DeviceStore(DEVICE_DB));
		this.deviceStore = opening;
		void opening.catch(() => {
			// The caller sees the failure; the next call loads the code again.
			if (this.deviceStore === opening) this.deviceStore = undefined;
		});
		return opening;
	}

	private async askForPersistentStorage(): Promise<void> {
		if (!navigator.storage?.persist) {
			this.storage = 'unsupported';
			return;
		}
		const persisted = (await navigator.storage.persisted()) || (await navigator.storage.persist());
		this.storage = persisted ? 'persisted' : 'refused';
	}
}

/**
 * Resolves once the browser has painted what is on screen now (a frame, then a task), or at once in a
 * hidden tab, which paints nothing and runs no animation frames.
 */
function afterFirstPaint(): Promise<void> {
	return new Promise((resolve) => {
		const next = () => setTimeout(resolve, 0);
		if (document.visibilityState === 'visible') requestAnimationFrame(next);
		else next();
	});
}

export const [getApp, setApp] = createContext<AppState>();

/**
 * The device's stores (Dexie) and sync: loaded once someone is signed in or signs in, so the sign-in page
 * of a device nobody has used goes without them.
 */
function storeCode() {
	return import('./app-store-code');
}

/**
 * Whether the device database exists, asked without opening it (so without the storage code). A browser
 * that cannot list its databases opens it to look.
 */
async function deviceMayRememberSomeone(): Promise<boolean> {
	if (typeof indexedDB.databases !== 'function') return true;
	try {
		return (await indexedDB.databases()).some((db) => db.name === DEVICE_DB);
	} catch (error) {
		reportProblem('the browser would not list its databases; the device database is opened to look', error);
		return true;
	}
}

let rememberedAhead: Promise<boolean> | undefined;

/**
 * Asked once, as soon as this module loads (with the layout, before the first page renders): where someone
 * may be signed in, the storage code starts loading then, alongside the page's own code.
 */
function someoneMayBeRemembered(): Promise<boolean> {
	rememberedAhead ??= (async () => {
		const may = await deviceMayRememberSomeone();
		if (may) void storeCodeAhead();
		return may;
	})();
	return rememberedAhead;
}

async function storeCodeAhead(): Promise<void> {
	try {
		await storeCode();
	} catch (error) {
		reportProblem('the storage code could not be loaded ahead; it loads again when needed', error);
	}
}
if (typeof indexedDB !== 'undefined') void someoneMayBeRemembered();

/** Sealed sign-ups come with the schemas (zod): loaded after the first paint, or during a sign-in. */
function signupOutboxCode() {
	return import('$lib/sync/signup-outbox');
}
