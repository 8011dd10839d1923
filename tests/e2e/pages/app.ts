import { expect, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../support/server';

/** Page models: what a person sees and does, by role and label. */
export class SignInPage {
	constructor(private readonly page: Page) {}

	async signIn(name: string, password = DEMO_PASSWORD): Promise<void> {
		await this.page.getByLabel('User name').fill(name);
		await this.page.getByLabel('Password').fill(password);
		await this.page.getByRole('button', { name: 'Sign in' }).click();
	}
}

/** The header's navigation: a row of links on a desktop, behind the "Menu" button on a phone. */
export class MainNav {
	readonly root: Locator;
	readonly menu: Locator;

	constructor(private readonly page: Page) {
		this.root = page.getByRole('navigation', { name: 'Main' });
		this.menu = page.getByRole('banner').getByRole('button', { name: 'Menu' });
	}

	link(name: string | RegExp): Locator {
		return this.root.getByRole('link', { name });
	}

	/** Opens the menu when the links wait behind it (a phone), so they can be clicked. */
	async open(): Promise<void> {
		if ((await this.menu.isVisible()) && (await this.menu.getAttribute('aria-expanded')) !== 'true') {
			await this.menu.click();
		}
	}

	/** Follows a link, opening the menu first when the links wait behind it. */
	async go(name: string | RegExp): Promise<void> {
		await this.open();
		await this.link(name).click();
	}
}

export class SyncIndicator {
	readonly root: Locator;

	constructor(page: Page) {
		this.root = page.getByTestId('sync-indicator');
	}

	async expectPhase(
		phase: 'offline' | 'up-to-date' | 'error' | 'signed-out',
		timeout = 15_000
	): Promise<void> {
		await expect(this.root).toHaveAttribute('data-phase', phase, { timeout });
	}

	/** Synced and nothing waiting. */
	async expectAllSynced(timeout = 15_000): Promise<void> {
		await this.expectPhase('up-to-date', timeout);
		await expect(this.root.getByTestId('pending-count')).toHaveCount(0, { timeout });
	}
}

/** Signs `name` in from the sign-in page and waits until everything has synced; answers the sync bar. */
export async function signInSynced(page: Page, name: string): Promise<SyncIndicator> {
	await page.goto('/sign-in');
	await new SignInPage(page).signIn(name);
	const sync = new SyncIndicator(page);
	await sync.expectAllSynced();
	return sync;
}

export class IdeaFormPage {
	constructor(private readonly page: Page) {}

	get title(): Locator {
		return this.page.getByLabel('Title');
	}

	get details(): Locator {
		return this.page.getByLabel('Details (optional)');
	}

	async fill(title: string, details = ''): Promise<void> {
		await this.title.fill(title);
		await this.details.fill(details);
	}

	async save(label = 'Save idea'): Promise<void> {
		await this.page.getByRole('button', { name: label }).click();
	}

	errorSummary(): Locator {
		return this.page.getByRole('alert').filter({ hasText: 'There is a problem' });
	}
}

export class IdeaPage {
	constructor(private readonly page: Page) {}

	heading(): Locator {
		return this.page.getByRole('heading', { level: 1 });
	}

	/** The idea's own sync status (its comments carry theirs). */
	status(): Locator {
		return this.page.getByTestId('idea-state').locator('[data-status]');
	}

	/** The idea's id, from the address (`/ideas/<ulid>`). */
	id(): string {
		const ulid = new URL(this.page.url()).pathname.split('/')[2];
		return `idea:${ulid}`;
	}
}

/**
 * Opens an idea's page and waits until the idea itself shows: on a device that has not synced it yet the
 * page says "Idea not found" (a heading too), so the page is opened again until the idea's sync status is
 * there.
 */
export async function openIdea(page: Page, id: string, timeout = 30_000): Promise<IdeaPage> {
	const idea = new IdeaPage(page);
	await expect(async () => {
		await page.goto(`/ideas/${id.slice('idea:'.length)}`);
		await expect(idea.status()).toBeVisible({ timeout: 3_000 });
	}).toPass({ timeout });
	return idea;
}

/** Creates an idea through the form and returns its id once the idea page shows it. */
export async function createIdea(page: Page, title: string, details = ''): Promise<string> {
	await page.goto('/ideas/new');
	const form = new IdeaFormPage(page);
	await form.fill(title, details);
	await form.save();
	const idea = new IdeaPage(page);
	await expect(idea.heading()).toHaveText(title);
	return idea.id();
}
