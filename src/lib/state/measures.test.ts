import { describe, expect, it } from 'vitest';
import { success, type Failure, type Result, type SessionInfo } from '$lib/domain';
import type { PeopleCounts } from '$lib/domain/people-counts';
import { keepPeopleCopy, loadChosenAnswers, loadPeopleCopy } from '$lib/store/measures-query';
import { useTestWorkspace } from '../../../tests/support/test-store';
import { Live } from './live.svelte';
import { answerValue, MeasuresPage, SeldomHeardChoice } from './measures.svelte';

/** The measures page's state through a real workspace, with the server's counts answered by a stand-in. */

const device = useTestWorkspace('measures-state');
const COUNTS: PeopleCounts = {
	members: [{ joinedAt: '2026-02-01T10:00:00.000Z', active: true }],
	signups: [{ eventId: 'event:01J00000000000000000000000', status: 'joined' }]
};

function session(roles: SessionInfo['roles']): SessionInfo {
	return { name: device.actor.name, displayName: 'Charlie Chair', roles, databases: ['network'] };
}

/** A stand-in for the measures API answering `answer`, counting its calls. */
function api(answer: Result<PeopleCounts>) {
	const calls = { count: 0 };
	return {
		calls,
		people: () => {
			calls.count += 1;
			return Promise.resolve(answer);
		}
	};
}

describe('MeasuresPage.refresh', () => {
	it('keeps the server’s counts on a chair’s device, with when they were taken', async () => {
		const server = api(success(COUNTS));
		const page = new MeasuresPage(device.workspace, session(['member', 'chair']), server);
		expect(page.seesGrowth).toBe(true);
		expect(page.coordinator).toBe(false);
		const before = Date.now();
		await page.refresh();
		const copy = await loadPeopleCopy(device.workspace.desk);
		expect(copy).toMatchObject(COUNTS);
		expect(Date.parse(copy?.at ?? '')).toBeGreaterThanOrEqual(before - 1000);
		expect(page.peopleProblem).toBeUndefined();
		expect(server.calls.count).toBe(1);
	});

	it('keeps the last copy and says why when the server cannot be reached', async () => {
		await keepPeopleCopy(device.workspace.desk, COUNTS, '2026-03-01T09:00:00.000Z');
		const offline: Failure = {
			ok: false,
			reason: 'offline',
			message: 'You need a connection to bring these figures up to date.'
		};
		const page = new MeasuresPage(device.workspace, session(['member', 'chair']), api(offline));
		await page.refresh();
		expect(page.peopleProblem).toBe('You need a connection to bring these figures up to date.');
		expect(await loadPeopleCopy(device.workspace.desk)).toEqual({
			at: '2026-03-01T09:00:00.000Z',
			...COUNTS
		});
	});

	it('never asks the server on a member’s or a recruiter’s device', async () => {
		const server = api(success(COUNTS));
		for (const roles of [['member'], ['member', 'recruiter']] as const) {
			const page = new MeasuresPage(device.workspace, session([...roles]), server);
			expect(page.seesGrowth).toBe(false);
			await page.refresh();
		}
		expect(server.calls.count).toBe(0);
		expect(await loadPeopleCopy(device.workspace.desk)).toBeNull();
	});
});

describe('SeldomHeardChoice', () => {
	it('adds and takes away answers, and saves the choice on this device', async () => {
		const chosen = new Live(
			() => undefined,
			() => loadChosenAnswers(device.workspace.desk),
			[]
		);
		const choice = new SeldomHeardChoice(device.workspace, chosen);
		const young = answerValue({ key: 'ageBand', value: '18-24' });
		const disabled = answerValue({ key: 'disability', value: 'yes-a-lot' });
		expect(young).toBe('ageBand=18-24');
		choice.toggle(young, true);
		choice.toggle(disabled, true);
		choice.toggle('not-a-question=x', true);
		choice.toggle(young, false);
		expect(choice.selected).toEqual([disabled, 'not-a-question=x']);
		await choice.save();
		expect(choice.saved).toBe(true);
		// Only real questions' answers are kept.
		expect(await loadChosenAnswers(device.workspace.desk)).toEqual([
			{ key: 'disability', value: 'yes-a-lot' }
		]);
		choice.toggle(young, true);
		expect(choice.saved).toBe(false);
	});
});
