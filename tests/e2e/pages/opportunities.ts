import { expect, type Locator, type Page } from '@playwright/test';

/** Page models for profiles and involvement opportunities: what a person sees and does, by role and label. */

export class ProfilePage {
	readonly status: Locator;

	constructor(private readonly page: Page) {
		this.status = page.getByTestId('profile-state').locator('[data-status]');
	}

	async tick(label: string): Promise<void> {
		await this.page.getByLabel(label, { exact: true }).check();
	}

	async save(): Promise<void> {
		await this.page.getByRole('button', { name: 'Save profile' }).click();
		await expect(this.page.getByTestId('notice')).toHaveText(/Profile saved/);
	}
}

export interface OpportunityPlan {
	kind: string;
	title: string;
	purpose: string;
	whatYouWillDo: string;
	timeCommitment: string;
	location: string;
	contact: string;
	interest: string;
	rate: string;
}

export class OpportunityFormPage {
	constructor(private readonly page: Page) {}

	async fill(plan: OpportunityPlan): Promise<void> {
		const { page } = this;
		await page.getByLabel('What kind of opportunity is it?').selectOption({ label: plan.kind });
		await page.getByLabel('Title').fill(plan.title);
		await page.getByLabel('Purpose').fill(plan.purpose);
		await page.getByLabel('What you will do').fill(plan.whatYouWillDo);
		await page.getByLabel('Time commitment').fill(plan.timeCommitment);
		await page.getByLabel('In person', { exact: true }).check();
		await page.getByLabel('The place').fill(plan.location);
		await page.getByLabel(plan.interest, { exact: true }).check();
		await page.getByLabel('Who to contact').fill(plan.contact);
		await page.getByRole('group', { name: 'Is there an involvement payment?' }).getByLabel('Yes').check();
		await page.getByLabel('The rate, in pounds').fill(plan.rate);
	}

	async post(): Promise<void> {
		await this.page.getByRole('button', { name: 'Post opportunity' }).click();
	}
}

export class OpportunityPage {
	readonly heading: Locator;
	readonly status: Locator;
	readonly yourInterest: Locator;
	readonly people: Locator;

	constructor(private readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1 });
		this.status = page.getByTestId('opportunity-state').locator('[data-status]');
		this.yourInterest = page.getByTestId('your-interest');
		this.people = page.getByTestId('interested-people');
	}

	async sayInterested(note: string): Promise<void> {
		await this.page.getByLabel('A note for the person who posted it (optional)').fill(note);
		await this.page.getByRole('button', { name: 'I’m interested' }).click();
		await expect(this.yourInterest).toContainText('You said you are interested');
	}

	async select(name: string, message: string): Promise<void> {
		const person = this.people.getByTestId('interested-person').filter({ hasText: name });
		await person.getByLabel('Selected', { exact: true }).check();
		await person.getByLabel('A message to them (optional)').fill(message);
		await person.getByRole('button', { name: 'Save answer' }).click();
		await expect(person.getByText('Selected', { exact: true }).first()).toBeVisible();
	}
}
