import { mayChange, type Actor, type DatabaseName } from '$lib/domain';
import { identicalConflicts } from './conflicts';
import { Desk, deskName } from './desk';
import { Ledger } from './ledger';
import { Projector } from './projection';
import { DocumentWriter } from './writer';

/** Everything one account keeps on this device: its ledger, its desk, and the projection between them. */
export class Workspace {
	private constructor(
		readonly account: string,
		readonly ledger: Ledger,
		readonly desk: Desk,
		readonly projector: Projector,
		readonly writer: DocumentWriter
	) {}

	static async open(
		actor: Actor,
		database: DatabaseName,
		ledgerOptions: PouchDB.Configuration.DatabaseConfiguration = {}
	): Promise<Workspace> {
		const desk = new Desk(deskName(actor.name));
		await desk.open();
		const ledger = await Ledger.open(ledgerName(actor.name, database), ledgerOptions);
		const projector = new Projector(ledger, desk);
		const writer = new DocumentWriter(ledger, desk, projector);
		const workspace = new Workspace(actor.name, ledger, desk, projector, writer);
		projector.onConflicts = (ids) => void workspace.tidyConflicts(actor, ids);
		projector.start();
		return workspace;
	}

	/**
	 * Two devices that made the same change leave two identical versions: there is nothing to choose, so the
	 * copies go (where this person may change the document; otherwise the server would refuse the removal).
	 */
	async tidyConflicts(actor: Actor, ids: string[]): Promise<void> {
		for (const id of ids) {
			const current = await this.ledger.get(id);
			const author = typeof current?.author === 'string' ? current.author : undefined;
			if (!current || !mayChange(actor, author, { type: current.type, group: current.group })) continue;
			await this.writer.dropRevisions(id, await identicalConflicts(this.ledger, id));
		}
	}

	/** Documents written here that the server has not confirmed yet. */
	unsyncedCount(): Promise<number> {
		return this.desk.docStatus.count();
	}

	async close(): Promise<void> {
		this.projector.stop();
		this.desk.close();
		await this.ledger.close();
	}

	/** Removes this account's data from the device (for shared phones). */
	async destroy(): Promise<void> {
		this.projector.stop();
		await this.ledger.destroy();
		await this.desk.delete();
	}
}

export function ledgerName(account: string, database: DatabaseName): string {
	return `coproduce-${account}-${database}`;
}
