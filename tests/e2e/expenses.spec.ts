import { SignInPage, SyncIndicator } from './pages/app';
import { ClaimEditorPage, ClaimPage, ClaimReviewPage } from './pages/expenses';
import { ServerApi } from './support/api';
import { expect, expectAccessible, test, waitForServiceWorker, type Device } from './support/fixtures';
import { dumpIndexedDb } from './support/indexeddb';
import { jpegWithLocation } from './support/photos';
import { watchForProblems } from './support/problems';

async function signedIn(device: Device, name: string): Promise<void> {
	await device.page.goto('/sign-in');
	await new SignInPage(device.page).signIn(name);
	await new SyncIndicator(device.page).expectAllSynced();
	await waitForServiceWorker(device.page);
}

/** Words no other document holds, to look for in another member's browser. */
const FOR_LABEL = 'Quokka panel for call handler interviews';
const QUESTION = 'Which car park was the Quokka receipt from?';
const ANSWER = 'The Quokka multi-storey by the main entrance';

test.describe('expenses claims', () => {
	test('a claim written offline with two receipts survives a closed tab, is queried, answered, approved and exported, and leaves no trace with another member', async ({
		newDevice,
		server
	}) => {
		test.slow(); // three devices and a whole claim's life
		const phone = await newDevice();
		await signedIn(phone, 'member');
		let page = phone.page;
		const problems = watchForProblems(page);

		await page.goto('/account');
		await page.getByRole('link', { name: 'Your expenses' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your expenses');
		await expectAccessible(page);

		// No signal: the claim is written, with a receipt photo on each cost.
		await phone.setOffline(true);
		await page.getByRole('link', { name: 'Make a claim' }).click();
		const receipts = [await jpegWithLocation(page, 'fuel.jpg'), await jpegWithLocation(page, 'parking.jpg')];
		let editor = new ClaimEditorPage(page);
		await editor.describe(FOR_LABEL, '2026-11-20');
		await editor.fillCost(1, { kind: 'Mileage (your own car)', miles: '12.5', receipts: [receipts[0]!] });
		await expect(editor.cost(1).getByTestId('line-amount')).toHaveText('Amount: £5.63');
		await editor.fillCost(2, {
			kind: 'Parking',
			amount: '4.20',
			description: 'Hospital car park',
			receipts: [receipts[1]!]
		});
		await expect(editor.total).toHaveText('Total: £9.83');
		await expectAccessible(page);

		// The tab is closed; a new one, still offline, finds the draft with its receipts.
		await page.close();
		page = await phone.context.newPage();
		await page.goto('/expenses/new');
		editor = new ClaimEditorPage(page);
		await expect(page.getByLabel('Describe what it was for')).toHaveValue(FOR_LABEL);
		await expect(editor.cost(2).getByLabel('Amount in pounds')).toHaveValue('4.20');
		await expect(editor.cost(1).getByRole('img')).toHaveCount(1);
		await expect(editor.cost(2).getByRole('img')).toHaveCount(1);
		await expect(editor.total).toHaveText('Total: £9.83');

		// Back online, sent.
		await phone.setOffline(false);
		await editor.send.click();
		const claim = new ClaimPage(page);
		await expect(claim.heading).toHaveText(FOR_LABEL);
		await expect(claim.claimStatus).toHaveText('Sent, waiting for a coordinator');
		await expect(claim.receipts).toHaveCount(2);
		await expect(claim.syncStatus).toHaveText('Synced', { timeout: 30_000 });
		await expectAccessible(page);
		const claimId = claim.id();
		const claimUrl = new URL(page.url()).pathname;

		const api = await ServerApi.signIn(server.url, 'coordinator');
		const receiptIds = await api.allIds('receipt:member:');
		const stored = await Promise.all(receiptIds.map((id) => api.getDoc(id)));
		const ownReceipts = receiptIds.filter((_, i) => stored[i]?.claimId === claimId);
		expect(ownReceipts).toHaveLength(2);
		await api.dispose();

		// A coordinator asks a question.
		const office = await newDevice();
		await signedIn(office, 'coordinator');
		const review = new ClaimReviewPage(office.page);
		await review.open();
		await expectAccessible(office.page);
		await office.page.getByRole('link', { name: FOR_LABEL }).click();
		const reviewed = new ClaimPage(office.page);
		await expect(reviewed.receipts).toHaveCount(2);
		await expectAccessible(office.page);
		await reviewed.decide('Ask a question', QUESTION);
		await expect(reviewed.claimStatus).toHaveText('A coordinator has a question');
		await new SyncIndicator(office.page).expectAllSynced();

		// The member hears of it on Home, and answers.
		await new SyncIndicator(page).expectAllSynced();
		await page.goto('/');
		await expect(page.getByTestId('claim-question')).toContainText('A coordinator has a question');
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Answer it in your expenses' }).click();
		await page.getByRole('link', { name: FOR_LABEL }).click();
		await expect(page.getByTestId('claim-history')).toContainText(QUESTION);
		await expectAccessible(page);
		await claim.answer(ANSWER);
		await expect(claim.claimStatus).toHaveText('Answered, waiting for a coordinator');
		await new SyncIndicator(page).expectAllSynced();

		// The coordinator approves it, and the finance team's CSV has it in pounds from pence.
		await expect(office.page.getByTestId('claim-history')).toContainText(ANSWER, { timeout: 30_000 });
		await reviewed.decide('Approve the claim');
		await expect(reviewed.claimStatus).toHaveText('Approved');
		await new SyncIndicator(office.page).expectAllSynced();
		await review.open();
		const csv = await review.downloadApproved();
		expect(csv.name).toMatch(/^coproduce-approved-claims-\d{4}-\d{2}-\d{2}\.csv$/);
		const rows = csv.text.split('\r\n').filter((line) => line.includes(claimId));
		expect(rows).toHaveLength(2);
		expect(rows[0]).toMatch(
			new RegExp(
				`^member,${claimId},2026-11-20,${FOR_LABEL},Mileage \\(your own car\\),,12\\.5,5\\.63,\\d{4}-`
			)
		);
		expect(rows[1]).toContain(',Parking,Hospital car park,,4.20,');

		// The member sees it approved.
		await page.goto(claimUrl);
		await expect(claim.claimStatus).toHaveText('Approved', { timeout: 30_000 });
		problems.expectNone();

		// Another member's browser, signed in and synced, holds nothing of it.
		const other = await newDevice();
		await signedIn(other, 'chair');
		await other.page.goto('/expenses');
		await expect(other.page.getByTestId('claim-list').getByRole('link', { name: FOR_LABEL })).toHaveCount(0);
		const dump = await dumpIndexedDb(other.page);
		expect(dump.length).toBeGreaterThan(0);
		for (const trace of [claimId, ...ownReceipts, 'claim:member:', 'receipt:member:', 'claim-step:member:']) {
			expect(dump.includes(trace), `${trace} in the other member's IndexedDB`).toBe(false);
		}
		for (const text of ['Quokka', 'Hospital car park']) {
			expect(dump.includes(text), `"${text}" in the other member's IndexedDB`).toBe(false);
		}
	});
});
