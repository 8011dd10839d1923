/**
 * The demo network's co-production projects as stories (demo/projects.ts writes them as documents): what
 * each is about, who is on its team and how deeply, its PDSA cycles, and the weekly figures of its measure.
 */
import type { MeasureDirection, PdsaInput, ProjectInput, TeamMemberInput } from '../../domain/project';

export const DEMO_PROJECTS = ['handover', 'script', 'accessible', 'transport', 'texts'] as const;
export type DemoProject = (typeof DEMO_PROJECTS)[number];

export interface ProjectStory {
	key: DemoProject;
	/** Who set the project up (its lead, or the coordinator for a staff lead), and when. */
	author: string;
	daysAgo: number;
	/** The project as it is now; `team` as it was set up, with `joinedLater` added some days after. */
	project: Omit<ProjectInput, 'team' | 'measures' | 'startDate' | 'endDate' | 'aim'> & {
		aim?: Omit<NonNullable<ProjectInput['aim']>, 'by'> & { inDays: number };
		endedDaysAgo?: number;
	};
	team: readonly TeamMemberInput[];
	joinedLater?: { daysAgo: number; people: readonly TeamMemberInput[] };
	/** The measure, its weekly figures (oldest first, the last a few days ago) and who entered them. */
	measure?: { name: string; unit: string; better: MeasureDirection; values: readonly number[] };
	/** PDSA cycles: the week (index into the figures) each started, and what was written. */
	cycles?: ReadonlyArray<{ week: number; by: string } & Omit<PdsaInput, 'startedOn'>>;
}

const HANDOVER_BEFORE = [52, 47, 55, 49, 51, 46, 58, 50, 48, 53, 49, 54];
const HANDOVER_AFTER = [44, 41, 38, 40, 36, 37, 35, 39, 34, 36, 33, 35, 37, 32];
const SCRIPT_BEFORE = [58, 61, 55, 63, 60, 57, 62, 59, 64, 60];
const SCRIPT_AFTER = [68, 72, 70, 75, 73, 78, 74, 77, 79, 76, 80, 78];

