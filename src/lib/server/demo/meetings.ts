/** The demo network's meetings as documents, from the stories in meeting-stories.ts. */
import type { AppDoc, DocOf, DocType } from '../../domain/documents';
import type { ContentOf } from '../../domain/envelope';
import type { Idea } from '../../domain/idea';
import { newDocId } from '../../domain/ids';
import {
	attendanceId,
	meetingNoteId,
	reflectionId,
	type AgendaItem,
	type AttendanceRecord,
	type Group
} from '../../domain/meetings';
import { DAY_MS, demoDoc, MINUTE_MS } from './dated';
import { GROUPS, STORIES, type ItemStory, type MeetingStory } from './meeting-stories';
import type { DemoProjectIds } from './projects';

/** Writes documents in order: each at its own time (never after now), so ids sort in the order written. */
class InOrder {
	private seq = 0;

	constructor(readonly now: number) {}

	/** The time something was written at `ms`, made unique. */
	stamp(ms: number): number {
		this.seq += 1;
		return Math.min(ms, this.now) + this.seq;
	}

	write<K extends DocType>(
		type: K,
		author: string,
		ms: number,
		content: ContentOf<K>,
		id?: string
	): DocOf<K> {
		return demoDoc(type, author, content, { at: this.stamp(ms), id });
	}
}

/** One meeting of a story, as its documents are written. */
interface Held {
	story: MeetingStory;
	meetingId: string;
	group: string;
	startsAt: number;
	items: Array<{ story: ItemStory; doc: AgendaItem }>;
}

/**
 * The demo network's meetings: two groups (the demo account `chair` chairs one), past meetings with
 * approved minutes, decisions and actions (some done on time, one late, some still open), and an upcoming
 * meeting with a proposed agenda. Nothing is dated after `now` except the upcoming meeting itself.
 */
export function demoMeetings(ideas: readonly Idea[], projects: DemoProjectIds, now = Date.now()): AppDoc[] {
	const out = new InOrder(now);
	const groups = GROUPS.map((group, i) =>
		out.write('group', 'coordinator', now - 90 * DAY_MS + i * MINUTE_MS, group)
	);
	const docs: AppDoc[] = [...groups];
	for (const story of STORIES) {
		const group = groups[story.group];
		if (group) docs.push(...meetingDocs(out, story, group, ideas, projects));
	}
	return docs;
}

/** A meeting with its agenda and, once held, what happened at it. */
function meetingDocs(
	out: InOrder,
	story: MeetingStory,
	group: Group,
	ideas: readonly Idea[],
	projects: DemoProjectIds
): AppDoc[] {
	// Evening meetings: 18:00 UTC on the day.
	const startsAt = Math.floor((out.now + story.daysFromNow * DAY_MS) / DAY_MS) * DAY_MS + 18 * 60 * MINUTE_MS;
	const planning = Math.min(startsAt, out.now) - 12 * DAY_MS;
	const meetingAt = out.stamp(planning);
	const meetingId = newDocId('meeting', meetingAt);
	const items = [...story.items, ...(story.proposed ?? [])].map((item, i) => ({
		story: item,
		doc: out.write('agenda-item', item.by, planning + (i + 1) * DAY_MS, {
			meetingId,
			group: group._id,
			title: item.title,
			details: item.details ?? '',
			proposerKind: item.kind,
			minutes: i < story.items.length ? item.minutes : null
		})
	}));
	const held = story.status === 'held';
	const end = startsAt + 2 * 60 * MINUTE_MS;
	const approved = held && story.approvedBy ? Math.min(end + 2 * DAY_MS, out.now) : undefined;
	const approvedAt = approved === undefined ? null : new Date(approved).toISOString();
	const meeting = demoDoc(
		'meeting',
		story.chair,
		{
			group: group._id,
			title: story.title,
			startsAt: new Date(startsAt).toISOString(),
			durationMinutes: 120,
			place: story.place,
			onlineLink: story.onlineLink ?? '',
			chair: story.chair,
			chairKind: story.chairKind,
			status: story.status,
			cancelReason: '',
			projectId: story.project ? projects[story.project] : null,
			agenda: items.slice(0, story.items.length).map((item) => item.doc._id),
			approvedBy: approvedAt ? (story.approvedBy ?? null) : null,
			approvedAt
		},
		{ at: meetingAt, changed: approved, id: meetingId }
	);
	const docs: AppDoc[] = [meeting, ...items.map((item) => item.doc)];
	if (held) docs.push(...minutesDocs(out, { story, meetingId, group: group._id, startsAt, items }, ideas));
	return docs;
}

