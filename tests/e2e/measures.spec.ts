import { request } from '@playwright/test';
import { DEMO_PASSWORD } from '../support/server';
import { signInSynced } from './pages/app';
import { MeasuresPage } from './pages/measures';
import { expect, expectAccessible, testWithDemoKey, waitForServiceWorker } from './support/fixtures';
import { watchForProblems } from './support/problems';

/** The demo coordinator's sign-up key passphrase for this spec's server. */
const KEY_PASSPHRASE = 'e2e measures key passphrase';

const test = testWithDemoKey(KEY_PASSPHRASE);

const NETWORK_LEVEL = ['coproduced-from-start', 'big-i', 'member-led-meetings', 'ideas'];
/** From the server's counts (`/api/measures/people`): chairs' and coordinators'. */
const CHAIRS_AND_COORDINATORS = ['growth', 'signups-by-kind', 'signups-by-event'];
/** Counted only on a coordinator's device (time given is private to the member, the poster and coordinators). */
const COORDINATORS = ['time-given'];

/** Marks the demo's sign-ups as joined, as a coordinator following them up would. */
async function allJoined(baseURL: string): Promise<void> {
	const http = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
	try {
		expect(
			(await http.post('/api/session', { data: { name: 'coordinator', password: DEMO_PASSWORD } })).ok()
		).toBe(true);
		const inbox = (await (await http.get('/api/signups')).json()) as { id: string }[];
		for (const entry of inbox) {
			const answer = await http.patch(`/api/signups/${encodeURIComponent(entry.id)}`, {
				data: { status: 'joined', account: 'member' }
			});
			expect(answer.ok()).toBe(true);
		}
	} finally {
		await http.dispose();
	}
}

/** CSV text as rows of fields (the figures here hold no quotes or commas). */
function csvRows(text: string): string[][] {
	return text
		.trimEnd()
		.split('\r\n')
		.map((line) => line.split(','));
}

