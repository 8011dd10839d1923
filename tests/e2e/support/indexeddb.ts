import type { Page } from '@playwright/test';

/**
 * Everything a browser holds in IndexedDB for the page's origin, as text: every database
 * (`indexedDB.databases()`), every object store, every key and value (JSON; a Blob as its type, size and
 * text). A test searches it for what must not be there.
 */
export async function dumpIndexedDb(page: Page): Promise<string> {
	return page.evaluate(async () => {
		const done = <T>(request: IDBRequest<T>) =>
			new Promise<T>((resolve, reject) => {
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
			});
		/** Values as JSON, with Blobs (PouchDB attachments, Dexie's draft photos) read as text. */
		const readable = async (value: unknown): Promise<unknown> => {
			if (value instanceof Blob) return { blob: value.type, size: value.size, text: await value.text() };
			if (Array.isArray(value)) return Promise.all(value.map(readable));
			if (value && typeof value === 'object' && !(value instanceof Date) && !ArrayBuffer.isView(value)) {
				const entries = await Promise.all(
					Object.entries(value).map(async ([key, inner]) => [key, await readable(inner)] as const)
				);
				return Object.fromEntries(entries);
			}
			return value;
		};
		const dump: string[] = [];
		for (const { name } of await indexedDB.databases()) {
			if (!name) continue;
			const db = await done(indexedDB.open(name));
			try {
				for (const storeName of [...db.objectStoreNames]) {
					const store = db.transaction(storeName, 'readonly').objectStore(storeName);
					const [keys, values] = await Promise.all([done(store.getAllKeys()), done(store.getAll())]);
					dump.push(`${name}/${storeName} ${JSON.stringify(keys)} ${JSON.stringify(await readable(values))}`);
				}
			} finally {
				db.close();
			}
		}
		return dump.join('\n');
	});
}
