import { describe, expect, it } from 'vitest';
import { bigITable } from './big-i-table';
import {
	percentOf,
	summariseFromStart,
	summariseFunnel,
	summariseGrowth,
	summariseIdeas,
	summariseMeetings,
	summariseReach
} from './measure-summaries';
import { growthSeries } from './network-measures';
import { pChart } from './p-chart';
import { seldomHeardReach } from './seldom-heard';

describe('measure summaries', () => {
	it('says a share as a whole percentage, or that there is nothing to share of', () => {
		expect(percentOf(1, 3)).toBe('33%');
		expect(percentOf(0, 0)).toBe('no share');
	});

	it('growth: members at the end, from how many before, joined and left over the span', () => {
		const growth = growthSeries(
			[
				{ joinedAt: '2025-12-10' },
				{ joinedAt: '2026-01-05' },
				{ joinedAt: '2026-02-01', active: false },
				{ joinedAt: '2026-03-20' }
			],
			[],
			{ by: 'month', from: '2026-01-01', to: '2026-03-31' }
		);
		expect(summariseGrowth(growth, 'month')).toBe(
			'3 members at the end of March 2026, from 1 before January 2026: 3 joined and 1 left over 3 months, January 2026 to March 2026.'
		);
		expect(summariseGrowth(growthSeries([], [], { by: 'month' }), 'month')).toMatch(/nothing to chart/);
	});

	it('sign-ups: contacted and joined of all, and where the most joined from', () => {
		const rows = [
			{
				key: 'pride',
				label: 'Pride',
				signups: 6,
				contacted: 4,
				joined: 3,
				contactedShare: null,
				joinedShare: null
			},
			{
				key: 'gp',
				label: 'GP surgery',
				signups: 4,
				contacted: 2,
				joined: 1,
				contactedShare: null,
				joinedShare: null
			}
		];
		expect(summariseFunnel(rows, 'as of 3 March 2026')).toBe(
			'Of 10 sign-ups as of 3 March 2026, 6 (60%) were contacted and 4 (40%) joined. Most joined from Pride (3).'
		);
		expect(summariseFunnel([], 'as of 3 March 2026')).toBe('No sign-ups yet, so there is nothing to chart.');
	});

	it('seldom-heard reach: says a hidden number is hidden, never the number', () => {
		const people = Array.from({ length: 4 }, (_, i) => ({
			joinedAt: '2026-03-01',
			answers: { ageBand: i === 0 ? '18-24' : '35-44' }
		}));
		const reach = seldomHeardReach(people, [{ key: 'ageBand', value: '18-24' }], { by: 'month' });
		const summary = summariseReach(reach, 'month', 5);
		expect(summary).toContain('Fewer than 5 of them');
		expect(summary).toMatch(/^4 people joined in March 2026\./);
		expect(summary).not.toContain('1 of them');
	});

	it('co-produced from the start, meetings and ideas in words', () => {
		expect(
			summariseFromStart(
				[{ period: '2026-Q1', label: '', started: 4, fromStart: 3, later: 1, noMembers: 0, share: 0.75 }],
				'quarter'
			)
		).toBe(
			'Of 4 projects started in January to March 2026, 3 (75%) involved members from the start and 1 brought them in later.'
		);
		const meeting = {
			period: '2026-03',
			label: '',
			meetings: 4,
			memberChaired: 3,
			staffChaired: 1,
			itemsFromMembers: 6,
			itemsFromStaff: 2,
			actions: 5,
			actionsDone: 3,
			actionsDoneOnTime: 2,
			actionsOverdue: 1,
			memberChairedShare: 0.75,
			itemsFromMembersShare: 0.75,
			doneOnTimeShare: 0.5
		};
		expect(summariseMeetings([meeting])).toBe(
			'Members chaired 3 of 4 meetings (75%) and proposed 6 of 8 agenda items (75%); 2 of 4 actions due so far were done on time (50%).'
		);
		expect(
			summariseIdeas({
				title: '',
				columns: [],
				rows: [{ period: '2026-03', label: '', raised: 10, outcomes: 4, medianDays: 12 }],
				medianDays: 12
			})
		).toBe(
			'10 ideas raised and 4 given an outcome ("You said, we did"), half of them within 12 days of the idea.'
		);
	});
});

describe('the Big I table', () => {
	it('gives each month its limits and any unusual variation in words; a month with no projects has none', () => {
		const input = [
			{ period: '2026-01', x: 1, n: 10 },
			{ period: '2026-02', x: 0, n: 0 },
			{ period: '2026-03', x: 10, n: 10 },
			{ period: '2026-04', x: 1, n: 10 }
		];
		const chart = pChart(input);
		const table = bigITable(input, chart);
		expect(table.rows.map((row) => row.signal)).toEqual([
			'None',
			'No active projects',
			'Above the upper limit',
			'None'
		]);
		expect(table.rows[1]).toMatchObject({ lower: null, upper: null, share: null });
		expect(table.rows[0]?.upper).toBeCloseTo(chart.points[0]?.upper ?? 0);
		expect(table.columns.map((column) => column.label)).toContain('Unusual variation');
	});
});
