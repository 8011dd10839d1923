import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/** The network measures page: one section per measure, each with a summary, a chart, a table and a CSV. */
export class MeasuresPage {
	constructor(private readonly page: Page) {}

	async open(): Promise<void> {
		await this.page.goto('/measures');
		await expect(this.page.getByRole('heading', { level: 1, name: 'Network measures' })).toBeVisible();
	}

	section(id: string): Locator {
		return this.page.getByTestId(`measure-${id}`);
	}

	/** Every measure shown, by its id. */
	async shown(): Promise<string[]> {
		const ids = await this.page
			.locator('[data-testid^="measure-"]')
			.evaluateAll((sections) =>
				sections
					.filter((section) => section.tagName === 'SECTION')
					.map((section) => section.getAttribute('data-testid')?.replace(/^measure-/, '') ?? '')
			);
		return ids;
	}

	/** Expects the measure to have a summary, a chart (drawn) and a table of figures. */
	async expectComplete(id: string): Promise<void> {
		const section = this.section(id);
		await expect(section.getByTestId('measure-summary')).not.toBeEmpty();
		await expect(section.getByTestId('measure-chart').locator('svg, .app-funnel').first()).toBeVisible();
		await expect(section.getByTestId('measure-table')).toBeAttached();
	}

	/** The table's rows as text, cell by cell (the figures shown). */
	async tableRows(id: string): Promise<string[][]> {
		return this.section(id)
			.getByTestId('measure-table')
			.locator('tbody tr')
			.evaluateAll((rows) =>
				rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? ''))
			);
	}

	/** Downloads the measure's CSV: its file name and text. */
	async downloadCsv(id: string): Promise<{ name: string; text: string }> {
		const [download] = await Promise.all([
			this.page.waitForEvent('download'),
			this.section(id)
				.getByRole('button', { name: /Download CSV/ })
				.click()
		]);
		const path = await download.path();
		return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
	}

	/**
	 * In print (emulated): the title and the date printed, every measure shown with its summary and its
	 * table (open or not on screen), and no control of any kind.
	 */
	async expectPrintable(): Promise<void> {
		await this.page.emulateMedia({ media: 'print' });
		await expect(this.page.getByRole('heading', { level: 1, name: 'Network measures' })).toBeVisible();
		await expect(this.page.getByTestId('measures-printed')).toBeVisible();
		await expect(this.page.getByTestId('measures-printed')).toContainText('Printed');
		for (const id of await this.shown()) {
			await expect(this.section(id).getByTestId('measure-summary')).toBeVisible();
			await expect(this.section(id).getByTestId('measure-table')).toBeVisible();
		}
		const controls = this.page.locator('button, input, select, textarea, summary, a.nhsuk-button, header');
		expect(await controls.count()).toBeGreaterThan(0);
		for (const control of await controls.all()) await expect(control).toBeHidden();
		await this.page.emulateMedia({ media: null });
	}

	/** Whether the page scrolls sideways (it must not, even at 320 pixels). */
	async scrollsSideways(): Promise<boolean> {
		return this.page.evaluate(
			() => document.documentElement.scrollWidth > document.documentElement.clientWidth
		);
	}
}
