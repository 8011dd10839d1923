/** The demo network's involvement opportunities: one of each kind, with the role descriptions an ambulance trust would write. */
import type { ContentOf } from '../../domain/envelope';
import type { DemoProject } from './project-stories';

export const DEMO_OPPORTUNITIES = [
	'panel',
	'mock-patient',
	'qi-team',
	'inspection',
	'focus-group',
	'survey',
	'bid',
	'research',
	'pride'
] as const;
export type DemoOpportunity = (typeof DEMO_OPPORTUNITIES)[number];

type Dated = 'startsOn' | 'endsOn' | 'closesOn' | 'projectId';

export interface OpportunityStory {
	key: DemoOpportunity;
	author: 'staff' | 'coordinator';
	postedDaysAgo: number;
	/** Days from now (negative: days ago) it starts and ends, and the last day to say you are interested. */
	startsIn: number;
	endsIn?: number;
	closesIn?: number;
	/** The demo project a QI project team works on. */
	project?: DemoProject;
	content: Omit<ContentOf<'opportunity'>, Dated>;
}

const INVOLVEMENT_TEAM = 'Cora Coordinator, patient and public involvement team (involvement@example.nhs.uk)';

export const OPPORTUNITY_STORIES: readonly OpportunityStory[] = [
	{
		key: 'panel',
		author: 'staff',
		postedDaysAgo: 9,
		startsIn: 16,
		closesIn: 6,
		content: {
			kind: 'interview-panel',
			title: 'Interview panel for a paramedic team leader',
			purpose:
				'We are appointing a team leader for the paramedics at Northgate ambulance station. A patient on the panel helps us choose someone who listens, explains and treats people with respect.',
			whatYouWillDo:
				'Read four anonymised applications the week before. On the day, sit on a panel of three with the station manager and a senior paramedic, ask two questions about patient care that we agree together, and score each candidate on a simple sheet. You take part in the final discussion and your scores count as much as anyone’s.',
			timeCommitment: 'One day (9:30am to 4pm), and about two hours to read the applications beforehand',
			place: 'in-person',
			location: 'Northgate ambulance station, training room (ground floor)',
			days: ['thu'],
			times: ['morning', 'afternoon'],
			interests: ['training', 'urgent-care'],
			skillsUseful:
				'Being fair and listening carefully. You do not need to have sat on a panel before, and you do not need to know about paramedic work.',
			support:
				'A 30-minute briefing by phone or video before the day on how the panel works, what you may and may not ask, and how scoring works. Lunch is provided.',
			contact: 'Stevie Staff, workforce team (recruitment@example.nhs.uk)',
			supervisor: 'The station manager chairs the panel',
			paid: true,
			ratePence: 15_000,
			rateUnit: 'day',
			expensesCovered: true,
			accessibility:
				'Step-free access and an accessible toilet. Papers in large print or easy read on request. Breaks between every interview.',
			status: 'open'
		}
	},
	{
		key: 'mock-patient',
		author: 'staff',
		postedDaysAgo: 70,
		startsIn: -60,
		endsIn: 90,
		content: {
			kind: 'mock-patient',
			title: 'Mock patient for call handler training',
			purpose:
				'New 999 and 111 call handlers practise real calls before they take them for real. Calls from a real person, with real worries, teach them far more than calls from a colleague.',
			whatYouWillDo:
				'Play a caller from a script we give you a week before (for example, calling about a relative who has fallen, or about chest pain). You make the call by phone from a quiet room at the training centre while trainees take it, then tell them how the call felt from your side. You never play anything you would find upsetting: tell us and we change the script.',
			timeCommitment: 'A morning (9:30am to 12:30pm), once a month or less often: you choose which sessions',
			place: 'in-person',
			location: 'Eastfield emergency operations centre, training suite',
			days: ['tue', 'wed'],
			times: ['morning'],
			interests: ['calls-999-111', 'training'],
			skillsUseful: 'Being willing to act a little. Experience of calling 999 or 111 yourself helps.',
			support:
				'A trainer goes through the script with you beforehand and is with you throughout. Time to talk afterwards if a call brings anything back.',
			contact: 'Stevie Staff, clinical education team (education@example.nhs.uk)',
			supervisor: 'The lead trainer on the day',
			paid: true,
			ratePence: 2_000,
			rateUnit: 'hour',
			expensesCovered: true,
			accessibility:
				'Lift to the training suite. We can adapt any script for a caller who uses text relay or a BSL interpreter.',
			status: 'open'
		}
	},
	{
		key: 'qi-team',
		author: 'coordinator',
		postedDaysAgo: 30,
		startsIn: -20,
		endsIn: 100,
		project: 'script',
		content: {
			kind: 'qi-project-team',
			title: 'Join the 999 call-handling script project team',
			purpose:
				'The project is rewriting the call-back script so callers understand the advice they are given. The team wants more people who have called 999 to test each change.',
			whatYouWillDo:
				'Join the project team’s fortnightly meeting online, read the latest version of the script aloud with a call handler, say where it is hard to follow, and help decide what to try next (each change is a Plan, Do, Study, Act cycle). Between meetings, you may be asked to try a new wording on two or three friends.',
			timeCommitment: 'One hour every other Wednesday afternoon, for about four months',
			place: 'online',
			days: ['wed'],
			times: ['afternoon'],
			interests: ['quality-improvement', 'calls-999-111'],
			skillsUseful: 'Plain English, and noticing when something is confusing. No QI training needed.',
			support:
				'A short introduction to quality improvement (the model for improvement and run charts) in your first meeting. The project lead checks in with new members after a month.',
			contact: INVOLVEMENT_TEAM,
			supervisor: 'The project lead, a clinical supervisor in the control room',
			paid: false,
			expensesCovered: true,
			accessibility: 'Microsoft Teams with live captions. Papers sent three days before each meeting.',
			status: 'open'
		}
	},
	{
		key: 'inspection',
		author: 'coordinator',
		postedDaysAgo: 40,
		startsIn: -12,
		closesIn: -25,
		content: {
			kind: 'audit-or-inspection',
			title: 'Mock CQC inspection of the Eastfield emergency operations centre',
			purpose:
				'Before the Care Quality Commission visits in spring, the control room asked members to inspect it as the CQC would, and to tell them honestly what they see.',
			whatYouWillDo:
				'Walk the control room floor in pairs with a manager, watch and listen to calls (with callers’ permission), talk to staff on their breaks, and note what you see under the five key questions: safe, effective, caring, responsive and well-led. Afterwards, agree the findings with the other inspectors for the report.',
			timeCommitment: 'One day on site (9am to 3pm), and an hour’s briefing online the week before',
			place: 'in-person',
			location: 'Eastfield emergency operations centre',
			days: ['fri'],
			times: ['morning', 'afternoon'],
			interests: ['urgent-care', 'calls-999-111'],
			skillsUseful: 'Being curious and fair. Some experience of visiting services helps but is not needed.',
			support: 'A briefing on the CQC key questions and the confidentiality agreement everyone signs.',
			contact: INVOLVEMENT_TEAM,
			supervisor: 'The duty manager on the day',
			paid: false,
			expensesCovered: true,
			accessibility: 'The control room is on one level. There is a quiet room if it gets too much.',
			status: 'closed'
		}
	},
	{
		key: 'focus-group',
		author: 'staff',
		postedDaysAgo: 6,
		startsIn: 24,
		closesIn: 17,
		content: {
			kind: 'focus-group',
			title: 'Focus group on the 111 online service',
			purpose:
				'Fewer people over 65 use 111 online than any other age group. The digital team wants to hear from people who tried it, gave up, or never would, before they change the start of the questions.',
			whatYouWillDo:
				'Talk in a group of six to eight people, led by a researcher, about when you would use 111 online and what puts you off. We will show you two new first pages and ask which is clearer. There are no right answers.',
			timeCommitment: 'One evening, 6pm to 7:30pm',
			place: 'online',
			days: ['mon'],
			times: ['evening'],
			interests: ['digital', 'calls-999-111', 'older-people'],
			skillsUseful: 'None. We especially want to hear from people who do not find websites easy.',
			support: 'A test call beforehand to set up the video call, by phone if you prefer.',
			contact: 'Stevie Staff, digital services team (digital@example.nhs.uk)',
			paid: true,
			ratePence: 2_500,
			rateUnit: 'session',
			expensesCovered: false,
			accessibility: 'Zoom with captions. You can take part by phone only.',
			status: 'open'
		}
	},
	{
		key: 'survey',
		author: 'coordinator',
		postedDaysAgo: 14,
		startsIn: 10,
		endsIn: 40,
		content: {
			kind: 'survey-design',
			title: 'Design the patient transport survey',
			purpose:
				'Our survey of non-emergency patient transport only asks about the ride. Members asked for one about the whole journey: booking, pick-up, waiting to go home and getting back indoors.',
			whatYouWillDo:
				'Help choose the questions and word them plainly, try the draft survey yourself, and suggest how to reach people who cannot fill in a form online.',
			timeCommitment: 'Three meetings of two hours over six weeks, and some reading',
			place: 'either',
			location: 'Headquarters, Eastfield, or online',
			times: ['afternoon'],
			interests: ['patient-transport', 'older-people', 'accessibility'],
			skillsUseful: 'Using patient transport yourself, or going with someone who does.',
			support: 'The patient experience team’s survey lead works with you throughout.',
			contact: INVOLVEMENT_TEAM,
			supervisor: 'The patient experience manager',
			paid: false,
			expensesCovered: true,
			accessibility:
				'Hybrid meetings: join in the room or online. Drafts in large print or easy read on request.',
			status: 'open'
		}
	},
	{
		key: 'bid',
		author: 'coordinator',
		postedDaysAgo: 5,
		startsIn: 3,
		endsIn: 28,
		closesIn: 2,
		content: {
			kind: 'bid-writing',
			title: 'Write a bid for charity funding for defibrillator sessions',
			purpose:
				'A local community foundation funds health projects of up to £10,000. We want to bid for free CPR and defibrillator sessions in community centres, the idea members raised.',
			whatYouWillDo:
				'Help write the parts of the bid that say why the sessions matter to local people and how members will run them, and check the whole bid reads well before it is sent.',
			timeCommitment: 'About six hours over four weeks, at times that suit you',
			place: 'online',
			interests: ['urgent-care', 'equality'],
			skillsUseful: 'Writing clearly. Any experience of bids or grant forms is a bonus.',
			support: 'The trust charity’s fundraiser shares past successful bids and reviews your drafts.',
			contact: INVOLVEMENT_TEAM,
			paid: false,
			expensesCovered: false,
			accessibility: 'Work in a shared document or by email, whichever you prefer.',
			status: 'open'
		}
	},
	{
		key: 'research',
		author: 'staff',
		postedDaysAgo: 75,
		startsIn: -55,
		endsIn: 300,
		content: {
			kind: 'research',
			title: 'Advisory group for a study of mental health crisis calls',
			purpose:
				'A university study is looking at what happens after someone in a mental health crisis calls 999. The advisory group makes sure it asks the right questions, in the right way, and that its findings reach the people they are about.',
			whatYouWillDo:
				'Meet every six weeks with the researchers and other advisers, comment on the questions and information leaflets, and help plan how the findings are shared. You will not see any patient’s details.',
			timeCommitment: 'Two hours every six weeks for a year, with some reading beforehand',
			place: 'online',
			days: ['tue'],
			times: ['evening'],
			interests: ['mental-health', 'research'],
			skillsUseful: 'Experience of mental health services, as a patient or a carer.',
			support:
				'A named researcher to call between meetings, and a debrief after each one. Free places on the university’s introduction to research course.',
			contact: 'Stevie Staff, research and development team (research@example.nhs.uk)',
			supervisor: 'The study’s chief investigator',
			paid: true,
			ratePence: 7_500,
			rateUnit: 'session',
			expensesCovered: true,
			accessibility: 'Microsoft Teams with captions. You can miss a meeting and send comments by email.',
			status: 'open'
		}
	},
	{
		key: 'pride',
		author: 'coordinator',
		postedDaysAgo: 3,
		startsIn: 45,
		closesIn: 30,
		content: {
			kind: 'public-event',
			title: 'Help on our stall at Pride',
			purpose:
				'LGBTQ+ people are under-represented in the network. At last year’s Pride we met people who had never heard of us; this year we want more members on the stall to talk about what involvement is like.',
			whatYouWillDo:
				'Spend a shift on the stall with a coordinator: chat with people who come by, hand out leaflets, and help anyone who wants to join to sign up on the tablet.',
			timeCommitment: 'A three-hour shift on a Saturday, morning or afternoon',
			place: 'in-person',
			location: 'Preston Park, Brighton',
			days: ['sat'],
			times: ['morning', 'afternoon'],
			interests: ['equality'],
			skillsUseful: 'Being friendly and happy to talk to strangers.',
			support: 'A coordinator is always on the stall. Water and a lunch voucher.',
			contact: INVOLVEMENT_TEAM,
			paid: false,
			expensesCovered: true,
			accessibility: 'The stall has seating and shade, and is near the accessible toilets.',
			status: 'open'
		}
	}
];
