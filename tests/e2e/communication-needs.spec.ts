import { SignInPage, SyncIndicator } from './pages/app';
import { MeetingsPage } from './pages/meetings';
import { expect, expectAccessible, test, waitForServiceWorker, type Device } from './support/fixtures';
import { dumpIndexedDb } from './support/indexeddb';
import { watchForProblems } from './support/problems';

const MEETING = 'North and coast members’ meeting';
const BSL = 'British Sign Language (BSL) interpreter';

async function signedIn(device: Device, name: string): Promise<void> {
	await device.page.goto('/sign-in');
	await new SignInPage(device.page).signIn(name);
	await new SyncIndicator(device.page).expectAllSynced();
	await waitForServiceWorker(device.page);
}

test.describe('communication needs', () => {
	test('a member coming to a meeting shares that they need a BSL interpreter; its chair sees it and prints it, nobody else holds it', async ({
		newDevice
	}) => {
		test.slow(); // three people
		const [member, chair, other] = [await newDevice(), await newDevice(), await newDevice()];
		const problems = watchForProblems(member.page);
		await Promise.all([signedIn(member, 'member'), signedIn(chair, 'chair'), signedIn(other, 'recruiter')]);
		const { page } = member;

		// Offline, the member says they are coming: their needs start from their profile (extra time), and
		// they add a BSL interpreter.
		await new MeetingsPage(page).open();
		const meetingPath = await new MeetingsPage(page).openFirst('upcoming-meetings', MEETING);
		const coming = page.getByTestId('coming');
		await expect(coming.getByLabel('Extra time to read papers before meetings')).toBeChecked();
		await expectAccessible(page);
		await member.setOffline(true);
		await coming.getByLabel(BSL).check();
		await coming.getByRole('button', { name: 'I am coming' }).click();
		await expect(coming).toContainText('You told Charlie Chair you are coming.');
		await expect(coming).toContainText(
			`They know you need: ${BSL}, Extra time to read papers before meetings.`
		);
		await expect(coming).toContainText('Saved on this device');
		await expect(page.getByTestId('coming-list')).toHaveCount(0);
		await expectAccessible(page);
		await member.setOffline(false);
		await new SyncIndicator(page).expectAllSynced(30_000);
		await expect(coming).toContainText('Synced');

		// The chair sees who is coming and what they need, and nothing else about them; printed, it is the
		// attendance sheet with a column to sign.
		await new SyncIndicator(chair.page).expectAllSynced(30_000);
		await chair.page.goto(meetingPath);
		const list = chair.page.getByTestId('coming-list');
		await expect(list.getByRole('row', { name: /Mo Member/ })).toContainText(BSL);
		await expect(list.getByRole('row', { name: /Mo Member/ })).not.toContainText('dyslexia');
		await expectAccessible(chair.page);
		await chair.page.emulateMedia({ media: 'print' });
		await expect(list.getByRole('columnheader', { name: 'Signature' })).toBeVisible();
		await expect(list.getByText(`Attendance sheet: ${MEETING}`)).toBeVisible();
		await chair.page.emulateMedia({ media: 'screen' });

		// Another member of the group: no list, and no trace of the member's needs anywhere on their device.
		await new SyncIndicator(other.page).expectAllSynced(30_000);
		await other.page.goto(meetingPath);
		await expect(other.page.getByTestId('coming')).toBeVisible();
		await expect(other.page.getByTestId('coming-list')).toHaveCount(0);
		const held = await dumpIndexedDb(other.page);
		expect(held).not.toContain('coming:chair:member:');
		expect(held).not.toContain('bsl-interpreter');
		problems.expectNone();
	});
});
