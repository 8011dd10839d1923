import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { ServerProcess } from '../../support/server';

export interface Device {
	context: BrowserContext;
	page: Page;
	setOffline(offline: boolean): Promise<void>;
}

interface WorkerFixtures {
	/** Which store the server uses: the project's choice (playwright.config.ts). */
	store: 'embedded' | 'couchdb';
	server: ServerProcess;
}

interface TestFixtures {
	/** Opens a fresh browser context (a separate phone) on the worker's server. */
	newDevice: () => Promise<Device>;
}

async function openDevice(browser: Browser, baseURL: string, opened: BrowserContext[]): Promise<Device> {
	const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
	opened.push(context);
	// Every Content-Security-Policy violation is recorded, so journeys can prove the app needs none.
	await context.addInitScript(() => {
		const seen: string[] = [];
		Object.defineProperty(window, '__cspViolations', { value: seen });
		document.addEventListener('securitypolicyviolation', (event) =>
			seen.push(`${event.violatedDirective}: ${event.blockedURI || 'inline'}`)
		);
	});
	const page = await context.newPage();
	return { context, page, setOffline: (offline) => context.setOffline(offline) };
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
	store: ['embedded', { scope: 'worker', option: true }],
	server: [
		async ({ store }, use) => {
			const couchdbUrl = process.env.COUCHDB_TEST_URL;
			if (store === 'couchdb' && !couchdbUrl) throw new Error('The couchdb project needs COUCHDB_TEST_URL');
			const server = await ServerProcess.start(store === 'couchdb' ? { couchdbUrl } : {});
			await use(server);
			await server.stop();
		},
		{ scope: 'worker' }
	],
	newDevice: async ({ browser, server }, use) => {
		const opened: BrowserContext[] = [];
		await use(() => openDevice(browser, server.url, opened));
		await Promise.all(opened.map((context) => context.close()));
	}
});

export { expect };

/**
 * `test` with the worker's own server, whose demo sign-up key is sealed under `passphrase` (so a spec can
 * unlock the demo's sign-ups).
 */
export function testWithDemoKey(passphrase: string) {
	return test.extend<object, { server: ServerProcess }>({
		server: [
			// eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
			async ({}, use) => {
				process.env.DEMO_KEY_PASSPHRASE = passphrase;
				const server = await ServerProcess.start().finally(() => delete process.env.DEMO_KEY_PASSPHRASE);
				await use(server);
				await server.stop();
			},
			{ scope: 'worker' }
		]
	});
}

/**
 * axe-core over the whole page (WCAG 2.2 A and AA rules and axe's best practices) and the page's CSP record:
 * no violations allowed.
 * Then the page at 320 CSS pixels wide must fit without scrolling sideways (WCAG 1.4.10, Reflow).
 */
export async function expectAccessible(page: Page): Promise<void> {
	// The page has opened: checked while it says "Opening…", axe would check the wrong page.
	await expect(page.locator('main h1').first()).toBeAttached();
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
		.analyze();
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
	const csp = await page.evaluate(
		() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []
	);
	expect(csp, `Content-Security-Policy violations on ${page.url()}`).toEqual([]);
	await expectReflow(page);
}

/** The page at 320 CSS pixels wide has no horizontal scrolling; the viewport is put back afterwards. */
async function expectReflow(page: Page): Promise<void> {
	const viewport = page.viewportSize();
	await page.setViewportSize({ width: 320, height: viewport?.height ?? 640 });
	try {
		const overflow = await page.evaluate(() => {
			const width = document.documentElement.clientWidth;
			const wide = [...document.body.querySelectorAll('*')]
				.filter((element) => element.getBoundingClientRect().right > width + 0.5)
				.slice(0, 5)
				.map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`);
			return { scrollWidth: document.documentElement.scrollWidth, width, wide };
		});
		expect(
			overflow.scrollWidth,
			`${page.url()} scrolls sideways at 320 px; wider than the page: ${overflow.wide.join(', ')}`
		).toBeLessThanOrEqual(overflow.width);
	} finally {
		if (viewport) await page.setViewportSize(viewport);
	}
}

/** Resolves once the service worker controls the page, so a reload works with no network. */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (navigator.serviceWorker.controller) return;
		await new Promise((resolve) =>
			navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })
		);
	});
}
