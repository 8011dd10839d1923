/**
 * For tests: writes a database holding a poisoned document the way a client once could (`new_edits:
 * false` with an empty `_revisions.ids`), beside good ones, conflicts, a deletion and an attachment.
 */
import PouchDB from 'pouchdb-node';

export const POISONED_ID = 'idea:01POISONED0000000000000000';
export const ATTACHMENT_TEXT = 'minutes of the meeting';

function idea(id: string, title: string): { _id: string; type: string; title: string } {
	return { _id: id, type: 'idea', title };
}

/** Writes the good documents, then the poisoned one, into `<dataDir>/<name>`, and closes it again. */
export async function writePoisonedDatabase(dataDir: string, name: string): Promise<void> {
	const db = new PouchDB(`${dataDir}/${name}`);
	try {
		await db.put(idea('idea:plain', 'Plain'));
		// Two conflicting first revisions, as two devices offline would make them.
		await db.bulkDocs(
			[
				{ ...idea('idea:conflicted', 'One'), _rev: '1-aaaa', _revisions: { start: 1, ids: ['aaaa'] } },
				{ ...idea('idea:conflicted', 'Two'), _rev: '1-bbbb', _revisions: { start: 1, ids: ['bbbb'] } }
			],
			{ new_edits: false }
		);
		const gone = await db.put(idea('idea:deleted', 'Gone'));
		await db.remove('idea:deleted', gone.rev);
		await db.put({
			...idea('idea:attached', 'With a file'),
			_attachments: {
				'notes.txt': { content_type: 'text/plain', data: Buffer.from(ATTACHMENT_TEXT).toString('base64') }
			}
		});
		await db.put({ _id: '_local/device:checkpoint', last_seq: 4 });
		await db.bulkDocs(
			[{ ...idea(POISONED_ID, 'Poison'), _rev: '1-abc', _revisions: { start: 1, ids: [] } }],
			{ new_edits: false }
		);
	} finally {
		await db.close();
	}
}
