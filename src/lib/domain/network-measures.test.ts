import { describe, expect, it } from 'vitest';
import { toCsv } from './measure-series';
import {
	funnelByEvent,
	funnelByKind,
	growthSeries,
	type EventRow,
	type SignupOutcomeRow
} from './network-measures';

describe('growth', () => {
	const people = [
		{ joinedAt: '2026-01-10' },
		{ joinedAt: '2026-01-20T12:00:00Z', leftAt: '2026-03-05' },
		{ joinedAt: '2025-12-01', leftAt: null },
		{ joinedAt: '2026-03-15', active: false }
	];
	const events = [
		{ date: '2026-02-14', name: 'Pride' },
		{ date: '2025-06-01', name: 'Before the span' }
	];

	it('counts joined, left, members at the end and joined so far, with empty months as zeros', () => {
		const growth = growthSeries(people, events, { by: 'month', from: '2026-01-01', to: '2026-03-31' });
		expect(growth.rows).toEqual([
			{ period: '2026-01', label: 'January 2026', joined: 2, left: 0, members: 3, joinedSoFar: 3 },
			{ period: '2026-02', label: 'February 2026', joined: 0, left: 0, members: 3, joinedSoFar: 3 },
			{ period: '2026-03', label: 'March 2026', joined: 1, left: 2, members: 2, joinedSoFar: 4 }
		]);
		expect(growth.markers).toEqual([{ period: '2026-02', date: '2026-02-14', name: 'Pride' }]);
		expect(toCsv(growth).split('\r\n')[0]).toBe('Month,Joined,Left,Members at the end,Joined so far');
	});

	it('by quarter, spanning the data when no bounds are given', () => {
		const growth = growthSeries(people, [], { by: 'quarter' });
		expect(growth.rows.map((row) => [row.period, row.joined, row.left, row.members])).toEqual([
			['2025-Q4', 1, 0, 1],
			['2026-Q1', 3, 2, 2]
		]);
	});

	it('nothing in, nothing out', () => {
		expect(growthSeries([], [], { by: 'month' })).toMatchObject({ rows: [], markers: [] });
	});
});

describe('sign-up funnel', () => {
	const events: EventRow[] = [
		{ id: 'event:1', name: 'Pride Leeds', date: '2026-02-01', kind: 'pride' },
		{ id: 'event:2', name: 'GP surgery day', date: '2026-01-10', kind: 'gp-surgery' },
		{ id: 'event:3', name: 'Quiet stall', date: '2026-03-01', kind: 'community' }
	];
	const signups: SignupOutcomeRow[] = [
		{ eventId: 'event:1', status: 'new' },
		{ eventId: 'event:1', status: 'contacted' },
		{ eventId: 'event:1', status: 'joined' },
		{ eventId: 'event:1', status: 'declined' },
		{ eventId: 'event:2', status: 'joined' },
		{ eventId: 'event:2', status: 'joined' },
		{ eventId: 'event:9', status: 'new' }
	];

	it('by event, oldest first, with events nobody signed up at and sign-ups from unknown events', () => {
		expect(funnelByEvent(signups, events).rows).toEqual([
			{
				key: 'event:2',
				label: 'GP surgery day',
				date: '2026-01-10',
				signups: 2,
				contacted: 2,
				joined: 2,
				contactedShare: 1,
				joinedShare: 1
			},
			{
				key: 'event:1',
				label: 'Pride Leeds',
				date: '2026-02-01',
				signups: 4,
				contacted: 3,
				joined: 1,
				contactedShare: 0.75,
				joinedShare: 0.25
			},
			{
				key: 'event:3',
				label: 'Quiet stall',
				date: '2026-03-01',
				signups: 0,
				contacted: 0,
				joined: 0,
				contactedShare: null,
				joinedShare: null
			},
			{
				key: 'unknown',
				label: 'An event not on this device yet',
				date: null,
				signups: 1,
				contacted: 0,
				joined: 0,
				contactedShare: 0,
				joinedShare: 0
			}
		]);
	});

	it('by kind of event, in the usual order of kinds', () => {
		const rows = funnelByKind(signups, events).rows;
		expect(rows.map((row) => [row.label, row.signups, row.contacted, row.joined])).toEqual([
			['Pride', 4, 3, 1],
			['Community event', 0, 0, 0],
			['GP surgery', 2, 2, 2],
			['An event not on this device yet', 1, 0, 0]
		]);
		expect(toCsv(funnelByKind(signups, events)).split('\r\n')[1]).toBe('Pride,4,3,1,0.75,0.25');
	});

	it('empty', () => {
		expect(funnelByEvent([], []).rows).toEqual([]);
		expect(funnelByKind([], []).rows).toEqual([]);
	});
});
