/**
 * Takes the web app manifest's screenshots (static/screenshots/, named in static/manifest.webmanifest)
 * from the real app with the demo network, at a phone's 360×740: run after `vite build` with
 * `node --import tsx tests/support/manifest-screenshots.ts`, and look at them before committing.
 */
import { chromium, type Page } from '@playwright/test';
import { statSync } from 'node:fs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { DEMO_PASSWORD, ServerProcess } from './server';

const OUT = 'static/screenshots';
/** Browsers show these in their install dialogs: each stays small, since every install may fetch it. */
const MAX_BYTES = 100 * 1024;

async function shoot(page: Page, name: string): Promise<void> {
	// Nothing focused or hovered, and the lists filled in from the device.
	await page.mouse.move(0, 0);
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	// Sync keeps a request open, so the network is never idle: a moment for the last rows to draw.
	await page.waitForTimeout(1_000);
	const path = `${OUT}/${name}.png`;
	await page.screenshot({ path });
	const { size } = statSync(path);
	if (size > MAX_BYTES) throw new Error(`${path} is ${size} bytes, more than ${MAX_BYTES}`);
	console.log(`${path}: ${size} bytes`);
}

const server = await ServerProcess.start();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
	const context = await browser.newContext({
		baseURL: server.url,
		viewport: { width: 360, height: 740 },
		deviceScaleFactor: 1
	});
	const page = await context.newPage();
	await page.goto('/sign-in');
	await page.getByLabel('User name').fill('member');
	await page.getByLabel('Password').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.locator('[data-testid="sync-indicator"][data-phase="up-to-date"]').waitFor();
	const notice = page.getByRole('button', { name: 'Hide this message' });
	if (await notice.isVisible()) await notice.click();
	await shoot(page, 'home');

	await page.goto('/ideas');
	await page.getByTestId('idea-count').waitFor();
	await page.locator('main .app-list__item a').first().click();
	await page.locator('main [data-status]').waitFor();
	await shoot(page, 'idea');

	await page.goto('/visits');
	await page.getByRole('heading', { name: 'Done' }).waitFor();
	await shoot(page, 'visits');
} finally {
	await browser.close();
	await server.stop();
}
