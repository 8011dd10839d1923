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
		return this.tracked(valid._id, () => this.ledger.put(valid, rev), !rev ? valid : undefined);
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
	 * device), then the document's rows and the status row naming the new revision in one desk transaction
	 * (`Projector.project`; `created` is the document when the write created it), so the desk row is there
	 * when this resolves.
	 */
	private async tracked(id: string, write: () => Promise<string>, created?: AppDoc): Promise<string> {
		const timed = typeof performance !== 'undefined' && typeof performance.measure === 'function';
		if (timed) performance.mark('coproduce:save:start');
		const at = new Date().toISOString();
		// Both requests go out at once; in one transaction the read still sees the row before the put.
		const [before] = await this.desk.transaction('rw', this.desk.docStatus, () =>
			Promise.all([
				this.desk.docStatus.get(id),
				this.desk.docStatus.put({ id, rev: null, state: 'local', at })
			])
		);
		let newRev: string;
		try {
			newRev = await write();
		} catch (error) {
			await (before ? this.desk.docStatus.put(before) : this.desk.docStatus.delete(id));
			throw error;
		}
		await this.projector.project(
			id,
			{ id, rev: newRev, state: 'local', at },
			created && { ...created, _rev: newRev }
		);
		if (timed) performance.measure('coproduce:save', 'coproduce:save:start');
		return newRev;
	}
}
