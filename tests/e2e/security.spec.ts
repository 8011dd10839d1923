import {
	createIdea,
	IdeaFormPage,
	IdeaPage,
	MainNav,
	openIdea,
	SignInPage,
	SyncIndicator
} from './pages/app';
import { PeoplePages } from './pages/people';
import { XSS_PAYLOADS } from '../xss-payloads';
import { ServerApi } from './support/api';
import { expect, expectAccessible, test, waitForServiceWorker, type Device } from './support/fixtures';

async function signedIn(device: Device, name: string, password?: string): Promise<void> {
	await device.page.goto('/sign-in');
	await new SignInPage(device.page).signIn(name, password);
	await new SyncIndicator(device.page).expectAllSynced();
	await waitForServiceWorker(device.page);
}

test.describe('roles and security in the browser', () => {
	test('a change refused by the server stays visible with the reason and can be discarded', async ({
		newDevice,
		server
	}) => {
		const coordinator = await newDevice();
		await signedIn(coordinator, 'coordinator');
		const people = new PeoplePages(coordinator.page);
		await people.addPerson({
			displayName: 'Pat Jones',
			name: 'pat',
			roles: ['member', 'coordinator'],
			password: 'lantern otter quarry'
		});
		await expectAccessible(coordinator.page);
		await coordinator.page.getByRole('link', { name: 'Back to people' }).click();
		await expect(coordinator.page.getByRole('link', { name: 'Pat Jones' })).toBeVisible();
		await expectAccessible(coordinator.page);

		// Pat, a coordinator for now, edits a member's idea with no signal.
		const member = await newDevice();
		await signedIn(member, 'member');
		const original = `Member's own idea ${Date.now()}`;
		const id = await createIdea(member.page, original);
		await expect(new IdeaPage(member.page).status()).toHaveText('Synced', { timeout: 15_000 });

		const pat = await newDevice();
		await signedIn(pat, 'pat', 'lantern otter quarry');
		await openIdea(pat.page, id);
		await expect(new IdeaPage(pat.page).heading()).toHaveText(original);
		await pat.setOffline(true);
		await pat.page.getByRole('link', { name: 'Edit idea' }).click();
		const form = new IdeaFormPage(pat.page);
		await form.title.fill('Changed by Pat while offline');
		await form.save('Save changes');
		const idea = new IdeaPage(pat.page);
		await expect(idea.status()).toHaveText('Saved on this device');

		// Meanwhile Pat stops being a coordinator.
		await coordinator.page.getByRole('link', { name: 'Pat Jones' }).click();
		await people.setRole('coordinator', false);

		await pat.setOffline(false);
		await expect(idea.status()).toHaveText('Not synced: Only member or a coordinator can change this', {
			timeout: 15_000
		});
		await expect(pat.page.getByTestId('refused-reason')).toHaveText(
			'Only member or a coordinator can change this'
		);
		await expect(pat.page.getByRole('link', { name: /1 change not accepted/ })).toBeVisible();
		await expectAccessible(pat.page);

		const api = await ServerApi.signIn(server.url, 'coordinator');
		expect(await api.getDoc(id)).toMatchObject({ title: original });

		await pat.page.getByRole('button', { name: 'Discard my change' }).click();
		await expect(idea.heading()).toHaveText(original);
		await expect(idea.status()).toHaveText('Synced', { timeout: 15_000 });
		await new SyncIndicator(pat.page).expectAllSynced();
		expect(await api.getDoc(id)).toMatchObject({ title: original, author: 'member' });

		// Switching Pat off ends Pat's session; the device says so instead of failing quietly.
		await coordinator.page.getByRole('button', { name: 'Switch off this account' }).click();
		await expect(coordinator.page.getByTestId('notice')).toContainText('Account switched off');
		await pat.page.reload();
		await new SyncIndicator(pat.page).expectPhase('signed-out');
		await expect(pat.page.getByRole('link', { name: 'Sign in to sync' })).toBeVisible();
		await api.dispose();
	});

	test('members cannot manage people, and the server is what says no', async ({ newDevice, server }) => {
		const member = await newDevice();
		await signedIn(member, 'member');
		await new MainNav(member.page).menu.click();
		await expect(new MainNav(member.page).link('Ideas')).toBeVisible();
		await expect(new MainNav(member.page).link('People')).toHaveCount(0);
		await member.page.goto('/people');
		await expect(member.page.getByRole('alert')).toContainText(/coordinator/i);
		const api = await ServerApi.signIn(server.url, 'member');
		expect(await api.status('GET', '/api/accounts')).toBe(403);
		expect(await api.status('GET', '/db/signups/_all_docs')).toBe(403);
		await api.dispose();
	});

	test('a weak new password is refused at the field, in plain English', async ({ newDevice }) => {
		const member = await newDevice();
		await signedIn(member, 'member');
		// Keyboard only: "Menu" opens with Enter, and its links follow in the tab order.
		const nav = new MainNav(member.page);
		await nav.menu.focus();
		await member.page.keyboard.press('Enter');
		await expect(nav.link('Your account')).toBeVisible();
		await expectAccessible(member.page);
		// Home, Ideas, Meetings, Projects, Opportunities, Measures, Visits, Events, then Sync.
		for (let i = 0; i < 9; i++) await member.page.keyboard.press('Tab');
		await expect(nav.link('Sync')).toBeFocused();
		await member.page.keyboard.press('Tab');
		await expect(nav.link('Your account')).toBeFocused();
		await member.page.keyboard.press('Enter');
		await expect(member.page).toHaveURL(/\/account$/);
		await expect(nav.link('Your account')).toBeHidden();
		await member.page.getByLabel('Current password').fill('correct horse battery staple');
		await member.page.getByLabel('New password').fill('password1');
		await member.page.getByRole('button', { name: 'Change password' }).click();
		await expect(member.page.locator('#password-error')).toContainText('too easy to guess');
		await expectAccessible(member.page);
	});

	test('XSS payloads in member-written text are inert in Chromium', async ({ newDevice }) => {
		const member = await newDevice();
		await signedIn(member, 'member');
		const dialogs: string[] = [];
		member.page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		// The details field takes 10,000 characters, so the corpus goes in a few ideas.
		const batches: string[] = [];
		let batch = '';
		for (const payload of XSS_PAYLOADS) {
			if (batch.length + payload.length + 2 > 9_000) {
				batches.push(batch);
				batch = '';
			}
			batch += `${payload}\n\n`;
		}
		batches.push(batch);
		for (const [i, details] of batches.entries()) {
			await createIdea(member.page, `XSS corpus part ${i + 1}`, details);
			await expect(member.page.getByTestId('idea-details')).toBeVisible();
			await member.page.waitForTimeout(300);
			const state = await member.page.evaluate(() => ({
				xss: (window as unknown as { __xss?: number }).__xss,
				scripts: document.querySelectorAll('main script, main iframe, main object, main embed').length,
				handlers: [...document.querySelectorAll('main *')].filter((el) =>
					[...el.attributes].some((attribute) => attribute.name.startsWith('on'))
				).length
			}));
			expect(state).toEqual({ xss: undefined, scripts: 0, handlers: 0 });
		}
		expect(dialogs).toEqual([]);
	});

	test('the Content-Security-Policy blocks an injected inline script', async ({ newDevice, server }) => {
		const { page } = await newDevice();
		const response = await page.goto('/sign-in');
		const csp = response?.headers()['content-security-policy'] ?? '';
		expect(csp).toMatch(/script-src 'self' 'sha256-[^']+'/);
		expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
		expect(response?.headers()['x-content-type-options']).toBe('nosniff');
		expect(csp).toContain("frame-ancestors 'none'");
		await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

		const outcome = await page.evaluate(async () => {
			const violation = new Promise<string>((resolve) =>
				document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), {
					once: true
				})
			);
			const script = document.createElement('script');
			script.textContent = 'window.__inline = 1';
			document.body.append(script);
			return { directive: await violation, ran: (window as unknown as { __inline?: number }).__inline };
		});
		expect(outcome).toEqual({ directive: expect.stringMatching(/^script-src/), ran: undefined });
		expect(server.url).toContain('127.0.0.1');
	});
});
