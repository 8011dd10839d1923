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

// pouchdb-browser reads attachments (photos) with FileReader, which Node lacks: the part of it PouchDB uses.
if (typeof g.FileReader === 'undefined') {
	class NodeFileReader {
		result: ArrayBuffer | null = null;
		onloadend: ((event: { target: NodeFileReader }) => void) | null = null;
		readAsArrayBuffer(blob: Blob): void {
			void this.read(blob);
		}
		private async read(blob: Blob): Promise<void> {
			this.result = await blob.arrayBuffer();
			this.onloadend?.({ target: this });
		}
	}
	g.FileReader = NodeFileReader;
}