export const PROJECT_STORIES: readonly ProjectStory[] = [
	{
		key: 'handover',
		author: 'chair',
		daysAgo: 200,
		project: {
			title: 'Faster handovers at Eastfield General',
			problem:
				'Crews wait in the ambulance bay at Eastfield General for close to an hour before the emergency department takes their patient. Patients wait in the back of the ambulance without news, and the crew cannot answer the next 999 call.',
			aim: {
				direction: 'reduce',
				measure: 'median handover time',
				baseline: '50 minutes',
				target: '30 minutes',
				inDays: 90
			},
			serviceArea: 'Emergency department handover',
			lead: 'chair',
			leadKind: 'member',
			status: 'active',
			membersFirstInvolved: 'problem'
		},
		team: [
			{
				name: 'chair',
				kind: 'member',
				level: 'big-i',
				joinedAt: 'problem',
				role: 'Leads the project with the hospital’s emergency department matron; talks to patients waiting in ambulances.',
				time: 'Half a day a week',
				support: 'Monthly supervision with the patient experience lead; expenses paid',
				supervisor: 'Patient experience lead',
				skillsBring: 'Twenty years as a carer; chairing meetings',
				skillsDevelop: 'Reading run charts; presenting to the trust board'
			},
			{
				name: 'member',
				kind: 'member',
				level: 'big-i',
				joinedAt: 'problem',
				role: 'Keeps the weekly figures and writes up what waiting patients say.',
				time: 'Two hours a week',
				skillsBring: 'Spreadsheets; lived experience of long waits'
			},
			{
				name: 'coordinator',
				kind: 'staff',
				level: null,
				joinedAt: 'planning',
				role: 'Gets the figures from the hospital each week.'
			}
		],
		measure: {
			name: 'Median handover time',
			unit: 'minutes',
			better: 'lower',
			values: [...HANDOVER_BEFORE, ...HANDOVER_AFTER]
		},
		cycles: [
			{
				week: 4,
				by: 'chair',
				title: 'A handover checklist at the ambulance bay',
				prediction: 'A shared checklist will save ten minutes on each handover.',
				happened: 'Crews liked it, but the department was too busy to use it at peak times.',
				learned: 'The checklist helps only when someone from the department meets the ambulance.',
				decision: 'adapt'
			},
			{
				week: 11,
				by: 'member',
				title: 'A rapid-assessment nurse meets every ambulance',
				prediction: 'Handover will fall below 40 minutes within a month.',
				happened: 'Median handover fell from about 50 to about 36 minutes and has stayed there.',
				learned: 'Meeting the ambulance, not the paperwork, was what made the difference.',
				decision: 'adopt'
			},
			{
				week: 18,
				by: 'chair',
				title: 'Water, a blanket and an update every 20 minutes',
				prediction: 'Patients waiting will feel less forgotten, with no cost to handover time.',
				happened: 'Patients told us the updates helped; handover time did not change.',
				learned: 'Crews need a short script for the updates.',
				decision: null
			}
		]
	},
	{
		key: 'script',
		author: 'coordinator',
		daysAgo: 170,
		project: {
			title: 'A 999 call-handling script callers understand',
			problem:
				'When the wait is long, call handlers read out advice that uses words like "category 2" and "hear and treat". Callers ring back because they did not understand what to do while waiting.',
			aim: {
				direction: 'increase',
				measure: 'callers who understood the advice',
				baseline: '60%',
				target: '80%',
				inDays: 60
			},
			serviceArea: '999 control room',
			lead: 'coordinator',
			leadKind: 'staff',
			status: 'active',
			membersFirstInvolved: 'testing'
		},
		team: [
			{
				name: 'coordinator',
				kind: 'staff',
				level: null,
				joinedAt: 'problem',
				role: 'Leads the project with the control room’s training team.'
			},
			{
				name: 'member',
				kind: 'member',
				level: 'little-i',
				joinedAt: 'testing',
				role: 'Reads each new version of the script and says what is unclear.',
				time: 'An hour each month'
			}
		],
		joinedLater: {
			daysAgo: 110,
			people: [
				{
					name: 'recruiter',
					kind: 'member',
					level: 'little-i',
					joinedAt: 'testing',
					role: 'Tries the script on people at community stalls.'
				}
			]
		},
		measure: {
			name: 'Callers who understood the advice',
			unit: '%',
			better: 'higher',
			values: [...SCRIPT_BEFORE, ...SCRIPT_AFTER]
		},
		cycles: [
			{
				week: 5,
				by: 'member',
				title: 'A plain-English call-back script read by the members’ panel',
				prediction: 'Taking the jargon out will lift understanding by ten points.',
				happened: 'A small rise, but callers still missed when to call back.',
				learned: 'Plain words are not enough: callers need to say the advice back.',
				decision: 'adapt'
			},
			{
				week: 10,
				by: 'coordinator',
				title: 'Ask callers to say the advice back (teach-back)',
				prediction: 'Three in four callers will understand the advice.',
				happened: 'Understanding rose above 70% within two weeks and kept rising.',
				learned: 'Teach-back adds under a minute to a call.',
				decision: 'adopt'
			}
		]
	},
	{
		key: 'accessible',
		author: 'member',
		daysAgo: 320,
		project: {
			title: 'Accessible information in ambulances',
			problem:
				'People with a learning disability, sight loss or who are Deaf are given nothing in the ambulance they can read, and nothing to keep about what happens next.',
			aim: {
				direction: 'increase',
				measure: 'ambulances carrying easy-read and large-print packs',
				baseline: '0%',
				target: '90%',
				inDays: -60
			},
			serviceArea: 'Emergency ambulances',
			lead: 'member',
			leadKind: 'member',
			status: 'completed',
			endedDaysAgo: 40,
			aimReached: 'partly',
			aimEvidence:
				'An audit of the fleet in the last month found the pack in 72% of ambulances. Crews use the communication board most; the easy-read "what happens next" card is now given at every see-and-treat visit.',
			membersFirstInvolved: 'problem'
		},
		team: [
			{
				name: 'member',
				kind: 'member',
				level: 'big-i',
				joinedAt: 'problem',
				role: 'Leads the project and tested every leaflet with people who use them.'
			},
			{
				name: 'chair',
				kind: 'member',
				level: 'big-i',
				joinedAt: 'designing',
				role: 'Designed the communication board with crews.'
			},
			{ name: 'coordinator', kind: 'staff', level: null, joinedAt: 'planning' }
		]
	},
	{
		key: 'transport',
		author: 'member',
		daysAgo: 5,
		project: {
			title: 'The whole journey for patient transport users',
			problem:
				'Feedback on patient transport asks only about the ride. Pick-up times, the wait for the return journey and getting back into the house matter as much.',
			serviceArea: 'Patient transport',
			lead: 'member',
			leadKind: 'member',
			status: 'proposed',
			membersFirstInvolved: 'problem'
		},
		team: [{ name: 'member', kind: 'member', level: 'big-i', joinedAt: 'problem' }]
	},
	{
		key: 'texts',
		author: 'coordinator',
		daysAgo: 140,
		project: {
			title: 'Text updates when an ambulance is delayed',
			problem: 'Callers waiting a long time for an ambulance hear nothing until it arrives.',
			serviceArea: '999 control room',
			lead: 'coordinator',
			leadKind: 'staff',
			status: 'stopped',
			endedDaysAgo: 90,
			stopReason:
				'Texting every delayed caller needs a new system the trust cannot buy this year. The advice for people waiting carries on in the call-handling script project.',
			membersFirstInvolved: 'planning'
		},
		team: [
			{ name: 'coordinator', kind: 'staff', level: null, joinedAt: 'problem' },
			{ name: 'recruiter', kind: 'member', level: 'little-i', joinedAt: 'planning' }
		]
	}
];
