import { request, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../support/server';
import { MainNav, signInSynced } from './pages/app';
import { expectNoLoss, setTextSize } from './pages/display';
import { expect, testWithDemoKey } from './support/fixtures';
import { ServerApi } from './support/api';
import { watchForProblems } from './support/problems';

/** The demo coordinator's sign-up key passphrase for this spec's server. */
const KEY_PASSPHRASE = 'e2e display key passphrase';

const test = testWithDemoKey(KEY_PASSPHRASE);

/** The part of an id after its type: what the app's addresses carry. */
const ulid = (id: string) => id.slice(id.indexOf(':') + 1);

/** The first demo document of a type, as the server holds it. */
async function first(api: ServerApi, type: string): Promise<Record<string, unknown>> {
	const [id] = await api.allIds(`${type}:`);
	expect(id, `the demo network has a ${type}`).toBeDefined();
	const doc = await api.getDoc(id ?? '');
	if (!doc) throw new Error(`${id} went missing`);
	return doc;
}

/** One sign-up in the coordinator's inbox. */
async function firstSignup(baseURL: string): Promise<string> {
	const http = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
	try {
		await http.post('/api/session', { data: { name: 'coordinator', password: DEMO_PASSWORD } });
		const [entry] = (await (await http.get('/api/signups')).json()) as { id: string }[];
		if (!entry) throw new Error('the demo network has no sign-ups');
		return entry.id;
	} finally {
		await http.dispose();
	}
}

/**
 * Every page of the app (src/routes), with the demo network's own documents for the addresses that name
 * one. Not here: /conflicts/[id] (the demo has no conflicting versions), /sign-in and /sign-out (visited
 * on their own, before and after).
 */
async function everyPage(baseURL: string): Promise<string[]> {
	const api = await ServerApi.signIn(baseURL, 'coordinator');
	try {
		const [idea, visit, meeting, group, event, cycle, point] = await Promise.all(
			['idea', 'visit', 'meeting', 'group', 'event', 'pdsa', 'data-point'].map((type) => first(api, type))
		);
		const at = (doc: Record<string, unknown> | undefined, field = '_id') => ulid(String(doc?.[field]));
		const project = `/projects/${at(point, 'projectId')}`;
		return [
			'/',
			'/account',
			'/ideas',
			'/ideas/new',
			'/ideas/outcomes',
			`/ideas/${at(idea)}`,
			`/ideas/${at(idea)}/edit`,
			'/visits',
			'/visits/new',
			`/visits/${at(visit)}`,
			`/visits/${at(visit)}/edit`,
			`/visits/${at(visit)}/observe`,
			`/visits/${at(visit)}/report`,
			'/meetings',
			'/meetings/new',
			'/meetings/actions',
			`/meetings/${at(meeting)}`,
			`/meetings/${at(meeting)}/agenda`,
			`/meetings/${at(meeting)}/edit`,
			`/meetings/${at(meeting)}/minutes`,
			`/meetings/${at(meeting)}/notes`,
			'/meetings/groups',
			'/meetings/groups/new',
			`/meetings/groups/${at(group)}`,
			'/projects',
			'/projects/new',
			project,
			`${project}/edit`,
			`${project}/team`,
			`${project}/cycles/new`,
			`/projects/${at(cycle, 'projectId')}/cycles/${at(cycle)}`,
			`${project}/measures/new`,
			`${project}/measures/${String(point?.measureId)}/new`,
			`${project}/measures/${String(point?.measureId)}/${at(point)}`,
			'/measures',
			'/events',
			'/events/new',
			`/events/${at(event)}`,
			`/event-mode/${at(event)}`,
			'/signups',
			'/signups/equality',
			`/signups/${ulid(await firstSignup(baseURL))}`,
			'/people',
			'/people/new',
			'/people/member',
			'/sync'
		];
	} finally {
		await api.dispose();
	}
}

/** Opens a page and waits for its heading, so what the page shows is there to measure. */
async function open(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await expect(page.getByRole('heading', { level: 1 }).first(), path).toBeVisible();
	await expect(page.getByText(/^Loading/), path).toHaveCount(0);
}

test.describe('display', () => {
	test('every page shows everything at 320 px wide with text at 200%, with no sideways scrolling', async ({
		newDevice,
		server
	}) => {
		const pages = await everyPage(server.url);
		const { page } = await newDevice();
		const problems = watchForProblems(page);
		await page.setViewportSize({ width: 320, height: 640 });
		await setTextSize(page, 200);

		await open(page, '/sign-in');
		// The setting took: the root's text (which every rem follows) is twice the usual 16 px.
		expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
		await expectNoLoss(page);
		await signInSynced(page, 'coordinator');
		for (const path of pages) {
			await test.step(path, async () => {
				await open(page, path);
				// What waits behind "Show the figures" and the like must fit too.
				await page
					.locator('details')
					.evaluateAll((all: HTMLDetailsElement[]) => all.forEach((details) => (details.open = true)));
				await expectNoLoss(page);
			});
		}
		await test.step('sign-ups, unlocked: a sign-up and the equality figures', async () => {
			// The key stays unlocked only in this page's memory, so the pages are followed by their links.
			await open(page, '/signups');
			await page.getByLabel('Your sign-up key passphrase').fill(KEY_PASSPHRASE);
			await page.getByRole('button', { name: 'Unlock' }).click();
			await expect(page.getByTestId('key-unlocked')).toBeVisible();
			await expectNoLoss(page);
			await page.getByTestId('signup-inbox').getByRole('link').first().click();
			await expect(page.getByTestId('signup-details')).toBeVisible();
			await expectNoLoss(page);
			await page.goBack();
			await page.getByRole('link', { name: 'Equality figures' }).click();
			await expect(page.getByTestId('equality-total')).toBeVisible();
			await expectNoLoss(page);
		});
		await test.step('the menu, open', async () => {
			await new MainNav(page).open();
			await expectNoLoss(page);
		});
		await open(page, '/sign-out');
		await expectNoLoss(page);
		problems.expectNone();
	});

	test('with reduced motion asked for, nothing moves', async ({ newDevice }) => {
		const { page } = await newDevice();
		await open(page, '/sign-in');
		// NHS.UK's scrolling tables fade their edge shadows in and out: the only motion in the app's styles.
		await page.evaluate(() => {
			const probe = document.createElement('div');
			probe.className = 'nhsuk-scroll nhsuk-scroll--scrollable-left';
			probe.innerHTML = '<div class="nhsuk-scroll__content"></div>';
			document.body.append(probe);
		});
		const moving = () =>
			page.evaluate(() =>
				[...document.querySelectorAll('*')].flatMap((element) =>
					[null, '::before', '::after'].flatMap((pseudo) => {
						const style = getComputedStyle(element, pseudo);
						const longest = (value: string) => Math.max(...value.split(',').map((part) => parseFloat(part)));
						return longest(style.animationDuration) > 0 || longest(style.transitionDuration) > 0
							? [`${element.className || element.tagName.toLowerCase()}${pseudo ?? ''}`]
							: [];
					})
				)
			);
		expect(await moving()).toContain('nhsuk-scroll__content::before');
		await page.emulateMedia({ reducedMotion: 'reduce' });
		expect(await moving()).toEqual([]);
	});
});
