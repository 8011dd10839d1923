import { expect, type Locator, type Page } from '@playwright/test';

/** Page models for a project's work: its measures and their figures, its PDSA cycles. */

export class ProjectWorkPage {
	constructor(private readonly page: Page) {}

	/** The section of a measure: its run chart, its figures and the way to add one. */
	measure(name: string): Locator {
		return this.page.getByRole('region', { name });
	}

	cycles(): Locator {
		return this.page.getByTestId('pdsa-cycles');
	}

	/** Adds a measure from the project's page, back on the project's page after. */
	async addMeasure(measure: { name: string; unit: string; better: 'Higher' | 'Lower' }): Promise<void> {
		await this.page.getByRole('link', { name: 'Add a measure' }).click();
		await expect(this.page.getByRole('heading', { level: 1, name: 'Add a measure' })).toBeVisible();
		await this.page.getByLabel('What do you measure?').fill(measure.name);
		await this.page.getByLabel('Unit (optional)').fill(measure.unit);
		await this.page.getByLabel(`${measure.better} is better`).check();
		await this.page.getByRole('button', { name: 'Save measure' }).click();
		await expect(this.measure(measure.name)).toBeVisible();
	}

	/** Opens the form for a figure of `measure` from the project's page. */
	async openFigureForm(measure: string): Promise<void> {
		await this.measure(measure)
			.getByRole('link', { name: `Add a figure to ${measure}` })
			.click();
		await expect(
			this.page.getByRole('heading', { level: 1, name: `Add a figure: ${measure}` })
		).toBeVisible();
	}

	async fillFigure(figure: { date: string; value: string; note?: string }): Promise<void> {
		await this.page.getByLabel('Date the figure is for').fill(figure.date);
		await this.page.getByLabel(/^Figure/).fill(figure.value);
		await this.page.getByLabel('Note (optional)').fill(figure.note ?? '');
	}

	async saveFigure(): Promise<void> {
		await this.page.getByRole('button', { name: 'Save figure' }).click();
	}

	/** Adds a figure to `measure` from the project's page, back on the project's page after. */
	async addFigure(measure: string, figure: { date: string; value: string; note?: string }): Promise<void> {
		await this.openFigureForm(measure);
		await this.fillFigure(figure);
		await this.saveFigure();
		await expect(this.measure(measure)).toBeVisible();
	}

	/** Opens the form for a PDSA cycle from the project's page and types its plan. */
	async startCycle(cycle: { title: string; startedOn: string; prediction: string }): Promise<void> {
		await this.page.getByRole('link', { name: 'Add a PDSA cycle' }).click();
		await expect(this.page.getByRole('heading', { level: 1, name: 'Add a PDSA cycle' })).toBeVisible();
		await this.page.getByLabel('Plan: what change are you trying?').fill(cycle.title);
		await this.page.getByLabel('Do: the date the test started').fill(cycle.startedOn);
		await this.page.getByLabel('What do you predict will happen?').fill(cycle.prediction);
	}

	async saveCycle(): Promise<void> {
		await this.page.getByRole('button', { name: 'Save PDSA cycle' }).click();
		await expect(this.cycles()).toBeVisible();
	}
}
