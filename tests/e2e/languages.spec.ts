import { request, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../support/server';
import { MainNav, SignInPage, SyncIndicator } from './pages/app';
import { EasyRead } from './pages/easy-read';
import { EventModeLock } from './pages/recruitment';
import { expect, expectAccessible, test } from './support/fixtures';
import { englishWords, ur } from './support/messages';

/** The recruiter's event mode PIN. */
const PIN = '2580';
const EVENT = 'Community health day';

/**
 * Latin-alphabet words in the visible text of the main region: there should be none in Urdu. Allowed, and
 * only these: email addresses (a format example, like name@example.com, is an address, not English) and
 * the event's name above the heading (typed by the recruiter: the network's content, not the app's words),
 * and "English" in the language switch (each language is named in itself, so the way back can be read by
 * the people who need it; it carries lang="en-GB").
 * What the person types sits in form fields, which are not part of the visible text.
 */
async function latinWords(page: Page): Promise<string[]> {
	const text = await page.getByRole('main').innerText();
	const words: string[] =
		text
			.replaceAll(EVENT, '')
			.replace(/[^\s@]+@[^\s@]+\.[^\s@]+/g, '')
			.match(/[A-Za-z]{2,}/g) ?? [];
	return words.filter((word, index) => !(word === 'English' && words.indexOf(word) === index));
}

async function expectNoEnglish(page: Page): Promise<void> {
	expect(await latinWords(page)).toEqual([]);
}

async function expectUrdu(page: Page): Promise<void> {
	await expect(page.locator('html')).toHaveAttribute('lang', 'ur');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
}

async function inboxSize(http: APIRequestContext): Promise<number> {
	const response = await http.get('/api/signups');
	expect(response.status()).toBe(200);
	return ((await response.json()) as unknown[]).length;
}

test.describe('languages', () => {
	test('a person at an event switches to Urdu and signs up without meeting an English word', async ({
		newDevice,
		server
	}, testInfo) => {
		const coordinator = await request.newContext({
			baseURL: server.url,
			extraHTTPHeaders: { origin: server.url }
		});
		expect(
			(
				await coordinator.post('/api/session', { data: { name: 'coordinator', password: DEMO_PASSWORD } })
			).ok()
		).toBe(true);
		const before = await inboxSize(coordinator);

		const { page } = await newDevice();
		await page.setViewportSize({ width: 360, height: 800 });
		await page.goto('/sign-in');
		await new SignInPage(page).signIn('recruiter');
		await new SyncIndicator(page).expectAllSynced();
		await new MainNav(page).go('Events');
		await page.getByRole('link', { name: EVENT }).click();
		await page.getByRole('link', { name: 'Start event mode' }).click();
		await new EventModeLock(page).start(PIN);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Join our patient and public network');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
		// Easy read, written in each language: on here, it follows the switch to Urdu below.
		const easy = new EasyRead(page);
		await easy.turn(true);
		await easy.expectLines('Join our group of patients and local people.');
		await expectAccessible(page);

		// The switch names each language in itself, in its own language.
		const languages = page.getByRole('group', { name: 'Language' });
		await expect(languages.getByRole('button', { name: 'English' })).toHaveAttribute('lang', 'en-GB');
		await expect(languages.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
		await languages.getByRole('button', { name: 'اردو' }).click();
		await expectUrdu(page);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(ur('signup_heading'));
		await expect(
			page.getByRole('group', { name: ur('language_switch_label') }).getByRole('button', { name: 'اردو' })
		).toHaveAttribute('aria-pressed', 'true');
		await easy.expectLines(ur('easy_signup_1'));
		await expectNoEnglish(page);
		await expectAccessible(page);
		await page.getByRole('button', { name: ur('easy_switch') }).click();
		await expect(easy.lines).toBeHidden();

		// One mistake first: everything but the name. The message is Urdu, at the field and in the summary.
		await page.getByLabel(ur('signup_email')).fill('amina@example.com');
		await page.getByRole('radio', { name: ur('signup_by_email'), exact: true }).check();
		await page.getByLabel(ur('signup_consent_contact')).check();
		await page.getByLabel(ur('signup_consent_store')).check();
		await page.getByRole('button', { name: ur('signup_continue') }).click();
		await expect(page.getByRole('alert')).toContainText(ur('form_error_summary_title'));
		await expect(page.locator('#name-error')).toHaveText(
			`${ur('form_error_prefix')} ${ur('signup_error_name_missing')}`
		);
		await expectNoEnglish(page);
		await expectAccessible(page);
		const screenshot = testInfo.outputPath('urdu-signup-360.png');
		await page.screenshot({ path: screenshot, fullPage: true });
		await testInfo.attach('Urdu sign-up at 360 px', { path: screenshot, contentType: 'image/png' });

		// Still Urdu after a reload (the choice is kept on the device); what was typed is gone, as always.
		await page.reload();
		await expectUrdu(page);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(ur('signup_heading'));

		await page.getByLabel(ur('signup_name')).fill('Amina Khan');
		await page.getByLabel(ur('signup_email')).fill('amina@example.com');
		await page.getByRole('radio', { name: ur('signup_by_email'), exact: true }).check();
		await page.getByLabel(ur('signup_consent_contact')).check();
		await page.getByLabel(ur('signup_consent_store')).check();
		await page.getByRole('button', { name: ur('signup_continue') }).click();

		await expect(page.getByRole('heading', { level: 1 })).toHaveText(ur('equality_heading'));
		await page
			.getByRole('group', { name: ur('equality_ageBand_legend') })
			.getByRole('radio', { name: ur('equality_ageBand_25_34'), exact: true })
			.check();
		await page.getByLabel(ur('equality_ethnicGroup_legend')).selectOption({
			label: `${ur('equality_group_asian')}: ${ur('equality_ethnicGroup_asian_pakistani')}`
		});
		await expectNoEnglish(page);
		await expectAccessible(page);
		await page.screenshot({ path: testInfo.outputPath('urdu-equality-360.png'), fullPage: true });
		await page.getByRole('button', { name: ur('equality_send') }).click();

		await expect(page.getByRole('heading', { level: 1 })).toHaveText(ur('thanks_heading'));
		await expectNoEnglish(page);
		await expectAccessible(page);
		await expect.poll(() => inboxSize(coordinator), { timeout: 20_000 }).toBe(before + 1);

		// The PIN prompt is in Urdu too; once event mode is left, the app stays in the language chosen.
		await page.getByRole('button', { name: ur('event_mode_exit_link') }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(ur('event_mode_exit_heading'));
		await expectNoEnglish(page);
		await page.getByLabel(ur('event_mode_exit_pin'), { exact: true }).fill(PIN);
		await page.getByRole('button', { name: ur('event_mode_exit_heading') }).click();
		await expect(page.getByRole('heading', { level: 1, name: EVENT })).toBeVisible();
		await expectUrdu(page);
		await page
			.getByRole('complementary', { name: ur('language_switch_label') })
			.getByRole('button', { name: 'English' })
			.click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
		await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
		await coordinator.dispose();
	});

	test('a member who chose Urdu meets the whole app in Urdu', async ({ newDevice }, testInfo) => {
		const english = englishWords();
		/** The app's own English words left on the page (see `englishWords`). */
		const englishLeft = async (): Promise<string[]> => {
			const texts = await page.evaluate(() => {
				const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
				const found: string[] = [];
				for (let node = walker.nextNode(); node; node = walker.nextNode()) {
					const text = node.textContent?.replace(/\s+/g, ' ').trim();
					if (text && node.parentElement?.checkVisibility()) found.push(text);
				}
				return found;
			});
			return texts.filter(
				(text) =>
					english.whole.some((pattern) => pattern.test(text)) ||
					english.runs.some((run) => text.includes(run))
			);
		};
		const visit = async (path: string, name: string): Promise<void> => {
			await page.goto(path);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expectUrdu(page);
			await expect.poll(englishLeft, { message: `English on ${path}` }).toEqual([]);
			await expectAccessible(page);
			const shot = testInfo.outputPath(`urdu-${name}-360.png`);
			await page.screenshot({ path: shot, fullPage: true });
			await testInfo.attach(`Urdu ${name} at 360 px`, { path: shot, contentType: 'image/png' });
		};
		/** The first link in the main region to a page under `prefix` (an idea, a meeting). */
		const firstUnder = async (prefix: RegExp): Promise<string> => {
			const hrefs = await page
				.getByRole('main')
				.locator('a[href]')
				.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
			const href = hrefs.find((candidate) => prefix.test(candidate));
			if (!href) throw new Error(`No link like ${prefix} in ${hrefs.join(' ')}`);
			return href;
		};

		const { page } = await newDevice();
		await page.setViewportSize({ width: 360, height: 800 });
		await page.goto('/sign-in');
		await page.getByRole('complementary', { name: 'Language' }).getByRole('button', { name: 'اردو' }).click();
		await expectUrdu(page);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(ur('app_sign_in'));
		await expect.poll(englishLeft).toEqual([]);
		await expectAccessible(page);
		await page.getByLabel(ur('shell_user_name')).fill('member');
		await page.getByLabel(ur('shell_password'), { exact: true }).fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: ur('shell_sign_in') }).click();
		await expect(page.getByRole('link', { name: ur('app_home_share_idea') })).toBeVisible();
		await visit('/', 'home');

		await visit('/ideas', 'ideas');
		const idea = await firstUnder(/^\/ideas\/[0-9A-Z]{26}$/);
		await visit(idea, 'idea');
		await visit('/meetings', 'meetings');
		await visit(await firstUnder(/^\/meetings\/[0-9A-Z]{26}$/), 'meeting');
		await visit('/opportunities', 'opportunities');
		await visit('/expenses', 'expenses');
		await visit('/visits', 'visits');
		await visit('/projects', 'projects');
		await visit('/glossary', 'glossary');
		await visit('/account', 'account');
		await visit('/sync', 'sync');

		// A mistake the domain finds is told in Urdu at the field.
		await page.goto('/ideas/new');
		await page.getByRole('button', { name: ur('ideas_save_idea') }).click();
		await expect(page.locator('#title-error')).toContainText(ur('dom_idea_title'));
		await expect.poll(englishLeft).toEqual([]);
		await expectAccessible(page);
	});
});
