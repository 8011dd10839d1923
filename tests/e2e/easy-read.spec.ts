import { SignInPage, SyncIndicator } from './pages/app';
import { EasyRead } from './pages/easy-read';
import { MeetingsPage } from './pages/meetings';
import { expect, expectAccessible, test, waitForServiceWorker } from './support/fixtures';
import { watchForProblems } from './support/problems';

const MEETING = 'North and coast members’ meeting';
const SUMMARY = 'We talked about waiting outside A&E.\nThe hospital will try a new way to hand over.';

test.describe('easy read', () => {
	test('a member who chose easy read sees the easy-read words on the main journeys, and a chair’s easy-read minutes first', async ({
		newDevice
	}) => {
		test.slow(); // two people, many pages
		const member = await newDevice();
		const chair = await newDevice();
		const problems = watchForProblems(member.page);
		const { page } = member;
		const easy = new EasyRead(page);

		// Chosen on the sign-in page, before anyone is known.
		await page.goto('/sign-in');
		await easy.turn(true);
		await easy.expectLines('Sign in to use Coproduce.');
		await expect(page.getByText('If you do not have an account')).toHaveCount(0);
		await expectAccessible(page);
		await new SignInPage(page).signIn('member');
		await new SyncIndicator(page).expectAllSynced();
		await waitForServiceWorker(page);

		// Home, ideas, an idea, meetings, a meeting: each page's own words in easy read, with pictures.
		await easy.expectLines('Hello, Mo Member.');
		await expect(page.getByText('Read ideas and share your own.')).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Ideas', exact: true }).first().click();
		await easy.expectLines('An idea is a way to make a service better.');
		await expectAccessible(page);
		await page.getByTestId('idea-list').getByRole('link').first().click();
		await easy.expectLines('This page is about one idea.');
		await expectAccessible(page);
		const meetings = new MeetingsPage(page);
		await meetings.open();
		await easy.expectLines('Members meet in groups to talk about health services.');
		await expectAccessible(page);
		const meetingPath = await meetings.openFirst('past-meetings', MEETING);
		await easy.expectLines('This page is about one meeting: when and where it is.');
		await expectAccessible(page);

		// The chair writes what the meeting agreed in easy read (a person writes it, not a machine).
		await chair.page.goto('/sign-in');
		await new SignInPage(chair.page).signIn('chair');
		await new SyncIndicator(chair.page).expectAllSynced();
		await chair.page.goto(`${meetingPath}/edit`);
		await chair.page.getByLabel('What the meeting agreed, in easy read (optional)').fill(SUMMARY);
		await chair.page.getByRole('button', { name: 'Save changes' }).click();
		await expect(chair.page.getByRole('heading', { level: 1 })).toHaveText(MEETING);
		await new SyncIndicator(chair.page).expectAllSynced(30_000);
		// Everyone else finds it folded away under its name.
		const folded = new EasyRead(chair.page).summary;
		await expect(folded.getByText('Easy read version')).toBeVisible();
		await expect(folded.getByText(/We talked about waiting/)).toBeHidden();

		// The member, offline after a reload, sees it first on the minutes, open, and still in easy read.
		await new SyncIndicator(page).expectAllSynced(30_000);
		await member.setOffline(true);
		await page.goto(`${meetingPath}/minutes`);
		await expect(easy.summary.getByRole('heading', { name: 'In easy read' })).toBeVisible();
		await expect(easy.summary).toContainText('The hospital will try a new way to hand over.');
		await expectAccessible(page);
		await page.reload();
		await page.goto('/');
		await easy.expectLines('Hello, Mo Member.');

		// Turned off from Your account: the usual words come back.
		await page.goto('/account');
		await easy.turn(false);
		await page.goto('/');
		await expect(easy.lines).toHaveCount(0);
		await expect(page.getByText(/Share what you notice/)).toBeVisible();
		await member.setOffline(false);
		problems.expectNone();
	});
});
