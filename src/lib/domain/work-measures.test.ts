import { describe, expect, it } from 'vitest';
import { toCsv } from './measure-series';
import { ideaSeries, meetingSeries } from './work-measures';

describe('member-led meetings', () => {
	it('per month of the meeting, with items and actions counted where they were agreed', () => {
		const series = meetingSeries(
			{
				meetings: [
					{ id: 'm1', status: 'held', chairKind: 'member', startsAt: '2026-01-10T18:00:00Z' },
					{ id: 'm2', status: 'held', chairKind: 'staff', startsAt: '2026-01-20T18:00:00Z' },
					{ id: 'm3', status: 'cancelled', chairKind: 'member', startsAt: '2026-04-05T18:00:00Z' },
					{ id: 'm4', status: 'planned', chairKind: 'member', startsAt: '2026-03-06T18:00:00Z' }
				],
				items: [
					{ meetingId: 'm1', proposerKind: 'member' },
					{ meetingId: 'm1', proposerKind: 'staff' },
					{ meetingId: 'm2', proposerKind: 'member' },
					{ meetingId: 'm3', proposerKind: 'member' },
					{ meetingId: 'm4', proposerKind: 'staff' },
					{ meetingId: 'gone', proposerKind: 'member' }
				],
				actions: [
					{ meetingId: 'm1', state: 'done-on-time' },
					{ meetingId: 'm1', state: 'overdue' },
					{ meetingId: 'm2', state: 'done-late' },
					{ meetingId: 'm2', state: 'upcoming' },
					{ meetingId: 'm4', state: 'dropped' }
				]
			},
			{ by: 'month' }
		);
		expect(
			series.rows.map((row) => [
				row.period,
				row.meetings,
				row.memberChaired,
				row.memberChairedShare,
				row.itemsFromMembers,
				row.itemsFromMembersShare,
				row.actions,
				row.actionsDoneOnTime,
				row.doneOnTimeShare
			])
		).toEqual([
			['2026-01', 2, 1, 0.5, 2, 2 / 3, 4, 1, 1 / 3],
			['2026-02', 0, 0, null, 0, null, 0, 0, null],
			['2026-03', 1, 1, 1, 0, 0, 1, 0, null]
		]);
	});

	it('empty', () => {
		expect(meetingSeries({ meetings: [], items: [], actions: [] }, { by: 'quarter' }).rows).toEqual([]);
	});
});

describe('ideas: "You said, we did"', () => {
	const ideas = [
		{ id: 'idea:1', createdAt: '2026-01-01T10:00:00Z' },
		{ id: 'idea:2', createdAt: '2026-01-15T10:00:00Z' },
		{ id: 'idea:3', createdAt: '2026-02-20T23:00:00Z' },
		{ id: 'idea:4', createdAt: '2026-03-01T10:00:00Z' }
	];
	const statuses = [
		{ ideaId: 'idea:1', to: 'under-discussion', createdAt: '2026-01-05T10:00:00Z' },
		{ ideaId: 'idea:1', to: 'done', createdAt: '2026-03-01T10:00:00Z' },
		{ ideaId: 'idea:1', to: 'done', createdAt: '2026-01-11T09:00:00Z' },
		{ ideaId: 'idea:2', to: 'not-taken-forward', createdAt: '2026-03-16T08:00:00Z' },
		{ ideaId: 'idea:3', to: 'done', createdAt: '2026-03-01T01:00:00Z' },
		{ ideaId: 'idea:9', to: 'done', createdAt: '2026-03-02T10:00:00Z' }
	] as const;

	it('counts each idea’s first outcome, with the median whole days from idea to outcome', () => {
		const series = ideaSeries(ideas, statuses, { by: 'month' });
		expect(series.rows).toEqual([
			{ period: '2026-01', label: 'January 2026', raised: 2, outcomes: 1, medianDays: 10 },
			{ period: '2026-02', label: 'February 2026', raised: 1, outcomes: 0, medianDays: null },
			{ period: '2026-03', label: 'March 2026', raised: 1, outcomes: 3, medianDays: 34.5 }
		]);
		expect(series.medianDays).toBe(10);
		expect(toCsv(series)).toBe(
			'Month,Ideas raised,Outcomes given,Median days to an outcome\r\n' +
				'January 2026,2,1,10\r\nFebruary 2026,1,0,\r\nMarch 2026,1,3,34.5\r\n'
		);
	});

	it('one period, and none', () => {
		expect(ideaSeries(ideas, statuses, { by: 'quarter' }).rows).toEqual([
			{ period: '2026-Q1', label: 'January to March 2026', raised: 4, outcomes: 4, medianDays: 10 }
		]);
		expect(ideaSeries([], [], { by: 'month' })).toMatchObject({ rows: [], medianDays: null });
	});
});
