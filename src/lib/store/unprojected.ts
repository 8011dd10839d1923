/**
 * Status rows for saves the desk never projected: a tab killed between a save's ledger write and its desk
 * transaction (`DocumentWriter`) leaves a change with no status row, which would show as synced. The
 * projection runs this when it starts (`Projector.start`).
 */
import type { Desk, DocStatusRow, LedgerSeq as Seq } from './desk';
import type { Ledger } from './ledger';
import { statusOf } from './status';

/**
 * Each change after `since` (the projection's stored sequence) whose status row does not speak for its current
 * revision gets one, as saved on this device, and the sync engine clears it once the server says it holds that
 * revision (a change that came from the server is cleared at the next sync). Nothing is marked before the desk
 * has projected anything (`since` 0): the changes of a first sync are the server's own, and a save made
 * meanwhile was marked before it was written. First, such a mark for a document the ledger never got (the tab
 * was killed before the ledger write) is taken away.
 */
export async function markUnprojected(ledger: Ledger, desk: Desk, since: Seq): Promise<void> {
	await dropUnwrittenMarks(ledger, desk);
	if (!since) return;
	const { results } = await ledger.db.changes({ since });
	const current = new Map<string, string>();
	for (const change of results) {
		const rev = change.changes[0]?.rev;
		if (rev && !change.id.startsWith('_design/')) current.set(change.id, rev);
	}
	if (current.size === 0) return;
	const at = new Date().toISOString();
	await desk.transaction('rw', desk.docStatus, async () => {
		const rows = await desk.docStatus.bulkGet([...current.keys()]);
		const unmarked = [...current]
			.filter(([, rev], i) => statusOf(rev, rows[i]).kind === 'synced')
			.map(([id, rev]): DocStatusRow => ({ id, rev, state: 'local', at }));
		await desk.docStatus.bulkPut(unmarked);
	});
}

/** Takes away the marks of saves made before the desk followed the ledger whose ledger write never happened. */
async function dropUnwrittenMarks(ledger: Ledger, desk: Desk): Promise<void> {
	const marks = await desk.docStatus
		.where('state')
		.equals('local')
		.filter((row) => row.rev === null)
		.toArray();
	if (marks.length === 0) return;
	const { rows } = await ledger.db.allDocs({ keys: marks.map((row) => row.id) });
	const unwritten = rows.filter((row) => 'error' in row).map((row) => row.key);
	await desk.transaction('rw', desk.docStatus, async () => {
		const now = await desk.docStatus.bulkGet(unwritten);
		await desk.docStatus.bulkDelete(
			unwritten.filter((_, i) => now[i]?.rev === null && now[i]?.state === 'local')
		);
	});
}
