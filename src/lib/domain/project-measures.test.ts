import { describe, expect, it } from 'vitest';
import { toCsv } from './measure-series';
import { pChart } from './p-chart';
import type { TeamMember } from './project';
import { bigIByMonth, bigISeries, coproducedFromStartSeries, type ProjectRow } from './project-measures';

const member = (level: 'big-i' | 'little-i'): TeamMember => ({
	name: `member.${level}`,
	kind: 'member',
	level,
	joinedAt: 'planning',
	role: '',
	time: '',
	support: '',
	supervisor: '',
	skillsBring: '',
	skillsDevelop: ''
});

const project = (change: Partial<ProjectRow>): ProjectRow => ({
	status: 'active',
	startDate: null,
	endDate: null,
	membersFirstInvolved: null,
	team: [],
	...change
});

describe('co-produced from the start', () => {
	it('by the quarter each project started; projects not started are not counted', () => {
		const series = coproducedFromStartSeries([
			project({ startDate: '2026-01-15', membersFirstInvolved: 'problem' }),
			project({ startDate: '2026-02-01', membersFirstInvolved: 'testing' }),
			project({ startDate: '2026-03-31' }),
			project({ startDate: '2026-07-01', membersFirstInvolved: 'problem' }),
			project({ status: 'proposed', membersFirstInvolved: 'problem' })
		]);
		expect(series.rows).toEqual([
			{
				period: '2026-Q1',
				label: 'January to March 2026',
				started: 3,
				fromStart: 1,
				later: 1,
				noMembers: 1,
				share: 1 / 3
			},
			{
				period: '2026-Q2',
				label: 'April to June 2026',
				started: 0,
				fromStart: 0,
				later: 0,
				noMembers: 0,
				share: null
			},
			{
				period: '2026-Q3',
				label: 'July to September 2026',
				started: 1,
				fromStart: 1,
				later: 0,
				noMembers: 0,
				share: 1
			}
		]);
		expect(toCsv(series).split('\r\n')[1]).toBe('January to March 2026,3,1,1,1,0.3333');
	});

	it('empty', () => {
		expect(coproducedFromStartSeries([]).rows).toEqual([]);
	});
});

describe('Big I per month', () => {
	const projects = [
		project({ startDate: '2026-01-15', team: [member('big-i')] }),
		project({
			status: 'completed',
			startDate: '2025-11-01',
			endDate: '2026-02-01',
			team: [member('little-i')]
		}),
		project({ status: 'proposed', startDate: '2026-01-01', team: [member('big-i')] }),
		project({ status: 'stopped', startDate: '2026-02-28', endDate: '2026-02-28', team: [member('big-i')] }),
		project({ startDate: '2026-05-01', team: [member('big-i')] })
	];

	it('counts a project active from its start month to its end month, proposed ones never', () => {
		expect(bigIByMonth(projects, { to: '2026-04-30' })).toEqual([
			{ period: '2025-11', x: 0, n: 1 },
			{ period: '2025-12', x: 0, n: 1 },
			{ period: '2026-01', x: 1, n: 2 },
			{ period: '2026-02', x: 2, n: 3 },
			{ period: '2026-03', x: 1, n: 1 },
			{ period: '2026-04', x: 1, n: 1 }
		]);
	});

	it('a span that starts later carries the projects already running; months with none are n = 0', () => {
		const input = bigIByMonth(
			[
				project({
					status: 'completed',
					startDate: '2025-01-10',
					endDate: '2025-02-10',
					team: [member('big-i')]
				})
			],
			{ from: '2025-02-01', to: '2025-04-30' }
		);
		expect(input).toEqual([
			{ period: '2025-02', x: 1, n: 1 },
			{ period: '2025-03', x: 0, n: 0 },
			{ period: '2025-04', x: 0, n: 0 }
		]);
		expect(pChart(input).leftOut).toEqual(['2025-03', '2025-04']);
	});

	it('as a table', () => {
		expect(bigISeries([{ period: '2026-01', x: 1, n: 4 }]).rows).toEqual([
			{ period: '2026-01', label: 'January 2026', active: 4, bigI: 1, share: 0.25 }
		]);
		expect(bigIByMonth([])).toEqual([]);
	});
});
