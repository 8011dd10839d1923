import { expect, type Locator, type Page } from '@playwright/test';

/** Page models for co-production projects: what a person sees and does, by role and label. */

export interface ProjectPlan {
	title: string;
	problem: string;
	aim: { direction: 'Increase' | 'Reduce'; measure: string; baseline: string; target: string };
}

/** The form that starts a project, filled in with the keyboard alone. */
export class ProjectFormPage {
	readonly preview: Locator;

	constructor(private readonly page: Page) {
		this.preview = page.getByTestId('aim-preview');
	}

	/**
	 * From the title onwards with the keyboard only: Tab to each field, text typed, a radio chosen with the
	 * space bar, the aim's date typed. The lead (this person, a member) is Big I, and members were first
	 * involved when the problem was being identified.
	 */
	async fillWithKeyboard(plan: ProjectPlan, by: { typed: string }): Promise<void> {
		await this.page.getByLabel('Title').focus();
		await this.page.keyboard.type(plan.title);
		await this.typeInto('The problem', plan.problem);
		await this.choose(plan.aim.direction);
		await this.typeInto('What is measured', plan.aim.measure);
		await this.typeInto('Where it is now', plan.aim.baseline);
		await this.typeInto('The target', plan.aim.target);
		await this.typeInto('Reached by', by.typed);
		await this.choose('Big I');
		await this.choose('Identifying the problem');
	}

	private async typeInto(label: string, text: string): Promise<void> {
		await this.tabTo(this.page.getByLabel(label, { exact: true }));
		await this.page.keyboard.type(text);
	}

	/** Tabs into the radios of a question nobody has answered, moves to `label` with the arrow keys, checks it. */
	private async choose(label: string): Promise<void> {
		const radio = this.page.getByLabel(label, { exact: true });
		await this.tabTo(radio.locator('xpath=ancestor::fieldset[1]').getByRole('radio').first());
		while (!(await radio.evaluate((element) => element === document.activeElement))) {
			await this.page.keyboard.press('ArrowDown');
		}
		await this.page.keyboard.press('Space');
		await expect(radio).toBeChecked();
	}

	/** Presses Tab until `target` has the focus (a few presses at most). */
	private async tabTo(target: Locator): Promise<void> {
		for (let i = 0; i < 8; i++) {
			await this.page.keyboard.press('Tab');
			if (await target.evaluate((element) => element === document.activeElement)) return;
		}
		throw new Error(`Tab never reached ${target.toString()}`);
	}

	async saveWithKeyboard(): Promise<void> {
		await this.page.getByRole('button', { name: 'Save project' }).focus();
		await this.page.keyboard.press('Enter');
	}
}

export class ProjectPage {
	readonly heading: Locator;
	readonly status: Locator;
	readonly involvement: Locator;
	readonly level: Locator;
	readonly history: Locator;
	readonly team: Locator;
	readonly join: Locator;
	readonly requests: Locator;

	constructor(private readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1 });
		this.status = page.getByTestId('project-state').locator('[data-status]');
		this.involvement = page.getByTestId('project-involvement');
		this.level = page.getByTestId('project-level');
		this.history = page.getByTestId('involvement-history');
		this.team = page.getByTestId('team');
		this.join = page.getByTestId('join');
		this.requests = page.getByTestId('join-requests');
	}

	/** Opens the project's page, again until the project has synced to this device. */
	async open(path: string, timeout = 30_000): Promise<void> {
		await expect(async () => {
			await this.page.goto(path);
			await expect(this.status).toBeVisible({ timeout: 3_000 });
		}).toPass({ timeout });
	}

	async askToJoin(note: string): Promise<void> {
		await this.join.getByLabel('A note for the lead (optional)').fill(note);
		await this.join.getByRole('button', { name: 'Ask to join this project' }).click();
	}
}

/** The team page: the form for one person on the team. */
export class TeamPage {
	readonly form: Locator;

	constructor(private readonly page: Page) {
		this.form = page.getByRole('form', { name: /Add a person|place on the team/ });
	}

	async save(): Promise<void> {
		await this.form.getByRole('button', { name: /Add to the team|Save their place/ }).click();
	}
}
