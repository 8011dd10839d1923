/**
 * What the demo network's meetings are about (meetings.ts writes them as documents): two groups and the
 * story of each meeting, its agenda, minutes, decisions, actions and reflections.
 */
import type { ActionStatus, AttendanceRecord, Group, Meeting, PersonKind } from '../../domain/meetings';
import type { DemoProject } from './project-stories';

export interface ItemStory {
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

export interface MeetingStory {
	group: 0 | 1;
	daysFromNow: number;
	title: string;
	chair: string;
	chairKind: PersonKind;
	place: string;
	onlineLink?: string;
	status: Meeting['status'];
	approvedBy?: string;
	/** Who was there; someone with an account recorded themselves ("I am here", naming their account). */
	present?: ReadonlyArray<readonly [name: string, kind: AttendanceRecord['kind'], account?: string]>;
	apologies?: readonly string[];
	items: readonly ItemStory[];
	/** Items proposed and not yet placed by the chair. */
	proposed?: readonly ItemStory[];
	reflections?: ReadonlyArray<readonly [author: string, rating: number, comment: string]>;
	/** The demo project the meeting is about. */
	project?: DemoProject;
}

export const GROUPS: ReadonlyArray<Pick<Group, 'name' | 'kind' | 'description' | 'chairs'>> = [
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

export const STORIES: readonly MeetingStory[] = [
	{
		group: 0,
		daysFromNow: -42,
		title: 'North and coast members’ meeting',
		project: 'handover',
		chair: 'chair',
		chairKind: 'member',
		place: 'Northgate community centre, room 2',
		status: 'held',
		approvedBy: 'chair',
		present: [
			['Charlie Chair', 'member', 'chair'],
			['Mo Member', 'member', 'member'],
			['Rita Recruiter', 'member', 'recruiter'],
			['Cora Coordinator', 'staff', 'coordinator']
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
			['Charlie Chair', 'member', 'chair'],
			['Mo Member', 'member', 'member'],
			['Cora Coordinator', 'staff', 'coordinator']
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
			['Cora Coordinator', 'staff', 'coordinator'],
			['Mo Member', 'member', 'member']
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
