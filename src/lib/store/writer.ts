import { ZodError } from 'zod';
import {
	describeIssues,
	editDoc,
	parseDocument,
	type AppDoc,
	type ChangeOf,
	type DocOf,
	type DocType
} from '$lib/domain';
import { reportProblem } from '$lib/report';
import { journal, type Desk, type DocStatusRow } from './desk';
import { isConflict, type Ledger } from './ledger';
import { InvalidDocumentError, MissingDocumentError } from './save-errors';
import type { Projector } from './projection';

/**
 * The one write path for documents: the ledger write, then the document's rows and its status row ("saved on
 * this device", naming the new revision) in one desk transaction. A tab killed between the two leaves a
 * change the desk has not projected: the projection marks it as saved on this device when it starts again
 * (`Projector.start`), so it is never shown as synced before the server confirms it; while the desk does
 * not yet follow the ledger (a first sync), the save is marked before its ledger write instead.
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

	/**
	 * Changes a stored document of `type`: reads its current revision, applies `change` (a pure function of
	 * the document, answering the fields to change), checks and writes the result over that revision, and
	 * does it once more if another write moved the document meanwhile. Returns the new revision.
	 */
	async update<K extends DocType>(
		type: K,
		id: string,
		change: (doc: DocOf<K>) => ChangeOf<K>
	): Promise<string> {
		for (let attempt = 0; ; attempt++) {
			const current = await this.ledger.get(id);
			if (!current) throw new MissingDocumentError(id);
			const parsed = parseDocument(current);
			if (!parsed.ok) throw new InvalidDocumentError(parsed.reason);
			if (parsed.doc.type !== type) throw new InvalidDocumentError(`${id} is not a ${type}`);
			const doc = parsed.doc as DocOf<K>;
			let next: DocOf<K>;
			try {
				next = editDoc(type, doc, change(doc));
			} catch (error) {
				if (error instanceof ZodError) throw new InvalidDocumentError(describeIssues(error.issues));
				throw error;
			}
			try {
				return await this.save(next, current._rev);
			} catch (error) {
				if (!isConflict(error) || attempt > 0) throw error;
			}
		}
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
	 * Runs a ledger write, then puts the document's rows and the status row naming the new revision in one
	 * desk transaction (`Projector.project`; `created` is the document when the write created it). The save
	 * is over once the ledger has committed and that desk transaction is open: IndexedDB runs any read of
	 * those tables opened later after it, so no page can read the lists without this save, and the next
	 * page's work overlaps the desk's commit instead of waiting for it. A write that fails leaves the desk
	 * as it was. If the desk transaction fails, the status row is still put on its own (the ledger holds the
	 * change, so it must not look synced): before it opened, the error goes on to the caller; after, the save
	 * has succeeded, the failure goes to the sync journal, and the next pass of the changes feed puts the
	 * rows in.
	 */
	private async tracked(id: string, write: () => Promise<string>, created?: AppDoc): Promise<string> {
		const timed = typeof performance !== 'undefined' && typeof performance.measure === 'function';
		// Each save's marks carry its document's id and its own start, so saves at once (an observation and
		// its photos) do not time each other.
		const detail = { id };
		const start = timed ? performance.mark('coproduce:save:start', { detail }).startTime : 0;
		const unmark = (await this.projector.following()) ? undefined : await this.markInFlight(id);
		let newRev: string;
		try {
			newRev = await write();
		} catch (error) {
			await unmark?.();
			throw error;
		}
		// The document is in the ledger (IndexedDB); the benchmark also times the tap to here.
		if (timed) performance.mark('coproduce:save:committed', { detail });
		const status: DocStatusRow = { id, rev: newRev, state: 'local', at: new Date().toISOString() };
		let opened = () => {};
		const open = new Promise<void>((resolve) => (opened = resolve));
		const projected = this.projector.project(id, {
			status,
			created: created && { ...created, _rev: newRev },
			onOpen: opened
		});
		try {
			await Promise.race([open, projected]);
		} catch (error) {
			await this.keepStatus(status);
			throw error;
		}
		if (timed) performance.measure('coproduce:save', { start, detail });
		void this.listed(projected, status, timed ? { start, detail } : undefined);
		return newRev;
	}

	/** Follows a save's desk transaction once the save is over (see `tracked`). */
	private async listed(
		projected: Promise<void>,
		status: DocStatusRow,
		timing: PerformanceMeasureOptions | undefined
	): Promise<void> {
		try {
			await projected;
			if (timing) performance.measure('coproduce:save:listed', timing);
		} catch (error) {
			await this.keepStatus(status);
			await journal(this.desk, 'error', `The lists were not updated after a save: ${String(error)}`).catch(
				(journalError: unknown) => reportProblem('the lists were not updated after a save', journalError)
			);
		}
	}

	/**
	 * Marks a save as in flight (a status row naming no revision, so it speaks for whichever is current)
	 * before its ledger write, while the desk does not yet follow the ledger (`Projector.following`): a tab
	 * killed after the write and before the desk's transaction would otherwise leave a change nothing shows
	 * as waiting. Returns what puts the row back as it was, for a write that fails; a mark left by a tab
	 * killed before the write is taken away when the projection starts again.
	 */
	private async markInFlight(id: string): Promise<() => Promise<void>> {
		const mark: DocStatusRow = { id, rev: null, state: 'local', at: new Date().toISOString() };
		const { docStatus } = this.desk;
		const before = await this.desk.transaction('rw', docStatus, async () => {
			const row = await docStatus.get(id);
			await docStatus.put(mark);
			return row;
		});
		return async () => {
			await this.desk
				.transaction('rw', docStatus, async () => {
					const row = await docStatus.get(id);
					if (row?.rev !== null || row.at !== mark.at) return; // a newer row speaks for the document
					await (before ? docStatus.put(before) : docStatus.delete(id));
				})
				// Left in place, the mark says "saved on this device" for a save that failed: too cautious, not
				// wrong, and the projection's start-up check takes it away.
				.catch((error: unknown) => reportProblem('a failed save left its waiting mark', error));
		};
	}

	/** The status row alone, if the desk takes it (the start-up check marks the change otherwise). */
	private async keepStatus(status: DocStatusRow): Promise<void> {
		await this.desk.docStatus
			.put(status)
			.catch((error: unknown) => reportProblem('a save could not be marked as waiting to sync', error));
	}
}
