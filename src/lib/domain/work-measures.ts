import type { IdeaStatus } from './discussion';
import { type MeetingMeasures, meetingMeasures, type DueState } from './meeting-logic';
import type { MeetingStatus, PersonKind } from './meetings';
import { buckets, medianOf, periodColumn, type Series, share } from './measure-series';
import { spanOf, type SpanOptions } from './period';

/**
 * The network's work, measured: meetings led by members, and ideas answered ("You said, we did"). Pure
 * functions over small rows the page reads from the desk; each series is one row per period with the
 * periods between filled in.
 */

export interface MeetingsInput {
	meetings: readonly { id: string; status: MeetingStatus; chairKind: PersonKind; startsAt: string }[];
	items: readonly { meetingId: string; proposerKind: PersonKind }[];
	actions: readonly { meetingId: string; state: DueState }[];
}

export interface MeetingsRow extends MeetingMeasures {
	period: string;
	label: string;
	memberChairedShare: number | null;
	itemsFromMembersShare: number | null;
	/** Done on time, of the actions done or overdue (those still to come or dropped are not judged yet). */
	doneOnTimeShare: number | null;
}

/**
 * Member-led meetings per period (of the meeting's start): `meetingMeasures` for each period's meetings,
 * their agenda items and the actions agreed at them; cancelled meetings are not counted.
 */
export function meetingSeries(input: MeetingsInput, options: SpanOptions): Series<MeetingsRow> {
	const held = input.meetings.filter((meeting) => meeting.status !== 'cancelled');
	const span = spanOf(
		held.map((meeting) => meeting.startsAt),
		options
	);
	const groups = buckets(span, (): { [K in keyof MeetingsInput]: MeetingsInput[K][number][] } => ({
		meetings: [],
		items: [],
		actions: []
	}));
	const groupOf = new Map<string, (typeof groups)[number]>();
	for (const meeting of held) {
		const group = groups[span.indexOf(meeting.startsAt)];
		if (!group) continue;
		groupOf.set(meeting.id, group);
		group.meetings.push(meeting);
	}
	for (const item of input.items) groupOf.get(item.meetingId)?.items.push(item);
	for (const action of input.actions) groupOf.get(action.meetingId)?.actions.push(action);
	return {
		title: 'Member-led meetings',
		columns: [
			periodColumn(span.granularity),
			{ key: 'meetings', label: 'Meetings' },
			{ key: 'memberChaired', label: 'Chaired by a member' },
			{ key: 'memberChairedShare', label: 'Share chaired by a member' },
			{ key: 'itemsFromMembers', label: 'Agenda items from members' },
			{ key: 'itemsFromMembersShare', label: 'Share of agenda items from members' },
			{ key: 'actions', label: 'Actions' },
			{ key: 'actionsDoneOnTime', label: 'Actions done on time' },
			{ key: 'doneOnTimeShare', label: 'Share done on time' }
		],
		rows: groups.map((group) => {
			const measures = meetingMeasures(group);
			return {
				period: group.period,
				label: group.label,
				...measures,
				memberChairedShare: share(measures.memberChaired, measures.meetings),
				itemsFromMembersShare: share(
					measures.itemsFromMembers,
					measures.itemsFromMembers + measures.itemsFromStaff
				),
				doneOnTimeShare: share(measures.actionsDoneOnTime, measures.actionsDone + measures.actionsOverdue)
			};
		})
	};
}

export interface IdeaRow {
	id: string;
	createdAt: string;
}

export interface IdeaStatusRow {
	ideaId: string;
	to: IdeaStatus;
	createdAt: string;
}

export interface IdeasRow {
	period: string;
	label: string;
	raised: number;
	/** Ideas given their first outcome ("You said, we did") in the period. */
	outcomes: number;
	/** Median whole days from an idea to its outcome, of the outcomes given in the period. */
	medianDays: number | null;
}

export interface IdeasSeries extends Series<IdeasRow> {
	/** Median days to an outcome over every outcome in the span. */
	medianDays: number | null;
}

const ENDINGS: ReadonlySet<IdeaStatus> = new Set(['done', 'not-taken-forward']);
const DAY = 86_400_000;

/**
 * Ideas raised and answered per period. An idea's outcome is its first status change to done or not taken
 * forward (both must say "You said, we did"); later changes do not move it. Days are counted between UTC
 * calendar dates; an outcome whose idea is not on the device counts, without days.
 */
export function ideaSeries(
	ideas: readonly IdeaRow[],
	statuses: readonly IdeaStatusRow[],
	options: SpanOptions
): IdeasSeries {
	const first = new Map<string, string>();
	for (const status of statuses) {
		if (!ENDINGS.has(status.to)) continue;
		const seen = first.get(status.ideaId);
		if (seen === undefined || status.createdAt < seen) first.set(status.ideaId, status.createdAt);
	}
	const raisedAt = new Map(ideas.map((idea) => [idea.id, idea.createdAt]));
	const span = spanOf(
		(function* () {
			for (const idea of ideas) yield idea.createdAt;
			yield* first.values();
		})(),
		options
	);
	const rows = buckets(span, () => ({ raised: 0, outcomes: 0, days: [] as number[] }));
	for (const idea of ideas) {
		const row = rows[span.indexOf(idea.createdAt)];
		if (row) row.raised += 1;
	}
	for (const [ideaId, at] of first) {
		const row = rows[span.indexOf(at)];
		if (!row) continue;
		row.outcomes += 1;
		const from = raisedAt.get(ideaId);
		if (from !== undefined) row.days.push(Math.round((utcDay(at) - utcDay(from)) / DAY));
	}
	return {
		title: 'Ideas answered: "You said, we did"',
		columns: [
			periodColumn(span.granularity),
			{ key: 'raised', label: 'Ideas raised' },
			{ key: 'outcomes', label: 'Outcomes given' },
			{ key: 'medianDays', label: 'Median days to an outcome' }
		],
		rows: rows.map(({ period, label, raised, outcomes, days }) => ({
			period,
			label,
			raised,
			outcomes,
			medianDays: medianOf(days)
		})),
		medianDays: medianOf(rows.flatMap((row) => row.days))
	};
}

/** Midnight UTC of the calendar date of `at`. */
function utcDay(at: string): number {
	const date = new Date(at);
	return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}
