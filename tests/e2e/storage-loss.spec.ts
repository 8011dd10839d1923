import type { Page } from '@playwright/test';
import { createIdea, IdeaPage, MainNav, SignInPage, SyncIndicator } from './pages/app';
import { ServerApi } from './support/api';
import { expect, expectAccessible, test, waitForServiceWorker, type Device } from './support/fixtures';

async function signedIn(device: Device, name: string): Promise<void> {
	await device.page.goto('/sign-in');
	await new SignInPage(device.page).signIn(name);
	await new SyncIndicator(device.page).expectAllSynced();
	await waitForServiceWorker(device.page);
}

/** What "Clear site data" or DevTools does to IndexedDB: every database of the site deleted under the app. */
async function deleteAllDatabases(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const names = (await indexedDB.databases()).flatMap((db) => (db.name ? [db.name] : []));
		await Promise.all(
			names.map(
				(name) =>
					new Promise<void>((resolve, reject) => {
						const request = indexedDB.deleteDatabase(name);
						request.onsuccess = () => resolve();
						request.onerror = () => reject(request.error ?? new Error(`Could not delete ${name}`));
					})
			)
		);
		return names;
	});
}

async function ideasOnServer(baseURL: string): Promise<number> {
	const api = await ServerApi.signIn(baseURL, 'coordinator');
	const count = (await api.allIds('idea:')).length;
	await api.dispose();
	return count;
}

test.describe('storage loss', () => {
	test('the databases deleted while the app runs: noticed, everything pulled again, nothing unsynced lost', async ({
		newDevice,
		server
	}) => {
		const device = await newDevice();
		const { page } = device;
		await signedIn(device, 'member');
		const title = `Written before the wipe ${Date.now()}`;
		await createIdea(page, title, 'This reached the server before the browser lost its storage.');
		await expect(new IdeaPage(page).status()).toHaveText('Synced', { timeout: 15_000 });
		await new SyncIndicator(page).expectAllSynced();

		const deleted = await deleteAllDatabases(page);
		expect(deleted).toEqual(
			expect.arrayContaining(['coproduce-desk-member', '_pouch_coproduce-member-network'])
		);

		const warning = page.getByTestId('storage-lost');
		await expect(warning).toBeVisible();
		await expect(warning).toContainText('Nothing was waiting to sync, so nothing you saved has been lost.');
		await new SyncIndicator(page).expectAllSynced(30_000);
		await expectAccessible(page);

		// The lists come back from the server, with the idea written before the wipe.
		await new MainNav(page).go('Ideas');
		const total = await ideasOnServer(server.url);
		await expect(page.getByTestId('idea-count')).toHaveText(`${total} ideas found`, { timeout: 15_000 });
		await page.getByRole('link', { name: title }).click();
		await expect(new IdeaPage(page).status()).toHaveText('Synced', { timeout: 15_000 });

		await warning.getByRole('button', { name: 'I understand' }).click();
		await expect(warning).toHaveCount(0);

		// The next start opens the re-pulled data, with no warning.
		await page.reload();
		await expect(new IdeaPage(page).heading()).toHaveText(title);
		await expect(warning).toHaveCount(0);
	});

	test('unsynced work at the moment of the wipe is reported as possibly lost', async ({
		newDevice,
		server
	}) => {
		const device = await newDevice();
		const { page } = device;
		await signedIn(device, 'member');
		await device.setOffline(true);
		await createIdea(page, `Offline idea one ${Date.now()}`);
		await createIdea(page, `Offline idea two ${Date.now()}`);
		await expect(page.getByTestId('pending-count')).toHaveText('2 changes waiting to sync');

		await deleteAllDatabases(page);
		const warning = page.getByTestId('storage-lost');
		await expect(warning).toBeVisible();
		await expect(page.getByTestId('storage-lost-unsynced')).toContainText(
			'2 changes saved on this device had not reached the server and may have been lost.'
		);
		await expectAccessible(page);

		await device.setOffline(false);
		await new SyncIndicator(page).expectAllSynced(30_000);
		await new MainNav(page).go('Ideas');
		const total = await ideasOnServer(server.url);
		await expect(page.getByTestId('idea-count')).toHaveText(`${total} ideas found`, { timeout: 15_000 });
	});
});
