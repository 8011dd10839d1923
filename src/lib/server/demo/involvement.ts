/**
 * The demo network's involvement: the opportunities (opportunity-stories.ts), the network's expenses rates,
 * the demo member's profile, and what passed between members and posters: interests with notes, selections
 * and the time given afterwards, each under the id the domain requires (`posterPrivateId`).
 */
import { DEFAULT_MILEAGE_PENCE, EXPENSE_RATES_ID } from '../../domain/claim';
import type { AppDoc } from '../../domain/documents';
import type { ContentOf } from '../../domain/envelope';
import type { Opportunity, TimeKind } from '../../domain/opportunity';
import { posterPrivateId } from '../../domain/private-ids';
import { profileId } from '../../domain/profile';
import { DAY_MS, demoDoc, HOUR_MS } from './dated';
import { OPPORTUNITY_STORIES, type DemoOpportunity, type OpportunityStory } from './opportunity-stories';
import type { DemoProjectIds } from './projects';

export { DEMO_OPPORTUNITIES, type DemoOpportunity } from './opportunity-stories';

/** The demo opportunities by key. */
export type DemoOpportunities = Readonly<Record<DemoOpportunity, Opportunity>>;

/** Someone who said they were interested (days ago, with a note), perhaps selected, perhaps with time given. */
interface Involved {
	member: string;
	daysAgo: number;
	note: string;
	selected?: { daysAgo: number; message: string };
	/** The time given: on which day (days ago), how long (minutes) and spent on what. */
	gave?: { daysAgo: number; minutes: number; kind: TimeKind };
}

const INVOLVED: Readonly<Partial<Record<DemoOpportunity, readonly Involved[]>>> = {
	panel: [
		{
			member: 'member',
			daysAgo: 8,
			note: 'My dad was looked after by the Northgate crews for years. I would like to help choose someone who talks to families the way they did.',
			selected: {
				daysAgo: 2,
				message:
					'Thank you, you are on the panel. The applications will come by email a week before, and I will ring you about the briefing.'
			}
		},
		{
			member: 'chair',
			daysAgo: 7,
			note: 'I have sat on two interview panels for the hospital trust and would be glad to do this one. Thursdays are fine.'
		}
	],
	'mock-patient': [
		{
			member: 'member',
			daysAgo: 50,
			note: 'I called 999 for my neighbour last year, so I know how it feels. Happy to do Wednesday mornings.',
			selected: {
				daysAgo: 45,
				message: 'Lovely, thank you. The trainer will send your script a week before your session.'
			},
			gave: { daysAgo: 25, minutes: 180, kind: 'taking-part' }
		},
		{
			member: 'chair',
			daysAgo: 66,
			note: 'I used to do amateur dramatics, so I am happy to play a caller.',
			selected: { daysAgo: 64, message: 'Thank you, the script is on its way.' },
			gave: { daysAgo: 40, minutes: 195, kind: 'taking-part' }
		}
	],
	'qi-team': [
		{
			member: 'member',
			daysAgo: 27,
			note: 'I was confused by the call-back advice when my son had a fit, so this matters to me.',
			selected: { daysAgo: 25, message: 'Welcome to the team. The next meeting is a week on Wednesday.' },
			gave: { daysAgo: 5, minutes: 90, kind: 'follow-up' }
		}
	],
	inspection: [
		{
			member: 'chair',
			daysAgo: 36,
			note: 'I would like to take part, and can help brief others.',
			selected: { daysAgo: 30, message: 'Thank you. You will lead the pair on the well-led question.' },
			gave: { daysAgo: 12, minutes: 330, kind: 'taking-part' }
		},
		{
			member: 'member',
			daysAgo: 35,
			note: 'I have never done an inspection but would like to learn.',
			selected: { daysAgo: 30, message: 'Thank you. You will be paired with Charlie.' },
			gave: { daysAgo: 12, minutes: 300, kind: 'taking-part' }
		}
	],
	research: [
		{
			member: 'recruiter',
			daysAgo: 72,
			note: 'I care for my brother, who has been in crisis several times. Evenings suit me best.',
			selected: { daysAgo: 70, message: 'Thank you, you are one of five advisers.' },
			gave: { daysAgo: 55, minutes: 120, kind: 'preparation' }
		}
	]
};

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayIn = (now: number, days: number | undefined) =>
	days === undefined ? null : day(now + days * DAY_MS);

