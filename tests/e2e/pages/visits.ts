import { expect, type Locator, type Page } from '@playwright/test';

/** Page models for site visits: what a person sees and does, by role and label. */

export interface VisitPlan {
	/** The site type's label, as the radio says it ("Ambulance station"). */
	siteType: string;
	siteName: string;
	date: string;
	mockCqc?: boolean;
}

/** Plans a visit through the form; answers the visit page's address. */
export async function planVisit(page: Page, plan: VisitPlan): Promise<string> {
	await page.goto('/visits/new');
	await page.getByLabel(plan.siteType).check();
	await page.getByLabel('Name of the site').fill(plan.siteName);
	await page.getByLabel('Date of the visit').fill(plan.date);
	if (plan.mockCqc) await page.getByLabel('Mock CQC inspection').check();
	await page.getByRole('button', { name: 'Save visit' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(plan.siteName);
	return new URL(page.url()).pathname;
}

/** The one-thumb screen that captures observations. */
export class CaptureScreen {
	readonly text: Locator;
	/** The real file input (out of sight), named by the photos' legend and the button. */
	readonly photos: Locator;
	/** The NHS button that stands for the file input. */
	readonly photoButton: Locator;
	/** "No photos added", "1 photo added"… */
	readonly photoSummary: Locator;
	readonly save: Locator;
	/** The sticky row at the foot of a phone's screen that holds Save. */
	readonly actionBar: Locator;
	readonly saved: Locator;

	constructor(private readonly page: Page) {
		this.text = page.getByLabel('What did you see or hear?');
		this.photos = page.getByLabel('Photos (optional)');
		this.photoButton = page.locator('label[for="photos"]');
		this.photoSummary = page.getByTestId('photos-summary');
		this.save = page.getByRole('button', { name: 'Save observation' });
		this.actionBar = page.locator('.app-capture .app-button-row');
		this.saved = page.getByTestId('capture-saved');
	}

	/** Opens the screen from the visit's page. */
	async open(): Promise<void> {
		await this.page.getByRole('link', { name: 'Add an observation' }).click();
		await expect(this.text).toBeVisible();
	}

	/** Fills in one observation (and chooses its photo) without saving it. */
	async fill(observation: {
		text: string;
		kind: string;
		keyQuestion?: string;
		photo?: string;
	}): Promise<void> {
		await this.text.fill(observation.text);
		await this.page.getByLabel(observation.kind, { exact: true }).check();
		if (observation.keyQuestion) await this.page.getByLabel(observation.keyQuestion, { exact: true }).check();
		if (observation.photo) await this.photos.setInputFiles(observation.photo);
	}

	/** Saves and waits until the screen says it was saved (the `count`th) and is empty again. */
	async saveAs(count: number): Promise<void> {
		await this.save.click();
		await expect(this.saved).toContainText(`${count} observation`);
		await expect(this.text).toHaveValue('');
	}

	/** Whether `field` and the action bar overlap on screen (a field hidden behind the bar). */
	async hiddenBehindBar(field: Locator): Promise<boolean> {
		const [box, bar] = await Promise.all([field.boundingBox(), this.actionBar.boundingBox()]);
		if (!box || !bar) throw new Error('the field or the action bar is not on the page');
		return box.y + box.height > bar.y && box.y < bar.y + bar.height;
	}
}

/** A visit's page: its timeline. */
export class VisitTimeline {
	readonly count: Locator;

	constructor(private readonly page: Page) {
		this.count = page.getByTestId('observation-count');
	}

	/** The observation on the timeline whose text matches. */
	observation(text: string | RegExp): Locator {
		return this.page.getByTestId('timeline').locator(':scope > li').filter({ hasText: text });
	}
}
