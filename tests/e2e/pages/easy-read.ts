import { expect, type Locator, type Page } from '@playwright/test';

/** Easy read: the switch, and the easy-read lines a page shows in place of its usual words. */
export class EasyRead {
	readonly lines: Locator;
	readonly summary: Locator;

	constructor(private readonly page: Page) {
		this.lines = page.getByTestId('easy-read');
		this.summary = page.getByTestId('easy-summary');
	}

	get switch(): Locator {
		return this.page.getByRole('button', { name: 'Easy read' });
	}

	async turn(on: boolean): Promise<void> {
		if ((await this.switch.getAttribute('aria-pressed')) !== String(on)) await this.switch.click();
		await expect(this.switch).toHaveAttribute('aria-pressed', String(on));
	}

	/** The page shows easy-read lines, the first of which says `first`. */
	async expectLines(first: string | RegExp): Promise<void> {
		await expect(this.lines.getByRole('listitem').first()).toHaveText(first);
	}
}
