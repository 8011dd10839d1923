import type { AppDoc } from '../../domain/documents';
import type { Idea } from '../../domain/idea';
import { newDocId } from '../../domain/ids';
import {
	actionSchema,
	actionUpdateSchema,
	agendaItemSchema,
	attendanceId,
	attendanceSchema,
	decisionSchema,
	groupSchema,
	meetingNoteId,
	meetingNoteSchema,
	meetingSchema,
	reflectionId,
	reflectionSchema,
	type AttendanceRecord
} from '../../domain/meetings';
import { GROUPS, STORIES } from './meeting-stories';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/**
 * The demo network's meetings: two groups (the demo account `chair` chairs one), past meetings with
 * approved minutes, decisions and actions (some done on time, one late, some still open), and an upcoming
 * meeting with a proposed agenda. Nothing is dated after `now` except the upcoming meeting itself.
 */
export function demoMeetings(ideas: readonly Idea[], now = Date.now()): AppDoc[] {
	let seq = 0;
	/** A creation time `ms`, made unique so ids sort in the order things were written. */
	const stamp = (ms: number) => {
		seq += 1;
		const at = Math.min(ms, now) + seq;
		return { at: new Date(at).toISOString(), ms: at };
	};
	const base = <T extends string>(type: T, author: string, ms: number, id?: string) => {
		const { at, ms: unique } = stamp(ms);
		return {
			_id: id ?? newDocId(type, unique),
			type,
			schemaVersion: 1,
			author,
			createdAt: at,
			updatedAt: at
		};
	};

	const docs: AppDoc[] = [];
	const groups = GROUPS.map((group, i) =>
		groupSchema.parse({ ...base('group', 'coordinator', now - 90 * DAY_MS + i * MINUTE_MS), ...group })
	);
	docs.push(...groups);

	for (const story of STORIES) {
		const group = groups[story.group];
		if (!group) continue;
		// Evening meetings: 18:00 UTC on the day.
		const startsAt = Math.floor((now + story.daysFromNow * DAY_MS) / DAY_MS) * DAY_MS + 18 * 60 * MINUTE_MS;
		const planning = Math.min(startsAt, now) - 12 * DAY_MS;
		const meetingBase = base('meeting', story.chair, planning);
		const items = [...story.items, ...(story.proposed ?? [])].map((item, i) => ({
			story: item,
			placed: i < story.items.length,
			doc: agendaItemSchema.parse({
				...base('agenda-item', item.by, planning + (i + 1) * DAY_MS),
				meetingId: meetingBase._id,
				group: group._id,
				title: item.title,
				details: item.details ?? '',
				proposerKind: item.kind,
				minutes: i < story.items.length ? item.minutes : null
			})
		}));
		const held = story.status === 'held';
		const end = startsAt + 2 * 60 * MINUTE_MS;
		const approvedAt =
			held && story.approvedBy ? new Date(Math.min(end + 2 * DAY_MS, now)).toISOString() : null;
		docs.push(
			meetingSchema.parse({
				...meetingBase,
				updatedAt: approvedAt ?? meetingBase.updatedAt,
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
				agenda: items.filter((item) => item.placed).map((item) => item.doc._id),
				approvedBy: approvedAt ? (story.approvedBy ?? null) : null,
				approvedAt
			}),
			...items.map((item) => item.doc)
		);
		if (!held) continue;

		const during = (minutes: number) => startsAt + minutes * MINUTE_MS;
		const attendance: AttendanceRecord[] = [
			...(story.present ?? []).map(([name, kind], i) => ({
				name,
				kind,
				status: 'present' as const,
				at: new Date(during(i)).toISOString()
			})),
			...(story.apologies ?? []).map((name, i) => ({
				name,
				kind: 'member' as const,
				status: 'apologies' as const,
				at: new Date(during(5 + i)).toISOString()
			}))
		];
		const noteTaker = story.chairKind === 'staff' ? story.chair : 'member';
		docs.push(
			attendanceSchema.parse({
				...base('attendance', noteTaker, during(10), attendanceId(meetingBase._id, noteTaker)),
				meetingId: meetingBase._id,
				group: group._id,
				records: attendance
			})
		);
		items.forEach(({ story: item, doc: itemDoc }, i) => {
			const at = during(15 + i * 20);
			for (const [author, text] of item.notes ?? []) {
				docs.push(
					meetingNoteSchema.parse({
						...base('meeting-note', author, at, meetingNoteId(meetingBase._id, itemDoc._id, author)),
						meetingId: meetingBase._id,
						itemId: itemDoc._id,
						group: group._id,
						notes: text
					})
				);
			}
			if (item.decision) {
				const [votesFor, votesAgainst, votesAbstain] = item.decision.hands ?? [null, null, null];
				docs.push(
					decisionSchema.parse({
						...base('decision', noteTaker, at + 5 * MINUTE_MS),
						meetingId: meetingBase._id,
						itemId: itemDoc._id,
						group: group._id,
						text: item.decision.text,
						votesFor,
						votesAgainst,
						votesAbstain
					})
				);
			}
			for (const action of item.actions ?? []) {
				const actionDoc = actionSchema.parse({
					...base('action', noteTaker, at + 8 * MINUTE_MS),
					meetingId: meetingBase._id,
					itemId: itemDoc._id,
					group: group._id,
					text: action.text,
					owner: action.owner,
					ownerKind: action.ownerKind,
					due: new Date(startsAt + action.dueInDays * DAY_MS).toISOString().slice(0, 10),
					ideaId: action.idea === undefined ? null : (ideas[action.idea]?._id ?? null)
				});
				docs.push(actionDoc);
				for (const [to, days] of action.steps ?? []) {
					if (startsAt + days * DAY_MS > now) continue;
					docs.push(
						actionUpdateSchema.parse({
							...base('action-update', action.owner, startsAt + days * DAY_MS),
							actionId: actionDoc._id,
							meetingId: meetingBase._id,
							to,
							note: ''
						})
					);
				}
			}
		});
		for (const [author, rating, comment] of story.reflections ?? []) {
			docs.push(
				reflectionSchema.parse({
					...base('meeting-reflection', author, end, reflectionId(meetingBase._id, author)),
					meetingId: meetingBase._id,
					rating,
					comment
				})
			);
		}
	}
	return docs;
}
