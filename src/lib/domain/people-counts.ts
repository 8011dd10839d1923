import { z } from 'zod';
import type { Role } from './accounts';
import { docIdSchema, isoTimestamp } from './common';
import { signupStatusSchema, type SignupStatus } from './signup';

/**
 * What growth and the sign-up funnel count, as the gateway answers it to chairs and coordinators
 * (`GET /api/measures/people`): per member account only when it was made and whether it is switched on,
 * per sign-up only its event and outcome. No names, no ids, no contents: the rows are sorted by their own
 * values, so not even their order says whose they are.
 */
export const peopleCountsSchema = z.strictObject({
	members: z.array(z.strictObject({ joinedAt: isoTimestamp, active: z.boolean() })),
	signups: z.array(z.strictObject({ eventId: docIdSchema('event'), status: signupStatusSchema }))
});
export type PeopleCounts = z.infer<typeof peopleCountsSchema>;

/** Member accounts, not staff: anyone who is a coordinator is left out of growth. */
export function countsAsMember(roles: readonly Role[]): boolean {
	return roles.includes('member') && !roles.includes('coordinator');
}

/** The counts from the accounts and the sign-up inbox, with nothing else of either. */
export function peopleCountsOf(
	accounts: readonly { roles: readonly Role[]; createdAt: string; active: boolean }[],
	signups: readonly { eventId: string; status: SignupStatus }[]
): PeopleCounts {
	const members = accounts
		.filter((account) => countsAsMember(account.roles))
		.map(({ createdAt, active }) => ({ joinedAt: createdAt, active }))
		.sort((a, b) => a.joinedAt.localeCompare(b.joinedAt) || Number(a.active) - Number(b.active));
	const rows = signups
		.map(({ eventId, status }) => ({ eventId, status }))
		.sort((a, b) => a.eventId.localeCompare(b.eventId) || a.status.localeCompare(b.status));
	return { members, signups: rows };
}
