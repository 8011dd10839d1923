import { SignInPage, SyncIndicator } from './pages/app';
import { GlossaryPage, MarkedTerm } from './pages/glossary';
import { MeetingsPage, NotesPage } from './pages/meetings';
import { expect, expectAccessible, test, waitForServiceWorker, type Device } from './support/fixtures';
import { watchForProblems } from './support/problems';

async function signedIn(device: Device, name: string): Promise<void> {
	await device.page.goto('/sign-in');
	await new SignInPage(device.page).signIn(name);
	await new SyncIndicator(device.page).expectAllSynced();
	await waitForServiceWorker(device.page);
}

const SDEC = {
	term: 'SDEC',
	meaning: 'Same day emergency care: hospital care for people who can go home the same day.',
	note: 'Crews can take some patients straight there instead of to A&E.'
};
const ITEM = /What happens next cards/;
const NOTE = 'The EOC passed two of the calls to the SDEC team.';

test.describe('the glossary', () => {
	test('a coordinator adds a term offline; a member’s note explains its terms on tap and by keyboard; the acronym sheet prints', async ({
		newDevice
	}) => {
		test.slow(); // two people, offline and back
		const coordinator = await newDevice();
		const member = await newDevice();
		const problems = watchForProblems(coordinator.page);
		await Promise.all([signedIn(coordinator, 'coordinator'), signedIn(member, 'member')]);
		const { page } = coordinator;

		// The seeded glossary, A to Z, with a way in from Home.
		await page.goto('/');
		await page.getByRole('link', { name: 'Words we use' }).click();
		const glossary = new GlossaryPage(page);
		await expect(glossary.heading).toHaveText('Words and abbreviations we use');
		await expect(glossary.row('EOC')).toContainText('Emergency operations centre');
		await expectAccessible(page);

		// No signal: the coordinator adds a term, saved on this device, then synced.
		await coordinator.setOffline(true);
		await glossary.add(SDEC);
		await expect(glossary.row('SDEC')).toContainText(SDEC.meaning);
		await expect(glossary.row('SDEC')).toContainText(SDEC.note);
		await expect(glossary.row('SDEC')).toContainText('Saved on this device');
		await expectAccessible(page);
		await coordinator.setOffline(false);
		await new SyncIndicator(page).expectAllSynced(30_000);
		await expect(glossary.row('SDEC')).toContainText('Synced');

		// An idea's details (markdown) mark terms in their text too.
		await member.page.goto('/ideas');
		await member.page
			.getByRole('link', { name: /what happens next/ })
			.first()
			.click();
		const details = member.page.getByTestId('idea-details');
		const emergency = new MarkedTerm(details, '999');
		await expect(emergency.button).toHaveAccessibleDescription(/^The number to call in an emergency/);
		await emergency.button.click();
		await expect(await emergency.panel()).toContainText('999: The number to call in an emergency');
		await expectAccessible(member.page);

		// A member sees the terms but cannot change them; they write a note in a meeting.
		await new GlossaryPage(member.page).open();
		await expect(new GlossaryPage(member.page).row('SDEC')).toContainText(SDEC.meaning, { timeout: 15_000 });
		await expect(member.page.getByRole('link', { name: 'Add a term' })).toHaveCount(0);
		const meetings = new MeetingsPage(member.page);
		await meetings.open();
		const meetingUrl = await meetings.openFirst('upcoming-meetings');
		await member.page.goto(`${meetingUrl}/notes`);
		const memberNotes = new NotesPage(member.page);
		await memberNotes.writeNotes(ITEM, NOTE);
		await memberNotes.saveNotes(ITEM);
		await new SyncIndicator(member.page).expectAllSynced();

		// The coordinator sees the note with its terms marked, each named by the term and described by its meaning.
		await page.goto(`${meetingUrl}/notes`);
		const note = new NotesPage(page).item(ITEM).getByTestId('other-note');
		await expect(note).toContainText(NOTE, { timeout: 15_000 });
		const eoc = new MarkedTerm(note, 'EOC');
		await expect(eoc.button).toHaveAccessibleName('EOC');
		await expect(eoc.button).toHaveAccessibleDescription(/^Emergency operations centre/);
		await expect(eoc.button).toHaveAttribute('aria-expanded', 'false');
		await expectAccessible(page);

		// A tap shows the meaning just below; Escape closes it.
		await eoc.button.click();
		await expect(await eoc.panel()).toContainText('EOC: Emergency operations centre');
		await expectAccessible(page);
		await page.keyboard.press('Escape');
		await expect(eoc.button).toHaveAttribute('aria-expanded', 'false');
		await expect(eoc.button).toBeFocused();

		// By keyboard alone: Tab on to the next term, Enter opens it, Enter again closes it.
		const sdec = new MarkedTerm(note, 'SDEC');
		await page.keyboard.press('Tab');
		await expect(sdec.button).toBeFocused();
		await expect(sdec.button).toHaveAccessibleDescription(SDEC.meaning);
		await page.keyboard.press('Enter');
		const panel = await sdec.panel();
		await expect(panel).toContainText(SDEC.meaning);
		await expect(panel).toContainText(SDEC.note);
		await page.keyboard.press('Enter');
		await expect(sdec.button).toHaveAttribute('aria-expanded', 'false');
		await expect(panel).toHaveCount(0);

		// The acronym sheet: in print, the table alone, no buttons or links to change terms.
		await glossary.open();
		await page.emulateMedia({ media: 'print' });
		await expect(glossary.table).toBeVisible();
		await expect(glossary.row('SDEC')).toContainText(SDEC.meaning);
		await expect(page.getByRole('button', { name: 'Print the acronym sheet' })).toBeHidden();
		await expect(page.getByRole('link', { name: 'Add a term' })).toBeHidden();
		await expect(glossary.row('EOC').getByRole('link', { name: /Change/ })).toBeHidden();
		await expect(page.getByRole('banner')).toBeHidden();
		await page.emulateMedia({ media: 'screen' });
		await expect(page.getByRole('button', { name: 'Print the acronym sheet' })).toBeVisible();
		problems.expectNone();
	});
});
