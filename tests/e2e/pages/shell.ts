import type { Locator, Page } from '@playwright/test';

/** What the sign-in page tells someone with no account, or who has forgotten their password. */
export class SignInHelp {
	constructor(private readonly page: Page) {}

	section(heading: 'If you do not have an account' | 'If you have forgotten your password'): Locator {
		// The heading and the paragraph after it.
		return this.page
			.getByRole('heading', { level: 2, name: heading })
			.locator('xpath=following-sibling::p[1]');
	}

	heading(name: string): Locator {
		return this.page.getByRole('heading', { level: 2, name });
	}
}

/** The once-only notice about a browser that may clear Coproduce's data. */
export class StorageNotice {
	readonly root: Locator;

	constructor(page: Page) {
		this.root = page.getByTestId('storage-notice');
	}

	async hide(): Promise<void> {
		await this.root.getByRole('button', { name: 'Hide this message' }).click();
	}
}
