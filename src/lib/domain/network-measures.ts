import { EVENT_KIND_LABELS, EVENT_KINDS, type EventKind } from './event';
import { type Column, periodColumn, type Series, share } from './measure-series';
import { periodLabel, periodOf, spanOf, type SpanOptions } from './period';
import type { SignupStatus } from './signup';

/**
 * The network's growth, as the bid promised to measure it: how many members joined and are members, and
 * where sign-ups came from and how many went on to join. Pure: the page maps accounts, the sign-up inbox's
 * outcomes and the events to the small rows below. A series by period has every period between filled in.
 */

/** One person who joined: when, and when they stopped being a member (or `active: false` if not known when). */
export interface MemberRow {
	joinedAt: string;
	leftAt?: string | null;
	active?: boolean;
}

/** A recruitment event as the measures need it. */
export interface EventRow {
	id: string;
	name: string;
	/** yyyy-mm-dd */
	date: string;
	kind: EventKind;
}

export interface EventMarker {
	period: string;
	date: string;
	name: string;
}

export interface GrowthRow {
	period: string;
	label: string;
	joined: number;
	left: number;
	/** Members at the end of the period. */
	members: number;
	/** Everyone who had joined by the end of the period, including those who left since. */
	joinedSoFar: number;
}

export interface Growth extends Series<GrowthRow> {
	/** The recruitment events inside the span, oldest first, to mark on the time axis. */
	markers: EventMarker[];
}

/**
 * Members joined, left and on the books per period, and everyone who had joined so far. People who joined
 * before the span count in the totals it opens with. Someone with `active: false` and no `leftAt` is counted
 * as having left in the last period (they are not a member now; when they stopped is not known).
 */
export function growthSeries(
	people: readonly MemberRow[],
	events: readonly Pick<EventRow, 'date' | 'name'>[],
	options: SpanOptions
): Growth {
	const span = spanOf(
		(function* () {
			for (const person of people) {
				yield person.joinedAt;
				if (person.leftAt) yield person.leftAt;
			}
			for (const event of events) yield event.date;
		})(),
		options
	);
	const size = span.periods.length;
	const rows = span.periods.map((period): GrowthRow => ({
		period,
		label: periodLabel(period),
		joined: 0,
		left: 0,
		members: 0,
		joinedSoFar: 0
	}));
	let joinedSoFar = 0;
	let leftSoFar = 0;
	for (const person of people) {
		const from = span.indexOf(person.joinedAt);
		if (from < 0) joinedSoFar += 1;
		const joinedIn = rows[from];
		if (joinedIn) joinedIn.joined += 1;
		const to = person.leftAt ? span.indexOf(person.leftAt) : person.active === false ? size - 1 : size;
		if (to < 0) leftSoFar += 1;
		const leftIn = rows[to];
		if (leftIn) leftIn.left += 1;
	}
	for (const row of rows) {
		joinedSoFar += row.joined;
		leftSoFar += row.left;
		row.joinedSoFar = joinedSoFar;
		row.members = joinedSoFar - leftSoFar;
	}
	const markers = events
		.filter((event) => {
			const i = span.indexOf(event.date);
			return i >= 0 && i < size;
		})
		.map((event) => ({ period: periodOf(event.date, span.granularity), date: event.date, name: event.name }))
		.sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name, 'en-GB'));
	return {
		title: 'Members joined',
		columns: [
			periodColumn(span.granularity),
			{ key: 'joined', label: 'Joined' },
			{ key: 'left', label: 'Left' },
			{ key: 'members', label: 'Members at the end' },
			{ key: 'joinedSoFar', label: 'Joined so far' }
		],
		rows,
		markers
	};
}

/** A sign-up's outcome, from the inbox (no personal details needed). */
export interface SignupOutcomeRow {
	eventId: string;
	status: SignupStatus;
}

export interface FunnelRow {
	key: string;
	label: string;
	signups: number;
	/** Sign-ups a coordinator got back to: contacted, joined or declined. */
	contacted: number;
	joined: number;
	contactedShare: number | null;
	joinedShare: number | null;
}

export const UNKNOWN_EVENT = 'unknown';
const UNKNOWN_EVENT_LABEL = 'An event not on this device yet';

interface Tally {
	signups: number;
	contacted: number;
	joined: number;
}

function tally(signups: readonly SignupOutcomeRow[], key: (eventId: string) => string): Map<string, Tally> {
	const tallies = new Map<string, Tally>();
	for (const signup of signups) {
		const k = key(signup.eventId);
		const t = tallies.get(k) ?? { signups: 0, contacted: 0, joined: 0 };
		t.signups += 1;
		if (signup.status !== 'new') t.contacted += 1;
		if (signup.status === 'joined') t.joined += 1;
		tallies.set(k, t);
	}
	return tallies;
}

function funnelRow(key: string, label: string, t: Tally | undefined): FunnelRow {
	const { signups, contacted, joined } = t ?? { signups: 0, contacted: 0, joined: 0 };
	return {
		key,
		label,
		signups,
		contacted,
		joined,
		contactedShare: share(contacted, signups),
		joinedShare: share(joined, signups)
	};
}

const funnelColumns = (first: string): Column<FunnelRow>[] => [
	{ key: 'label', label: first },
	{ key: 'signups', label: 'Signed up' },
	{ key: 'contacted', label: 'Contacted' },
	{ key: 'joined', label: 'Joined' },
	{ key: 'contactedShare', label: 'Share contacted' },
	{ key: 'joinedShare', label: 'Share joined' }
];

/**
 * Sign-ups → contacted → joined for each event, oldest first (events with no sign-ups too), then one row
 * for sign-ups whose event is not on the device.
 */
export function funnelByEvent(
	signups: readonly SignupOutcomeRow[],
	events: readonly EventRow[]
): Series<FunnelRow & { date: string | null }> {
	const known = new Set(events.map((event) => event.id));
	const tallies = tally(signups, (id) => (known.has(id) ? id : UNKNOWN_EVENT));
	const rows: (FunnelRow & { date: string | null })[] = [...events]
		.sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name, 'en-GB'))
		.map((event) => ({ ...funnelRow(event.id, event.name, tallies.get(event.id)), date: event.date }));
	const unknown = tallies.get(UNKNOWN_EVENT);
	if (unknown) rows.push({ ...funnelRow(UNKNOWN_EVENT, UNKNOWN_EVENT_LABEL, unknown), date: null });
	return {
		title: 'Sign-ups by event',
		columns: [{ key: 'date', label: 'Date' }, ...funnelColumns('Event')],
		rows
	};
}

/** Sign-ups → contacted → joined for each kind of event that was held, in the order of `EVENT_KINDS`. */
export function funnelByKind(
	signups: readonly SignupOutcomeRow[],
	events: readonly EventRow[]
): Series<FunnelRow> {
	const kinds = new Map(events.map((event) => [event.id, event.kind]));
	const tallies = tally(signups, (id) => kinds.get(id) ?? UNKNOWN_EVENT);
	const held = new Set(kinds.values());
	const rows = EVENT_KINDS.filter((kind) => held.has(kind)).map((kind) =>
		funnelRow(kind, EVENT_KIND_LABELS[kind], tallies.get(kind))
	);
	const unknown = tallies.get(UNKNOWN_EVENT);
	if (unknown) rows.push(funnelRow(UNKNOWN_EVENT, UNKNOWN_EVENT_LABEL, unknown));
	return { title: 'Sign-ups by kind of event', columns: funnelColumns('Kind of event'), rows };
}
