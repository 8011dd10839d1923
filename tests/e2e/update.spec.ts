import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { ServerProcess } from '../support/server';
import { IdeaFormPage, SignInPage, SyncIndicator } from './pages/app';
import { expect, expectAccessible, test as base, waitForServiceWorker } from './support/fixtures';

/**
 * This spec's server serves its own copy of the built app, so a "new version" can be published to it (the
 * service worker script changes) without touching what other specs are served.
 */
const test = base.extend<object, { release: string; server: ServerProcess }>({
	release: [
		// eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
		async ({}, use) => {
			const dir = await mkdtemp(join(tmpdir(), 'coproduce-release-'));
			await cp('build', dir, { recursive: true });
			await use(dir);
			await rm(dir, { recursive: true, force: true });
		},
		{ scope: 'worker' }
	],
	server: [
		async ({ release }, use) => {
			const server = await ServerProcess.start({ buildDir: release });
			await use(server);
			await server.stop();
		},
		{ scope: 'worker' }
	]
});

/** How often an open app looks for a new version (`UPDATE_CHECK_MS` in src/lib/state/updates.svelte.ts). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** Publishes a new version to the release folder (with its compressed copies, as a build writes them). */
async function publishNextVersion(release: string): Promise<void> {
	const worker = join(release, 'service-worker.js');
	await appendFile(worker, `\n// the next version, ${Date.now()}\n`);
	const next = await readFile(worker, 'utf8');
	await writeFile(`${worker}.br`, new Uint8Array(brotliCompressSync(next)));
	await writeFile(`${worker}.gz`, new Uint8Array(gzipSync(next)));
}

/** A member signed in, synced, with the app installed (the service worker in control). */
async function signedInAndInstalled(page: Page): Promise<void> {
	await page.goto('/sign-in');
	await new SignInPage(page).signIn('member');
	await new SyncIndicator(page).expectAllSynced();
	await waitForServiceWorker(page);
}

/** What the browser does when the person switches to another app and back (hidden, then visible). */
async function leaveAndComeBack(page: Page): Promise<void> {
	await page.evaluate(() => {
		for (const state of ['hidden', 'visible'] as const) {
			Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
			document.dispatchEvent(new Event('visibilitychange'));
		}
	});
}

test('a new version waits until the person chooses to reload, and nothing they typed is lost', async ({
	newDevice,
	release
}) => {
	const { page } = await newDevice();
	await signedInAndInstalled(page);

	await page.goto('/ideas/new');
	const form = new IdeaFormPage(page);
	await form.title.fill('Half-written when the update came');
	await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

	// A new version is published, and the browser finds it (as it does on its own when pages load).
	await publishNextVersion(release);
	await page.evaluate(async () => {
		await (await navigator.serviceWorker.getRegistration())?.update();
	});
	const prompt = page.getByText('A new version of Coproduce is ready');
	await expect(prompt).toBeVisible();
	// Nothing is swapped under them: the same page, the same text.
	expect(await page.evaluate(() => '__sameDocument' in window)).toBe(true);
	await expect(form.title).toHaveValue('Half-written when the update came');
	await expectAccessible(page);

	const reloaded = page.waitForEvent('load');
	await page.getByRole('button', { name: 'Reload to update' }).click();
	await reloaded;
	expect(await page.evaluate(() => '__sameDocument' in window)).toBe(false);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Share an idea');
	await expect(prompt).toHaveCount(0);
	const registration = await page.evaluate(async () => {
		const current = await navigator.serviceWorker.getRegistration();
		return { waiting: current?.waiting !== null, controlled: navigator.serviceWorker.controller !== null };
	});
	expect(registration).toEqual({ waiting: false, controlled: true });
	// The draft was saved on this device as it was typed, so the reload kept it.
	await expect(form.title).toHaveValue('Half-written when the update came');
});

test('an app left open finds a new version when it comes back to the foreground', async ({
	newDevice,
	release
}) => {
	const { page } = await newDevice();
	await signedInAndInstalled(page);

	await publishNextVersion(release);
	await leaveAndComeBack(page);
	await expect(page.getByText('A new version of Coproduce is ready')).toBeVisible();
	await expectAccessible(page);
});

test('an app left open in the foreground finds a new version within the hour', async ({
	newDevice,
	release
}) => {
	const { page } = await newDevice();
	await page.clock.install();
	await signedInAndInstalled(page);
	const prompt = page.getByText('A new version of Coproduce is ready');

	await publishNextVersion(release);
	await page.clock.fastForward(UPDATE_CHECK_MS - 60_000);
	await expect(prompt).toHaveCount(0);
	await page.clock.fastForward(60_000);
	await expect(prompt).toBeVisible();
});
