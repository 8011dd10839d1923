import { createIdea, SignInPage, SyncIndicator } from './pages/app';
import { ServerApi } from './support/api';
import { expect, test, waitForServiceWorker } from './support/fixtures';

test('a server killed in the middle of sync loses nothing', async ({ newDevice, server }) => {
	const { page, setOffline } = await newDevice();
	await page.goto('/sign-in');
	await new SignInPage(page).signIn('member');
	const sync = new SyncIndicator(page);
	await sync.expectAllSynced();
	await waitForServiceWorker(page);

	await setOffline(true);
	const ids: string[] = [];
	for (let i = 0; i < 12; i++)
		ids.push(await createIdea(page, `Queued idea ${i}`, `Written while offline, number ${i}`));
	await expect(page.getByTestId('pending-count')).toHaveText('12 changes waiting to sync');

	// Back online, and the server dies (SIGKILL) while the device is pushing.
	await setOffline(false);
	await server.kill();
	await sync.expectPhase('error');
	await expect(page.getByTestId('pending-count')).toBeVisible();

	await server.boot();
	await sync.expectAllSynced(45_000);
	const api = await ServerApi.signIn(server.url, 'coordinator');
	const onServer = await api.allIds('idea:');
	for (const id of ids) expect(onServer).toContain(id);
	await api.dispose();
});
