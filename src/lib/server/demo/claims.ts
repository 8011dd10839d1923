/**
 * The demo member's expenses claims, one in every status: each sent once, its history of steps by the
 * demo coordinator (and the member's answer to a query), and a receipt photo, under the ids the domain
 * requires (`claim:<member>:<ulid>`, `claim-step:<member>:<claim ulid>:<ulid>`, `receipt:<member>:<ulid>`).
 */
import { readFile } from 'node:fs/promises';
import { DEFAULT_MILEAGE_PENCE, type ClaimLine, type ClaimStepKind } from '../../domain/claim';
import type { AppDoc, StoredMeta } from '../../domain/documents';
import { ulid } from '../../domain/ids';
import type { Meeting } from '../../domain/meetings';
import { mileagePence } from '../../domain/money';
import type { Visit } from '../../domain/visit';
import { DAY_MS, demoDoc, MINUTE_MS } from './dated';
import type { DemoOpportunities } from './involvement';

const MEMBER = 'member';

/** A photo of a car park ticket (180 × 260 pixels, 6 KB), as a phone would send it after compressing it. */
export async function demoReceiptImage(): Promise<string> {
	return (await readFile(new URL('./parking-receipt.jpg', import.meta.url))).toString('base64');
}

/** What a claim is for: the id of a meeting, visit, event or opportunity (or null), its name and date. */
interface ClaimFor {
	forId: string | null;
	forLabel: string;
	on: string;
}

interface ClaimStory {
	for: ClaimFor;
	sentDaysAgo: number;
	lines: ClaimLine[];
	/** [what happened, days ago, the note]: the member answers a query, the coordinator does the rest. */
	steps: readonly (readonly [ClaimStepKind, number, string])[];
	/** Receipt photos: the line (0 for the first) each is for, and its description. */
	receipts?: readonly { line: number; alt: string }[];
}

/** Where the demo's claims come from: the finished visit and the held meeting the demo member went to. */
export interface ClaimLinks {
	opportunities: DemoOpportunities;
	visits: readonly AppDoc[];
	meetings: readonly AppDoc[];
}

const line = (kind: Exclude<ClaimLine['kind'], 'mileage'>, description: string, amountPence: number) =>
	({ kind, description, tenthsOfMiles: null, pencePerMile: null, amountPence }) satisfies ClaimLine;
const mileage = (description: string, tenthsOfMiles: number, pencePerMile = DEFAULT_MILEAGE_PENCE) =>
	({
		kind: 'mileage',
		description,
		tenthsOfMiles,
		pencePerMile,
		amountPence: mileagePence(tenthsOfMiles, pencePerMile)
	}) satisfies ClaimLine;

function stories({ opportunities, visits, meetings }: ClaimLinks, now: number): ClaimStory[] {
	const day = (daysAgo: number) => new Date(now - daysAgo * DAY_MS).toISOString().slice(0, 10);
	const visit = visits.find(
		(doc): doc is Visit => doc.type === 'visit' && doc.status === 'done' && doc.visitors.includes(MEMBER)
	);
	const meeting = meetings
		.filter((doc): doc is Meeting => doc.type === 'meeting' && doc.status === 'held')
		.sort((a, b) => a.startsAt.localeCompare(b.startsAt))
		.at(-1);
	if (!visit || !meeting) throw new Error('The demo claims need a finished visit and a held meeting');
	const inspection = {
		forId: visit._id,
		forLabel: `Mock CQC inspection at ${visit.siteName}`,
		on: visit.date
	};
	const mockPatient = opportunities['mock-patient'];
	return [
		{
			for: inspection,
			sentDaysAgo: 11,
			lines: [
				mileage('Home to Eastfield and back', 236),
				line('parking', 'Hospital car park B, up to 4 hours', 450)
			],
			steps: [['approved', 9, 'Thank you. This will be paid into your account on the 28th.']],
			receipts: [{ line: 1, alt: 'Car park ticket from Eastfield hospital parking: £4.50, paid by card' }]
		},
		{
			for: inspection,
			sentDaysAgo: 10,
			lines: [line('parking', 'Parking at Eastfield', 450)],
			steps: [
				[
					'rejected',
					9,
					'This parking is already in your claim for the mock inspection, which is approved, so it would be paid twice. You lose nothing.'
				]
			]
		},
		{
			for: { forId: mockPatient._id, forLabel: mockPatient.title, on: day(25) },
			sentDaysAgo: 24,
			lines: [line('care', 'Childminder while I was at the training session, 9am to 1pm', 3_200)],
			steps: [
				[
					'queried',
					20,
					'Could you tell us the childminder’s name and their hourly rate? The finance team needs both for care costs.'
				],
				['answered', 3, 'Little Acorns childminding (Mrs Patel): 4 hours at £8 an hour.']
			]
		},
		{
			for: { forId: meeting._id, forLabel: meeting.title, on: meeting.startsAt.slice(0, 10) },
			sentDaysAgo: 13,
			lines: [line('fare', 'Bus day ticket', 680), line('meal', 'Sandwich and a drink', 795)],
			steps: [
				[
					'queried',
					2,
					'Lunch was provided at this meeting. Was the meal on your journey home? If so, say so and we will approve it.'
				]
			]
		},
		{
			for: { forId: null, forLabel: 'Easy-read 999 leaflet review at headquarters', on: day(4) },
			sentDaysAgo: 1,
			lines: [
				mileage('Home to headquarters and back', 84),
				line('parking', 'Headquarters visitor car park', 300)
			],
			steps: []
		}
	];
}

/** A claim, its steps and its receipts (with `image`, base64 JPEG, attached) as the member's devices sent them. */
function claimDocs(story: ClaimStory, image: string, now: number): (AppDoc & StoredMeta)[] {
	const sent = now - story.sentDaysAgo * DAY_MS;
	const claimUlid = ulid(sent);
	const claimId = `claim:${MEMBER}:${claimUlid}`;
	const claim = demoDoc(
		'claim',
		MEMBER,
		{ member: MEMBER, ...story.for, lines: story.lines },
		{ at: sent, id: claimId }
	);
	const receipts = (story.receipts ?? []).map(({ line: lineIndex, alt }, i) => {
		const at = sent - (i + 1) * MINUTE_MS;
		const receipt = demoDoc(
			'receipt',
			MEMBER,
			{ claimId, line: lineIndex, alt },
			{ at, id: `receipt:${MEMBER}:${ulid(at)}` }
		);
		return { ...receipt, _attachments: { image: { content_type: 'image/jpeg', data: image } } };
	});
	const steps = story.steps.map(([kind, daysAgo, note]) => {
		const at = now - daysAgo * DAY_MS;
		const author = kind === 'answered' ? MEMBER : 'coordinator';
		const id = `claim-step:${MEMBER}:${claimUlid}:${ulid(at)}`;
		return demoDoc('claim-step', author, { claimId, kind, note }, { at, id });
	});
	return [claim, ...receipts, ...steps];
}

/**
 * The demo member's claims: approved (with a receipt photo), rejected, answered, queried, and one just
 * sent; for a visit, an opportunity, a meeting and something unlinked.
 */
export function demoClaims(links: ClaimLinks, image: string, now = Date.now()): (AppDoc & StoredMeta)[] {
	return stories(links, now).flatMap((story) => claimDocs(story, image, now));
}
