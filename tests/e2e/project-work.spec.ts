import { createIdea, signInSynced, SyncIndicator } from './pages/app';
import { ProjectWorkPage } from './pages/project-work';
import { ProjectFormPage, ProjectPage, type ProjectPlan } from './pages/projects';
import { expect, expectAccessible, test, waitForServiceWorker, type Device } from './support/fixtures';

async function signedIn(device: Device, name: string): Promise<void> {
	await signInSynced(device.page, name);
	await waitForServiceWorker(device.page);
}

const PLAN: ProjectPlan = {
	title: 'Faster handovers at Northgate General',
	problem: 'Crews wait over an hour to hand patients over at the emergency department.',
	aim: { direction: 'Reduce', measure: 'handover time', baseline: '45 minutes', target: '30 minutes' }
};
const MEASURE = 'Minutes from arrival to handover';
const CYCLE = 'A handover checklist for crews';

test.describe('project work: measures with run charts, PDSA cycles, links from ideas', () => {
	test('a member adds a measure, two figures and a PDSA cycle offline; another device sees the run chart, at 320 px and in print', async ({
		newDevice
	}) => {
		const member = await newDevice();
		const other = await newDevice();
		await Promise.all([signedIn(member, 'member'), signedIn(other, 'chair')]);
		const { page } = member;
		const work = new ProjectWorkPage(page);

		// Offline from here: the project, its measure, its figures and its cycle are written on the phone.
		await page.goto('/projects');
		await member.setOffline(true);
		await page.getByRole('link', { name: 'Start a project' }).click();
		const form = new ProjectFormPage(page);
		await form.fillWithKeyboard(PLAN, { typed: '03312027' });
		await form.saveWithKeyboard();
		const project = new ProjectPage(page);
		await expect(project.heading).toHaveText(PLAN.title);
		const projectPath = new URL(page.url()).pathname;

		await work.addMeasure({ name: MEASURE, unit: 'minutes', better: 'Lower' });
		await work.openFigureForm(MEASURE);
		await work.fillFigure({ date: '2026-10-01', value: 'about forty' });
		await work.saveFigure();
		await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
			'Enter a number, like 42 or 3.5'
		);
		await expectAccessible(page);
		await work.fillFigure({ date: '2026-10-01', value: '45', note: 'Before the checklist' });
		await work.saveFigure();
		await work.addFigure(MEASURE, { date: '2026-10-08', value: '38' });

		// The cycle's draft is kept on every keystroke: a reload offline loses nothing.
		await work.startCycle({
			title: CYCLE,
			startedOn: '2026-10-05',
			prediction: 'Handovers take ten minutes less'
		});
		await page.reload();
		await expect(page.getByLabel('Plan: what change are you trying?')).toHaveValue(CYCLE);
		await expectAccessible(page);
		await work.saveCycle();
		await expect(work.cycles()).toContainText(`PDSA 1: ${CYCLE}`);
		await expect(work.cycles().locator('[data-status]')).toHaveText('Saved on this device');

		await member.setOffline(false);
		await new SyncIndicator(page).expectAllSynced(30_000);
		await expect(work.cycles().locator('[data-status]')).toHaveText('Synced');

		// Another device sees the run chart: its summary in words, its data table, the cycle on its time line.
		const seen = new ProjectPage(other.page);
		await seen.open(projectPath);
		const chart = new ProjectWorkPage(other.page).measure(MEASURE);
		await expect(chart.getByTestId('run-chart-summary')).toBeVisible();
		await expect(chart).toContainText(`PDSA 1: ${CYCLE}`);
		await chart.getByText('Show the figures').click();
		const table = chart.getByRole('table', { name: `Figures for ${MEASURE}` });
		await expect(table.getByRole('row')).toHaveCount(3);
		await expect(table).toContainText('45');
		await expect(table).toContainText('38');
		await expectAccessible(other.page);

		// Readable at 320 px without scrolling sideways, and in print with its data table.
		await other.page.setViewportSize({ width: 320, height: 640 });
		await expect(chart.getByTestId('run-chart-summary')).toBeVisible();
		expect(await other.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		await chart.getByText('Show the figures').click();
		await expect(table).toBeHidden();
		// In print the figures show though "Show the figures" is closed on screen.
		await other.page.emulateMedia({ media: 'print' });
		await expect(table).toBeVisible();
		await expect(table).toContainText('38');
		await expect(chart.getByTestId('run-chart-summary')).toBeVisible();
		await other.page.emulateMedia({ media: 'screen' });
	});

	test('an idea taken forward links to a project, shown on both', async ({ newDevice }) => {
		const member = await newDevice();
		const chair = await newDevice();
		await Promise.all([signedIn(member, 'member'), signedIn(chair, 'chair')]);

		await member.page.goto('/projects/new');
		const form = new ProjectFormPage(member.page);
		await form.fillWithKeyboard({ ...PLAN, title: 'Large print appointment letters' }, { typed: '03312027' });
		await form.saveWithKeyboard();
		await expect(member.page.getByRole('heading', { level: 1 })).toHaveText(
			'Large print appointment letters'
		);
		const projectPath = new URL(member.page.url()).pathname;
		await new SyncIndicator(member.page).expectAllSynced(30_000);

		const { page } = chair;
		const idea = 'Large print letters for every appointment';
		await createIdea(page, idea);
		const ideaPath = new URL(page.url()).pathname;
		await expect(async () => {
			await page.reload();
			await page.getByText('Change the status').click();
			await page.getByLabel('Taken forward', { exact: true }).check();
			await page
				.getByLabel('Which project is it part of? (optional)')
				.selectOption({ label: 'Large print appointment letters' }, { timeout: 3_000 });
		}).toPass({ timeout: 30_000 });
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Save status' }).click();
		const history = page.getByTestId('status-history');
		await expect(history.getByRole('link', { name: 'Large print appointment letters' })).toBeVisible();
		await history.getByRole('link', { name: 'Large print appointment letters' }).click();
		await expect(page).toHaveURL(new RegExp(`${projectPath}$`));
		await expect(page.getByTestId('project-ideas').getByRole('link', { name: idea })).toHaveAttribute(
			'href',
			ideaPath
		);
	});
});
