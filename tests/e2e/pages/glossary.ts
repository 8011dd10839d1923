import { expect, type Locator, type Page } from '@playwright/test';

/** Page models for the glossary: the list and its form, and a marked term wherever text is shown. */

export class GlossaryPage {
	readonly heading: Locator;
	readonly table: Locator;

	constructor(private readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1 });
		this.table = page.getByTestId('glossary');
	}

	async open(): Promise<void> {
		await this.page.goto('/glossary');
		await expect(this.heading).toHaveText('Words and abbreviations we use');
	}

	/** The table row of `term`. */
	row(term: string): Locator {
		return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: term }) });
	}

	/** Adds a term through the form; the list then shows it. */
	async add(entry: { term: string; meaning: string; note?: string }): Promise<void> {
		await this.page.getByRole('link', { name: 'Add a term' }).click();
		await expect(this.heading).toHaveText('Add a term to the glossary');
		await this.page.getByLabel('Term', { exact: true }).fill(entry.term);
		await this.page.getByLabel('What it means, in plain words').fill(entry.meaning);
		if (entry.note) await this.page.getByLabel('More about it (optional)').fill(entry.note);
		await this.page.getByRole('button', { name: 'Save term' }).click();
		await expect(this.heading).toHaveText('Words and abbreviations we use');
	}
}

/** A term marked in shown text: a button named by the term, and the panel it opens. */
export class MarkedTerm {
	readonly button: Locator;

	constructor(
		private readonly within: Locator,
		readonly term: string
	) {
		this.button = within.getByRole('button', { name: term, exact: true });
	}

	/** The panel the button opens, found by the button's `aria-controls`. */
	async panel(): Promise<Locator> {
		await expect(this.button).toHaveAttribute('aria-expanded', 'true');
		const id = await this.button.getAttribute('aria-controls');
		return this.within.page().locator(`[id="${id}"]`);
	}
}
