import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/** Page models for expenses claims: what a member and a coordinator see and do, by role and label. */

export interface ClaimCost {
	/** The kind's label, as the list says it ("Parking"). */
	kind: string;
	miles?: string;
	amount?: string;
	description?: string;
	/** Paths of receipt photos to choose. */
	receipts?: string[];
}

/** The claim editor at /expenses/new. */
export class ClaimEditorPage {
	readonly total: Locator;
	readonly send: Locator;

	constructor(private readonly page: Page) {
		this.total = page.getByTestId('claim-total');
		this.send = page.getByRole('button', { name: 'Send claim' });
	}

	/** Cost `n` (from 1): its fieldset. */
	cost(n: number): Locator {
		return this.page.getByRole('group', { name: `Cost ${n}`, exact: true });
	}

	/** The file input of cost `n`'s receipts (out of sight, named by its legend and button). */
	receipts(n: number): Locator {
		return this.cost(n).getByLabel(`Receipt photos for cost ${n} (optional)`);
	}

	async describe(forLabel: string, on: string): Promise<void> {
		await this.page.getByLabel('Describe what it was for').fill(forLabel);
		await this.page.getByLabel('Date', { exact: true }).fill(on);
	}

	/** Fills in cost `n` (adding it when it is not there yet) and chooses its receipts. */
	async fillCost(n: number, cost: ClaimCost): Promise<void> {
		if ((await this.cost(n).count()) === 0) {
			await this.page.getByRole('button', { name: 'Add another cost' }).click();
		}
		const group = this.cost(n);
		await group.getByLabel('What this cost is').selectOption({ label: cost.kind });
		if (cost.description) await group.getByLabel('Description (optional)').fill(cost.description);
		if (cost.miles) await group.getByLabel('Miles driven').fill(cost.miles);
		if (cost.amount) await group.getByLabel('Amount in pounds').fill(cost.amount);
		if (cost.receipts) {
			await this.receipts(n).setInputFiles(cost.receipts);
			await expect(group.getByTestId(`line-${n - 1}-receipts-summary`)).toHaveText(
				cost.receipts.length === 1 ? '1 photo added' : `${cost.receipts.length} photos added`
			);
		}
	}
}

/** One claim's page: what it asks for, its status, its history, and the forms to decide or answer. */
export class ClaimPage {
	readonly heading: Locator;
	readonly claimStatus: Locator;
	readonly syncStatus: Locator;
	readonly receipts: Locator;

	constructor(private readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1 });
		this.claimStatus = page.locator('main [data-claim-status]').first();
		this.syncStatus = page.locator('main [data-status]').first();
		this.receipts = page.getByTestId('claim-lines').getByRole('img');
	}

	/** The claim's id, from its address. */
	id(): string {
		return `claim:${decodeURIComponent(new URL(this.page.url()).pathname.split('/').at(-1) ?? '')}`;
	}

	/** A coordinator approves, asks (`queried`) or rejects, with a note. */
	async decide(
		choice: 'Approve the claim' | 'Ask a question' | 'Reject the claim',
		note = ''
	): Promise<void> {
		await this.page.getByLabel(choice).check();
		if (note) await this.page.getByLabel('Your question, or why you are rejecting it').fill(note);
		await this.page.getByRole('button', { name: 'Save decision' }).click();
	}

	async answer(text: string): Promise<void> {
		await this.page.getByLabel('Your answer').fill(text);
		await this.page.getByRole('button', { name: 'Send answer' }).click();
	}
}

/** Coordinators' list of everyone's claims, and the finance team's CSV. */
export class ClaimReviewPage {
	constructor(private readonly page: Page) {}

	async open(): Promise<void> {
		await this.page.goto('/expenses/review');
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Everyone’s expenses claims');
	}

	async downloadApproved(): Promise<{ name: string; text: string }> {
		const [download] = await Promise.all([
			this.page.waitForEvent('download'),
			this.page.getByRole('button', { name: 'Download approved claims (CSV)' }).click()
		]);
		return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
	}
}
