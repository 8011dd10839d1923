import { request, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD } from '../support/server';
import { MainNav, SignInPage, SyncIndicator } from './pages/app';
import { EventModeLock, everythingOnDevice, SignupFormPage, type Person } from './pages/recruitment';
import { ServerApi } from './support/api';
import { expect, expectAccessible, testWithDemoKey, waitForServiceWorker } from './support/fixtures';

/** The demo coordinator's sign-up key passphrase for this spec's server (see demo.ts). */
const KEY_PASSPHRASE = 'e2e sign-up key passphrase';
/** The recruiter's event mode PIN. */
const PIN = '2580';

const test = testWithDemoKey(KEY_PASSPHRASE);

interface InboxEntry {
	id: string;
	sealed: { eventId: string; collectedBy: string; ciphertext: string };
}

/** A coordinator's HTTP session: what the server holds, not what a page shows. */
async function coordinatorHttp(baseURL: string): Promise<APIRequestContext> {
	const http = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
	const signedIn = await http.post('/api/session', {
		data: { name: 'coordinator', password: DEMO_PASSWORD }
	});
	expect(signedIn.ok()).toBe(true);
	return http;
}

async function inbox(http: APIRequestContext): Promise<InboxEntry[]> {
	const response = await http.get('/api/signups');
	expect(response.status()).toBe(200);
	return (await response.json()) as InboxEntry[];
}