test.describe('network measures', () => {
	test('a coordinator opens every measure offline, downloads its figures and unlocks seldom-heard reach', async ({
		newDevice,
		server
	}) => {
		await allJoined(server.url);
		const { page, setOffline } = await newDevice();
		await signInSynced(page, 'coordinator');
		await waitForServiceWorker(page);
		const measures = new MeasuresPage(page);
		// Online once: the device keeps its copies of the counts (dates and outcomes only) and of the inbox.
		await measures.open();
		await expect(measures.section('growth')).toBeVisible({ timeout: 15_000 });

		await setOffline(true);
		await page.reload();
		await expect(page.getByRole('heading', { level: 1, name: 'Network measures' })).toBeVisible();
		for (const id of [...NETWORK_LEVEL, ...CHAIRS_AND_COORDINATORS]) await measures.expectComplete(id);
		await expect(page.getByTestId('measures-audience')).toContainText('you see every measure');
		await expect(measures.section('big-i').getByTestId('measure-summary')).toContainText(
			'of active projects had Big I'
		);

		await test.step('time given, from the demo’s private records, with its figures', async () => {
			await measures.expectComplete('time-given');
			const section = measures.section('time-given');
			await expect(section.getByTestId('measure-summary')).toContainText(
				/3 members gave [\d.]+ hours, most of it taking part; 9 opportunities posted and 7 people selected/
			);
			await expect(section.getByTestId('time-given-private')).toContainText('only a coordinator’s device');
			await section.getByText('Show the figures').click();
			await expect(section.getByTestId('measure-table').locator('thead')).toContainText('Hours given');
			const table = await measures.tableRows('time-given');
			const hours = table.reduce((total, cells) => total + Number(cells[1]), 0);
			expect(hours).toBeGreaterThan(20);
			const { text } = await measures.downloadCsv('time-given');
			const [header, ...rows] = csvRows(text);
			expect(header?.slice(0, 3)).toEqual(['Month', 'Hours given', 'Hours preparing']);
			expect(rows.map((row) => row[0])).toEqual(table.map((cells) => cells[0]));
		});

		await test.step('the CSV holds the figures the table shows', async () => {
			const { name, text } = await measures.downloadCsv('big-i');
			expect(name).toMatch(/^coproduce-big-i-\d{4}-\d{2}-\d{2}\.csv$/);
			const [header, ...rows] = csvRows(text);
			expect(header?.slice(0, 4)).toEqual(['Month', 'Active projects', 'With Big I', 'Share with Big I']);
			const table = await measures.tableRows('big-i');
			expect(rows).toHaveLength(table.length);
			table.forEach((cells, i) => {
				const row = rows[i] ?? [];
				expect(row.slice(0, 3)).toEqual(cells.slice(0, 3));
				if (row[3]) expect(`${Math.round(Number(row[3]) * 100)}%`).toBe(cells[3]);
			});
			const meetings = await measures.downloadCsv('member-led-meetings');
			const meetingTable = await measures.tableRows('member-led-meetings');
			expect(
				csvRows(meetings.text)
					.slice(1)
					.map((row) => row.slice(0, 3))
			).toEqual(meetingTable.map((cells) => cells.slice(0, 3)));
		});

		await test.step('seldom-heard reach shows nothing until the key is unlocked', async () => {
			await expect(page.getByTestId('measure-seldom-heard-locked')).toContainText(
				'Nothing is shown until then'
			);
			await expect(measures.section('seldom-heard')).toHaveCount(0);
			await page.emulateMedia({ media: 'print' });
			await expect(page.getByLabel('Your sign-up key passphrase')).toBeHidden();
			await page.emulateMedia({ media: null });
			await expectAccessible(page);
			await page.getByLabel('Your sign-up key passphrase').fill(KEY_PASSPHRASE);
			await page.getByRole('button', { name: 'Unlock' }).click();
			const section = measures.section('seldom-heard');
			await expect(section.getByTestId('measure-summary')).toContainText('Choose below which answers count');
			await section.getByText('Which answers count as seldom heard?').click();
			await section.getByLabel('18 to 24', { exact: true }).check();
			await section.getByLabel('African', { exact: true }).check();
			await section.getByRole('button', { name: 'Save these answers' }).click();
			await expect(section.getByRole('status')).toHaveText('Saved on this device.');
			await measures.expectComplete('seldom-heard');
			await expect(section.getByTestId('measure-summary')).toContainText('4 people joined');
			// Two of the four (18 to 24, African): under 5, so hidden, and so are the others beside them.
			await expect(section.getByTestId('measure-summary')).toContainText('Fewer than 5 of them');
			await expect(section.getByTestId('measure-table')).toContainText('fewer than 5');
		});

		await test.step('in print every measure has its figures and no control shows', async () => {
			expect(await measures.shown()).toEqual([
				...NETWORK_LEVEL,
				...CHAIRS_AND_COORDINATORS,
				...COORDINATORS,
				'seldom-heard'
			]);
			await measures.expectPrintable();
		});

		await expectAccessible(page);
		await page.setViewportSize({ width: 320, height: 640 });
		expect(await measures.scrollsSideways()).toBe(false);
	});

	test('a chair sees growth and sign-ups from the server’s counts, offline too, but not seldom-heard reach', async ({
		newDevice
	}) => {
		const { page, setOffline } = await newDevice();
		await signInSynced(page, 'chair');
		await waitForServiceWorker(page);
		const measures = new MeasuresPage(page);
		await measures.open();
		await expect(measures.section('growth')).toBeVisible({ timeout: 15_000 });

		await setOffline(true);
		await page.reload();
		for (const id of [...NETWORK_LEVEL, ...CHAIRS_AND_COORDINATORS]) await measures.expectComplete(id);
		expect(await measures.shown()).toEqual([...NETWORK_LEVEL, ...CHAIRS_AND_COORDINATORS]);
		await expect(page.getByTestId('measure-seldom-heard-locked')).toHaveCount(0);
		await expect(page.getByTestId('measures-audience')).toContainText('every measure but seldom-heard reach');
		await expect(measures.section('growth')).toContainText(/Accounts as of \d{1,2} \w+ \d{4}/);
		await expect(measures.section('signups-by-kind').getByTestId('measure-summary')).toContainText(
			/sign-ups as of \d{1,2} \w+ \d{4}/
		);
		await measures.expectPrintable();
		await expectAccessible(page);
	});

	test('a member sees only the network-level measures, by month or quarter', async ({ newDevice }) => {
		const { page } = await newDevice();
		const problems = watchForProblems(page);
		await signInSynced(page, 'member');
		const measures = new MeasuresPage(page);
		await measures.open();
		for (const id of NETWORK_LEVEL) await measures.expectComplete(id);
		expect(await measures.shown()).toEqual(NETWORK_LEVEL);
		await expect(page.getByTestId('measures-audience')).toContainText('chairs and coordinators see them');
		await expect(page.getByTestId('measures-audience')).toContainText('only coordinators see it');
		await expect(measures.section('time-given')).toHaveCount(0);
		await page.getByLabel('By quarter').check();
		await expect(measures.section('ideas').getByTestId('measure-table').locator('thead')).toContainText(
			'Quarter'
		);
		await expectAccessible(page);
		await page.setViewportSize({ width: 320, height: 640 });
		expect(await measures.scrollsSideways()).toBe(false);
		problems.expectNone();
	});
});
