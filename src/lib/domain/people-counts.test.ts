import { describe, expect, it } from 'vitest';
import { peopleCountsOf, peopleCountsSchema } from './people-counts';

describe('peopleCountsOf', () => {
	const accounts = [
		{ name: 'zoe', roles: ['member'] as const, createdAt: '2025-03-02T10:00:00.000Z', active: true },
		{ name: 'cora', roles: ['coordinator'] as const, createdAt: '2025-01-01T10:00:00.000Z', active: true },
		{
			name: 'amy',
			roles: ['member', 'chair'] as const,
			createdAt: '2025-02-01T10:00:00.000Z',
			active: false
		},
		{
			name: 'staff',
			roles: ['member', 'coordinator'] as const,
			createdAt: '2025-02-05T10:00:00.000Z',
			active: true
		},
		{ name: 'rita', roles: ['recruiter'] as const, createdAt: '2025-02-06T10:00:00.000Z', active: true }
	];
	const signups = [
		{ id: 'signup:2', eventId: 'event:01M80000000000000000000002', status: 'new' as const, sealed: 'x' },
		{ id: 'signup:1', eventId: 'event:01M80000000000000000000001', status: 'joined' as const, sealed: 'y' },
		{ id: 'signup:3', eventId: 'event:01M80000000000000000000001', status: 'contacted' as const, sealed: 'z' }
	];

	it('keeps member accounts (not staff) as when they joined and whether they are active, in date order', () => {
		expect(peopleCountsOf(accounts, []).members).toEqual([
			{ joinedAt: '2025-02-01T10:00:00.000Z', active: false },
			{ joinedAt: '2025-03-02T10:00:00.000Z', active: true }
		]);
	});

	it('keeps only each sign-up’s event and outcome, sorted by them, so nothing else of it shows', () => {
		const counts = peopleCountsOf([], signups);
		expect(counts.signups).toEqual([
			{ eventId: 'event:01M80000000000000000000001', status: 'contacted' },
			{ eventId: 'event:01M80000000000000000000001', status: 'joined' },
			{ eventId: 'event:01M80000000000000000000002', status: 'new' }
		]);
		expect(peopleCountsSchema.parse(counts)).toEqual(counts);
		expect(JSON.stringify(counts)).not.toMatch(/signup:|sealed/);
	});

	it('refuses an answer with anything more', () => {
		const extra = {
			members: [{ joinedAt: '2025-02-01T10:00:00.000Z', active: true, name: 'amy' }],
			signups: []
		};
		expect(peopleCountsSchema.safeParse(extra).success).toBe(false);
	});
});