function opportunityDoc(story: OpportunityStory, projects: DemoProjectIds, now: number): Opportunity {
	const content: ContentOf<'opportunity'> = {
		...story.content,
		startsOn: dayIn(now, story.startsIn),
		endsOn: dayIn(now, story.endsIn),
		closesOn: dayIn(now, story.closesIn),
		projectId: story.project ? projects[story.project] : null
	};
	const at = now - story.postedDaysAgo * DAY_MS;
	// A closed opportunity was closed the day it happened.
	const changed = story.content.status === 'closed' ? now + story.startsIn * DAY_MS : at;
	return demoDoc('opportunity', story.author, content, { at, changed });
}

/** An interest, and the poster's selection and the time given if there were any. */
function involvementDocs(opportunity: Opportunity, person: Involved, now: number): AppDoc[] {
	const { member } = person;
	const poster = opportunity.author;
	const ids = { opportunityId: opportunity._id, poster, member };
	const idOf = (type: string) => posterPrivateId(type, poster, member, opportunity._id);
	const at = (daysAgo: number, hours = 0) => now - daysAgo * DAY_MS + hours * HOUR_MS;
	const docs: AppDoc[] = [
		demoDoc(
			'interest',
			member,
			{ ...ids, note: person.note },
			{ at: at(person.daysAgo), id: idOf('interest') }
		)
	];
	if (person.selected) {
		const { daysAgo, message } = person.selected;
		const content = { ...ids, outcome: 'selected' as const, message };
		docs.push(demoDoc('selection', poster, content, { at: at(daysAgo), id: idOf('selection') }));
	}
	if (person.gave) {
		const { daysAgo, minutes, kind } = person.gave;
		const content = { ...ids, on: day(at(daysAgo)), minutes, kind };
		// Recorded by the poster the next morning.
		docs.push(demoDoc('time-given', poster, content, { at: at(daysAgo - 1, 2), id: idOf('time-given') }));
	}
	return docs;
}

/** The demo member's profile: it suits the interview panel, the mock patient and the QI project team. */
function memberProfile(now: number): AppDoc {
	return demoDoc(
		'profile',
		'member',
		{
			member: 'member',
			interests: ['calls-999-111', 'training', 'quality-improvement', 'digital'],
			otherInterests: 'How families are kept informed when someone is treated at home.',
			days: ['tue', 'wed', 'thu'],
			times: ['morning', 'afternoon'],
			places: ['online', 'in-person'],
			travelMiles: 15,
			skillsOffered:
				'I worked in a bank call centre for twelve years, so I know how scripts sound to callers.',
			skillsToDevelop: 'Chairing a meeting, and understanding run charts.',
			communicationNeeds: ['extra-time'],
			communicationNote: 'Papers a few days before meetings, please: I read slowly because of dyslexia.',
			contactBy: ['email', 'text'],
			payment: 'payments'
		},
		{ at: now - 80 * DAY_MS, changed: now - 28 * DAY_MS, id: profileId('member') }
	);
}

/**
 * The opportunities (every kind, some paid, one closed, one linked to a project), the network's mileage
 * rate, the demo member's profile, and the interests, selections and time given around them.
 */
export function demoInvolvement(
	projects: DemoProjectIds,
	now = Date.now()
): { opportunities: DemoOpportunities; docs: AppDoc[] } {
	const opportunities: Partial<Record<DemoOpportunity, Opportunity>> = {};
	const docs: AppDoc[] = [];
	for (const story of OPPORTUNITY_STORIES) {
		const opportunity = opportunityDoc(story, projects, now);
		opportunities[story.key] = opportunity;
		docs.push(opportunity);
		for (const person of INVOLVED[story.key] ?? []) docs.push(...involvementDocs(opportunity, person, now));
	}
	const rates = demoDoc(
		'expense-rates',
		'coordinator',
		{ mileagePencePerMile: DEFAULT_MILEAGE_PENCE },
		{ at: now - 120 * DAY_MS, id: EXPENSE_RATES_ID }
	);
	docs.push(rates, memberProfile(now));
	return { opportunities: opportunities as DemoOpportunities, docs };
}
