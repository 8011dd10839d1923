import type { Request } from '@playwright/test';
import { MainNav, SignInPage, SyncIndicator } from './pages/app';
import { CaptureScreen, planVisit, VisitTimeline } from './pages/visits';
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
		// The report is organised by the five key questions, nothing left over to call "other".
		await page.getByRole('link', { name: 'Visit report' }).click();
		await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(questions);
		await page.goBack();

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
		const visitUrl = await planVisit(page, {
			siteType: 'Ambulance station',
			siteName: 'Northgate station',
			date: '2026-11-21'
		});
		// A detail corrected: the form opens with the visit as it is.
		await page.getByRole('link', { name: 'Change details' }).click();
		await expect(page.getByLabel('Name of the site')).toHaveValue('Northgate station');
		await expectAccessible(page);
		await page.getByLabel('Name of the site').fill('Northgate ambulance station');
		await page.getByRole('button', { name: 'Save changes' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Northgate ambulance station');
		const capture = new CaptureScreen(page);
		await capture.open();
		await capture.fill({
			text: 'The defibrillator cupboard has no sign\nCrews said they lose time looking for it.',
			kind: 'Concern'
		});
		await capture.saveAs(1);
		await capture.fill({
			text: 'Crew room is calm and tidy',
			kind: 'Good practice',
			photo: await jpegWithLocation(page, 'crew-room.jpg')
		});
		await expect(capture.photoSummary).toHaveText('1 photo added');
		await capture.saveAs(2);
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

		// Every observation says whether it is synced, as the visit does.
		const timeline = new VisitTimeline(page);
		await new SyncIndicator(page).expectAllSynced();
		for (const text of ['The defibrillator cupboard', 'Crew room is calm'])
			await expect(timeline.observation(text).locator('[data-status]')).toHaveText('Synced');

		await page.getByRole('link', { name: 'Visit report' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Visit report: Northgate ambulance station'
		);
		// It opens with which visit, where, when and who visited (by name), then the observations by kind,
		// with no "Other observations" heading over them all.
		const facts = page.getByTestId('report-facts');
		await expect(facts).toContainText('Ambulance station');
		await expect(facts).toContainText('21 November 2026');
		await expect(facts).toContainText('General visit');
		await expect(facts.getByRole('definition').filter({ hasText: 'Mo Member' })).toHaveCount(1);
		await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText([
			'Good practice',
			'Concern'
		]);
		await expect(page.getByRole('heading', { name: 'Other observations' })).toHaveCount(0);
		// The photo is whole: shown at its own shape, not cropped to a square.
		const photo = page.getByRole('img', { name: /Photo taken by Mo Member/ });
		const shape = () =>
			photo.evaluate((image: HTMLImageElement) => ({
				natural: image.naturalWidth / image.naturalHeight,
				shown: image.clientWidth / image.clientHeight,
				height: image.getBoundingClientRect().height
			}));
		await expect(photo).toBeVisible();
		const onScreen = await shape();
		expect(onScreen.shown).toBeCloseTo(onScreen.natural, 1);
		await expectAccessible(page);
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
		await expect(page.locator('.app-header')).toBeHidden();
		await expect(page.getByText(/Crews said they lose time/)).toBeVisible();
		// On paper: larger than the old 3.7 cm square (140 px), still whole.
		const onPaper = await shape();
		expect(onPaper.height).toBeGreaterThan(250);
		expect(onPaper.shown).toBeCloseTo(onPaper.natural, 1);
		const pdf = await page.pdf({ format: 'A4' });
		expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
	});
	test('on a 360 × 740 phone Save stays in reach, nothing typed hides behind it, and the photo picker says what it holds', async ({
		newDevice
	}) => {
		const phone = await newDevice();
		await signedIn(phone, 'member');
		const { page } = phone;
		await page.setViewportSize({ width: 360, height: 740 });
		await planVisit(page, {
			siteType: '111 centre',
			siteName: 'Riverside 111 centre',
			date: '2026-11-23',
			mockCqc: true
		});
		const capture = new CaptureScreen(page);
		await capture.open();
		await capture.text.fill('Call handlers read the safeguarding prompts aloud');
		expect(await page.evaluate(() => window.scrollY)).toBe(0);
		await expect(capture.save).toBeInViewport({ ratio: 1 });
		expect(await capture.hiddenBehindBar(capture.text)).toBe(false);

		// The keyboard goes through the fields in order, Save last, and each field it reaches is in view,
		// clear of the bar.
		const reached: string[] = [];
		for (let step = 0; step < 5; step++) {
			await page.keyboard.press('Tab');
			const focused = page.locator(':focus');
			reached.push(
				await focused.evaluate((element) => element.getAttribute('name') ?? element.textContent ?? '')
			);
			const shown = step === 3 ? capture.photoButton : focused;
			await expect(shown).toBeInViewport();
			if (step < 4)
				expect(await capture.hiddenBehindBar(shown), `${reached.at(-1)} behind the bar`).toBe(false);
		}
		expect(reached).toEqual(['kind', 'keyQuestion', 'projectId', 'photos', 'Save observation']);
		await page.keyboard.press('Shift+Tab');
		// The photo button shows the keyboard is on it, as an NHS button does.
		await expect(capture.photoButton).toHaveCSS('background-color', 'rgb(255, 235, 59)');

		// The browser's own file control never shows: an NHS button, then how many photos were added.
		await expect(capture.photoButton).toHaveText('Add a photo');
		await expect(capture.photoSummary).toHaveText('No photos added');
		const input = await capture.photos.boundingBox();
		expect(input?.width ?? 0).toBeLessThanOrEqual(1);
		await capture.photos.setInputFiles(await jpegWithLocation(page, 'prompts.jpg'));
		await expect(capture.photoSummary).toHaveText('1 photo added');
		await expect(capture.photoButton).toHaveText('Add another photo');
		await expect(page.getByRole('img', { name: 'New photo 1, not saved yet' })).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Remove new photo 1' }).click();
		await expect(capture.photoSummary).toHaveText('No photos added');
		await expect(capture.photoButton).toHaveText('Add a photo');

		// At 320 pixels too.
		await page.setViewportSize({ width: 320, height: 640 });
		await expect(capture.save).toBeInViewport({ ratio: 1 });
		await capture.save.click();
		// The error summary (a kind is missing) is not covered by the bar either.
		const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
		await expect(summary).toBeInViewport();
		expect(await capture.hiddenBehindBar(summary)).toBe(false);
		// Saved: what happened shows beside Save, and the text box is ready in view for the next one.
		await page.getByLabel('Good practice', { exact: true }).check();
		await page.getByLabel('Safe', { exact: true }).check();
		await capture.saveAs(1);
		await expect(capture.saved).toBeInViewport();
		await expect(capture.text).toBeFocused();
		await expect(capture.text).toBeInViewport({ ratio: 1 });
		expect(await capture.hiddenBehindBar(capture.text)).toBe(false);
	});

	test('a photo chosen just before Save goes with that observation, and not with the next', async ({
		newDevice
	}) => {
		const phone = await newDevice();
		await signedIn(phone, 'member');
		const { page } = phone;
		const visitPath = await planVisit(page, {
			siteType: 'Ambulance station',
			siteName: 'Southbank station',
			date: '2026-11-22'
		});
		const capture = new CaptureScreen(page);
		await capture.open();
		const photo = await jpegWithLocation(page, 'barrier.jpg');
		// A slow phone: decoding a photo to make it smaller takes a second and a half.
		await page.evaluate(() => {
			const decode = window.createImageBitmap.bind(window);
			window.createImageBitmap = ((...args: Parameters<typeof decode>) =>
				new Promise((resolve) => setTimeout(resolve, 1_500)).then(() =>
					decode(...args)
				)) as typeof window.createImageBitmap;
		});
		await capture.fill({ text: 'The barrier at the gate sticks', kind: 'Concern' });
		await capture.photos.setInputFiles(photo);
		await capture.save.click();
		// Save waits for the photo, and says so.
		await expect(page.getByTestId('capture-waiting')).toHaveText('Saving once the photo is ready…');
		await expect(capture.saved).toContainText('1 observation');
		await expect(capture.photoSummary).toHaveText('No photos added');
		await capture.fill({ text: 'Crews know the gate code', kind: 'Good practice' });
		await capture.saveAs(2);

		await page.goto(visitPath);
		const timeline = new VisitTimeline(page);
		await expect(timeline.count).toHaveText('2 observations');
		await expect(timeline.observation('The barrier at the gate sticks').getByRole('img')).toHaveCount(1);
		await expect(timeline.observation('Crews know the gate code').getByRole('img')).toHaveCount(0);
		// Nor does it wait on the capture screen for a third.
		await capture.open();
		await expect(capture.photoSummary).toHaveText('No photos added');
	});
});
