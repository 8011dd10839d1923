/**
 * The measures page with a big network on the device (issue #25): 500 meetings and 200 projects seeded
 * through the gateway beside the run's ideas, and 2,000 member accounts' counts answered for
 * `/api/measures/people` (made in the page's own route, as creating 2,000 real accounts means 2,000
 * deliberately slow password hashes; the page keeps the same rows either way). A coordinator signs in and syncs, opens the page once online
 * (its device copies), then each sample follows the "Measures" link from Home and times until the first
 * chart is drawn, and until every chart is.
 */
import type { Page } from '@playwright/test';
import { makeGroup, makeMeeting, makeAgendaItem } from '../meeting-factories';
import { makeProject } from '../project-factories';
import type { PeopleCounts } from '../../src/lib/domain/people-counts';
import { MainNav } from '../e2e/pages/app';
import type { Random } from '../support/random';
import { DEMO_PASSWORD } from '../support/server';
import { signInCookie } from './devices';
import { median, round } from './stats';

export const MEASURES_NETWORK = { meetings: 500, projects: 200, members: 2_000 } as const;
const DAY = 86_400_000;

export interface MeasuresResults {
	firstChartMs: number;
	everyChartMs: number;
	firstChartSamples: number[];
	everyChartSamples: number[];
	/** Each chart's median time to drawn, by measure (what the time to every chart is made of). */
	chartMs: Record<string, number>;
	network: typeof MEASURES_NETWORK;
}

/** `days` days before now, as a timestamp and a date. */
function daysAgo(days: number): { at: string; date: string } {
	const at = new Date(Date.now() - days * DAY).toISOString();
	return { at, date: at.slice(0, 10) };
}

/** The meetings (with an agenda item each) and projects, through the gateway as the demo coordinator. */
async function seedNetwork(baseUrl: string, random: Random): Promise<void> {
	const cookie = await signInCookie(baseUrl, 'coordinator', DEMO_PASSWORD);
	const group = makeGroup({ author: 'coordinator', name: 'Benchmark group' });
	const docs: object[] = [group];
	for (let i = 0; i < MEASURES_NETWORK.meetings; i++) {
		const meeting = makeMeeting(group._id, {
			author: 'coordinator',
			title: `Benchmark meeting ${i + 1}`,
			startsAt: daysAgo(random.int(1, 720)).at,
			chairKind: random.int(0, 2) === 0 ? 'staff' : 'member',
			status: 'held'
		});
		docs.push(meeting, makeAgendaItem(meeting, { author: 'coordinator', proposerKind: 'member' }));
	}
	for (let i = 0; i < MEASURES_NETWORK.projects; i++) {
		const started = random.int(30, 720);
		const ended = random.int(0, 2) === 0 ? started - random.int(1, 29) : null;
		docs.push(
			makeProject({
				author: 'coordinator',
				title: `Benchmark project ${i + 1}`,
				status: ended === null ? 'active' : 'completed',
				startDate: daysAgo(started).date,
				endDate: ended === null ? null : daysAgo(ended).date,
				team: [
					{
						name: 'member',
						kind: 'member',
						level: random.int(0, 2) === 0 ? 'little-i' : 'big-i',
						joinedAt: 'problem'
					}
				]
			})
		);
	}
	const response = await fetch(`${baseUrl}/db/network/_bulk_docs`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie },
		body: JSON.stringify({ docs })
	});
	const body = (await response.json()) as { error?: string }[];
	const failed = Array.isArray(body) ? body.filter((row) => row.error) : [body];
	if (!response.ok || failed.length > 0)
		throw new Error(`Seeding the measures network failed (${response.status}): ${JSON.stringify(failed[0])}`);
}

/** What `/api/measures/people` answers for 2,000 members (and no sign-ups: they need events). */
function peopleCounts(random: Random): PeopleCounts {
	const members = Array.from({ length: MEASURES_NETWORK.members }, () => ({
		joinedAt: daysAgo(random.int(1, 900)).at,
		active: random.int(0, 10) > 0
	}));
	return { members, signups: [] };
}

