import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeIdea, makeSupport } from '../../../tests/factories';
import { identicalConflicts, loadConflict } from './conflicts';
import { Ledger } from './ledger';

let n = 0;
let ledger: Ledger;

beforeEach(async () => {
	n += 1;
	ledger = await Ledger.open(`test-conflicts-${n}`);
});

afterEach(async () => {
	await ledger.destroy();
});

/** Writes `versions` as sibling first revisions of one document, as two offline phones would. */
async function siblings(versions: Record<string, unknown>[]): Promise<void> {
	await ledger.db.bulkDocs(
		versions.map((doc, i) => ({ ...doc, _rev: `1-${String(i + 1).repeat(32)}` })),
		{ new_edits: false }
	);
}

describe('identicalConflicts', () => {
	it('finds versions that differ only in when they were written (a support given on two phones)', async () => {
		const idea = makeIdea();
		const first = makeSupport(idea._id, 'member');
		const second = makeSupport(idea._id, 'member');
		expect(second.createdAt).not.toBe(first.createdAt);
		await siblings([first, second]);

		const current = await ledger.get(first._id);
		expect(current?._conflicts).toHaveLength(1);
		expect(await identicalConflicts(ledger, first._id)).toEqual(current?._conflicts);
	});

	it('keeps versions that say different things, for someone to choose', async () => {
		const idea = makeIdea({ title: 'Ramps at the entrance' });
		await siblings([idea, { ...idea, title: 'Ramps at every entrance' }]);

		expect(await identicalConflicts(ledger, idea._id)).toEqual([]);
		const conflict = await loadConflict(ledger, idea._id);
		expect([conflict?.current.content.title, conflict?.other.content.title].sort()).toEqual([
			'Ramps at every entrance',
			'Ramps at the entrance'
		]);
	});
});
