import { expect, type Page } from '@playwright/test';
import type { Role } from '../../../src/lib/domain';
import { MainNav } from './app';

const ROLE_LABEL: Record<Role, string> = {
	member: 'Member',
	chair: 'Chair',
	recruiter: 'Recruiter',
	staff: 'Staff',
	coordinator: 'Coordinator (staff)'
};

/** The coordinators' People pages. */
export class PeoplePages {
	constructor(private readonly page: Page) {}

	async addPerson(person: {
		displayName: string;
		name: string;
		roles: Role[];
		password: string;
	}): Promise<void> {
		await new MainNav(this.page).go('People');
		await this.page.getByRole('link', { name: 'Add a person' }).click();
		await this.page.getByLabel('Their name').fill(person.displayName);
		await this.page.getByLabel('User name').fill(person.name);
		for (const role of person.roles)
			await this.page.getByLabel(ROLE_LABEL[role], { exact: true }).setChecked(true);
		await this.page.getByLabel('First password').fill(person.password);
		await this.page.getByRole('button', { name: 'Create account' }).click();
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(person.displayName);
	}

	async setRole(role: Role, on: boolean): Promise<void> {
		await this.page.getByLabel(ROLE_LABEL[role], { exact: true }).setChecked(on);
		await this.page.getByRole('button', { name: 'Save changes' }).click();
		await expect(this.page.getByTestId('notice')).toContainText('Changes saved');
	}
}
