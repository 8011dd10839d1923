import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { build } from 'esbuild';
import type PouchDBStatic from 'pouchdb-browser';

let bundle: Promise<string> | undefined;

/** `pouchdb-browser` bundled into one script (built once per process, about a second). */
function pouchBundle(): Promise<string> {
	bundle ??= build({
		entryPoints: [fileURLToPath(new URL('./pouchdb-entry.ts', import.meta.url))],
		bundle: true,
		format: 'iife',
		platform: 'browser',
		target: 'es2022',
		minify: true,
		write: false,
		logLevel: 'silent'
	}).then((result) => {
		const file = result.outputFiles[0];
		if (!file) throw new Error('esbuild wrote no bundle');
		return file.text;
	});
	return bundle;
}

/**
 * Makes PouchDB available in the page as `globalThis.__testPouchDB`, for reading a device's ledger or
 * replicating by hand. It is evaluated through the DevTools protocol, so the app's Content-Security-Policy
 * (which allows no injected script) stays on and records nothing. Call it again after a navigation.
 */
export async function addPouchDB(page: Page): Promise<void> {
	const loaded = await page.evaluate(() => '__testPouchDB' in globalThis);
	if (loaded) return;
	await page.evaluate(await pouchBundle());
}

/** Every live document of a ledger in the page's IndexedDB: id → winning revision (design documents left out). */
export async function ledgerRevisions(page: Page, name: string): Promise<Record<string, string>> {
	await addPouchDB(page);
	return page.evaluate(async (ledgerName) => {
		const PouchDB = (globalThis as unknown as { __testPouchDB: typeof PouchDBStatic }).__testPouchDB;
		// This bundle's PouchDB keeps its own connections, so closing this one leaves the app's open.
		const db = new PouchDB(ledgerName, { adapter: 'idb', skip_setup: true });
		try {
			const result = await db.allDocs();
			const revisions: Record<string, string> = {};
			for (const row of result.rows) if (!row.id.startsWith('_design/')) revisions[row.id] = row.value.rev;
			return revisions;
		} finally {
			await db.close();
		}
	}, name);
}
