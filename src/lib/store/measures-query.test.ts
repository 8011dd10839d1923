import { describe, expect, it } from 'vitest';
import { makeSignupPlaintext } from '../../../tests/signup-factories';
import { generateCoordinatorKeyPair, newDoc, newDocId, sealSignup, type SignupStatus } from '$lib/domain';
import { makeIdea, makeStatus } from '../../../tests/factories';
import {
	makeInterest,
	makeOpportunity,
	makeSelection,
	makeTimeGiven
} from '../../../tests/involvement-factories';
import { makeProject } from '../../../tests/project-factories';
import { useTestStore } from '../../../tests/support/test-store';
import {
	keepChosenAnswers,
	keepPeopleCopy,
	loadChosenAnswers,
	loadEventRows,
	loadIdeaRows,
	loadJoinedSignups,
	loadPeopleCopy,
	loadProjectRows,
	loadTimeGivenInput
} from './measures-query';
import type { InboxRow } from './recruitment';

const store = useTestStore('measures');

/** Inbox rows of one sealed sign-up (its content does not matter here), each with its own id and status. */
async function inboxRows(statuses: SignupStatus[]): Promise<InboxRow[]> {
	const eventId = newDocId('event');
	const plaintext = makeSignupPlaintext(eventId, { collectedAt: '2026-03-01T10:00:00.000Z' });
	const sealed = await sealSignup(plaintext, [await generateCoordinatorKeyPair()]);
	return statuses.map((status) => ({
		id: newDocId('signup'),
		eventId,
		sealed,
		receivedAt: '2026-03-01T10:00:00.000Z',
		status
	}));
}

describe('the measures’ reads of the desk', () => {
	it('read the projects as the co-production measures take them, and nothing more', async () => {
		const team = [
			{ name: 'member', kind: 'member' as const, level: 'big-i' as const, joinedAt: 'problem' as const }
		];
		await store.ledger.db.bulkDocs([
			makeProject({ status: 'active', startDate: '2026-01-05', membersFirstInvolved: 'problem', team }),
			makeProject({ title: 'Not started' })
		]);
		await store.projector.catchUp();

		const rows = await loadProjectRows(store.desk);
		expect(rows).toHaveLength(2);
		expect(rows).toContainEqual({
			status: 'active',
			startDate: '2026-01-05',
			endDate: null,
			membersFirstInvolved: 'problem',
			team: [expect.objectContaining(team[0])]
		});
		for (const row of rows)
			expect(Object.keys(row).sort()).toEqual([
				'endDate',
				'membersFirstInvolved',
				'startDate',
				'status',
				'team'
			]);
	});

	it('read every idea’s id and date, oldest first, and every status change', async () => {
		const later = makeIdea({ title: 'Later' });
		const earlier = { ...makeIdea({ title: 'Earlier' }), createdAt: '2025-01-01T09:00:00.000Z' };
		await store.ledger.db.bulkDocs([
			later,
			earlier,
			makeStatus(earlier._id, { to: 'done', outcome: 'Done' })
		]);
		await store.projector.catchUp();

		const { ideas, statuses } = await loadIdeaRows(store.desk);
		expect(ideas).toEqual([
			{ id: earlier._id, createdAt: earlier.createdAt },
			{ id: later._id, createdAt: later.createdAt }
		]);
		expect(statuses).toEqual([{ ideaId: earlier._id, to: 'done', createdAt: expect.any(String) }]);
	});

	it('read time given, people selected and when opportunities were posted, and nothing else', async () => {
		const panel = makeOpportunity();
		const stall = makeOpportunity({ kind: 'public-event', title: 'Pride stall' });
		const time = makeTimeGiven(panel, 'member', { on: '2026-11-20', minutes: 150, kind: 'travel' });
		const selected = makeSelection(panel, 'member');
		await store.ledger.db.bulkDocs([
			panel,
			stall,
			makeInterest(panel, 'chair'),
			selected,
			makeSelection(stall, 'chair', { outcome: 'not-selected' }),
			time
		]);
		await store.projector.catchUp();

		const input = await loadTimeGivenInput(store.desk);
		expect(input.given).toEqual([{ member: 'member', on: '2026-11-20', minutes: 150, kind: 'travel' }]);
		expect(input.selected).toEqual([selected.updatedAt]);
		expect([...input.posted].sort()).toEqual([panel.createdAt, stall.createdAt].sort());
	});

	it('read the recruitment events', async () => {
		const event = newDoc('event', 'recruiter', {
			name: 'Pride',
			date: '2026-08-01',
			place: 'Park',
			kind: 'pride',
			communities: ['LGBTQ+ people']
		});
		await store.ledger.put(event);
		await store.projector.catchUp();

		expect(await loadEventRows(store.desk)).toEqual([
			{ id: event._id, name: 'Pride', date: '2026-08-01', kind: 'pride' }
		]);
	});

	it('read only the sign-ups marked as joined, still sealed', async () => {
		const rows = await inboxRows(['new', 'joined', 'contacted', 'joined', 'declined']);
		await store.desk.inbox.bulkPut(rows);

		const joined = await loadJoinedSignups(store.desk);
		expect(joined.map((row) => row.id).sort()).toEqual(
			rows
				.filter((row) => row.status === 'joined')
				.map((row) => row.id)
				.sort()
		);
		expect(joined[0]?.sealed.ciphertext).toEqual(rows[0]?.sealed.ciphertext);
	});

	it('keep the server’s counts of members and sign-ups with when they were taken, and nothing before', async () => {
		expect(await loadPeopleCopy(store.desk)).toBeNull();
		const counts = {
			members: [{ joinedAt: '2026-02-01T10:00:00.000Z', active: true }],
			signups: [{ eventId: newDocId('event'), status: 'joined' as const }]
		};
		await keepPeopleCopy(store.desk, counts, '2026-03-04T12:00:00.000Z');
		expect(await loadPeopleCopy(store.desk)).toEqual({ at: '2026-03-04T12:00:00.000Z', ...counts });
		await keepPeopleCopy(store.desk, { members: [], signups: [] }, '2026-03-05T12:00:00.000Z');
		expect(await loadPeopleCopy(store.desk)).toEqual({
			at: '2026-03-05T12:00:00.000Z',
			members: [],
			signups: []
		});
	});

	it('remember which answers count as seldom heard', async () => {
		expect(await loadChosenAnswers(store.desk)).toEqual([]);
		const chosen = [
			{ key: 'ageBand' as const, value: '18-24' },
			{ key: 'disability' as const, value: 'yes-a-lot' }
		];
		await keepChosenAnswers(store.desk, chosen);
		expect(await loadChosenAnswers(store.desk)).toEqual(chosen);
	});
});
