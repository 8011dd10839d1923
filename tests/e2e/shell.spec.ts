import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { MainNav, SignInPage, SyncIndicator } from './pages/app';
import { expect, expectAccessible, test } from './support/fixtures';

/** The app's frame on a phone: the header with its menu, the sync bar, and where focus goes. */

const PHONE = { width: 360, height: 740 };

async function signedInPhone(newDevice: () => Promise<{ page: Page }>, name = 'member'): Promise<Page> {
	const { page } = await newDevice();
	await page.setViewportSize(PHONE);
	await page.goto('/sign-in');
	await new SignInPage(page).signIn(name);
	await new SyncIndicator(page).expectAllSynced();
	return page;
}

/** Loads the page afresh and presses Tab until `target` has the focus; answers how many presses it took. */
async function tabsTo(page: Page, target: ReturnType<Page['getByRole']>, limit = 40): Promise<number> {
	await page.reload();
	await expect(page.getByRole('link', { name: 'Share an idea' })).toBeVisible();
	for (let presses = 1; presses <= limit; presses++) {
		await page.keyboard.press('Tab');
		if (await target.evaluate((element) => element === document.activeElement)) return presses;
	}
	throw new Error(`not reached in ${limit} Tab presses`);
}

test.describe('the app shell on a phone', () => {
	test('the header is one short line with a Menu button; the sync bar is compact and in a landmark', async ({
		newDevice
	}) => {
		const page = await signedInPhone(newDevice, 'coordinator');
		const nav = new MainNav(page);
		await expect(nav.menu).toHaveAttribute('aria-expanded', 'false');
		await expect(nav.menu).toHaveAttribute('aria-controls', 'app-navigation');
		await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();

		// Chrome above the heading: the banner (service name, Menu, sync bar), the language switch any
		// person can find (one short line, issue #27) and the page's top margin.
		const banner = await page.getByRole('banner').boundingBox();
		const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
		expect(banner?.height).toBeLessThanOrEqual(100);
		expect(heading?.y).toBeLessThanOrEqual(160);

		// Text outside any landmark is what axe's best-practice rule "region" finds.
		const region = await new AxeBuilder({ page }).withRules(['region']).analyze();
		expect(region.violations.map((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);

		await nav.menu.click();
		await expect(nav.menu).toHaveAttribute('aria-expanded', 'true');
		for (const name of ['Home', 'Ideas', 'Meetings', 'Visits', 'Events', 'Sign-ups', 'People', 'Sync'])
			await expect(nav.link(name)).toBeVisible();
		await expect(nav.link('Home')).toHaveAttribute('aria-current', 'page');
		await expectAccessible(page);
		// Escape closes it and gives the focus back to the button.
		await nav.link('Ideas').focus();
		await page.keyboard.press('Escape');
		await expect(nav.menu).toHaveAttribute('aria-expanded', 'false');
		await expect(nav.menu).toBeFocused();

		// A desktop shows the links in a row, and no Menu button.
		await page.setViewportSize({ width: 1024, height: 768 });
		await expect(nav.menu).toBeHidden();
		await expect(nav.link('People')).toBeVisible();
	});

	test('"Share an idea" is a few Tab stops from the top, and the skip link still works', async ({
		newDevice
	}) => {
		const page = await signedInPhone(newDevice);
		const share = page.getByRole('link', { name: 'Share an idea' });
		// Skip link, Coproduce, Menu, Sync details, then the button, before the cards: 5 (14 once, with the open header).
		expect(await tabsTo(page, share)).toBeLessThanOrEqual(10);

		// The skip link is the first stop and leads past the header.
		expect(await tabsTo(page, page.getByRole('link', { name: 'Skip to main content' }))).toBe(1);
		await page.keyboard.press('Enter');
		await page.keyboard.press('Tab');
		const inMain = await page.evaluate(
			() => document.getElementById('main-content')?.contains(document.activeElement) ?? false
		);
		expect(inMain).toBe(true);
	});

	test('each new page starts at its heading, announced once', async ({ newDevice }) => {
		const page = await signedInPhone(newDevice);
		const nav = new MainNav(page);
		const heading = page.getByRole('heading', { level: 1 });

		await nav.go('Ideas');
		await expect(heading).toHaveText('Ideas');
		await expect(heading).toBeFocused();
		await page.getByRole('main').getByRole('link', { name: 'Share an idea' }).click();
		await expect(heading).toHaveText('Share an idea');
		await expect(heading).toBeFocused();
		// Back is a page change too.
		await page.goBack();
		await expect(heading).toHaveText('Ideas');
		await expect(heading).toBeFocused();
		// The heading was the one announcement: SvelteKit's title announcer is silent.
		await expect(page.locator('#svelte-announcer')).toBeHidden();
		await expectAccessible(page);

		// The page's own focus wins: a form's error summary keeps the focus it takes.
		await page.getByRole('main').getByRole('link', { name: 'Share an idea' }).click();
		await page.getByRole('button', { name: 'Save idea' }).click();
		await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeFocused();
	});

	test('the sync bar keeps its place while the app opens: nothing below it moves', async ({ newDevice }) => {
		const page = await signedInPhone(newDevice);
		await page.addInitScript(() => {
			const shifts: number[] = [];
			Object.defineProperty(window, '__shifts', { value: shifts });
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries() as (PerformanceEntry & {
					value: number;
					hadRecentInput: boolean;
				})[]) {
					if (!entry.hadRecentInput) shifts.push(entry.value);
				}
			}).observe({ type: 'layout-shift', buffered: true });
		});
		await page.reload();
		await new SyncIndicator(page).expectAllSynced();
		await expect(page.getByRole('link', { name: 'Share an idea' })).toBeVisible();
		await page.waitForTimeout(500);
		const shift = await page.evaluate(() =>
			(window as unknown as { __shifts: number[] }).__shifts.reduce((sum, value) => sum + value, 0)
		);
		expect(shift).toBeLessThan(0.01);
	});
});
