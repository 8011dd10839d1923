import type { Actor, ChangeOf, DatabaseName, DocOf, DocType } from '$lib/domain';
import { reportProblem } from '$lib/report';
import { Desk, deskName } from './desk';
import { Ledger } from './ledger';
import { countUnsynced } from './pending-query';
import type { Projector } from './projection';
import type { SearchIndexer } from './search-index';
import type { DocumentWriter } from './writer';

/** What exists once the ledger is open: the projection following it and the write path over it. */
interface LedgerSide {
	projector: Projector;
	writer: DocumentWriter;
	indexer: SearchIndexer;
}

/**
 * Everything one account keeps on this device: its ledger, its desk, and the projection between them.
 *
 * The desk opens first (`openDesk`): it is all a page needs to show its lists. The ledger (PouchDB, loaded
 * lazily) opens with `openLedger()`, which the app calls after its first paint, or on the first write or
 * read that needs it, whichever comes first: a write made meanwhile waits for it, it is never dropped.
 */
export class Workspace {
	/** The write path. Every call waits until the ledger is open. */
	readonly writer: Writes;
	private side: Promise<LedgerSide> | undefined;
	private closed = false;
	/** Identical conflicting versions being removed (see `tidyConflicts`); closing waits for them. */
	private readonly tidying = new Set<Promise<void>>();

	private constructor(
		private readonly actor: Actor,
		readonly ledger: Ledger,
		readonly desk: Desk
	) {
		this.writer = new Writes(async () => (await this.openLedger()).writer);
	}

	get account(): string {
		return this.actor.name;
	}

	/** Opens the desk only; the ledger waits for `openLedger()` or its first use. */
	static async openDesk(
		actor: Actor,
		database: DatabaseName,
		ledgerOptions: PouchDB.Configuration.DatabaseConfiguration = {}
	): Promise<Workspace> {
		const desk = new Desk(deskName(actor.name));
		await desk.open();
		return new Workspace(actor, Ledger.deferred(ledgerName(actor.name, database), ledgerOptions), desk);
	}

	/**
	 * Starts loading the ledger's code (PouchDB, the projection, the write path) without opening anything,
	 * so that it is in hand when a sign-in that is still being checked opens the workspace.
	 */
	static preloadCode(): void {
		void Promise.all([import('pouchdb-browser'), ledgerSideCode()]).catch((error: unknown) =>
			reportProblem('the storage code could not be loaded ahead; it loads again when needed', error)
		);
	}

	/** Opens the desk and the ledger, and starts following the ledger. */
	static async open(
		actor: Actor,
		database: DatabaseName,
		ledgerOptions: PouchDB.Configuration.DatabaseConfiguration = {}
	): Promise<Workspace> {
		const workspace = await Workspace.openDesk(actor, database, ledgerOptions);
		await workspace.openLedger();
		return workspace;
	}

	/**
	 * Opens the ledger (once) and starts projecting its changes into the desk, catching up on any the desk
	 * has not seen. A failed attempt is tried again on the next call.
	 */
	openLedger(): Promise<LedgerSide> {
		this.side ??= Promise.all([this.ledger.ready(), ledgerSideCode()]).then(
			([, [{ Projector }, { DocumentWriter }, { SearchIndexer }]]) => {
				const projector = new Projector(this.ledger, this.desk);
				const writer = new DocumentWriter(this.ledger, this.desk, projector);
				const indexer = new SearchIndexer(this.ledger, this.desk);
				projector.onConflicts = (ids) => this.tidyLater(ids);
				projector.onPass = (processed, pulled) => indexer.nudge(processed, pulled);
				if (!this.closed) {
					projector.start();
					indexer.start();
				}
				return { projector, writer, indexer };
			},
			(error: unknown) => {
				this.side = undefined;
				throw error;
			}
		);
		return this.side;
	}

	/** The projection from the ledger into the desk (opening the ledger if it is not open yet). */
	async projector(): Promise<Projector> {
		return (await this.openLedger()).projector;
	}

	/** Empties the lists and the search index and builds them again from the ledger; answers the documents. */
	async rebuildLists(): Promise<number> {
		const { projector, indexer } = await this.openLedger();
		const count = await projector.rebuild();
		await indexer.rebuild();
		return count;
	}