/** What the note-takers wrote at a held meeting, what was done about it after, and the reflections. */
function minutesDocs(out: InOrder, held: Held, ideas: readonly Idea[]): AppDoc[] {
	const { story, meetingId, startsAt } = held;
	const during = (minutes: number) => startsAt + minutes * MINUTE_MS;
	const noteTaker = story.chairKind === 'staff' ? story.chair : 'member';
	// People with an account recorded themselves ("I am here"); the note-taker recorded everyone else.
	const attendance = new Map<string, AttendanceRecord[]>();
	const record = (by: string, entry: AttendanceRecord) =>
		attendance.set(by, [...(attendance.get(by) ?? []), entry]);
	(story.present ?? []).forEach(([name, kind, account], i) => {
		const at = new Date(during(i)).toISOString();
		record(account ?? noteTaker, { name, kind, status: 'present', at, ...(account ? { account } : {}) });
	});
	(story.apologies ?? []).forEach((name, i) => {
		record(noteTaker, {
			name,
			kind: 'member',
			status: 'apologies',
			at: new Date(during(5 + i)).toISOString()
		});
	});
	const inMeeting = { meetingId, group: held.group };
	const docs: AppDoc[] = [...attendance].map(([author, records]) =>
		out.write('attendance', author, during(10), { ...inMeeting, records }, attendanceId(meetingId, author))
	);
	held.items.forEach(({ story: item, doc: itemDoc }, i) => {
		const at = during(15 + i * 20);
		const onItem = { ...inMeeting, itemId: itemDoc._id };
		for (const [author, notes] of item.notes ?? []) {
			const id = meetingNoteId(meetingId, itemDoc._id, author);
			docs.push(out.write('meeting-note', author, at, { ...onItem, notes }, id));
		}
		if (item.decision) {
			const [votesFor, votesAgainst, votesAbstain] = item.decision.hands ?? [null, null, null];
			const { text } = item.decision;
			const decision = { ...onItem, text, votesFor, votesAgainst, votesAbstain };
			docs.push(out.write('decision', noteTaker, at + 5 * MINUTE_MS, decision));
		}
		for (const action of item.actions ?? []) {
			const actionDoc = out.write('action', noteTaker, at + 8 * MINUTE_MS, {
				...onItem,
				text: action.text,
				owner: action.owner,
				ownerKind: action.ownerKind,
				due: new Date(startsAt + action.dueInDays * DAY_MS).toISOString().slice(0, 10),
				ideaId: action.idea === undefined ? null : (ideas[action.idea]?._id ?? null)
			});
			docs.push(actionDoc);
			for (const [to, days] of action.steps ?? []) {
				const when = startsAt + days * DAY_MS;
				if (when > out.now) continue;
				const update = { actionId: actionDoc._id, meetingId, to, note: '' };
				docs.push(out.write('action-update', action.owner, when, update));
			}
		}
	});
	const end = startsAt + 2 * 60 * MINUTE_MS;
	for (const [author, rating, comment] of story.reflections ?? []) {
		const id = reflectionId(meetingId, author);
		docs.push(out.write('meeting-reflection', author, end, { meetingId, rating, comment }, id));
	}
	return docs;
}
