import { describe, expect, it } from 'vitest';
import type { EqualityAnswers } from './equality';
import { seldomHeardReach, type JoinedAnswers } from './seldom-heard';

describe('seldom-heard reach', () => {
	const chosen = [
		{ key: 'disability', value: 'yes-a-lot' },
		{ key: 'ethnicGroup', value: 'black-african' }
	] as const;
	const both: EqualityAnswers = { disability: 'yes-a-lot', ethnicGroup: 'black-african' };
	const none: EqualityAnswers = { disability: 'no', ethnicGroup: 'white-british' };
	const joined = (date: string, total: number, seldom: number): JoinedAnswers[] =>
		Array.from({ length: total }, (_, i) => ({
			joinedAt: date,
			answers: i < seldom ? both : i % 2 ? none : {}
		}));

	it('counts a person once however many chosen answers they gave', () => {
		const reach = seldomHeardReach(joined('2026-01-05', 12, 6), chosen, { by: 'quarter' });
		expect(reach.rows).toEqual([
			{ period: '2026-Q1', label: 'January to March 2026', joined: 12, seldomHeard: 6, share: 0.5 }
		]);
		expect(reach.total).toEqual({ joined: 12, seldomHeard: 6, share: 0.5 });
	});

	it('hides a small count, and the count that would give away a small "others"', () => {
		const people = [
			...joined('2026-01-05', 12, 6),
			...joined('2026-04-05', 10, 2), // 2 seldom heard: small
			...joined('2026-07-05', 7, 5) // 2 others: small, so the 5 would give them away
		];
		const reach = seldomHeardReach(people, chosen, { by: 'quarter' });
		expect(reach.rows.map((row) => [row.period, row.joined, row.seldomHeard, row.share])).toEqual([
			['2026-Q1', 12, 6, 0.5],
			['2026-Q2', 10, null, null],
			['2026-Q3', 7, null, null]
		]);
		expect(reach.total).toEqual({ joined: 29, seldomHeard: 13, share: 13 / 29 });
	});

	it('hides a second period when one hidden period could be worked out from the total', () => {
		const people = [
			...joined('2026-01-05', 12, 6),
			...joined('2026-04-05', 10, 2),
			...joined('2026-07-05', 20, 8)
		];
		const reach = seldomHeardReach(people, chosen, { by: 'quarter' });
		expect(reach.rows.map((row) => row.seldomHeard)).toEqual([null, null, 8]);
		expect(reach.total.seldomHeard).toBe(16);
	});

	it('a small total hides everything; zero is shown, as on the equality page', () => {
		expect(seldomHeardReach(joined('2026-01-05', 3, 1), chosen, { by: 'month' }).total).toEqual({
			joined: 3,
			seldomHeard: null,
			share: null
		});
		const zero = seldomHeardReach(joined('2026-01-05', 3, 0), chosen, { by: 'month' });
		expect(zero.rows[0]).toMatchObject({ seldomHeard: 0, share: 0 });
	});

	it('fills empty periods, and counts nobody when nothing is chosen', () => {
		const people = [...joined('2026-01-05', 6, 6), ...joined('2026-03-05', 6, 6)];
		const reach = seldomHeardReach(people, [], { by: 'month' });
		expect(reach.rows.map((row) => [row.period, row.joined, row.seldomHeard])).toEqual([
			['2026-01', 6, 0],
			['2026-02', 0, 0],
			['2026-03', 6, 0]
		]);
		expect(seldomHeardReach([], chosen, { by: 'month' }).rows).toEqual([]);
	});
});
