import {
	createIdea,
	IdeaFormPage,
	IdeaPage,
	MainNav,
	SignInPage,
	signInSynced,
	SyncIndicator
} from './pages/app';
import { ServerApi } from './support/api';
import { expect, expectAccessible, test, waitForServiceWorker } from './support/fixtures';
import { jpegWithLocation } from './support/photos';

test.describe('offline-first core', () => {
	test('sign in online, then write an idea with no network; it reaches the server when back online', async ({
		newDevice,
		server
	}) => {
		const { page, setOffline } = await newDevice();
		await page.goto('/');
		await expect(page).toHaveURL(/\/sign-in/);
		await expectAccessible(page);
		await new SignInPage(page).signIn('member');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Hello');
		const sync = new SyncIndicator(page);
		await sync.expectAllSynced();
		await expectAccessible(page);
		await waitForServiceWorker(page);

		await setOffline(true);
		const reload = await page.reload();
		expect(reload?.fromServiceWorker()).toBe(true);
		await sync.expectPhase('offline');

		const title = `Offline idea ${Date.now()}`;
		const id = await createIdea(page, title, 'Written in airplane mode at the station.');
		const idea = new IdeaPage(page);
		await expect(idea.status()).toHaveText('Saved on this device');
		await expectAccessible(page);

		// A reload with no network, straight onto the idea's own address (a deep link).
		const again = await page.reload();
		expect(again?.fromServiceWorker()).toBe(true);
		await expect(idea.heading()).toHaveText(title);
		await expect(idea.status()).toHaveText('Saved on this device');
		await expect(page.getByTestId('pending-count')).toHaveText('1 change waiting to sync');
		// The sync page names what is waiting, and leads back to it.
		await page.getByRole('link', { name: 'Sync details' }).click();
		await page.getByRole('link', { name: `Idea: ${title}` }).click();
		await expect(idea.heading()).toHaveText(title);

		const api = await ServerApi.signIn(server.url, 'coordinator');
		expect(await api.getDoc(id)).toBeUndefined();

		await setOffline(false);
		await expect(idea.status()).toHaveText('Synced', { timeout: 15_000 });
		await sync.expectAllSynced();
		const onServer = await api.getDoc(id);
		expect(onServer).toMatchObject({ _id: id, title, author: 'member', type: 'idea' });
		await api.dispose();
	});

	test('an idea written on one device appears on another', async ({ newDevice }) => {
		const a = await newDevice();
		const b = await newDevice();
		for (const [device, name] of [
			[a, 'member'],
			[b, 'chair']
		] as const) {
			await device.page.goto('/sign-in');
			await new SignInPage(device.page).signIn(name);
			await new SyncIndicator(device.page).expectAllSynced();
		}
		await new MainNav(b.page).go('Ideas');
		await expectAccessible(b.page);

		const title = `From device A ${Date.now()}`;
		await createIdea(a.page, title, 'Seen on the other phone?');
		await expect(b.page.getByRole('link', { name: title })).toBeVisible({ timeout: 15_000 });
		await b.page.getByRole('link', { name: title }).click();
		await expect(new IdeaPage(b.page).status()).toHaveText('Synced');
		await expect(b.page.getByTestId('idea-details')).toHaveText('Seen on the other phone?');
		await expectAccessible(b.page);
		// Only the author (or a coordinator) is offered the edit.
		await expect(b.page.getByRole('link', { name: 'Edit idea' })).toHaveCount(0);
		await b.page.goto(`${new URL(b.page.url()).pathname}/edit`);
		await expect(b.page.getByText('Only member or a coordinator can change this idea.')).toBeVisible();
	});

	test('bad input gets a message at the field and a summary, and keeps what was typed', async ({
		newDevice
	}) => {
		const { page } = await newDevice();
		await page.goto('/sign-in');
		// The sign-in form explains itself too.
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('alert')).toContainText('Enter your user name');
		await expectAccessible(page);
		await new SignInPage(page).signIn('member', 'not the password');
		await expect(page.getByRole('alert')).toContainText('do not match');
		await new SignInPage(page).signIn('member');
		await new SyncIndicator(page).expectAllSynced();

		await page.goto('/ideas/new');
		const form = new IdeaFormPage(page);
		await form.fill('', 'Details I do not want to type again');
		await form.save();
		await expect(form.errorSummary()).toBeFocused();
		await expect(form.errorSummary()).toContainText('Enter a title for your idea');
		await expect(page.locator('#title-error')).toContainText('Enter a title for your idea');
		await expect(form.details).toHaveValue('Details I do not want to type again');
		await expectAccessible(page);

		await form.title.fill('x'.repeat(121));
		await form.save();
		await expect(page.locator('#title-error')).toContainText('Title must be 120 characters or fewer');

		// Typing is kept as a draft: a reload (or a killed tab) loses nothing.
		await page.reload();
		await expect(form.title).toHaveValue('x'.repeat(121));
		await expect(form.details).toHaveValue('Details I do not want to type again');
		await form.title.fill('A fixed title');
		await form.save();
		await expect(new IdeaPage(page).heading()).toHaveText('A fixed title');

		await page.getByRole('link', { name: 'Edit idea' }).click();
		await expect(form.title).toHaveValue('A fixed title');
		await expectAccessible(page);
		await form.title.fill('A better title');
		await form.save('Save changes');
		await expect(new IdeaPage(page).heading()).toHaveText('A better title');
		await expect(new IdeaPage(page).status()).toHaveText('Synced', { timeout: 15_000 });
	});

	test('what waits to sync is counted as a person made it: an idea with its photos is one change, a comment another', async ({
		newDevice
	}) => {
		const { page, setOffline } = await newDevice();
		const sync = await signInSynced(page, 'member');
		await waitForServiceWorker(page);
		const photos = [await jpegWithLocation(page, 'ramp.jpg'), await jpegWithLocation(page, 'steps.jpg')];
		await setOffline(true);

		const title = `Ramps with photos ${Date.now()}`;
		await page.goto('/ideas/new');
		const form = new IdeaFormPage(page);
		await form.fill(title, 'The ramp at the side door is too steep.');
		await page.getByLabel('Photos (optional)').setInputFiles(photos);
		await expect(page.getByAltText('New photo 2, not saved yet')).toBeVisible();
		await form.save();
		const idea = new IdeaPage(page);
		await expect(idea.heading()).toHaveText(title);
		await expect(page.getByTestId('idea-photos').getByRole('img')).toHaveCount(2);
		await expect(page.getByTestId('pending-count')).toHaveText('1 change waiting to sync');

		// A comment is a change of its own, and says it has not reached the server yet, as the idea does.
		await page.getByLabel('Add a comment').fill('Written on the bus.');
		await page.getByRole('button', { name: 'Post comment' }).click();
		const comment = page.getByTestId('comments').locator('[data-status]');
		await expect(comment).toHaveText('Saved on this device');
		await expect(page.getByTestId('pending-count')).toHaveText('2 changes waiting to sync');
		await expectAccessible(page);

		// The Sync page says the same number, and lists the photos under the idea they belong to.
		await page.getByRole('link', { name: 'Sync details' }).click();
		const waiting = page.getByRole('heading', { name: 'Changes not yet on the server' }).locator('+ ul > li');
		await expect(waiting).toHaveCount(2);
		const withPhotos = waiting.filter({ has: page.getByRole('link', { name: `Idea: ${title}` }) });
		await expect(withPhotos.getByRole('listitem')).toHaveText(['Photo 1', 'Photo 2']);
		await expect(waiting.getByRole('link', { name: `Comment on “${title}”` })).toBeVisible();
		await expect(page.getByTestId('waiting-count')).toHaveText('2 changes');
		await expectAccessible(page);

		await withPhotos.getByRole('link', { name: `Idea: ${title}` }).click();
		await setOffline(false);
		await expect(idea.status()).toHaveText('Synced', { timeout: 15_000 });
		await expect(comment).toHaveText('Synced', { timeout: 15_000 });
		await sync.expectAllSynced();
	});

	test('sync page, sign-out page and keyboard-only sign-in are accessible', async ({ newDevice }) => {
		const { page } = await newDevice();
		await page.goto('/sign-in');
		await page.keyboard.press('Tab'); // skip link
		await page.keyboard.press('Tab'); // service name
		await page.getByLabel('User name').focus();
		await page.keyboard.type('member');
		await page.keyboard.press('Tab');
		await page.keyboard.type('correct horse battery staple');
		await page.keyboard.press('Enter');
		await new SyncIndicator(page).expectAllSynced();
		await page.getByRole('link', { name: 'Sync details' }).click();
		await expect(page.getByTestId('sync-phase')).toHaveText('Synced');
		await expectAccessible(page);
		await new MainNav(page).go(/Sign out/);
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Sign out and remove data from this device' }).click();
		await expect(page).toHaveURL(/\/sign-in/);
		await expectAccessible(page);
	});
});
