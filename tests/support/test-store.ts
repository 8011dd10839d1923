import { afterEach, beforeEach, vi } from 'vitest';
import { Desk } from '../../src/lib/store/desk';
import { Ledger } from '../../src/lib/store/ledger';
import { Projector } from '../../src/lib/store/projection';
import { DocumentWriter } from '../../src/lib/store/writer';
import { Workspace } from '../../src/lib/store/workspace';
import type { Actor } from '../../src/lib/domain';

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

/**
 * A fresh store for each test of the calling file, removed after it. The object is the same throughout; its
 * parts are replaced before each test, so read them inside tests (`store.ledger`).
 */
export function useTestStore(prefix: string): TestStore {
	const current = {} as TestStore;
	beforeEach(async () => {
		Object.assign(current, await openTestStore(prefix));
	});
	afterEach(async () => {
		await removeTestStore(current);
	});
	return current;
}

/** A member's workspace (desk and ledger open, as the app has them) for a state test. */
export interface TestWorkspace {
	actor: Actor;
	workspace: Workspace;
}

/**
 * A fresh member's workspace for each test of the calling file, destroyed after it. The object is the same
 * throughout; its parts are replaced before each test, so read them inside tests.
 */
export function useTestWorkspace(prefix: string): TestWorkspace {
	const current = {} as TestWorkspace;
	beforeEach(async () => {
		opened += 1;
		current.actor = { name: `${prefix}-${opened}`, roles: ['member'] };
		current.workspace = await Workspace.open(current.actor, 'network');
	});
	afterEach(async () => {
		await current.workspace.destroy();
	});
	return current;
}

/**
 * Records the `since` of every read of the ledger's changes feed with documents (as the projector makes
 * them) from now on: a first sync's projection should read none below where the pull ended.
 */
export function recordFeedReads(ledger: Ledger): number[] {
	const reads: number[] = [];
	const changes = ledger.db.changes.bind(ledger.db);
	vi.spyOn(ledger.db, 'changes').mockImplementation(((options: PouchDB.Core.ChangesOptions) => {
		if (options.include_docs) reads.push(Number(options.since));
		return changes(options);
	}) as typeof ledger.db.changes);
	return reads;
}
