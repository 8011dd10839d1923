import { describe, expect, it } from 'vitest';
import { toCsv } from './measure-series';
import {
	hoursText,
	summariseTimeGiven,
	timeGivenSeries,
	type TimeGivenInput,
	type TimeGivenRow
} from './time-given-measures';

const given = (member: string, on: string, minutes: number, kind: TimeGivenRow['kind'] = 'taking-part') => ({
	member,
	on,
	minutes,
	kind
});

const INPUT: TimeGivenInput = {
	given: [
		given('mo', '2026-01-15', 180),
		given('mo', '2026-01-20', 30, 'travel'),
		given('cat', '2026-01-31', 90, 'preparation'),
		given('cat', '2026-03-02', 195)
	],
	posted: ['2026-01-02T09:00:00.000Z', '2026-03-30T23:30:00.000Z'],
	selected: ['2026-01-10T10:00:00.000Z']
};

describe('timeGivenSeries', () => {
	it('adds up hours by month and by what they were spent on, and counts different members', () => {
		const series = timeGivenSeries(INPUT, { by: 'month', to: '2026-04-01' });
		expect(series.rows.map((row) => row.period)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
		expect(series.rows[0]).toEqual({
			period: '2026-01',
			label: 'January 2026',
			hours: 5,
			'hours:preparation': 1.5,
			'hours:taking-part': 3,
			'hours:travel': 0.5,
			'hours:follow-up': 0,
			members: 2,
			posted: 1,
			selected: 1
		});
		// A month with nothing in it is a zero, not a gap.
		expect(series.rows[1]).toMatchObject({ hours: 0, members: 0, posted: 0, selected: 0 });
		expect(series.rows[2]).toMatchObject({ hours: 3.25, members: 1, posted: 1 });
		expect(series).toMatchObject({ totalMinutes: 495, members: 2, mostlyOn: 'taking-part', posted: 2 });
	});

	it('counts by quarter, leaves out what falls outside the span, and has the CSV the table shows', () => {
		const series = timeGivenSeries(INPUT, { by: 'quarter', from: '2026-02-01', to: '2026-03-31' });
		expect(series.rows).toHaveLength(1);
		expect(series.rows[0]).toMatchObject({ period: '2026-Q1', hours: 8.25, members: 2, posted: 2 });
		expect(toCsv(series).split('\r\n')[0]).toBe(
			'Quarter,Hours given,Hours preparing,Hours taking part,Hours travelling,Hours following up,' +
				'Members who gave time,Opportunities posted,People selected'
		);
		const june = timeGivenSeries(INPUT, { by: 'month', from: '2026-06-01', to: '2026-06-30' });
		expect(june.rows).toEqual([expect.objectContaining({ hours: 0, members: 0 })]);
		expect(june.totalMinutes).toBe(0);
	});

	it('is empty with nothing to count', () => {
		const series = timeGivenSeries({ given: [], posted: [], selected: [] }, { by: 'month' });
		expect(series.rows).toEqual([]);
		expect(summariseTimeGiven(series)).toBe(
			'No time given is recorded on this device yet, so there is nothing to chart; 0 opportunities posted and 0 people selected.'
		);
	});
});

describe('summariseTimeGiven', () => {
	it('says who gave how long, on what, and what was posted and selected', () => {
		const series = timeGivenSeries(INPUT, { by: 'month', to: '2026-04-01' });
		expect(summariseTimeGiven(series)).toBe(
			'2 members gave 8.3 hours, most of it taking part; 2 opportunities posted and 1 person selected.'
		);
		const one = timeGivenSeries({ ...INPUT, given: [given('mo', '2026-01-15', 60)] }, { by: 'month' });
		expect(summariseTimeGiven(one)).toContain('1 member gave 1 hour');
	});

	it('rounds hours to a tenth', () => {
		expect(hoursText(15)).toBe('0.3 hours');
		expect(hoursText(60)).toBe('1 hour');
		expect(hoursText(450)).toBe('7.5 hours');
	});
});
