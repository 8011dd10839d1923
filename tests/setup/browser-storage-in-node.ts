// Lets the browser store (Dexie and pouchdb-browser) run in Node for unit tests: fake-indexeddb gives
// a spec-complete IndexedDB, and pouchdb-browser's idb adapter looks for `self` and `navigator.userAgent`.
import 'fake-indexeddb/auto';

const g = globalThis as Record<string, unknown>;
g.self ??= globalThis;
if (!(g.navigator as { userAgent?: string } | undefined)?.userAgent) {
	Object.defineProperty(globalThis, 'navigator', {
		value: { userAgent: 'node', onLine: true },
		configurable: true
	});
}
