import { SignInPage, SyncIndicator } from './pages/app';
import { OpportunityFormPage, OpportunityPage, ProfilePage } from './pages/opportunities';
import { PeoplePages } from './pages/people';
import { expect, expectAccessible, test, waitForServiceWorker, type Device } from './support/fixtures';
import { watchForProblems } from './support/problems';

async function signedIn(device: Device, name: string, password?: string): Promise<void> {
	await device.page.goto('/sign-in');
	await new SignInPage(device.page).signIn(name, password);
	await new SyncIndicator(device.page).expectAllSynced();
	await waitForServiceWorker(device.page);
}

const STAFF = {
	displayName: 'Sasha Staff',
	name: 'sasha.staff',
	roles: ['staff' as const],
	password: 'kettle orange lantern 42'
};
const PLAN = {
	kind: 'Mock patient for training',
	title: 'Mock patient for a new triage script',
	purpose: 'Help new call handlers practise calm, clear calls.',
	whatYouWillDo: 'Play a caller from a script, then tell the trainee how it felt.',
	timeCommitment: 'Two hours, once a month',
	location: 'Training centre, Wakefield',
	contact: 'Sasha Staff',
	interest: 'Training staff',
	rate: '25'
};
const NOTE = 'I called 999 for my dad last year and can say what helped.';

test.describe('involvement opportunities', () => {
	test('a member fills in their profile offline, finds an opportunity that suits it, says they are interested offline and is selected', async ({
		newDevice
	}) => {
		test.slow(); // three people, offline and back
		const coordinator = await newDevice();
		await signedIn(coordinator, 'coordinator');
		await new PeoplePages(coordinator.page).addPerson(STAFF);

		const member = await newDevice();
		const staff = await newDevice();
		await Promise.all([signedIn(member, 'member'), signedIn(staff, STAFF.name, STAFF.password)]);
		const problems = watchForProblems(member.page);

		// No signal: the member fills in their profile, and a reload keeps it.
		await member.page.goto('/account');
		await member.setOffline(true);
		await member.page.getByRole('link', { name: 'Your profile' }).click();
		await expect(member.page.getByRole('heading', { level: 1 })).toHaveText('Your profile');
		const profile = new ProfilePage(member.page);
		await profile.tick('Training staff');
		await profile.tick('In person');
		await profile.tick('Expenses only');
		await expectAccessible(member.page);
		await profile.save();
		await expect(profile.status).toHaveText('Saved on this device');
		await member.page.reload();
		await expect(member.page.getByLabel('Training staff', { exact: true })).toBeChecked();
		await expect(member.page.getByLabel('Expenses only')).toBeChecked();
		await member.setOffline(false);
		await new SyncIndicator(member.page).expectAllSynced(30_000);

		// Staff post an opportunity that suits it.
		await staff.page.goto('/opportunities');
		await staff.page.getByRole('link', { name: 'Post an opportunity' }).click();
		const form = new OpportunityFormPage(staff.page);
		await form.fill(PLAN);
		await expectAccessible(staff.page);
		await form.post();
		const posted = new OpportunityPage(staff.page);
		await expect(posted.heading).toHaveText(PLAN.title);
		await expect(staff.page.getByTestId('role-description')).toContainText('£25.00 a session');
		await expectAccessible(staff.page);
		const path = new URL(staff.page.url()).pathname;
		await new SyncIndicator(staff.page).expectAllSynced();

		// The member sees it suits them, and says they are interested with no signal.
		await expect(async () => {
			await member.page.goto('/opportunities');
			await expect(member.page.getByTestId('opportunities')).toContainText(PLAN.title, { timeout: 3_000 });
		}).toPass({ timeout: 30_000 });
		await member.page.getByLabel('Only those that suit your profile').check();
		const listed = member.page
			.getByTestId('opportunities')
			.getByRole('listitem')
			.filter({ hasText: PLAN.title });
		await expect(listed).toContainText('Suits your profile');
		await expect(listed).toContainText('one of your interests');
		await expectAccessible(member.page);
		await member.setOffline(true);
		await listed.getByRole('link', { name: PLAN.title }).click();
		const theirs = new OpportunityPage(member.page);
		await expect(theirs.heading).toHaveText(PLAN.title);
		await expectAccessible(member.page);
		await theirs.sayInterested(NOTE);
		await expect(theirs.yourInterest.locator('[data-status]')).toHaveText('Saved on this device');
		await member.setOffline(false);
		await new SyncIndicator(member.page).expectAllSynced(30_000);

		// Staff see the note and select them.
		await expect(async () => {
			await staff.page.goto(path);
			await expect(posted.people).toContainText(NOTE, { timeout: 3_000 });
		}).toPass({ timeout: 30_000 });
		await expectAccessible(staff.page);
		await posted.select('Mo Member', 'Welcome aboard: the first session is on the 3rd.');
		await new SyncIndicator(staff.page).expectAllSynced();

		// The member's device tells them.
		await expect(async () => {
			await member.page.goto(path);
			await expect(theirs.yourInterest).toContainText('You have been selected', { timeout: 3_000 });
		}).toPass({ timeout: 30_000 });
		await expect(theirs.yourInterest).toContainText('Welcome aboard');
		await expectAccessible(member.page);
		await member.page.goto('/');
		await expect(member.page.getByTestId('selected-notice').filter({ hasText: PLAN.title })).toBeVisible();
		await expectAccessible(member.page);
		problems.expectNone();
	});
});
