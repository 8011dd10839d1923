import { expect, type Locator, type Page } from '@playwright/test';

export interface Person {
	name: string;
	email: string;
	phone?: string;
	area?: string;
	interests?: string;
	accessNeeds?: string;
}

/** Event mode: the sign-up form, the optional equality questions and the thank-you screen. */
export class SignupFormPage {
	constructor(private readonly page: Page) {}

	get name(): Locator {
		return this.page.getByLabel('Your name');
	}

	get email(): Locator {
		return this.page.getByLabel('Email address');
	}

	get phone(): Locator {
		return this.page.getByLabel('Phone number');
	}

	heading(): Locator {
		return this.page.getByRole('heading', { level: 1 });
	}

	errorSummary(): Locator {
		return this.page.getByRole('alert').filter({ hasText: 'There is a problem' });
	}

	async fill(person: Person, consent = true): Promise<void> {
		await this.name.fill(person.name);
		await this.email.fill(person.email);
		if (person.phone) await this.phone.fill(person.phone);
		await this.page.getByRole('radio', { name: 'Email', exact: true }).check();
		if (person.area) await this.page.getByLabel('Where you live (optional)').fill(person.area);
		if (person.interests)
			await this.page.getByLabel('What do you care about? (optional)').fill(person.interests);
		if (person.accessNeeds) {
			await this.page
				.getByLabel('Anything we should know to make taking part easier? (optional)')
				.fill(person.accessNeeds);
		}
		if (consent) {
			await this.page.getByLabel('I agree to be contacted about joining the network').check();
			await this.page.getByLabel('I agree to the network keeping these details to do that').check();
		}
	}

	async continue(): Promise<void> {
		await this.page.getByRole('button', { name: 'Continue' }).click();
	}

	async answer(legend: string, option: string): Promise<void> {
		await this.page
			.getByRole('group', { name: legend })
			.getByRole('radio', { name: option, exact: true })
			.check();
	}

	async send(): Promise<void> {
		await this.page.getByRole('button', { name: 'Send sign-up' }).click();
		await expect(this.page.getByTestId('thank-you')).toBeVisible();
	}

	async skipAndSend(): Promise<void> {
		await this.page.getByRole('button', { name: 'Skip these questions and send' }).click();
		await expect(this.page.getByTestId('thank-you')).toBeVisible();
	}

	async nextPerson(): Promise<void> {
		await this.page.getByRole('button', { name: 'Sign up the next person' }).click();
		await expect(this.heading()).toHaveText('Join our patient and public network');
	}

	/** Every field of the form is empty and nothing is ticked. */
	async expectEmpty(): Promise<void> {
		for (const field of await this.page
			.locator('main input[type=text], main input[type=email], main input[type=tel], main textarea')
			.all()) {
			await expect(field).toHaveValue('');
		}
		for (const box of await this.page.locator('main input[type=checkbox], main input[type=radio]').all()) {
			await expect(box).not.toBeChecked();
		}
	}
}

/**
 * Everything this page's origin keeps in the browser (every IndexedDB database and store, localStorage,
 * sessionStorage), the DOM and the history entry, as one string: what a lost phone or the next person in
 * the queue could find.
 */
export async function everythingOnDevice(page: Page): Promise<string> {
	return page.evaluate(async () => {
		const parts: string[] = [document.documentElement.outerHTML, JSON.stringify(history.state)];
		for (const storage of [localStorage, sessionStorage]) {
			for (let i = 0; i < storage.length; i++) {
				const key = storage.key(i) ?? '';
				parts.push(key, storage.getItem(key) ?? '');
			}
		}
		const request = <T>(r: IDBRequest<T>) =>
			new Promise<T>((resolve, reject) => {
				r.onsuccess = () => resolve(r.result);
				r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
			});
		for (const info of await indexedDB.databases()) {
			if (!info.name) continue;
			const db = await request(indexedDB.open(info.name));
			for (const store of Array.from(db.objectStoreNames)) {
				const rows = await request(db.transaction(store, 'readonly').objectStore(store).getAll());
				parts.push(JSON.stringify(rows));
			}
			db.close();
		}
		return parts.join('\n');
	});
}

/** Event mode's lock: the PIN that starts it, the kiosk it makes, and the only way out. */
export class EventModeLock {
	constructor(private readonly page: Page) {}

	/** On the "Start event mode" screen: chooses the PIN (typed twice) and starts. */
	async start(pin: string, confirm = pin): Promise<void> {
		await this.page.getByLabel('Choose a PIN').fill(pin);
		await this.page.getByLabel('Type the PIN again').fill(confirm);
		await this.page.getByRole('button', { name: 'Start event mode' }).click();
	}

	/** Locked: the sign-up form at `path`, and nothing in the header or sync bar that leads anywhere. */
	async expectLocked(path: string): Promise<void> {
		await expect(this.page).toHaveURL(new RegExp(`${path}$`));
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(
			/Join our patient and public network|About you|Thank you|Leave event mode/
		);
		const banner = this.page.getByRole('banner');
		await expect(banner.getByText('Coproduce', { exact: true })).toBeVisible();
		await expect(banner.getByRole('link')).toHaveCount(0);
		await expect(banner.getByRole('button')).toHaveCount(0);
		await expect(this.page.getByRole('navigation')).toHaveCount(0);
		await expect(this.page.getByTestId('sync-indicator')).toBeVisible();
	}

	async exit(pin: string): Promise<void> {
		await this.page.getByRole('button', { name: 'Exit event mode' }).click();
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Leave event mode');
		await expect(this.page.getByRole('heading', { level: 1 })).toBeFocused();
		await this.page.getByLabel('PIN', { exact: true }).fill(pin);
		await this.page.getByRole('button', { name: 'Leave event mode' }).click();
	}
}