/** In the page: resolves with the time from the next click until `selector` matches something. */
const TIME_CLICK_UNTIL = `
globalThis.__benchMeasures = (selectors) => new Promise((resolve, reject) => {
	const timeout = setTimeout(() => reject(new Error('Timed out waiting for ' + selectors.join(', '))), 60000);
	document.addEventListener('click', () => {
		const started = performance.now();
		const found = {};
		const check = () => {
			for (const selector of selectors)
				if (found[selector] === undefined && document.querySelector(selector))
					found[selector] = performance.now() - started;
			if (selectors.every((selector) => found[selector] !== undefined)) {
				observer.disconnect();
				clearTimeout(timeout);
				requestAnimationFrame(() => resolve(selectors.map((selector) => found[selector])));
			}
		};
		const observer = new MutationObserver(check);
		observer.observe(document, { subtree: true, childList: true, attributes: true });
	}, { capture: true, once: true });
});`;

const FIRST_CHART = '[data-testid=measure-chart] svg.app-chart-frame';
const chartOf = (id: string) => `[data-testid=measure-${id}] [data-testid=measure-chart] svg.app-chart-frame`;
/** The charts timed, by measure: the first one drawn (a project measure), then one from each other read. */
const CHARTS: Record<string, string> = {
	first: FIRST_CHART,
	ideas: chartOf('ideas'),
	'member-led-meetings': chartOf('member-led-meetings'),
	growth: chartOf('growth')
};
const EVERY_CHART = Object.values(CHARTS);

/** Seeds the network, then times the page in a fresh phone-sized page from `newPage`. */
export async function measuresPage(
	baseUrl: string,
	ideas: number,
	random: Random,
	newPage: () => Promise<{ page: Page; close(): Promise<void> }>,
	samples = 5
): Promise<MeasuresResults> {
	await seedNetwork(baseUrl, random);
	const counts = JSON.stringify(peopleCounts(random));
	const { page, close } = await newPage();
	try {
		await page.route('**/api/measures/people', (route) =>
			route.fulfill({ status: 200, contentType: 'application/json', body: counts })
		);
		await page.goto('/sign-in?next=%2Fmeasures');
		await page.getByLabel('User name').fill('coordinator');
		await page.getByLabel('Password').fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForFunction(
			() =>
				document.querySelector('[data-testid=sync-indicator]')?.getAttribute('data-phase') === 'up-to-date',
			undefined,
			{ timeout: 300_000 }
		);
		await page.goto('/measures');
		await page
			.locator('[data-testid=measure-growth] [data-testid=measure-chart] svg.app-chart-frame')
			.waitFor({ timeout: 60_000 });
		await page.evaluate(TIME_CLICK_UNTIL);
		const nav = new MainNav(page);
		const first: number[] = [];
		const every: number[] = [];
		const each: number[][] = [];
		for (let i = 0; i < samples; i++) {
			await nav.go('Home');
			await page.getByRole('heading', { level: 1, name: /Hello/ }).waitFor();
			await nav.open();
			const timing = page.evaluate(
				(selectors) =>
					(globalThis as unknown as { __benchMeasures: (s: string[]) => Promise<number[]> }).__benchMeasures(
						selectors
					),
				EVERY_CHART
			);
			await nav.link('Measures').click();
			const times = await timing;
			first.push(times[0] ?? Number.NaN);
			every.push(Math.max(...times));
			each.push(times);
		}
		if (ideas > 0 && (await page.getByTestId('measure-ideas').count()) === 0)
			throw new Error('The measures page shows no ideas');
		return {
			firstChartMs: round(median(first)),
			everyChartMs: round(median(every)),
			firstChartSamples: first.map((ms) => round(ms)),
			everyChartSamples: every.map((ms) => round(ms)),
			chartMs: Object.fromEntries(
				Object.keys(CHARTS).map((name, i) => [
					name,
					round(median(each.map((times) => times[i] ?? Number.NaN)))
				])
			),
			network: MEASURES_NETWORK
		};
	} finally {
		await close();
	}
}
