import { createIdea, IdeaFormPage, IdeaPage, openIdea, SignInPage, SyncIndicator } from './pages/app';
import { ServerApi } from './support/api';
import { expect, expectAccessible, test, waitForServiceWorker, type Device } from './support/fixtures';
import { jpegWithLocation } from './support/photos';

async function signedIn(device: Device, name: string): Promise<void> {
	await device.page.goto('/sign-in');
	await new SignInPage(device.page).signIn(name);
	await new SyncIndicator(device.page).expectAllSynced();
	await waitForServiceWorker(device.page);
}

test.describe('ideas: from "I noticed something" to "you said, we did"', () => {
	test('captured offline with a photo, the photo loses its location and is uploaded once synced', async ({
		newDevice,
		server
	}) => {
		const phone = await newDevice();
		await signedIn(phone, 'member');
		const photo = await jpegWithLocation(phone.page);
		await waitForServiceWorker(phone.page);
		await phone.setOffline(true);

		await phone.page.goto('/ideas/new');
		await expectAccessible(phone.page);
		const form = new IdeaFormPage(phone.page);
		await form.fill(
			'Clearer signs to the ambulance bay',
			'Drivers at **Northgate** struggle to find it at night.'
		);
		await phone.page.getByLabel('Service area (optional)').selectOption('A&E operations');
		await phone.page.getByLabel('Tags (optional)').fill('Signage, night shifts');
		await phone.page.getByLabel('The public').check();
		await phone.page.getByLabel('Photos (optional)').setInputFiles(photo);
		await expect(phone.page.getByAltText('New photo 1, not saved yet')).toBeVisible();
		await expectAccessible(phone.page);
		await form.save();

		const idea = new IdeaPage(phone.page);
		await expect(idea.heading()).toHaveText('Clearer signs to the ambulance bay');
		await expect(idea.status()).toHaveText('Saved on this device');
		await expect(phone.page.getByTestId('idea-photos').getByRole('img')).toHaveCount(1);
		await expect(phone.page.getByTestId('idea-details').locator('strong')).toHaveText('Northgate');
		await expect(phone.page.getByRole('link', { name: '#signage' })).toBeVisible();
		await expectAccessible(phone.page);
		const id = idea.id();

		await phone.page.reload();
		await expect(phone.page.getByTestId('idea-photos').getByRole('img')).toHaveCount(1);

		await phone.setOffline(false);
		await expect(idea.status()).toHaveText('Synced', { timeout: 15_000 });
		await new SyncIndicator(phone.page).expectAllSynced();

		const api = await ServerApi.signIn(server.url, 'coordinator');
		expect(await api.getDoc(id)).toMatchObject({
			area: 'A&E operations',
			tags: ['signage', 'night shifts'],
			origin: 'public'
		});
		const photos = await api.allIds('photo:');
		const stored = await Promise.all(photos.map((photoId) => api.getDocWithAttachments(photoId)));
		const ours = stored.filter((doc) => doc?.subject === id);
		expect(ours).toHaveLength(1);
		type Attachment = { content_type: string; data: string; revpos: number };
		const image = (ours[0]?._attachments as Record<string, Attachment> | undefined)?.image;
		if (!image) throw new Error('The photo reached the server without its image');
		expect(image.content_type).toBe('image/jpeg');
		expect(image.revpos).toBe(1);
		const bytes = Buffer.from(image.data, 'base64');
		expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
		expect(bytes.includes(Buffer.from('Exif'))).toBe(false);
		expect(bytes.includes(Buffer.from('GPSLatitude'))).toBe(false);
		await api.dispose();
	});

	test('support and a comment from a second device; search finds words in comments; status and outcome', async ({
		newDevice
	}) => {
		const author = await newDevice();
		const other = await newDevice();
		const coordinator = await newDevice();
		await signedIn(author, 'member');
		await signedIn(other, 'chair');
		await signedIn(coordinator, 'coordinator');

		const id = await createIdea(author.page, 'Let callers text 999 when speaking is hard');
		await expect(new IdeaPage(author.page).status()).toHaveText('Synced', { timeout: 15_000 });

		await openIdea(other.page, id);
		await other.page.getByRole('button', { name: 'Support this idea' }).click();
		await expect(other.page.getByTestId('support-count')).toHaveText('1 supporter');
		await other.page
			.getByLabel('Add a comment')
			.fill('Deaf members at the Pride stall asked for exactly this: quokka');
		await other.page.getByRole('button', { name: 'Post comment' }).click();
		await expect(other.page.getByTestId('comments')).toContainText('quokka');
		await other.page.getByRole('button', { name: /Reply/ }).first().click();
		await other.page.getByLabel('Your reply').fill('And carers too.');
		await other.page.getByRole('button', { name: 'Reply', exact: true }).click();
		await expect(other.page.locator('.app-comment--reply')).toContainText('And carers too.');
		// Each comment says where it is, as the idea does: synced once the server has it.
		await expect(other.page.getByTestId('comments').locator('[data-status]')).toHaveText(
			['Synced', 'Synced'],
			{
				timeout: 15_000
			}
		);
		await expectAccessible(other.page);

		// The author's phone gets both without reloading.
		await expect(author.page.getByTestId('support-count')).toHaveText('1 supporter', { timeout: 15_000 });
		await expect(author.page.getByTestId('comments')).toContainText('quokka', { timeout: 15_000 });

		// Search on the device finds the idea by a word that is only in a comment.
		await author.page.goto('/ideas');
		await author.page.getByLabel('Search ideas and comments').fill('quokk');
		await expect(author.page.getByTestId('idea-count')).toHaveText('1 idea found');
		await expect(author.page.getByTestId('idea-list').getByRole('link')).toHaveText(
			'Let callers text 999 when speaking is hard'
		);
		await expectAccessible(author.page);

		// A coordinator moves it on and closes it with a "You said, we did".
		await openIdea(coordinator.page, id);
		await coordinator.page.getByText('Change the status').click();
		await coordinator.page.getByLabel('Done').check();
		await coordinator.page.getByRole('button', { name: 'Save status' }).click();
		await expect(coordinator.page.locator('#outcome-error')).toContainText('You said, we did');
		await coordinator.page
			.getByLabel('You said, we did')
			.fill('Text to 999 is now promoted on every leaflet.');
		await coordinator.page.getByRole('button', { name: 'Save status' }).click();
		await expect(coordinator.page.getByTestId('outcome')).toContainText('Text to 999 is now promoted');
		await expect(coordinator.page.getByTestId('status-history')).toContainText(
			'Done: changed by coordinator'
		);
		await expectAccessible(coordinator.page);

		await author.page.goto('/ideas/outcomes');
		await expect(author.page.getByTestId('outcomes')).toContainText('Text to 999 is now promoted', {
			timeout: 15_000
		});
		await expectAccessible(author.page);
		// Members cannot change the status.
		await openIdea(author.page, id);
		await expect(author.page.getByText('Change the status')).toHaveCount(0);
	});

	test('the same idea edited on two offline phones: both versions shown, merged, nothing lost', async ({
		newDevice,
		server
	}) => {
		const a = await newDevice();
		const b = await newDevice();
		await signedIn(a, 'member');
		await signedIn(b, 'member');
		const id = await createIdea(a.page, 'Hospital handover times', 'Original text.');
		await expect(new IdeaPage(a.page).status()).toHaveText('Synced', { timeout: 15_000 });
		await openIdea(b.page, id);

		await a.setOffline(true);
		await b.setOffline(true);
		for (const [device, text] of [
			[a, 'Phone A: handovers at City General take 90 minutes.'],
			[b, 'Phone B: crews wait outside in the cold.']
		] as const) {
			await device.page.getByRole('link', { name: 'Edit idea' }).click();
			await new IdeaFormPage(device.page).details.fill(text);
			await new IdeaFormPage(device.page).save('Save changes');
			await expect(new IdeaPage(device.page).status()).toHaveText('Saved on this device');
		}
		await a.setOffline(false);
		await new SyncIndicator(a.page).expectAllSynced();
		await b.setOffline(false);
		await new SyncIndicator(b.page).expectAllSynced();
		await a.page.reload();

		// One of the phones shows the conflict (whichever PouchDB did not pick as the winner; both do after pull).
		const phone = a;
		await expect(phone.page.getByRole('heading', { name: 'Edited on two devices' })).toBeVisible({
			timeout: 15_000
		});
		// While two versions wait, the idea is not "Synced", on its page or in the list.
		await expect(new IdeaPage(phone.page).status()).toHaveText('In conflict');
		await phone.page.getByRole('link', { name: 'Back to ideas' }).click();
		const listed = phone.page.getByTestId('idea-list').getByRole('listitem').filter({
			hasText: 'Hospital handover times'
		});
		await expect(listed.locator('[data-status]')).toHaveText('In conflict');
		await listed.getByRole('link', { name: 'Hospital handover times' }).click();
		await phone.page.getByRole('link', { name: 'Compare and choose' }).click();

		// Each version says when it was saved and which came later (phone B saved after phone A).
		const field = phone.page.getByTestId('conflict-field-details');
		await expect(field).toContainText('Phone A: handovers at City General take 90 minutes.');
		await expect(field).toContainText('Phone B: crews wait outside in the cold.');
		const versions = field.locator('.app-compare > div');
		await expect(versions.filter({ hasText: 'Phone B: crews' })).toContainText(
			/Changed (today at|on) [\w ,:]*\d\d \(the later one\)/
		);
		await expect(versions.filter({ hasText: 'Phone A: handovers' })).not.toContainText('the later one');
		await expect(phone.page.getByTestId('conflict-versions')).toContainText(
			/Version A\s*Changed (today at|on) /
		);
		await expect(phone.page.getByTestId('conflict-author')).toContainText('First written by member on');
		await expectAccessible(phone.page);
		await field.getByLabel('Keep both').check();
		await phone.page.getByRole('button', { name: 'Save my choice' }).click();
		await expect(phone.page.getByTestId('conflict-resolved')).toBeVisible();
		// The way back is where the person is now, and says where it leads.
		const back = phone.page.getByRole('link', { name: 'Go back to the idea “Hospital handover times”' });
		await expect(back).toBeFocused();
		await expectAccessible(phone.page);
		await back.click();
		await expect(phone.page.getByTestId('idea-details')).toContainText('Phone A: handovers');
		await expect(new IdeaPage(phone.page).status()).not.toHaveText('In conflict');
		await expect(phone.page.getByTestId('idea-details')).toContainText('Phone B: crews wait');
		await expect(phone.page.getByRole('heading', { name: 'Edited on two devices' })).toHaveCount(0);
		await new SyncIndicator(phone.page).expectAllSynced();

		const api = await ServerApi.signIn(server.url, 'coordinator');
		await expect
			.poll(async () => String((await api.getDoc(id))?.details ?? ''), { timeout: 15_000 })
			.toMatch(/Phone A: handovers[\s\S]*Phone B: crews|Phone B: crews[\s\S]*Phone A: handovers/);
		// The other phone ends with the merged text and no conflict.
		await b.page.reload();
		await expect(b.page.getByTestId('idea-details')).toContainText('Phone A: handovers', { timeout: 15_000 });
		await expect(b.page.getByTestId('idea-details')).toContainText('Phone B: crews wait');
		await expect(b.page.getByRole('heading', { name: 'Edited on two devices' })).toHaveCount(0);
		await api.dispose();
	});
});
