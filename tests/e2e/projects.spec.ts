import { SignInPage, SyncIndicator } from './pages/app';
import { ProjectFormPage, ProjectPage, TeamPage } from './pages/projects';
import { expect, expectAccessible, test, waitForServiceWorker, type Device } from './support/fixtures';
import { watchForProblems } from './support/problems';

async function signedIn(device: Device, name: string): Promise<void> {
	await device.page.goto('/sign-in');
	await new SignInPage(device.page).signIn(name);
	await new SyncIndicator(device.page).expectAllSynced();
	await waitForServiceWorker(device.page);
}

const PLAN = {
	title: 'Faster handovers at the General',
	problem: 'Crews wait over an hour to hand patients over at the emergency department.',
	aim: { direction: 'Reduce', measure: 'handover time', baseline: '45 minutes', target: '30 minutes' }
} as const;
const AIM = 'By 31 March 2027, reduce handover time from 45 minutes to 30 minutes';

test.describe('co-production projects', () => {
	test('a member starts a project offline from the keyboard; another asks to join; the lead adds them and the history says so', async ({
		newDevice
	}) => {
		test.slow(); // two people, offline and back
		const lead = await newDevice();
		const other = await newDevice();
		await Promise.all([signedIn(lead, 'member'), signedIn(other, 'chair')]);
		const { page } = lead;

		await page.goto('/projects');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Projects');
		await expectAccessible(page);

		// No signal: the project is started with the keyboard alone.
		await lead.setOffline(true);
		await page.getByRole('link', { name: 'Start a project' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Start a project');
		await expectAccessible(page);
		const form = new ProjectFormPage(page);
		await form.fillWithKeyboard(PLAN, { typed: '03312027' });
		await expect(page.getByLabel('Reached by')).toHaveValue('2027-03-31');
		await expect(form.preview).toHaveText(`The aim in one sentence: ${AIM}`);
		await expectAccessible(page);
		await form.saveWithKeyboard();

		const project = new ProjectPage(page);
		await expect(project.heading).toHaveText(PLAN.title);
		await expect(project.status).toHaveText('Saved on this device');
		await expect(page.getByTestId('project-aim')).toHaveText(AIM);
		await expect(project.involvement).toHaveText('Members involved from the start');
		await expect(project.level).toContainText('Big I');
		await expect(project.history).toContainText(
			'Mo Member joined as member (Big I) at identifying the problem'
		);
		const path = new URL(page.url()).pathname;

		// A reload with no signal keeps it, still only on this device.
		await page.reload();
		await expect(project.heading).toHaveText(PLAN.title);
		await expect(project.status).toHaveText('Saved on this device');
		await expectAccessible(page);

		// The list says the same; a filter by status finds it or not.
		await page.goto('/projects');
		const listed = page.getByTestId('projects').getByRole('listitem').filter({ hasText: PLAN.title });
		for (const words of ['Proposed', 'Big I', 'Saved on this device', AIM, 'Members involved from the start'])
			await expect(listed).toContainText(words);
		await page.getByLabel('Show').selectOption('Active');
		await expect(page.getByTestId('projects').getByRole('listitem').first()).toBeVisible();
		await expect(listed).toHaveCount(0);
		await page.getByLabel('Show').selectOption('Proposed');
		await expect(listed).toBeVisible();
		await expectAccessible(page);

		// Back online it syncs.
		await lead.setOffline(false);
		await new SyncIndicator(page).expectAllSynced(30_000);
		await page.goto(path);
		await expect(project.status).toHaveText('Synced');

		// The lead starts it: a start date is asked for at its field, and nothing typed is lost.
		await page.getByRole('link', { name: 'Change the project' }).click();
		await page.getByLabel('Active', { exact: true }).check();
		await page.getByRole('button', { name: 'Save changes' }).click();
		await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
			'Enter the date the project started'
		);
		await expect(page.getByLabel('Title')).toHaveValue(PLAN.title);
		await expectAccessible(page);
		await page.getByLabel('Date it started').fill('2026-11-02');
		await page.getByRole('button', { name: 'Save changes' }).click();
		await expect(page.getByTestId('project-status')).toHaveText('Active');
		await new SyncIndicator(page).expectAllSynced();

		// Another member finds it and asks to join.
		const problems = watchForProblems(other.page);
		const theirs = new ProjectPage(other.page);
		await theirs.open(path);
		await expect(theirs.join).toContainText('Members can ask to join a project');
		await expectAccessible(other.page);
		await theirs.askToJoin('I sat through those waits as a patient and can help with the survey.');
		await expect(theirs.join).toContainText('You have asked to join this project');
		await new SyncIndicator(other.page).expectAllSynced();

		// The lead sees the request and adds them: a member, little i, at the stage the project is at.
		await expect(async () => {
			await page.reload();
			await expect(project.requests).toContainText('Charlie Chair', { timeout: 3_000 });
		}).toPass({ timeout: 30_000 });
		await expect(project.requests).toContainText('I sat through those waits');
		await expectAccessible(page);
		await project.requests.getByRole('link', { name: /Add to the team/ }).click();
		const team = new TeamPage(page);
		await expect(team.form.getByLabel('Their user name')).toHaveValue('chair');
		await expect(team.form.getByLabel('little i')).toBeChecked();
		// An active project is testing changes at the least: someone joining now joins there.
		await expect(team.form.getByLabel('Testing changes')).toBeChecked();
		await team.form.getByLabel('What they do').fill('Designs and runs the patient survey');
		await expectAccessible(page);
		await team.save();
		await expect(page.getByTestId('notice')).toContainText('chair’s place on the team is saved');
		await expect(page.getByTestId('team')).toContainText('Designs and runs the patient survey');
		await expectAccessible(page);

		await page.getByRole('link', { name: 'Back to the project' }).click();
		await expect(project.history).toContainText(
			'Charlie Chair joined as member (little i) at testing changes'
		);
		await expect(project.requests).toHaveCount(0);
		await new SyncIndicator(page).expectAllSynced();

		// The member who asked sees that they are on the team.
		await expect(async () => {
			await other.page.reload();
			await expect(theirs.join).toContainText('You are on the team.', { timeout: 3_000 });
		}).toPass({ timeout: 30_000 });
		problems.expectNone();
	});
});
