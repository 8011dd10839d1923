/** Reading involvement opportunities from the desk: the list (with how each suits you), one with its people. */
import {
	matchProfile,
	profileId,
	type Interest,
	type OpportunityKind,
	type OpportunityPlace,
	type ProfileMatch,
	type Selection,
	type TimeGiven
} from '$lib/domain';
import type { Desk } from './desk';
import type { InvolvementDoc, InvolvementRow, OpportunityRow } from './involvement-rows';
import { loadPeopleNames, type Person, type Synced } from './meeting-query';
import { withStatuses } from './status';

export interface OpportunityFilter {
	kind: OpportunityKind | '';
	place: Exclude<OpportunityPlace, 'either'> | '';
	/** Only those that suit the person's profile. */
	suits: boolean;
}

export interface OpportunityListItem extends Synced<OpportunityRow> {
	match: ProfileMatch;
	/** Whether the person has said they are interested. */
	interested: boolean;
}

function ofType<T extends InvolvementDoc['type']>(
	rows: readonly InvolvementRow[],
	type: T
): InvolvementRow<Extract<InvolvementDoc, { type: T }>>[] {
	return rows.filter((row): row is InvolvementRow<Extract<InvolvementDoc, { type: T }>> => row.type === type);
}

const happensThere = (row: OpportunityRow, place: OpportunityFilter['place']) =>
	!place || row.place === place || row.place === 'either';

/** The opportunities on the device that pass `filter`: open ones first, then the soonest to close. */
export async function loadOpportunities(
	desk: Desk,
	filter: OpportunityFilter,
	me: Person
): Promise<OpportunityListItem[]> {
	const [rows, profile, mine] = await Promise.all([
		desk.opportunities.toArray(),
		desk.profiles.get(profileId(me.name)),
		desk.involvement.where('member').equals(me.name).toArray()
	]);
	const interested = new Set(ofType(mine, 'interest').map((row) => row.opportunityId));
	const kept = rows
		.map((row) => ({ row, match: matchProfile(row, profile) }))
		.filter(
			({ row, match }) =>
				(!filter.kind || row.kind === filter.kind) &&
				happensThere(row, filter.place) &&
				(!filter.suits || match.matches)
		)
		.sort((a, b) => order(a.row).localeCompare(order(b.row)));
	const synced = await withStatuses(
		desk,
		kept.map(({ row }) => row)
	);
	return synced.map((entry, i) => ({
		...entry,
		match: kept[i]?.match ?? { matches: false, reasons: [] },
		interested: interested.has(entry.row.id)
	}));
}

/** Open before closed, then the soonest closing date (none last), then the newest. */
function order(row: OpportunityRow): string {
	const closes = row.closesOn ?? '9999-12-31';
	return `${row.status === 'open' ? 0 : 1}${closes}${String(9e15 - Date.parse(row.createdAt)).padStart(16, '0')}`;
}

/** A person who said they are interested, with the poster's answer and the time they gave. */
export interface InterestView {
	member: string;
	name: string;
	interest?: Synced<InvolvementRow<Interest>>;
	selection?: Synced<InvolvementRow<Selection>>;
	/** The time they gave, once recorded (one record per person, changed as it is corrected). */
	time?: Synced<InvolvementRow<TimeGiven>>;
}

export interface OpportunityView {
	opportunity: Synced<OpportunityRow>;
	match: ProfileMatch;
	posterName: string;
	/** Everyone this device holds an interest or selection for: the poster's and coordinators' view. */
	people: InterestView[];
	/** The signed-in person's own. */
	mine: InterestView | undefined;
}

/** One opportunity with what passed between its poster and members, or undefined when it is not here. */
export async function loadOpportunity(
	desk: Desk,
	id: string,
	me: Person
): Promise<OpportunityView | undefined> {
	const row = await desk.opportunities.get(id);
	if (!row) return undefined;
	const [[opportunity], profile, parts, names] = await Promise.all([
		withStatuses(desk, [row]),
		desk.profiles.get(profileId(me.name)),
		desk.involvement.where('opportunityId').equals(id).toArray(),
		loadPeopleNames(desk, me)
	]);
	const [interests, selections, times] = await Promise.all([
		withStatuses(desk, ofType(parts, 'interest')),
		withStatuses(desk, ofType(parts, 'selection')),
		withStatuses(desk, ofType(parts, 'time-given'))
	]);
	const byMember = new Map<string, InterestView>();
	const viewOf = (member: string): InterestView => {
		const view = byMember.get(member) ?? { member, name: names.get(member) ?? member };
		byMember.set(member, view);
		return view;
	};
	for (const interest of interests) viewOf(interest.row.member).interest = interest;
	for (const selection of selections) viewOf(selection.row.member).selection = selection;
	for (const time of times) viewOf(time.row.member).time = time;
	const people = [...byMember.values()].sort((a, b) => a.name.localeCompare(b.name));
	return {
		opportunity: opportunity ?? { row, status: { kind: 'synced' } },
		match: matchProfile(row, profile),
		posterName: names.get(row.author) ?? row.author,
		people,
		mine: byMember.get(me.name)
	};
}

/** An opportunity's own row, for its form: null when it is not on this device. */
export async function loadOpportunityRow(desk: Desk, id: string): Promise<OpportunityRow | null> {
	return (await desk.opportunities.get(id)) ?? null;
}