	/**
	 * Two devices that made the same change leave two identical versions: there is nothing to choose, so the
	 * copies go (where this person may change the document; otherwise the server would refuse the removal).
	 */
	async tidyConflicts(actor: Actor, ids: string[]): Promise<void> {
		const [{ mayChange }, { identicalConflicts }] = await Promise.all([
			import('$lib/domain'),
			import('./conflicts')
		]);
		for (const id of ids) {
			const current = await this.ledger.get(id);
			const author = typeof current?.author === 'string' ? current.author : undefined;
			if (!current || !mayChange(actor, author, { type: current.type, group: current.group })) continue;
			await this.writer.dropRevisions(id, await identicalConflicts(this.ledger, id));
		}
	}

	/** Tidies in the background; closing the workspace waits for it. */
	private tidyLater(ids: string[]): void {
		const tidying = this.tidyQuietly(ids);
		this.tidying.add(tidying);
		void tidying.finally(() => this.tidying.delete(tidying));
	}

	private async tidyQuietly(ids: string[]): Promise<void> {
		try {
			await this.tidyConflicts(this.actor, ids);
		} catch {
			// The versions stay in place, listed for someone to choose: nothing is lost.
		}
	}

	/** Changes written here that the server has not confirmed yet, a photo counted with what it shows. */
	unsyncedCount(): Promise<number> {
		return countUnsynced(this.desk);
	}

	async close(): Promise<void> {
		this.closed = true;
		await this.stopProjecting();
		this.desk.close();
		await this.ledger.close();
	}

	/** Removes this account's data from the device (for shared phones). */
	async destroy(): Promise<void> {
		this.closed = true;
		await this.stopProjecting();
		await this.ledger.destroy();
		await this.desk.delete();
	}

	/** Stops the projection and waits for work under way (a pass, a tidying), so the stores can close. */
	private async stopProjecting(): Promise<void> {
		// A side that failed to load was reported to whoever opened the ledger; there is nothing to stop then.
		const side = await this.side?.then(
			(loaded) => loaded,
			() => undefined
		);
		await Promise.all([side?.projector.stop(), side?.indexer.stop()]);
		await Promise.all(this.tidying);
	}
}

export function ledgerName(account: string, database: DatabaseName): string {
	return `coproduce-${account}-${database}`;
}

/**
 * The write path as soon as the desk is open: each call waits for the ledger to open, then goes through
 * the `DocumentWriter` (store/writer.ts), so a write made while the app is still starting is delayed,
 * never dropped.
 */
export class Writes implements Pick<DocumentWriter, keyof DocumentWriter> {
	constructor(private readonly writer: () => Promise<DocumentWriter>) {}

	async save(...args: Parameters<DocumentWriter['save']>): ReturnType<DocumentWriter['save']> {
		return (await this.writer()).save(...args);
	}

	async update<K extends DocType>(
		type: K,
		id: string,
		change: (doc: DocOf<K>) => ChangeOf<K>
	): Promise<string> {
		return (await this.writer()).update(type, id, change);
	}

	async remove(...args: Parameters<DocumentWriter['remove']>): ReturnType<DocumentWriter['remove']> {
		return (await this.writer()).remove(...args);
	}

	async restore(...args: Parameters<DocumentWriter['restore']>): ReturnType<DocumentWriter['restore']> {
		return (await this.writer()).restore(...args);
	}

	async savePhoto(...args: Parameters<DocumentWriter['savePhoto']>): ReturnType<DocumentWriter['savePhoto']> {
		return (await this.writer()).savePhoto(...args);
	}

	async resolve(...args: Parameters<DocumentWriter['resolve']>): ReturnType<DocumentWriter['resolve']> {
		return (await this.writer()).resolve(...args);
	}

	async dropRevisions(
		...args: Parameters<DocumentWriter['dropRevisions']>
	): ReturnType<DocumentWriter['dropRevisions']> {
		return (await this.writer()).dropRevisions(...args);
	}
}

/** The modules the ledger's side needs; they bring the schemas (zod), so they load after the first paint. */
function ledgerSideCode() {
	return Promise.all([import('./projection'), import('./writer'), import('./search-index')]);
}
