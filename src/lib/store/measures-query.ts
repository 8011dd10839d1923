import type { EventRow, MemberRow, SignupOutcomeRow } from '$lib/domain/network-measures';
import type { PeopleCounts } from '$lib/domain/people-counts';
import type { ProjectRow } from '$lib/domain/project-measures';
import type { ChosenAnswer } from '$lib/domain/seldom-heard';
import type { TimeGivenInput, TimeGivenRow } from '$lib/domain/time-given-measures';
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

/**
 * The time given, the people selected and when each opportunity was posted, as the time-given measure
 * takes them. Time given and selections are private (private.ts): a device holds only its own account's,
 * so only a coordinator's device counts them all.
 */
export async function loadTimeGivenInput(desk: Desk): Promise<TimeGivenInput> {
	const [involvement, opportunities] = await Promise.all([
		desk.involvement.toArray(),
		desk.opportunities.toArray()
	]);
	const given: TimeGivenRow[] = [];
	const selected: string[] = [];
	for (const { doc } of involvement) {
		if (doc.type === 'time-given') {
			given.push({ member: doc.member, on: doc.on, minutes: doc.minutes, kind: doc.kind });
		} else if (doc.type === 'selection' && doc.outcome === 'selected') {
			selected.push(doc.updatedAt);
		}
	}
	return { given, selected, posted: opportunities.map((opportunity) => opportunity.createdAt) };
}

/** The recruitment events, as the measures read them. */
export async function loadEventRows(desk: Desk): Promise<EventRow[]> {
	return (await desk.events.toArray()).map(({ id, name, date, kind }) => ({ id, name, date, kind }));
}

/** The sign-ups marked as joined, still sealed (the seldom-heard measure opens them in memory). */
export function loadJoinedSignups(desk: Desk): Promise<InboxRow[]> {
	return desk.inbox.where('status').equals('joined').toArray();
}

/**
 * The device's copy of the counts behind growth and the sign-up funnel (`/api/measures/people`, a chair's or
 * a coordinator's): when each member joined and whether they are active, and each sign-up's event and
 * outcome. Nothing names anyone.
 */
export interface PeopleCopy {
	/** When the copy was taken from the server. */
	at: string;
	members: MemberRow[];
	signups: SignupOutcomeRow[];
}

export const PEOPLE_COPY_KEY = 'measures.people';
export const SELDOM_HEARD_KEY = 'measures.seldom-heard';

/** The counts as last read from the server on this device, if ever. */
export async function loadPeopleCopy(desk: Desk): Promise<PeopleCopy | null> {
	return (await desk.getSetting<PeopleCopy>(PEOPLE_COPY_KEY)) ?? null;
}

/** Keeps the server's answer on this device, with when it was taken, for offline use. */
export async function keepPeopleCopy(desk: Desk, counts: PeopleCounts, at: string): Promise<void> {
	await desk.setSetting(PEOPLE_COPY_KEY, { at, ...counts } satisfies PeopleCopy);
}

/** The equality answers this coordinator counts as seldom heard, as chosen on this device. */
export async function loadChosenAnswers(desk: Desk): Promise<ChosenAnswer[]> {
	return (await desk.getSetting<ChosenAnswer[]>(SELDOM_HEARD_KEY)) ?? [];
}

export async function keepChosenAnswers(desk: Desk, chosen: readonly ChosenAnswer[]): Promise<void> {
	await desk.setSetting(SELDOM_HEARD_KEY, chosen);
}
