import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from './demo/accounts';
import { useTestGateway, type Json } from '../../../tests/support/gateway';
import { PRINCIPALS, requestAs, SIGNED_IN, type Principal } from '../../../tests/support/matrix';
import { TEST_BACKENDS } from '../../../tests/support/test-backends';

/**
 * The access matrix for the counts behind growth and the sign-up funnel (`GET /api/measures/people`):
 * every principal, exactly where docs/SECURITY.md says, and nothing in the answer but the counts. Written
 * out by hand, not read from policy.ts, like matrix.test.ts.
 */

const PEOPLE = '/api/measures/people';
/** Who may read the counts. */
const READERS: readonly Principal[] = ['chair', 'coordinator'];

interface Counts {
	members: Json[];
	signups: Json[];
}

/** A list of rows as sorted JSON lines, to compare two lists whatever their order. */
function sorted(rows: readonly Json[]): string[] {
	return rows.map((row) => JSON.stringify(row)).sort();
}

describe.each(TEST_BACKENDS)('the measures counts route over the $kind backend', ({ kind }) => {
	const gateway = useTestGateway(kind, 'matrix-measures', { signIn: SIGNED_IN });

	/** What the counts must never show: names, display names, sign-up ids and sealed contents. */
	async function privateText(): Promise<string[]> {
		const inbox = (await (await requestAs(gateway, '/api/signups', 'coordinator')).json()) as Json[];
		expect(inbox.length).toBeGreaterThan(0);
		return [
			...DEMO_ACCOUNTS.flatMap((account) => [`"${account.name}"`, account.displayName]),
			...inbox.map((entry) => String(entry.id)),
			'signup:',
			'sealed',
			'ciphertext',
			'collectedBy',
			'passwordHash',
			'"name"',
			'"roles"'
		];
	}

	it('answers chairs and coordinators, refuses members, recruiters and staff, and asks anyone else to sign in', async () => {
		const hidden = await privateText();
		const checked: string[] = [];
		for (const principal of PRINCIPALS) {
			const res = await requestAs(gateway, PEOPLE, principal);
			const body = await res.text();
			const where = `${principal} GET ${PEOPLE}: ${res.status} ${body.slice(0, 200)}`;
			const granted = READERS.includes(principal);
			if (granted) expect(res.status, where).toBe(200);
			else {
				expect(res.status, where).toBe(principal === 'anonymous' ? 401 : 403);
				expect(JSON.parse(body) as Json, where).toHaveProperty('error');
			}
			for (const text of hidden) expect(body, where).not.toContain(text);
			checked.push(`${principal}:${granted ? 'yes' : 'no'}`);
		}
		expect(checked).toEqual([
			'anonymous:no',
			'member:no',
			'chair:yes',
			'recruiter:no',
			'staff:no',
			'coordinator:yes'
		]);
	});

	it('answers only when each member joined and whether they are active, and each sign-up’s event and outcome', async () => {
		const accounts = await gateway.server.internals.accounts.list();
		const inbox = (await (await requestAs(gateway, '/api/signups', 'coordinator')).json()) as Json[];
		// Member accounts, not staff: the coordinator is not counted.
		const members = accounts
			.filter((account) => account.roles.includes('member') && !account.roles.includes('coordinator'))
			.map((account) => ({ joinedAt: account.createdAt, active: account.active }));
		expect(members).toHaveLength(4);
		const signups = inbox.map((entry) => ({
			eventId: (entry.sealed as Json).eventId,
			status: entry.status
		}));
		for (const principal of READERS) {
			const counts = (await (await requestAs(gateway, PEOPLE, principal)).json()) as Counts;
			expect(Object.keys(counts).sort()).toEqual(['members', 'signups']);
			for (const row of counts.members) expect(Object.keys(row).sort()).toEqual(['active', 'joinedAt']);
			for (const row of counts.signups) expect(Object.keys(row).sort()).toEqual(['eventId', 'status']);
			expect(sorted(counts.members)).toEqual(sorted(members));
			expect(sorted(counts.signups)).toEqual(sorted(signups));
		}
	});

	it('has no other method', async () => {
		for (const principal of PRINCIPALS) {
			for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
				const res = await requestAs(gateway, PEOPLE, principal, { method, body: '{}' });
				expect(res.status, `${principal} ${method}`).toBe(404);
			}
		}
	});
});
