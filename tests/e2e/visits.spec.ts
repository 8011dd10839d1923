import type { Request } from '@playwright/test';
import { MainNav, SignInPage, SyncIndicator } from './pages/app';
import { ServerApi } from './support/api';
import { expect, expectAccessible, test, waitForServiceWorker, type Device } from './support/fixtures';
import { jpegWithLocation } from './support/photos';

async function signedIn(device: Device, name: string): Promise<void> {
	await device.page.goto('/sign-in');
	await new SignInPage(device.page).signIn(name);
	await new SyncIndicator(device.page).expectAllSynced();
	await waitForServiceWorker(device.page);
}

test.describe('site visits', () => {
	test('a mock inspection of 20 observations and 3 photos captured offline, then synced with each photo sent once', async ({
		newDevice,
		server
	}) => {
		test.slow(); // three times the usual time: many steps, two devices
		const phone = await newDevice();
		await signedIn(phone, 'member');
		const { page } = phone;

		// Planned while online.
		await new MainNav(page).go('Visits');
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Plan a visit' }).click();
		await page.getByLabel('999 control room').check();
		await page.getByLabel('Name of the site').fill('Eastfield control room');
		await page.getByLabel('Date of the visit').fill('2026-11-20');
		await page.getByLabel('Mock CQC inspection').check();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Save visit' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Eastfield control room');
		const visitUrl = new URL(page.url()).pathname;

		// No signal inside the building.
		await phone.setOffline(true);
		await page.getByRole('button', { name: 'Start the visit' }).click();
		await expect(page.locator('[data-visit-status]')).toHaveText('In progress');
		await page.getByRole('link', { name: 'Add an observation' }).click();
		await expectAccessible(page);
		const photoFiles = await Promise.all([1, 2, 3].map((n) => jpegWithLocation(page, `photo-${n}.jpg`)));
		const questions = ['Safe', 'Effective', 'Caring', 'Responsive', 'Well-led'];
		const kinds = ['Good practice', 'Concern', 'Idea', 'Question'];
		for (let i = 0; i < 20; i++) {
			await page
				.getByLabel('What did you see or hear?')
				.fill(`Observation ${i + 1}: call handlers ${i % 2 ? 'calm' : 'rushed'}`);
			await page.getByLabel(kinds[i % 4]!, { exact: true }).check();
			await page.getByLabel(questions[i % 5]!, { exact: true }).check();
			if (i < 3) await page.getByLabel('Photos (optional)').setInputFiles(photoFiles[i]!);
			await page.getByRole('button', { name: 'Save observation' }).click();
			await expect(page.getByTestId('capture-saved')).toContainText(`${i + 1} observation`);
			await expect(page.getByLabel('What did you see or hear?')).toHaveValue('');
		}
		await expectAccessible(page);

		// A reload with no signal keeps everything.
		await page.goto(visitUrl);
		await page.reload();
		await expect(page.getByTestId('observation-count')).toHaveText('20 observations');
		await expect(page.getByTestId('timeline').getByRole('img')).toHaveCount(3);
		await expectAccessible(page);

		// Back online: count how often each photo's bytes travel to the server.
		const bodies: string[] = [];
		page.on('request', (request: Request) => {
			if (request.method() === 'POST' && request.url().includes('/_bulk_docs'))
				bodies.push(request.postData() ?? '');
		});
		await phone.setOffline(false);
		await new SyncIndicator(page).expectAllSynced(30_000);

		const api = await ServerApi.signIn(server.url, 'coordinator');
		const visitId = `visit:${visitUrl.split('/')[2]}`;
		const all = await Promise.all((await api.allIds('observation:')).map((id) => api.getDoc(id)));
		const observations = all.filter((doc) => doc?.visitId === visitId).map((doc) => String(doc?._id));
		expect(observations).toHaveLength(20);
		const photos = (
			await Promise.all((await api.allIds('photo:')).map((id) => api.getDocWithAttachments(id)))
		).filter((doc) => observations.includes(String(doc?.subject)));
		expect(photos).toHaveLength(3);
		for (const photo of photos) {
			const image = (photo?._attachments as Record<string, { data: string }> | undefined)?.image;
			if (!image) throw new Error('photo without image on the server');
			const sent = bodies.filter((body) => body.includes(image.data.slice(0, 200))).length;
			expect(sent, `photo ${String(photo?._id)} sent ${sent} times`).toBe(1);
			expect(Buffer.from(image.data, 'base64').includes(Buffer.from('GPSLatitude'))).toBe(false);
		}
		await api.dispose();
	});

	test('an observation turned into an idea keeps the link both ways; the report renders and prints', async ({
		newDevice
	}) => {
		const phone = await newDevice();
		await signedIn(phone, 'member');
		const { page } = phone;
		await page.goto('/visits/new');
		await page.getByLabel('Ambulance station').check();
		await page.getByLabel('Name of the site').fill('Northgate station');
		await page.getByLabel('Date of the visit').fill('2026-11-21');
		await page.getByRole('button', { name: 'Save visit' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Northgate station');
		const visitUrl = new URL(page.url()).pathname;
		// A detail corrected: the form opens with the visit as it is.
		await page.getByRole('link', { name: 'Change details' }).click();
		await expect(page.getByLabel('Name of the site')).toHaveValue('Northgate station');
		await expectAccessible(page);
		await page.getByLabel('Name of the site').fill('Northgate ambulance station');
		await page.getByRole('button', { name: 'Save changes' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Northgate ambulance station');
		await page.getByRole('link', { name: 'Add an observation' }).click();
		await page
			.getByLabel('What did you see or hear?')
			.fill('The defibrillator cupboard has no sign\nCrews said they lose time looking for it.');
		await page.getByLabel('Concern').check();
		await page.getByRole('button', { name: 'Save observation' }).click();
		await page.getByLabel('What did you see or hear?').fill('Crew room is calm and tidy');
		await page.getByLabel('Good practice').check();
		await page.getByRole('button', { name: 'Save observation' }).click();
		await expect(page.getByTestId('capture-saved')).toContainText('2 observations');
		await page.goto(visitUrl);

		await page.getByRole('link', { name: /Turn into an idea\W+The defibrillator/ }).click();
		await expect(page.getByLabel('Title')).toHaveValue('The defibrillator cupboard has no sign');
		await page.getByRole('button', { name: 'Save idea' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'The defibrillator cupboard has no sign'
		);
		await expect(page.getByTestId('idea-source')).toContainText('Northgate ambulance station');
		await page.getByTestId('idea-source').getByRole('link').click();
		await expect(page.getByTestId('observation-idea')).toContainText(
			'The defibrillator cupboard has no sign'
		);

		await page.getByRole('link', { name: 'Visit report' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Visit report: Northgate ambulance station'
		);
		await expect(page.getByRole('heading', { name: 'Concern' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Good practice' })).toBeVisible();
		await expectAccessible(page);
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
		await expect(page.locator('.app-header')).toBeHidden();
		await expect(page.getByText(/Crews said they lose time/)).toBeVisible();
		const pdf = await page.pdf({ format: 'A4' });
		expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
	});
});
