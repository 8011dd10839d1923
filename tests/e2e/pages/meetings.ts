import { expect, request, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../support/server';

/** Page models for meetings: what a person sees and does, by role and label. */

export class MeetingsPage {
	constructor(private readonly page: Page) {}

	async open(): Promise<void> {
		await this.page.goto('/meetings');
		await expect(this.page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeVisible();
	}

	/** Opens a meeting of a list (the first, or the first with that title) and answers its address. */
	async openFirst(list: 'upcoming-meetings' | 'past-meetings', title?: string): Promise<string> {
		const links = this.page.getByTestId(list).getByRole('link', title ? { name: title } : {});
		await links.first().click();
		await expect(this.page.getByTestId('meeting-when')).toBeVisible();
		return new URL(this.page.url()).pathname;
	}

	/** Sets up a meeting through the form; answers its address. */
	async setUp(meeting: { group: string; title: string; startsAt: Date; place: string }): Promise<string> {
		await this.page.goto('/meetings/new');
		await this.page.getByLabel('Group').selectOption({ label: meeting.group });
		await this.page.getByLabel('Title').fill(meeting.title);
		const at = meeting.startsAt;
		const two = (n: number) => String(n).padStart(2, '0');
		await this.page
			.getByLabel('Date')
			.fill(`${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`);
		await this.page.getByLabel('Start time').fill(`${two(at.getHours())}:${two(at.getMinutes())}`);
		await this.page.getByLabel('Place (if people meet in person)').fill(meeting.place);
		await this.page.getByRole('button', { name: 'Save meeting' }).click();
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(meeting.title);
		return new URL(this.page.url()).pathname;
	}
}

export class NotesPage {
	constructor(private readonly page: Page) {}

	/** The section of the notes page for the agenda item whose title matches. */
	item(title: string | RegExp): Locator {
		return this.page.getByRole('region', { name: title });
	}

	async writeNotes(title: string | RegExp, text: string): Promise<void> {
		await this.item(title).getByLabel('Your notes').fill(text);
	}

	async saveNotes(title: string | RegExp): Promise<void> {
		const item = this.item(title);
		await item.getByRole('button', { name: /Save notes/ }).click();
		await expect(item.getByTestId('my-note-status')).toHaveText('Saved on this device');
	}

	async recordAction(
		title: string | RegExp,
		action: { text: string; owner: string; due: string; staff?: boolean }
	): Promise<void> {
		const item = this.item(title);
		await item.getByText('Record an action').click();
		await item.getByLabel('What needs doing').fill(action.text);
		await item.getByLabel('Who will do it (user name)').fill(action.owner);
		await item.getByLabel(action.staff ? 'Staff' : 'A member').check();
		await item.getByLabel('Due date').fill(action.due);
		await item.getByRole('button', { name: 'Save action' }).click();
		await expect(item.getByTestId('actions')).toContainText(action.text);
	}

	async recordDecision(title: string | RegExp, text: string, hands: [number, number, number]): Promise<void> {
		const item = this.item(title);
		await item.getByText('Record a decision').click();
		await item.getByLabel('What was decided').fill(text);
		await item.getByLabel('For', { exact: true }).fill(String(hands[0]));
		await item.getByLabel('Against', { exact: true }).fill(String(hands[1]));
		await item.getByLabel('Did not vote', { exact: true }).fill(String(hands[2]));
		await item.getByRole('button', { name: 'Save decision' }).click();
		await expect(item.getByTestId('decisions')).toContainText(text);
	}
}

/** "My actions": each action with the steps it offers. */
export class ActionsPage {
	constructor(private readonly page: Page) {}

	async open(): Promise<void> {
		await this.page.goto('/meetings/actions');
		await expect(this.page.getByRole('heading', { level: 1, name: 'My actions' })).toBeVisible();
	}

	/** The action whose text matches, in the list it is in: 'my-actions' (to do) or 'finished-actions'. */
	action(list: 'my-actions' | 'finished-actions', text: string): Locator {
		return this.page.getByTestId(list).getByRole('listitem').filter({ hasText: text });
	}

	/** The steps an action offers, as its buttons say them ("Mark as done"), in order. */
	async steps(list: 'my-actions' | 'finished-actions', text: string): Promise<string[]> {
		const buttons = this.action(list, text).getByTestId('action-steps').getByRole('button');
		const names = await buttons.evaluateAll((all) => all.map((button) => button.textContent ?? ''));
		return names.map((name) => name.replace(`: ${text}`, '').trim());
	}

	/** Takes a step ("Mark as started"), with a note if given; the page then says what it did. */
	async take(step: string, text: string, note?: string): Promise<void> {
		const item = this.page.getByRole('listitem').filter({ hasText: text });
		if (note) {
			await item.getByText('Add a note about progress').click();
			await item.getByLabel(/^Note \(optional\)/).fill(note);
		}
		// Each button's name ends with the action's text, for screen readers listing the page's buttons.
		await item.getByRole('button', { name: new RegExp(`^${step}\\s*:\\s*${text}$`) }).click();
	}
}

/** A client of the gateway over HTTP, outside any browser: what a script (or an attacker) could send. */
export class DirectClient {
	private constructor(private readonly http: APIRequestContext) {}

	static async signIn(baseURL: string, name: string): Promise<DirectClient> {
		const http = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
		const response = await http.post('/api/session', { data: { name, password: DEMO_PASSWORD } });
		if (!response.ok()) throw new Error(`Sign-in as ${name} failed: ${response.status()}`);
		return new DirectClient(http);
	}

	async docs(prefix: string): Promise<Record<string, unknown>[]> {
		const params = new URLSearchParams({
			include_docs: 'true',
			startkey: JSON.stringify(prefix),
			endkey: JSON.stringify(`${prefix}\ufff0`)
		});
		const response = await this.http.get(`/db/network/_all_docs?${params}`);
		const body = (await response.json()) as { rows: { doc: Record<string, unknown> }[] };
		return body.rows.map((row) => row.doc);
	}

	async put(doc: Record<string, unknown>): Promise<{ status: number; reason?: string }> {
		const response = await this.http.put(`/db/network/${encodeURIComponent(String(doc._id))}`, { data: doc });
		const body = (await response.json()) as { reason?: string };
		return { status: response.status(), reason: body.reason };
	}

	async dispose(): Promise<void> {
		await this.http.dispose();
	}
}

/** A date `days` from today as YYYY-MM-DD, where the test runs. */
export function isoDateFromToday(days: number): string {
	const date = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
	return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
