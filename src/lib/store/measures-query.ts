import type { AccountSummary } from '$lib/domain';
import type { EventRow, MemberRow, SignupOutcomeRow } from '$lib/domain/network-measures';
import type { ProjectRow } from '$lib/domain/project-measures';
import type { ChosenAnswer } from '$lib/domain/seldom-heard';
import type { IdeaRow, IdeaStatusRow } from '$lib/domain/work-measures';
import type { Desk } from './desk';
import type { InboxRow } from './recruitment';

/**
 * Reading the network's measures from the desk: one function per measure's input, each reading only the
 * tables (and, for ideas, only the index entries) it needs, mapped to the small rows the pure measures in
 * `$lib/domain` take. Meetings' input is `loadMeetingsInput` (meeting-query.ts).
 */

/** The projects, as the co-production measures read them. */
export async function loadProjectRows(desk: Desk): Promise<ProjectRow[]> {
	return (await desk.projects.toArray()).map(
		({ status, startDate, endDate, membersFirstInvolved, team }) => ({
			status,
			startDate,
			endDate,
			membersFirstInvolved,
			team
		})
	);
}

/**
 * Every idea's id and when it was raised, and every status change: the ideas from the `createdAt` index
 * alone (its keys and the primary keys in the same order), so 10,000 ideas never load their text.
 */
export async function loadIdeaRows(desk: Desk): Promise<{ ideas: IdeaRow[]; statuses: IdeaStatusRow[] }> {
	const byDate = () => desk.ideas.orderBy('createdAt');
	const [dates, ids, statuses] = await Promise.all([
		byDate().keys(),
		byDate().primaryKeys(),
		desk.statuses.toArray()
	]);
	return {
		ideas: ids.map((id, i) => ({ id, createdAt: String(dates[i]) })),
		statuses: statuses.map(({ ideaId, to, createdAt }) => ({ ideaId, to, createdAt }))
	};
}

/** The recruitment events, as the measures read them. */
export async function loadEventRows(desk: Desk): Promise<EventRow[]> {
	return (await desk.events.toArray()).map(({ id, name, date, kind }) => ({ id, name, date, kind }));
}

/** Each sign-up's event and outcome, from the coordinator's inbox copy (nothing about the person). */
export async function loadSignupOutcomes(desk: Desk): Promise<SignupOutcomeRow[]> {
	return (await desk.inbox.toArray()).map(({ eventId, status }) => ({ eventId, status }));
}

/** The sign-ups marked as joined, still sealed (the seldom-heard measure opens them in memory). */
export function loadJoinedSignups(desk: Desk): Promise<InboxRow[]> {
	return desk.inbox.where('status').equals('joined').toArray();
}

/** The device's copy of the member accounts, for growth: when each joined and whether it is active. */
export interface MemberCopy {
	/** When the copy was taken from the server. */
	at: string;
	members: MemberRow[];
}

export const MEMBER_COPY_KEY = 'measures.members';
export const SELDOM_HEARD_KEY = 'measures.seldom-heard';

/** The member accounts as last read from the server on this device (a coordinator's), if ever. */
export async function loadMemberCopy(desk: Desk): Promise<MemberCopy | null> {
	return (await desk.getSetting<MemberCopy>(MEMBER_COPY_KEY)) ?? null;
}

/**
 * Keeps what growth needs of the accounts: for member accounts only (not staff: anyone who is a
 * coordinator), when each was made and whether it is switched on. No names are kept.
 */
export async function keepMemberCopy(
	desk: Desk,
	accounts: readonly AccountSummary[],
	at: string
): Promise<void> {
	const members = accounts
		.filter((account) => account.roles.includes('member') && !account.roles.includes('coordinator'))
		.map((account) => ({ joinedAt: account.createdAt, active: account.active }));
	await desk.setSetting(MEMBER_COPY_KEY, { at, members } satisfies MemberCopy);
}

/** The equality answers this coordinator counts as seldom heard, as chosen on this device. */
export async function loadChosenAnswers(desk: Desk): Promise<ChosenAnswer[]> {
	return (await desk.getSetting<ChosenAnswer[]>(SELDOM_HEARD_KEY)) ?? [];
}

export async function keepChosenAnswers(desk: Desk, chosen: readonly ChosenAnswer[]): Promise<void> {
	await desk.setSetting(SELDOM_HEARD_KEY, chosen);
}
