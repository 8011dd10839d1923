import { parseDocument, type AppDoc } from '$lib/domain';
import type { Desk } from './desk';
import type { Ledger } from './ledger';
import type { Projector } from './projection';

export class InvalidDocumentError extends Error {
	constructor(readonly reason: string) {
		super(`Not a valid document: ${reason}`);
	}
}

/**
 * The one write path for documents. The status row is written before the ledger so a tab killed between
 * the two still shows the document as "saved on this device", never falsely as synced.
 */
export class DocumentWriter {
	constructor(
		private readonly ledger: Ledger,
		private readonly desk: Desk,
		private readonly projector: Projector
	) {}

	/** Saves `doc` over revision `rev` (none for a new document) and returns the new revision. */
	async save(doc: AppDoc, rev?: string): Promise<string> {
		const parsed = parseDocument(doc);
		if (!parsed.ok) throw new InvalidDocumentError(parsed.reason);
		const valid = parsed.doc;
		return this.tracked(valid._id, () => this.ledger.put(valid, rev));
	}

	/** Deletes a document (the deletion syncs like any other change). */
	async remove(id: string, rev: string): Promise<string> {
		return this.tracked(id, () => this.ledger.remove(id, rev));
	}

	/**
	 * Gives up a change the server refused: puts back the server's copy over this device's revision, or
	 * removes a document the server never accepted.
	 */
	async restore(id: string, serverCopy: Record<string, unknown> | undefined): Promise<void> {
		const current = await this.ledger.get(id);
		if (!current) return;
		if (!serverCopy) {
			await this.remove(id, current._rev);
			return;
		}
		const parsed = parseDocument(serverCopy);
		if (!parsed.ok) throw new InvalidDocumentError(parsed.reason);
		await this.save(parsed.doc, current._rev);
	}

	/** Runs a ledger write with its "saved on this device" bookkeeping around it. */
	private async tracked(id: string, write: () => Promise<string>): Promise<string> {
		const before = await this.desk.docStatus.get(id);
		const at = new Date().toISOString();
		await this.desk.docStatus.put({ id, rev: null, state: 'local', at });
		let newRev: string;
		try {
			newRev = await write();
		} catch (error) {
			await (before ? this.desk.docStatus.put(before) : this.desk.docStatus.delete(id));
			throw error;
		}
		await this.desk.docStatus.put({ id, rev: newRev, state: 'local', at });
		await this.projector.catchUp();
		return newRev;
	}
}