test.describe('event recruitment', () => {
	test('ten sign-ups at a stall with no signal: sealed, gone from the phone, delivered once, opened by a coordinator', async ({
		newDevice,
		server
	}) => {
		test.slow(); // three times the usual time: many steps, two devices
		const people: Person[] = Array.from({ length: 10 }, (_, i) => ({
			name: `Visitor Number${i + 1}`,
			email: `visitor${i + 1}@example.com`,
			area: i === 0 ? 'Kemptown' : '',
			interests: i === 0 ? 'Crisis care for young people' : '',
			accessNeeds: i === 0 ? 'Quiet room' : ''
		}));
		const secrets = people
			.flatMap((person) => [person.name, person.email])
			.concat(['Kemptown', 'Quiet room']);
		const coordinatorApi = await coordinatorHttp(server.url);
		const before = await inbox(coordinatorApi);
		expect(before).toHaveLength(4);

		const { page, setOffline } = await newDevice();
		const form = new SignupFormPage(page);
		const lock = new EventModeLock(page);
		let eventPath = '';

		await test.step('the recruiter opens an event while online', async () => {
			await page.goto('/sign-in');
			await new SignInPage(page).signIn('recruiter');
			await new SyncIndicator(page).expectAllSynced();
			await waitForServiceWorker(page);
			await new MainNav(page).go('Events');
			await expect(page.getByRole('heading', { name: 'Coming up' })).toBeVisible();
			await expectAccessible(page);
			await page.getByRole('link', { name: 'Community health day' }).click();
			await expect(page.getByText('Sign-ups will be sealed for Cora Coordinator.')).toBeVisible();
			eventPath = new URL(page.url()).pathname;
		});

		await test.step('no signal: ten people sign up, one after another', async () => {
			await setOffline(true);
			await page.getByRole('link', { name: 'Start event mode' }).click();
			await expect(page).toHaveURL(/\/event-mode\//);
			await lock.start(PIN);
			await expect(form.heading()).toHaveText('Join our patient and public network');
			const reload = await page.reload();
			expect(reload?.fromServiceWorker()).toBe(true);
			await expect(form.heading()).toHaveText('Join our patient and public network');
			// Event mode shows no way into the network's pages.
			await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
			await expectAccessible(page);

			// Bad input: a message at each field and a summary; nothing is kept without consent.
			await form.fill({ name: 'Pat Example', email: 'not-an-email' }, false);
			await form.continue();
			await expect(form.errorSummary()).toBeFocused();
			await expect(form.errorSummary()).toContainText('Enter an email address in the right format');
			await expect(form.errorSummary()).toContainText('You need to agree to be contacted to sign up');
			await expect(page.locator('#email-error')).toBeVisible();
			await expect(page.locator('#consent-error')).toContainText(
				'You need to agree to us keeping your details'
			);
			await expectAccessible(page);
			await expect(page.getByRole('link', { name: /how we use your details/i })).toHaveAttribute(
				'target',
				'_blank'
			);
			// The privacy notice is a static page: it opens with no signal and without signing in.
			const notice = await page.evaluate(async () => (await fetch('/privacy.html')).text());
			expect(notice).toContain('How we use your details');
			await form.name.fill('');
			await form.email.fill('');

			for (const [i, person] of people.entries()) {
				await form.fill(person);
				await form.continue();
				await expect(form.heading()).toHaveText('About you (optional)');
				if (i === 0) {
					await expectAccessible(page);
					await form.answer('How old are you?', '25 to 34');
					await form.answer(
						'Is the gender you identify with the same as your sex registered at birth?',
						'Prefer not to say'
					);
					await page
						.getByLabel('What is your ethnic group?')
						.selectOption({ label: 'Mixed or Multiple ethnic groups: White and Asian' });
				}
				if (i % 2 === 0) await form.send();
				else await form.skipAndSend();
				if (i === 0) await expectAccessible(page);
				// The thank-you screen shows nothing of them (every store is searched at the end, and once here).
				const seen = i === 0 ? await everythingOnDevice(page) : await page.content();
				expect(seen).not.toContain(person.name);
				expect(seen).not.toContain(person.email);
				await form.nextPerson();
				await form.expectEmpty();
			}
			await expect(page.getByTestId('pending-count')).toHaveText('10 changes waiting to sync');
		});

		await test.step('nothing of anyone can be seen or reached on the phone', async () => {
			const seen = await everythingOnDevice(page);
			for (const secret of secrets) expect(seen, secret).not.toContain(secret);
			expect(seen).not.toContain(`"${PIN}"`);
			// Back stays in event mode, with an empty form.
			const kiosk = new URL(page.url()).pathname;
			await page.goBack();
			await lock.expectLocked(kiosk);
			await expect(form.heading()).toHaveText('Join our patient and public network');
			await form.expectEmpty();
			await page.reload();
			await form.expectEmpty();
			// The recruiter leaves with the PIN, and sees only counts.
			await lock.exit(PIN);
			await expect(page).toHaveURL(eventPath);
			await expect(page.getByTestId('signup-counts')).toContainText(
				'10 sign-ups collected on this device, 10 waiting to send'
			);
			for (const secret of secrets) expect(await everythingOnDevice(page)).not.toContain(secret);
			expect((await inbox(coordinatorApi)).length).toBe(4);
		});

		await test.step('back online, every sign-up arrives once', async () => {
			await setOffline(false);
			// What the server holds decides, not the phone's own view.
			await expect.poll(async () => (await inbox(coordinatorApi)).length, { timeout: 20_000 }).toBe(14);
			await expect(page.getByTestId('sync-indicator')).toBeVisible();
			await expect(page.getByTestId('pending-count')).toHaveCount(0);
			const after = await inbox(coordinatorApi);
			const fresh = after.filter((entry) => !before.some((old) => old.id === entry.id));
			expect(after).toHaveLength(14);
			expect(new Set(fresh.map((entry) => entry.id)).size).toBe(10);
			expect(fresh.every((entry) => entry.sealed.collectedBy === 'recruiter')).toBe(true);
			expect(new Set(fresh.map((entry) => entry.sealed.eventId)).size).toBe(1);
			for (const secret of secrets) expect(JSON.stringify(after)).not.toContain(secret);
		});

		await test.step('recruiters and members cannot read sign-ups back', async () => {
			for (const name of ['recruiter', 'member']) {
				const api = await ServerApi.signIn(server.url, name);
				for (const path of [
					'/api/signups',
					`/api/signups/${before[0]?.id ?? ''}`,
					'/db/signups/_all_docs',
					'/api/keyring'
				]) {
					expect(await api.status('GET', path), `${name} GET ${path}`).toBe(403);
				}
				await api.dispose();
			}
			const anonymous = await request.newContext({ baseURL: server.url });
			expect((await anonymous.get('/api/signups')).status()).toBe(401);
			await anonymous.dispose();
		});

		await test.step('a coordinator unlocks and opens them in the app', async () => {
			const coordinator = await newDevice();
			const cp = coordinator.page;
			await cp.goto('/sign-in');
			await new SignInPage(cp).signIn('coordinator');
			await new SyncIndicator(cp).expectAllSynced();
			await new MainNav(cp).go('Sign-ups');
			await expect(cp.getByRole('heading', { name: 'Unlock sign-ups' })).toBeVisible();
			await cp.getByLabel('Your sign-up key passphrase').fill('not the passphrase');
			await cp.getByRole('button', { name: 'Unlock' }).click();
			await expect(cp.locator('#passphrase-error')).toContainText(
				'That passphrase does not open your sign-up key'
			);
			await expectAccessible(cp);
			await cp.getByLabel('Your sign-up key passphrase').fill(KEY_PASSPHRASE);
			await cp.getByRole('button', { name: 'Unlock' }).click();
			await expect(cp.getByTestId('key-unlocked')).toBeVisible();
			const table = cp.getByTestId('signup-inbox');
			await expect(table.getByRole('row')).toHaveCount(15);
			for (const person of people)
				await expect(table.getByRole('link', { name: person.name, exact: true })).toBeVisible();
			await expectAccessible(cp);

			await table.getByRole('link', { name: 'Visitor Number1', exact: true }).click();
			const details = cp.getByTestId('signup-details');
			await expect(details).toContainText('visitor1@example.com');
			await expect(details).toContainText('Crisis care for young people');
			await expect(details).toContainText('Community health day');
			await cp.getByRole('button', { name: 'Mark as contacted' }).click();
			await expect(cp.getByTestId('signup-status')).toHaveText('Contacted');
			await expectAccessible(cp);

			// Another one joined: their account starts from the name they gave, with a first password.
			await cp.getByRole('link', { name: 'Back to sign-ups' }).click();
			await table.getByRole('link', { name: 'Visitor Number2', exact: true }).click();
			await cp.getByRole('button', { name: 'They joined' }).click();
			await expect(cp.getByLabel('User name')).toHaveValue('visitor.number2');
			await expect(cp.getByLabel('Their name')).toHaveValue('Visitor Number2');
			const create = cp.getByRole('button', { name: 'Create account and mark as joined' });
			await create.click();
			await expect(cp.locator('#password-error')).toBeVisible();
			await expectAccessible(cp);
			await cp.getByLabel('First password').fill('harbour lantern kettle violin');
			await create.click();
			await expect(cp.getByTestId('signup-status')).toHaveText('Joined');
			await expect(cp.getByTestId('signup-status').locator('..')).toContainText('Account: visitor.number2');
			await expect(cp.getByText('Account visitor.number2 created and marked as joined')).toBeVisible();

			await cp.getByRole('link', { name: 'Back to sign-ups' }).click();
			await cp.getByRole('link', { name: 'Equality figures' }).click();
			await expect(cp.getByTestId('equality-total')).toHaveText('Based on 14 sign-ups on this device.');
			const age = cp.getByRole('table', { name: 'How old are you?' });
			await expect(age.getByRole('row', { name: /Not answered/ })).toContainText('9');
			await expect(age.getByRole('row', { name: /25 to 34/ })).toContainText('fewer than 5');
			await expectAccessible(cp);
		});
		await coordinatorApi.dispose();
	});

	test('event mode is a kiosk: started from Home on the day, nothing leads out, only the PIN leaves', async ({
		newDevice
	}) => {
		test.slow(); // PBKDF2 on every start and try, and many page loads
		const { page } = await newDevice();
		await page.setViewportSize({ width: 360, height: 740 });
		const form = new SignupFormPage(page);
		const lock = new EventModeLock(page);
		await page.goto('/sign-in');
		await new SignInPage(page).signIn('recruiter');
		await new SyncIndicator(page).expectAllSynced();

		await test.step('an event today puts "Start event mode" on Home', async () => {
			await expect(page.getByTestId('event-today')).toHaveCount(0);
			const today = await page.evaluate(() => {
				const now = new Date();
				const pad = (n: number) => String(n).padStart(2, '0');
				return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
			});
			await page.goto('/events/new');
			await page.getByLabel('Name of the event').fill('Market day stall');
			await page.getByLabel('Date').fill(today);
			await page.getByLabel('Where it is').fill('Brighton market');
			await page.getByRole('radio', { name: 'Community event' }).check();
			await page.getByRole('button', { name: 'Save event' }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Market day stall');
			await new MainNav(page).go('Home');
			await expect(page.getByTestId('event-today')).toContainText('An event is on today');
			await expectAccessible(page);
			await page.getByRole('link', { name: 'Start event mode for Market day stall' }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Start event mode');
		});

		let kiosk = '';
		await test.step('the recruiter chooses a PIN; a weak or mistyped one is refused', async () => {
			await lock.start('1234', '1234');
			await expect(page.locator('#pin-error')).toContainText('harder to guess');
			await expectAccessible(page);
			await lock.start(PIN, '2581');
			await expect(page.locator('#confirm-error')).toContainText('The two PINs do not match');
			await lock.start(PIN);
			await expect(form.heading()).toHaveText('Join our patient and public network');
			await expect(form.heading()).toBeFocused();
			kiosk = new URL(page.url()).pathname;
			await lock.expectLocked(kiosk);
			await expectAccessible(page);
		});

		await test.step('every message shows at once on an empty form', async () => {
			await form.continue();
			for (const message of [
				'Enter your name',
				'Enter an email address or a phone number so we can contact you',
				'Choose how you would like us to contact you',
				'You need to agree to be contacted to sign up',
				'You need to agree to us keeping your details to sign up'
			]) {
				await expect(form.errorSummary()).toContainText(message);
			}
			await expect(page.locator('#email-error')).toContainText('Enter an email address or a phone number');
			await form.name.fill('Someone Halfway');
		});

		await test.step('Back, typed addresses and reloads all stay in event mode', async () => {
			await page.goBack();
			await lock.expectLocked(kiosk);
			await expect(form.name).toHaveValue('Someone Halfway');
			for (const address of ['/ideas', '/people', '/sign-out', '/events', '/']) {
				await page.goto(address);
				await lock.expectLocked(kiosk);
				await expect(page.getByRole('main')).not.toContainText('Hello');
			}
			await page.reload();
			await lock.expectLocked(kiosk);
			await page.goBack();
			await lock.expectLocked(kiosk);
			await form.expectEmpty();
		});

		await test.step('a wrong PIN is refused and the lock stays; the right one leaves', async () => {
			await lock.exit('9999');
			await expect(page.locator('#pin-error')).toContainText('That PIN is not right');
			await expect(page.getByLabel('PIN', { exact: true })).toHaveValue('');
			await expectAccessible(page);
			await page.reload();
			await lock.expectLocked(kiosk);
			await page.getByRole('button', { name: 'Exit event mode' }).click();
			await page.getByRole('button', { name: 'Back to the sign-up form' }).click();
			await expect(form.heading()).toHaveText('Join our patient and public network');
			await lock.exit(PIN);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Market day stall');
			await expect(page.getByRole('banner').getByRole('button', { name: 'Menu' })).toBeVisible();
			await page.goto('/ideas');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ideas');
		});
	});

	test('a coordinator sets up a sign-up key in the app and recovers it on another phone', async ({
		newDevice,
		server
	}) => {
		const passphrase = 'kettle violin harbour lantern';
		const admin = await coordinatorHttp(server.url);
		const created = await admin.post('/api/accounts', {
			data: { name: 'casey', displayName: 'Casey Second', roles: ['coordinator'], password: DEMO_PASSWORD }
		});
		expect(created.status()).toBe(201);
		await admin.dispose();

		const first = await newDevice();
		await first.page.goto('/sign-in');
		await new SignInPage(first.page).signIn('casey');
		await new SyncIndicator(first.page).expectAllSynced();
		await first.page.goto('/signups');
		await expect(first.page.getByRole('heading', { name: 'Set up your sign-up key' })).toBeVisible();
		await first.page.getByLabel('Choose a passphrase').fill(passphrase);
		await first.page.getByLabel('Type the passphrase again').fill('kettle violin harbour');
		await first.page.getByRole('button', { name: 'Set up my key' }).click();
		await expect(first.page.locator('#confirm-error')).toContainText('The two passphrases do not match');
		await expectAccessible(first.page);
		await first.page.getByLabel('Type the passphrase again').fill(passphrase);
		await first.page.getByRole('button', { name: 'Set up my key' }).click();
		await expect(first.page.getByTestId('key-unlocked')).toBeVisible();
		// The demo's sign-ups were sealed before this key existed: Casey cannot open them.
		await expect(first.page.getByTestId('signup-inbox')).toContainText('Not sealed for your key');
		await new SyncIndicator(first.page).expectAllSynced();

		// Coordinators (and recruiters) add events; the form explains what is missing.
		await first.page.goto('/events/new');
		await first.page.getByRole('button', { name: 'Save event' }).click();
		await expect(first.page.getByRole('alert')).toContainText('Enter the name of the event');
		await expectAccessible(first.page);
		await first.page.getByLabel('Name of the event').fill('Carers’ focus group');
		await first.page.getByLabel('Date').fill('2027-03-04');
		await first.page.getByLabel('Where it is').fill('Hove surgery');
		await first.page.getByRole('radio', { name: 'Focus group' }).check();
		await first.page.getByLabel('Communities you want to reach (optional)').fill('carers, young carers');
		await first.page.getByRole('button', { name: 'Save event' }).click();
		await expect(first.page.getByRole('heading', { level: 1 })).toHaveText('Carers’ focus group');
		await expect(first.page.getByText('carers, young carers')).toBeVisible();
		await expect(first.page.getByText('Sign-ups will be sealed for')).toContainText('Casey Second');

		// Only the public half is in `network`, where every device gets it.
		const member = await ServerApi.signIn(server.url, 'member');
		const keyIds = await member.allIds('coordinatorKey:');
		expect(keyIds).toHaveLength(2);
		for (const id of keyIds) {
			const doc = await member.getDoc(id);
			expect(Object.keys(doc ?? {}).sort()).toEqual([
				'_id',
				'_rev',
				'author',
				'coordinatorName',
				'createdAt',
				'keyId',
				'publicKey',
				'schemaVersion',
				'type',
				'updatedAt'
			]);
		}
		await member.dispose();

		const second = await newDevice();
		await second.page.goto('/sign-in');
		await new SignInPage(second.page).signIn('casey');
		await new SyncIndicator(second.page).expectAllSynced();
		await second.page.goto('/signups');
		await second.page.getByLabel('Your sign-up key passphrase').fill(passphrase);
		await second.page.getByRole('button', { name: 'Unlock' }).click();
		await expect(second.page.getByTestId('key-unlocked')).toBeVisible();
	});
	test('a sign-up the server refuses stays visible: sent again, or deleted on purpose', async ({
		newDevice,
		server
	}) => {
		const coordinatorApi = await coordinatorHttp(server.url);
		const before = (await inbox(coordinatorApi)).length;
		const { page, setOffline } = await newDevice();
		const form = new SignupFormPage(page);
		await page.goto('/sign-in');
		await new SignInPage(page).signIn('recruiter');
		await new SyncIndicator(page).expectAllSynced();
		await waitForServiceWorker(page);
		await new MainNav(page).go('Events');
		await page.getByRole('link', { name: 'Community health day' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Community health day' })).toBeVisible();
		const eventPath = new URL(page.url()).pathname;

		await setOffline(true);
		await page.getByRole('link', { name: 'Start event mode' }).click();
		await new EventModeLock(page).start(PIN);
		for (const n of [1, 2]) {
			await form.fill({ name: `Refused Person${n}`, email: `refused${n}@example.com` });
			await form.continue();
			await form.skipAndSend();
			await form.nextPerson();
		}
		// One sealed sign-up goes wrong on the phone (as an old or broken app version might write it): it claims
		// another collector, which the server refuses whatever the phone says.
		await page.evaluate(async () => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const open = indexedDB.open('coproduce-desk-recruiter');
				open.onsuccess = () => resolve(open.result);
				open.onerror = () => reject(open.error);
			});
			const store = db.transaction('outbox', 'readwrite').objectStore('outbox');
			await new Promise<void>((resolve, reject) => {
				const cursor = store.openCursor();
				cursor.onsuccess = () => {
					const row = cursor.result?.value as { sealed: { collectedBy: string } };
					row.sealed.collectedBy = 'someone-else';
					cursor.result?.update(row);
					resolve();
				};
				cursor.onerror = () => reject(cursor.error);
			});
			db.close();
		});
		await new EventModeLock(page).exit(PIN);
		await expect(page).toHaveURL(eventPath);
		await setOffline(false);

		const refused = page.getByRole('heading', { name: /A sign-up was not accepted/ });
		await expect(refused).toHaveCount(1, { timeout: 20_000 });
		await expect(page.getByTestId('refused-signup-reason')).toHaveText(
			'You can only send sign-ups you collected'
		);
		await expect.poll(async () => (await inbox(coordinatorApi)).length).toBe(before + 1);
		await expectAccessible(page);

		// Sending it again is refused again, and it stays; deleting it asks first.
		await page.getByRole('button', { name: 'Send it again' }).click();
		await expect(refused).toHaveCount(1);
		await expect(page.getByTestId('refused-signup-reason')).toHaveText(
			'You can only send sign-ups you collected'
		);
		await page.goto('/sync');
		// The second refusal may still be on its way (a sending interrupted by the page load is sent again).
		await expect(
			page.getByText('A sign-up was not accepted: You can only send sign-ups you collected')
		).toHaveCount(2, { timeout: 20_000 });
		await page.goto(eventPath);
		await expect(refused).toHaveCount(1);
		await page.getByRole('button', { name: 'Delete it' }).click();
		await expect(page.getByText('Delete this sign-up for good?')).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'No, keep it' }).click();
		await expect(refused).toHaveCount(1);
		await page.getByRole('button', { name: 'Delete it' }).click();
		await page.getByRole('button', { name: 'Yes, delete it' }).click();
		await expect(refused).toHaveCount(0);
		await page.reload();
		await expect(page.getByTestId('signup-counts')).toContainText('1 sign-up collected on this device');
		await expect(refused).toHaveCount(0);
		expect((await inbox(coordinatorApi)).length).toBe(before + 1);
		await coordinatorApi.dispose();
	});
});
