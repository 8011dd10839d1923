import { Desk } from '../../src/lib/store/desk';
import { Ledger } from '../../src/lib/store/ledger';
import { Projector } from '../../src/lib/store/projection';
import { DocumentWriter } from '../../src/lib/store/writer';

/** One device's stores for a store test: a real PouchDB ledger and Dexie desk (on fake-indexeddb). */
export interface TestStore {
	ledger: Ledger;
	desk: Desk;
	projector: Projector;
	writer: DocumentWriter;
}

let opened = 0;

/** Opens a fresh ledger and desk under unique names; the projector is not following the ledger yet. */
export async function openTestStore(prefix: string): Promise<TestStore> {
	opened += 1;
	const ledger = await Ledger.open(`${prefix}-ledger-${opened}`);
	const desk = new Desk(`${prefix}-desk-${opened}`);
	await desk.open();
	const projector = new Projector(ledger, desk);
	return { ledger, desk, projector, writer: new DocumentWriter(ledger, desk, projector) };
}

/** Stops the projection (waiting for a pass under way) and deletes both databases. */
export async function removeTestStore(store: TestStore): Promise<void> {
	await store.projector.stop();
	await store.ledger.destroy();
	await store.desk.delete();
}
