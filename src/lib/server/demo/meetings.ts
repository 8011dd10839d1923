import type { AppDoc } from '../domain/documents';
import type { Idea } from '../domain/idea';
import { newDocId } from '../domain/ids';
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
	type ActionStatus,
	type AttendanceRecord,
	type Group,
	type Meeting,
	type PersonKind
} from '../domain/meetings';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

interface ItemStory {
	title: string;
	by: string;
	kind: PersonKind;
	minutes: number;
	details?: string;
	notes?: ReadonlyArray<readonly [author: string, text: string]>;
	decision?: { text: string; hands?: readonly [number, number, number] };
	actions?: ReadonlyArray<{
		text: string;
		owner: string;
		ownerKind: PersonKind;
		dueInDays: number;
		/** Steps after the meeting: [status, days after the meeting]. */
		steps?: ReadonlyArray<readonly [ActionStatus, number]>;
		idea?: number;
	}>;
}

interface MeetingStory {
	group: 0 | 1;
	daysFromNow: number;
	title: string;
	chair: string;
	chairKind: PersonKind;
	place: string;
	onlineLink?: string;
	status: Meeting['status'];
	approvedBy?: string;
	present?: ReadonlyArray<readonly [name: string, kind: AttendanceRecord['kind']]>;
	apologies?: readonly string[];
	items: readonly ItemStory[];
	/** Items proposed and not yet placed by the chair. */
	proposed?: readonly ItemStory[];
	reflections?: ReadonlyArray<readonly [author: string, rating: number, comment: string]>;
}

const GROUPS: ReadonlyArray<Pick<Group, 'name' | 'kind' | 'description' | 'chairs'>> = [
	{
		name: 'North and coast',
		kind: 'region',
		description: 'Members from the northern towns and the coast. We meet monthly, in person and online.',
		chairs: ['chair']
	},
	{
		name: 'Patient transport users',
		kind: 'service',
		description: 'People who use non-emergency patient transport, and their carers.',
		chairs: []
	}
];

