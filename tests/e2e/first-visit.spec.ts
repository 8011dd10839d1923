import type { Response } from '@playwright/test';
import { MainNav, SignInPage, SyncIndicator } from './pages/app';
import { SignInHelp, StorageNotice } from './pages/shell';
import { expect, expectAccessible, test, waitForServiceWorker } from './support/fixtures';
import { stylesheetUrls, watchForProblems } from './support/problems';

test.describe('first visit', () => {
	test('the sign-in page says how to get an account and what to do about a forgotten password, and loads no storage code', async ({
		newDevice
	}) => {
		const { page } = await newDevice();
		const scripts: Response[] = [];
		page.on('response', (response) => {
			if (response.request().resourceType() === 'script') scripts.push(response);
		});
		await page.goto('/sign-in');
		const help = new SignInHelp(page);
		await expect(help.section('If you do not have an account')).toContainText(
			"Your network's coordinator makes accounts, for example after you sign up at one of the network's events."
		);
		await expect(help.section('If you have forgotten your password')).toContainText(
			'Ask your coordinator to reset it: coordinators can give you a new password in People.'
		);
		await expectAccessible(page);

		// Nobody has signed in on this device: neither the device's database code (Dexie) nor the schemas
		// (zod) are fetched before someone signs in.
		await page.waitForLoadState('networkidle');
		expect(scripts.length).toBeGreaterThan(0);
		for (const script of scripts) {
			const code = await script.text();
			expect(code, `${script.url()} is Dexie`).not.toContain('DexieError');
			expect(code, `${script.url()} is zod`).not.toContain('ZodError');
		}

		// The form checks only that both are filled in; the server's checks answer at the field.
		const signIn = new SignInPage(page);
		await signIn.signIn('Not A Name!');
		await expect(page.getByRole('alert')).toContainText(
			'User name can only use letters, numbers, full stops, hyphens and underscores'
		);
		await expect(page.getByLabel('User name')).toHaveValue('Not A Name!');

		// The storage code loads while the password is checked, and the person arrives signed in.
		await signIn.signIn('MEMBER');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Hello, /);
		await new SyncIndicator(page).expectAllSynced();
	});

	test('the storage notice is said in plain words, once: hidden, it stays hidden on this device', async ({
		newDevice
	}) => {
		const device = await newDevice();
		const { page } = device;
		await page.goto('/sign-in');
		await new SignInPage(page).signIn('member');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Hello, /);
		// A headless browser does not promise to keep a site's data, as many phones do not.
		const notice = new StorageNotice(page);
		await expect(notice.root).toContainText('Keep your work safe on this device');
		await expect(notice.root).toContainText('install Coproduce on your home screen');
		await expect(notice.root).toContainText('so your work reaches the server');
		await expect(notice.root).not.toContainText('promised');
		await expectAccessible(page);

		await notice.hide();
		await expect(notice.root).toHaveCount(0);
		await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
		await new MainNav(page).go('Sync');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sync');
		await expect(page.getByTestId('sync-phase')).toBeVisible();
		await expect(notice.root).toHaveCount(0);
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Hello, /);
		await expect(notice.root).toHaveCount(0);

		// Another device has not been told yet.
		const other = await newDevice();
		await other.page.goto('/sign-in');
		await new SignInPage(other.page).signIn('member');
		await expect(new StorageNotice(other.page).root).toBeVisible();
	});

	test('no request fails and nothing logs an error; the design system icons are served and work offline', async ({
		newDevice
	}) => {
		const device = await newDevice();
		const { page } = device;
		const problems = watchForProblems(page);
		await page.goto('/sign-in');
		await new SignInPage(page).signIn('coordinator');
		await new SyncIndicator(page).expectAllSynced();
		await waitForServiceWorker(page);

		const nav = new MainNav(page);
		await nav.go('Ideas');
		const search = page.getByLabel('Search ideas and comments');
		await search.fill('bench');
		await search.hover();
		await nav.go('People');
		await expect(page.getByRole('table')).toBeVisible();
		await nav.go('Sync');
		await expect(page.getByTestId('sync-phase')).toBeVisible();

		// The search box's clear button and a sorted table's arrows: every image the stylesheet names.
		const icons = await stylesheetUrls(page);
		expect(icons.some((url) => url.includes('nhsuk-icon-cross'))).toBe(true);
		const fetchAll = () =>
			page.evaluate(
				async (urls) =>
					Promise.all(
						urls.map(async (url) => {
							const response = await fetch(url);
							return `${response.status} ${response.headers.get('content-type')} ${url}`;
						})
					),
				icons
			);
		const served = (status: string) => icons.map((url) => `${status} image/svg+xml ${url}`);
		expect(await fetchAll()).toEqual(served('200'));
		await device.setOffline(true);
		expect(await fetchAll()).toEqual(served('200'));
		await device.setOffline(false);
		problems.expectNone();
	});

	test('the manifest has an id, shortcuts to pages that exist, and real phone-sized screenshots', async ({
		newDevice
	}) => {
		const { page } = await newDevice();
		const problems = watchForProblems(page);
		await page.goto('/sign-in');
		const href = await page.locator('link[rel="manifest"]').getAttribute('href');
		const manifest = (await (await page.request.get(href ?? '')).json()) as WebManifest;
		expect(manifest.id).toBe('/');
		expect(manifest.shortcuts.map(({ name, url }) => ({ name, url }))).toEqual([
			{ name: 'Event mode', url: '/events' },
			{ name: 'Add an observation', url: '/visits' }
		]);

		for (const screenshot of manifest.screenshots) {
			const response = await page.request.get(screenshot.src);
			expect(response.headers()['content-type']).toBe(screenshot.type);
			const png = await response.body();
			expect(png.length, screenshot.src).toBeLessThan(100 * 1024);
			// A PNG's width and height are the first two numbers of its header (IHDR).
			expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(screenshot.sizes);
			expect(screenshot.sizes).toBe('360x740');
		}

		await new SignInPage(page).signIn('recruiter');
		await new SyncIndicator(page).expectAllSynced();
		const headings: (string | null)[] = [];
		for (const shortcut of manifest.shortcuts) {
			// Opened from the home screen, as a fresh start of the app at that address.
			await page.goto(shortcut.url);
			await expect(page.getByTestId('sync-indicator')).toBeVisible();
			headings.push(await page.getByRole('heading', { level: 1 }).textContent());
			await expectAccessible(page);
		}
		expect(headings).toEqual(['Events', 'Site visits']);
		problems.expectNone();
	});
});

interface WebManifest {
	id: string;
	shortcuts: { name: string; url: string }[];
	screenshots: { src: string; sizes: string; type: string }[];
}
