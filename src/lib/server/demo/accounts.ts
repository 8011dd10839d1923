/** The demo network's accounts: who they are and what they may do. */
import type { Role } from '../../domain/accounts';

export const DEMO_ACCOUNTS: ReadonlyArray<{ name: string; displayName: string; roles: Role[] }> = [
	{ name: 'coordinator', displayName: 'Cora Coordinator', roles: ['coordinator'] },
	{ name: 'chair', displayName: 'Charlie Chair', roles: ['chair', 'member'] },
	{ name: 'member', displayName: 'Mo Member', roles: ['member'] },
	{ name: 'recruiter', displayName: 'Rita Recruiter', roles: ['recruiter', 'member'] },
	{ name: 'staff', displayName: 'Stevie Staff', roles: ['staff', 'member'] }
];

/** A demo account's display name (its account name if it has none). */
export function demoDisplayName(account: string): string {
	return DEMO_ACCOUNTS.find((demo) => demo.name === account)?.displayName ?? account;
}
