import { SignInPage, SyncIndicator } from './pages/app';
import { ActionsPage, DirectClient, isoDateFromToday, MeetingsPage, NotesPage } from './pages/meetings';
import { expect, expectAccessible, test, waitForServiceWorker, type Device } from './support/fixtures';

async function signedIn(device: Device, name: string): Promise<void> {
	await device.page.goto('/sign-in');
	await new SignInPage(device.page).signIn(name);
	await new SyncIndicator(device.page).expectAllSynced();
	await waitForServiceWorker(device.page);
}

const CARDS = /What happens next cards/;
const CHAIR_REFUSAL = "Only the group's chairs or a coordinator can set up, change or approve a meeting";

test.describe('meetings: member-set agendas, notes taken together, actions followed to done', () => {
	test('two note-takers offline on one meeting lose nothing; the action reaches its owner; minutes approve and print', async ({
		newDevice
	}) => {
		const chair = await newDevice();
		const member = await newDevice();
		await Promise.all([signedIn(chair, 'chair'), signedIn(member, 'member')]);

		// The demo's upcoming meeting has an agenda members proposed.
		const meetings = new MeetingsPage(chair.page);
		await meetings.open();
		await expect(chair.page.getByTestId('measures')).toContainText('Chaired by members');
		await expect(chair.page.getByRole('link', { name: "See all the network's measures" })).toHaveAttribute(
			'href',
			'/measures'
		);
		await expectAccessible(chair.page);
		await meetings.openFirst('upcoming-meetings');
		await expect(chair.page.getByTestId('agenda')).toContainText('What happens next cards');
		await expect(chair.page.getByTestId('proposed-items')).toContainText('A buddy for new members');

		// The chair sets up a meeting starting now and proposes the first item.
		const meetingUrl = await meetings.setUp({
			group: 'North and coast',
			title: 'Members’ meeting: cards and parking',
			startsAt: new Date(Date.now() - 5 * 60_000),
			place: 'Northgate community centre'
		});
		await chair.page
			.getByLabel('What would you like to talk about?')
			.fill('What happens next cards: feedback');
		await chair.page.getByRole('button', { name: 'Propose this item' }).click();
		await expect(chair.page.getByTestId('proposed-items')).toContainText('What happens next cards');

		// A member proposes an item; an empty one gets a clear message first.
		await expect(async () => {
			await member.page.goto(meetingUrl);
			await expect(member.page.getByTestId('meeting-when')).toBeVisible({ timeout: 2_000 });
		}).toPass({ timeout: 15_000 });
		await member.page.getByRole('button', { name: 'Propose this item' }).click();
		await expect(member.page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
			'Enter what you would like to talk about'
		);
		await expectAccessible(member.page);
		await member.page.getByLabel('What would you like to talk about?').fill('Parking at Northgate station');
		await member.page.getByRole('button', { name: 'Propose this item' }).click();
		await expect(member.page.getByTestId('proposed-items')).toContainText('Parking at Northgate station');

		// The chair places it on the agenda and gives it ten minutes.
		await chair.page.goto(`${meetingUrl}/agenda`);
		await expect(chair.page.getByTestId('agenda-order')).toContainText('Parking at Northgate station', {
			timeout: 15_000
		});
		await expectAccessible(chair.page);
		await chair.page.getByRole('button', { name: /Add to the agenda.*What happens next cards/ }).click();
		await chair.page.getByRole('button', { name: /Add to the agenda.*Parking at Northgate station/ }).click();
		const minutes = chair.page.getByLabel(/Minutes.*for Parking at Northgate station/);
		await minutes.fill('10');
		await minutes.blur();
		await expect(minutes).toHaveValue('10');

		// Both note-takers go offline on the same item.
		await chair.page.goto(`${meetingUrl}/notes`);
		await member.page.goto(`${meetingUrl}/notes`);
		await expect(member.page.getByRole('region', { name: /Parking at Northgate station/ })).toBeVisible({
			timeout: 15_000
		});
		await chair.setOffline(true);
		await member.setOffline(true);
		const chairNotes = new NotesPage(chair.page);
		const memberNotes = new NotesPage(member.page);

		await chairNotes.writeNotes(CARDS, 'Chair: crews say families keep the cards by the phone.');
		await chairNotes.saveNotes(CARDS);
		await chairNotes.recordDecision(CARDS, 'Keep the cards and add a large-print version.', [8, 0, 1]);
		const due = isoDateFromToday(7);
		await chairNotes.recordAction(CARDS, {
			text: 'Ask the print team for a large-print card',
			owner: 'member',
			due
		});

		// The member's typing survives a reload with no connection, then is saved.
		await memberNotes.writeNotes(CARDS, 'Member: two families said the 111 advice was the most useful part.');
		await member.page.reload();
		await expect(memberNotes.item(CARDS).getByLabel('Your notes')).toHaveValue(
			'Member: two families said the 111 advice was the most useful part.'
		);
		await expect(memberNotes.item(CARDS).getByText('Not saved yet')).toBeVisible();
		await memberNotes.saveNotes(CARDS);
		await member.page.getByRole('button', { name: 'I am here' }).click();
		await expect(member.page.getByTestId('attendance')).toContainText('Mo Member');

		// Back online: both sync, and each sees the other's notes next to their own.
		await chair.setOffline(false);
		await member.setOffline(false);
		await new SyncIndicator(chair.page).expectAllSynced();
		await new SyncIndicator(member.page).expectAllSynced();
		for (const [page, theirs] of [
			[chair.page, 'Member: two families said'],
			[member.page, 'Chair: crews say families keep the cards']
		] as const) {
			const item = new NotesPage(page).item(CARDS);
			await expect(item.getByTestId('other-note')).toContainText(theirs, { timeout: 15_000 });
			await expect(item.getByTestId('my-note-status')).toHaveText('Synced');
		}
		await expect(new NotesPage(member.page).item(CARDS).getByTestId('decisions')).toContainText(
			'Keep the cards and add a large-print version. (Show of hands: 8 for, 0 against, 1 did not vote)'
		);
		await expect(chair.page.getByRole('heading', { name: 'Changed on two devices' })).toHaveCount(0);
		await expectAccessible(chair.page);

		// The action is on the member's own phone under "My actions", and they finish it.
		await member.page.goto('/meetings/actions');
		const mine = member.page.getByTestId('my-actions');
		await expect(mine).toContainText('Ask the print team for a large-print card');
		await expect(mine).toContainText('Not due yet');
		await expectAccessible(member.page);
		// An action about an idea links both ways: to the idea, and from the idea's page back to its meeting.
		const leaflet = 'Collect everyone’s comments on the leaflet into one document';
		await mine
			.getByRole('link', { name: new RegExp(`^The idea this action is about\\s*: ${leaflet}$`) })
			.click();
		const onIdea = member.page.getByTestId('idea-actions');
		await expect(onIdea).toContainText(leaflet);
		await expect(onIdea.getByRole('link', { name: 'North and coast members’ meeting' })).toBeVisible();
		await expectAccessible(member.page);
		await member.page.goBack();
		// Each action offers only the steps that make sense from where it is, as one row of small buttons.
		const actions = new ActionsPage(member.page);
		const largePrint = 'Ask the print team for a large-print card';
		await expect
			.poll(() => actions.steps('my-actions', largePrint))
			.toEqual(['Mark as started', 'Mark as done', 'No longer needed']);
		await actions.take('Mark as started', largePrint, 'Asked for a quote');
		await expect(member.page.getByTestId('action-updated')).toHaveText(`${largePrint}: now in progress.`);
		await expect(actions.action('my-actions', largePrint)).toContainText('Latest: Asked for a quote');
		await expect
			.poll(() => actions.steps('my-actions', largePrint))
			.toEqual(['Mark as done', 'No longer needed']);
		await actions.take('Mark as done', largePrint);
		await expect(actions.action('finished-actions', largePrint)).toContainText('Done on time');
		// A finished action can only be reopened: no "Mark as started" once it is done.
		await expect.poll(() => actions.steps('finished-actions', largePrint)).toEqual(['Reopen']);
		await expectAccessible(member.page);
		await actions.take('Reopen', largePrint);
		await expect(actions.action('my-actions', largePrint)).toContainText('Not started');
		await actions.take('Mark as done', largePrint);
		await expect(actions.action('finished-actions', largePrint)).toContainText('Done on time');

		// The chair approves the minutes; they print cleanly and copy as plain text.
		await chair.context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await chair.page.goto(`${meetingUrl}/minutes`);
		await expect(chair.page.getByTestId('approval')).toHaveText('Draft: not approved yet');
		await chair.page.getByRole('button', { name: 'Approve the minutes' }).click();
		await expect(chair.page.getByTestId('approval')).toContainText('Approved by Charlie Chair');
		await expect(chair.page.getByTestId('minutes')).toContainText('Member: two families said');
		await expect(chair.page.locator('main [data-status]').first()).toHaveText('Synced', { timeout: 15_000 });
		await expectAccessible(chair.page);
		await chair.page.getByRole('button', { name: 'Copy as plain text' }).click();
		await expect(chair.page.getByTestId('copied')).toBeVisible();
		const text = await chair.page.evaluate(() => navigator.clipboard.readText());
		expect(text).toMatch(/^Minutes of Members’ meeting: cards and parking\nCoproduce\n/);
		expect(text).toContain('Minutes approved by Charlie Chair');
		expect(text).toContain('Chair: crews say families keep the cards by the phone.');
		expect(text).toContain('Ask the print team for a large-print card. Owner: Mo Member (a member).');

		// Printed: headed with the network's name, and people named as they go by, not by user names.
		await chair.page.emulateMedia({ media: 'print' });
		const printed = chair.page.getByTestId('minutes');
		await expect(chair.page.getByRole('heading', { level: 1 })).toHaveText(
			/^Coproduce: North and coast\s*–?\s*Minutes of Members’ meeting: cards and parking$/
		);
		await expect(chair.page.getByTestId('minutes-network')).toBeVisible();
		await expect(chair.page.getByTestId('present')).toContainText('Mo Member');
		await expect(chair.page.getByTestId('minutes-chair')).toHaveText('Charlie Chair (a member)');
		await expect(chair.page.getByTestId('approval')).toContainText('Approved by Charlie Chair');
		await expect(printed).toContainText('Proposed by Mo Member (a member)');
		await expect(printed).toContainText('Proposed by Charlie Chair (a member)');
		await expect(printed.getByRole('listitem').filter({ hasText: largePrint })).toContainText('Mo Member');
		await expect(printed).not.toContainText(/by (chair|member)\b/);
		await expect(printed).toContainText('Keep the cards and add a large-print version.');
		await expect(chair.page.getByRole('button', { name: 'Print' })).toBeHidden();
		await expect(chair.page.getByRole('navigation', { name: 'Main' })).toBeHidden();
		await expect(chair.page.getByTestId('sync-indicator')).toBeHidden();
		await chair.page.emulateMedia({ media: 'screen' });

		// The member leaves a reflection.
		await member.page.goto(`${meetingUrl}/minutes`);
		await member.page.getByRole('button', { name: 'Save reflection' }).click();
		await expect(member.page.locator('#reflection-rating-error')).toContainText(
			'Choose how well we worked together'
		);
		await member.page.getByLabel('4', { exact: true }).check();
		await member.page.getByRole('button', { name: 'Save reflection' }).click();
		await expect(member.page.getByTestId('reflections')).toContainText(
			'1 person answered: on average 4 out of 5'
		);
	});

	test('only a chair of the group approves: a former chair is refused by the server, and so is a forged write', async ({
		newDevice,
		server
	}) => {
		// Straight to the server: a member forging an approval, a chair approving another group's meeting.
		const member = await DirectClient.signIn(server.url, 'member');
		const meetingDocs = await member.docs('meeting:');
		const groups = await member.docs('group:');
		const north = groups.find((group) => (group.chairs as string[]).includes('chair'));
		const transport = meetingDocs.find((m) => m.group !== north?._id);
		const forged = { ...transport, approvedBy: 'member', approvedAt: new Date().toISOString() };
		expect(await member.put(forged)).toEqual({ status: 403, reason: CHAIR_REFUSAL });
		const otherChair = await DirectClient.signIn(server.url, 'chair');
		expect(await otherChair.put({ ...forged, approvedBy: 'chair' })).toEqual({
			status: 403,
			reason: CHAIR_REFUSAL
		});
		await Promise.all([member.dispose(), otherChair.dispose()]);

		const chair = await newDevice();
		const coordinator = await newDevice();
		await Promise.all([signedIn(chair, 'chair'), signedIn(coordinator, 'coordinator')]);

		// The chair checks a new meeting's form (nothing is saved) and opens the last meeting's minutes.
		await chair.page.goto('/meetings/new');
		await chair.page.getByRole('button', { name: 'Save meeting' }).click();
		const problems = chair.page.getByRole('alert').filter({ hasText: 'There is a problem' });
		await expect(problems).toContainText('Choose the group this meeting is for');
		await expect(problems).toContainText('Enter a title for the meeting');
		await expect(problems).toContainText('Enter the date of the meeting');
		await expectAccessible(chair.page);
		await new MeetingsPage(chair.page).open();
		const meetingUrl = await new MeetingsPage(chair.page).openFirst(
			'past-meetings',
			'North and coast members’ meeting'
		);
		await chair.page.getByRole('link', { name: 'Change details' }).click();
		await expect(chair.page.getByLabel('Title')).toHaveValue('North and coast members’ meeting');
		await expectAccessible(chair.page);
		await chair.page.goto(`${meetingUrl}/minutes`);
		await expect(chair.page.getByTestId('approval')).toContainText('Approved by Charlie Chair');

		// The chair's phone goes offline; meanwhile a coordinator hands the group to someone else.
		await chair.setOffline(true);
		await coordinator.page.goto('/meetings/groups');
		await expectAccessible(coordinator.page);
		await coordinator.page.getByRole('link', { name: 'North and coast' }).click();
		await expect(coordinator.page.getByLabel('Chairs (optional)')).toHaveValue('chair');
		await expectAccessible(coordinator.page);
		await coordinator.page.getByLabel('Chairs (optional)').fill('member');
		await coordinator.page.getByRole('button', { name: 'Save changes' }).click();
		await expect(coordinator.page.getByTestId('groups')).toContainText('Chairs: member');
		await new SyncIndicator(coordinator.page).expectAllSynced();
		await coordinator.page.goto('/meetings/groups/new');
		await coordinator.page.getByRole('button', { name: 'Save group' }).click();
		await expect(coordinator.page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
			'Enter a name for the group'
		);
		await expectAccessible(coordinator.page);

		// Still believing they chair the group, the former chair approves again while offline…
		await chair.page.getByRole('button', { name: 'Approve again' }).click();
		const status = chair.page.locator('main [data-status]').first();
		await expect(status).toHaveText('Saved on this device');
		// …and the server refuses it when the phone is back online. The page says so and why.
		await chair.setOffline(false);
		await expect(status).toHaveText(`Not synced: ${CHAIR_REFUSAL}`, { timeout: 15_000 });
		await expect(chair.page.getByTestId('refused-reason')).toHaveText(CHAIR_REFUSAL);
		await expect(chair.page.getByRole('button', { name: 'Approve again' })).toHaveCount(0);
		await expectAccessible(chair.page);
		await chair.page.getByRole('button', { name: 'Discard my change' }).click();
		await expect(status).toHaveText('Synced', { timeout: 15_000 });

		// Put the group back as it was for any later test on this server.
		const staff = await DirectClient.signIn(server.url, 'coordinator');
		const [changed] = (await staff.docs('group:')).filter((group) => group._id === north?._id);
		expect((await staff.put({ ...changed, chairs: ['chair'] })).status).toBe(201);
		await staff.dispose();
	});
});
