import type { DatabaseName } from '$lib/domain';
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
		account: string,
		database: DatabaseName,
		ledgerOptions: PouchDB.Configuration.DatabaseConfiguration = {}
	): Promise<Workspace> {
		const desk = new Desk(deskName(account));
		await desk.open();
		const ledger = await Ledger.open(ledgerName(account, database), ledgerOptions);
		const projector = new Projector(ledger, desk);
		const writer = new DocumentWriter(ledger, desk, projector);
		projector.start();
		return new Workspace(account, ledger, desk, projector, writer);
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
