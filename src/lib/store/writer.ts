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

	/** Writes a photo document with its image attached. */
	async savePhoto(doc: AppDoc, image: Blob): Promise<string> {
		const parsed = parseDocument(doc);
		if (!parsed.ok) throw new InvalidDocumentError(parsed.reason);
		const valid = parsed.doc;
		return this.tracked(valid._id, async () => {
			const result = await this.ledger.db.put({
				...valid,
				_attachments: { image: { content_type: image.type, data: image } }
			});
			return result.rev;
		});
	}

	/**
	 * Settles a conflict: `kept` (a choice or a merge) is written over the current revision, and only then
	 * are the other versions removed, in the same write.
	 */
	async resolve(id: string, kept: AppDoc, currentRev: string, losingRevs: string[]): Promise<string> {
		const parsed = parseDocument(kept);
		if (!parsed.ok) throw new InvalidDocumentError(parsed.reason);
		const valid = parsed.doc;
		return this.tracked(id, async () => {
			const results = await this.ledger.db.bulkDocs([
				{ ...valid, _rev: currentRev },
				...losingRevs.map((rev) => ({ _id: id, _rev: rev, _deleted: true }))
			]);
			const failed = results.find((result) => 'error' in result && result.error);
			if (failed)
				throw Object.assign(new Error('The conflict changed while you were choosing'), { status: 409 });
			const first = results[0];
			if (!first || !('rev' in first) || !first.rev) throw new Error('The resolved version was not saved');
			return first.rev;
		});
	}

	/** Removes conflicting revisions that are identical to the current one (no choice is needed). */
	async dropRevisions(id: string, revs: string[]): Promise<void> {
		if (revs.length === 0) return;
		await this.ledger.db.bulkDocs(revs.map((rev) => ({ _id: id, _rev: rev, _deleted: true })));
	}

	/**
	 * Runs a ledger write with its "saved on this device" bookkeeping around it: one status transaction
	 * before the write (read the row to put back if the write fails, mark the document as saved on this
	 * device), then the status row naming the new revision and the projection, side by side (disjoint
	 * tables), so the desk row is there when this resolves.
	 */
	private async tracked(id: string, write: () => Promise<string>): Promise<string> {
		const timed = typeof performance !== 'undefined' && typeof performance.measure === 'function';
		if (timed) performance.mark('coproduce:save:start');
		const at = new Date().toISOString();
		const before = await this.desk.transaction('rw', this.desk.docStatus, async () => {
			const row = await this.desk.docStatus.get(id);
			await this.desk.docStatus.put({ id, rev: null, state: 'local', at });
			return row;
		});
		let newRev: string;
		try {
			newRev = await write();
		} catch (error) {
			await (before ? this.desk.docStatus.put(before) : this.desk.docStatus.delete(id));
			throw error;
		}
		await Promise.all([
			this.desk.docStatus.put({ id, rev: newRev, state: 'local', at }),
			this.projector.catchUp()
		]);
		if (timed) performance.measure('coproduce:save', 'coproduce:save:start');
		return newRev;
	}
}
