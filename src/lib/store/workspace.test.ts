import { afterEach, describe, expect, it } from 'vitest';
import { makeIdea } from '../../../tests/factories';
import type { Actor } from '$lib/domain';
import { SEARCH_PROGRESS_KEY, SEARCH_SEQ_KEY } from './desk';
import { queryIdeas } from './idea-query';
import { Ledger } from './ledger';
import { reconcileAfterLoss } from './storage-guard';
import { ledgerName, Workspace } from './workspace';

let n = 0;
let workspace: Workspace | undefined;

function actor(): Actor {
	n += 1;
	return { name: `workspace-${n}`, roles: ['member'] };
}

afterEach(async () => {
	await workspace?.destroy();
	workspace = undefined;
});

describe('Workspace opened desk first', () => {
	it('shows the desk before the ledger opens, and a write made meanwhile waits for the ledger', async () => {
		workspace = await Workspace.openDesk(actor(), 'network');
		expect(await workspace.desk.ideas.count()).toBe(0);
		expect(() => workspace?.ledger.db).toThrow(/not open yet/);

		const idea = makeIdea({ title: 'Written while starting' });
		const rev = await workspace.writer.save(idea);

		expect((await workspace.ledger.get(idea._id))?._rev).toBe(rev);
		expect((await workspace.desk.ideas.get(idea._id))?.title).toBe('Written while starting');
		expect((await workspace.desk.docStatus.get(idea._id))?.state).toBe('local');

		// Opened once, however many asked.
		const [first, second] = await Promise.all([workspace.openLedger(), workspace.openLedger()]);
		expect(first).toBe(second);
		expect(await workspace.projector()).toBe(first.projector);
	});

	it('catches the desk up with what the ledger holds when the ledger opens', async () => {
		const who = actor();
		// Written by an earlier visit whose lists never caught up (the tab was closed first).
		const earlier = await Ledger.open(ledgerName(who.name, 'network'));
		const idea = makeIdea({ title: 'Kept in the ledger' });
		await earlier.put(idea);
		await earlier.close();

		workspace = await Workspace.openDesk(who, 'network');
		expect(await workspace.desk.ideas.get(idea._id)).toBeUndefined();
		await (await workspace.projector()).catchUp();
		expect((await workspace.desk.ideas.get(idea._id))?.title).toBe('Kept in the ledger');
	});

	it('closes without opening a ledger nobody used', async () => {
		const closed = await Workspace.openDesk(actor(), 'network');
		await closed.close();
		expect(() => closed.ledger.db).toThrow(/not open yet/);
	});

	it('after a loss, builds the search index again with the lists, even where a surviving desk had got further', async () => {
		workspace = await Workspace.openDesk(actor(), 'network');
		const idea = makeIdea({ title: 'Kept after the loss' });
		await workspace.writer.save(idea);
		// The desk outlived a lost ledger: its index had reached a sequence the new ledger has not.
		await workspace.desk.search.clear();
		await workspace.desk.settings.bulkPut([
			{ key: SEARCH_PROGRESS_KEY, value: 5_000 },
			{ key: SEARCH_SEQ_KEY, value: 5_000 }
		]);
		await reconcileAfterLoss(workspace);
		const found = await queryIdeas(workspace.desk, 'member', { text: 'kept', sort: 'newest', limit: 10 });
		expect(found.rows.map((row) => row.id)).toEqual([idea._id]);
	});
});