const STORIES: readonly MeetingStory[] = [
	{
		group: 0,
		daysFromNow: -42,
		title: 'North and coast members’ meeting',
		chair: 'chair',
		chairKind: 'member',
		place: 'Northgate community centre, room 2',
		status: 'held',
		approvedBy: 'chair',
		present: [
			['Charlie Chair', 'member'],
			['Mo Member', 'member'],
			['Rita Recruiter', 'member'],
			['Cora Coordinator', 'staff']
		],
		apologies: ['Sam Patel'],
		items: [
			{ title: 'Welcome and introductions', by: 'chair', kind: 'member', minutes: 10 },
			{
				title: 'Waiting outside A&E in the ambulance',
				by: 'member',
				kind: 'member',
				minutes: 30,
				details: 'Several of us have waited for hours at City General. What can members do?',
				notes: [
					['member', 'Three members shared long waits at City General. Water and blankets came up again.'],
					['chair', 'Cora explained the handover pilot. Members want updates every 30 minutes.']
				],
				decision: { text: 'Ask the trust to add regular updates to the handover pilot.', hands: [9, 0, 1] },
				actions: [
					{
						text: 'Write to the handover pilot lead with our request',
						owner: 'chair',
						ownerKind: 'member',
						dueInDays: 14,
						steps: [
							['in-progress', 3],
							['done', 10]
						],
						idea: 1
					},
					{
						text: 'Share the pilot’s figures with the group',
						owner: 'coordinator',
						ownerKind: 'staff',
						dueInDays: 21,
						steps: [['done', 25]]
					}
				]
			},
			{
				title: 'Recruitment at rural markets',
				by: 'coordinator',
				kind: 'staff',
				minutes: 20,
				notes: [['member', 'Rita will pilot a stall at the Saturday market.']],
				actions: [
					{
						text: 'Book a stall at the Saturday market',
						owner: 'recruiter',
						ownerKind: 'member',
						dueInDays: 20,
						steps: [['done', 12]],
						idea: 2
					}
				]
			}
		],
		reflections: [
			['member', 4, 'Good to have time for our own stories.'],
			['chair', 4, ''],
			['recruiter', 5, 'Felt listened to.']
		]
	},
	{
		group: 0,
		daysFromNow: -14,
		title: 'North and coast members’ meeting',
		chair: 'chair',
		chairKind: 'member',
		place: 'Online',
		onlineLink: 'https://meet.example.org/north-and-coast',
		status: 'held',
		approvedBy: 'chair',
		present: [
			['Charlie Chair', 'member'],
			['Mo Member', 'member'],
			['Cora Coordinator', 'staff']
		],
		apologies: ['Rita Recruiter'],
		items: [
			{
				title: 'Easy-read 999 leaflet',
				by: 'member',
				kind: 'member',
				minutes: 25,
				notes: [['member', 'Mo and a carer went through the draft. Pictures on page 2 confuse people.']],
				decision: { text: 'Send our comments on the easy-read leaflet as one response from the group.' },
				actions: [
					{
						text: 'Collect everyone’s comments on the leaflet into one document',
						owner: 'member',
						ownerKind: 'member',
						dueInDays: 10,
						idea: 4
					},
					{
						text: 'Find out when the leaflet goes to print',
						owner: 'coordinator',
						ownerKind: 'staff',
						dueInDays: 30,
						steps: [['in-progress', 2]]
					}
				]
			},
			{
				title: 'Defibrillator sessions',
				by: 'chair',
				kind: 'member',
				minutes: 20,
				notes: [['chair', 'Two community centres have offered rooms.']],
				actions: [
					{
						text: 'Ask the community first responders for dates',
						owner: 'chair',
						ownerKind: 'member',
						dueInDays: 21,
						idea: 5
					}
				]
			}
		],
		reflections: [
			['member', 3, 'The online link dropped out twice.'],
			['chair', 4, '']
		]
	},
	{
		group: 1,
		daysFromNow: -20,
		title: 'Patient transport users’ forum',
		chair: 'coordinator',
		chairKind: 'staff',
		place: 'Trust headquarters, Board room',
		status: 'held',
		approvedBy: 'coordinator',
		present: [
			['Cora Coordinator', 'staff'],
			['Mo Member', 'member']
		],
		items: [
			{
				title: 'Feedback on the whole journey',
				by: 'coordinator',
				kind: 'staff',
				minutes: 40,
				notes: [['coordinator', 'Agreed to add questions about pick-up and the return journey.']],
				decision: { text: 'Add three questions about the return journey to the survey.', hands: [6, 0, 0] },
				actions: [
					{
						text: 'Draft the new survey questions',
						owner: 'member',
						ownerKind: 'member',
						dueInDays: 14,
						steps: [['done', 9]],
						idea: 6
					}
				]
			}
		],
		reflections: [['member', 3, 'I would like members to set the agenda next time.']]
	},
	{
		group: 0,
		daysFromNow: 10,
		title: 'North and coast members’ meeting',
		chair: 'chair',
		chairKind: 'member',
		place: 'Northgate community centre, room 2',
		onlineLink: 'https://meet.example.org/north-and-coast',
		status: 'planned',
		items: [
			{ title: 'Welcome and actions from last time', by: 'chair', kind: 'member', minutes: 15 },
			{
				title: 'What happens next cards: first feedback',
				by: 'member',
				kind: 'member',
				minutes: 25,
				details: 'Crews have used the cards for a month. How are families finding them?'
			},
			{ title: 'Winter pressures briefing', by: 'coordinator', kind: 'staff', minutes: 20 }
		],
		proposed: [
			{
				title: 'A buddy for new members at their first meeting',
				by: 'recruiter',
				kind: 'member',
				minutes: 0,
				details: 'From the welcome pack idea: pair each new member with someone who has been here a while.'
			}
		]
	}
];

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
