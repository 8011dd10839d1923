/** The demo network: its accounts and ideas, and the seeding of everything else in `demo/`. */
import { randomInt } from 'node:crypto';
import { passwordProblem } from '../../domain/passwords';
import type { Idea } from '../../domain/idea';
import type { AccountStore } from '../accounts';
import { demoClaims, demoReceiptImage } from './claims';
import { DAY_MS, demoDoc, MINUTE_MS } from './dated';
import { demoDiscussion } from './discussion';
import { demoGlossary } from './glossary';
import { demoInvolvement } from './involvement';
import { seedDemoRecruitment } from './recruitment';
import { demoMeetings } from './meetings';
import { demoProjects } from './projects';
import { demoVisits } from './visits';
import type { CouchClient } from '../couch';
import { DEMO_ACCOUNTS } from './accounts';

/** Ideas a Critical Friends Network of an ambulance trust might raise: [author, days ago, title, details]. */
const DEMO_IDEAS: ReadonlyArray<readonly [string, number, string, string]> = [
	[
		'member',
		34,
		'Leave a "what happens next" card when we are not taken to hospital',
		'When the crew treated my dad at home they were brilliant, but once they left we had no idea who to call if he got worse. A simple card with the call reference, what the crew did and when to ring 111 or 999 again would have helped us a lot.'
	],
	[
		'chair',
		29,
		'Updates for patients waiting in ambulances outside A&E',
		'People waiting in the back of an ambulance at the hospital door often do not know why they are waiting or for how long. Could crews be given a short script and regular updates from the hospital to pass on, plus water and blankets as standard?'
	],
	[
		'recruiter',
		24,
		'Recruit critical friends at rural markets and village halls',
		'Almost all of our members live in the two big towns. I would like to run a stall at the Saturday markets and village hall coffee mornings to meet people in rural areas, where response times are a real worry.'
	],
	[
		'member',
		19,
		'Text message when an ambulance is going to be delayed',
		'Waiting without news is the worst part. If the control room knows the ambulance will be a long time, a plain-English text with what to do while waiting, and when to call back, would take some of the fear out of it.'
	],
	[
		'coordinator',
		15,
		'Review the easy-read leaflet on calling 999',
		'The trust wants to refresh its easy-read guide to calling 999. We are looking for three or four members, ideally including people with a learning disability and their carers, to go through the draft with the patient experience team.'
	],
	[
		'chair',
		10,
		'Defibrillator awareness sessions at community centres',
		'Many people walk past the public defibrillator on their street every day and do not know they are allowed to use it. Volunteers could run short sessions with the community first responders on CPR and finding the nearest defibrillator.'
	],
	[
		'member',
		6,
		'Ask patient transport users about the whole journey',
		'Feedback on non-emergency patient transport only asks about the ride. Pick-up times, waiting for the return journey and getting back into the house matter just as much, especially for people who use a wheelchair.'
	],
	[
		'recruiter',
		2,
		'Welcome pack for new critical friends',
		'New members have told me they felt lost at their first meeting. A short welcome pack with who is who at the trust, the jargon (see and treat, hear and treat, handover) and how expenses work would help people settle in.'
	]
];

const WORDS = [
	'amber',
	'anchor',
	'badger',
	'beacon',
	'birch',
	'bramble',
	'canal',
	'cedar',
	'clover',
	'comet',
	'copper',
	'crane',
	'daisy',
	'delta',
	'ember',
	'falcon',
	'fern',
	'flint',
	'garnet',
	'harbour',
	'hazel',
	'heron',
	'island',
	'juniper',
	'kestrel',
	'lantern',
	'maple',
	'meadow',
	'nutmeg',
	'orchard',
	'otter',
	'pebble',
	'quartz',
	'quill',
	'raven',
	'river',
	'saffron',
	'sparrow',
	'thistle',
	'timber',
	'tulip',
	'valley',
	'willow',
	'wren',
	'yarrow',
	'zephyr'
];

/** Four random words and a number, e.g. `heron-maple-quartz-river-42`. */
export function randomPassphrase(): string {
	const words = Array.from({ length: 4 }, () => WORDS[randomInt(WORDS.length)] ?? 'word');
	return `${words.join('-')}-${randomInt(10, 100)}`;
}

export function demoIdeas(now = Date.now()): Idea[] {
	return DEMO_IDEAS.map(([author, daysAgo, title, details], i) => {
		// Spread over the day too, so the ideas do not all share a time of day.
		const at = now - daysAgo * DAY_MS - (i * 37 + 9) * MINUTE_MS;
		const changed = i % 3 === 0 ? Math.min(at + 2 * DAY_MS, now) : at;
		return demoDoc('idea', author, { title, details }, { at, changed });
	});
}

/**
 * Seeds a demonstration network once: the accounts and everything in `demo/`. Does nothing if any account
 * exists, so a later start never re-seeds or changes a password. Answers whether it seeded.
 */
export async function seedDemoNetwork(options: {
	accounts: AccountStore;
	couch: CouchClient;
	networkDb: string;
	password?: string | undefined;
	keyPassphrase?: string | undefined;
	log: (message: string) => void;
}): Promise<boolean> {
	if (await options.accounts.hasAny()) return false;
	const password = options.password || randomPassphrase();
	// Checked for every account before any is created, so a refused DEMO_PASSWORD seeds nothing.
	for (const account of DEMO_ACCOUNTS) {
		const problem = passwordProblem(password, account.name);
		if (problem)
			throw new Error(`DEMO_PASSWORD cannot be used for the demo account ${account.name}: ${problem}`);
	}
	await Promise.all(DEMO_ACCOUNTS.map((account) => options.accounts.create({ ...account, password })));
	const projects = demoProjects();
	const { ideas, docs } = demoDiscussion(demoIdeas(), projects.ids);
	const visits = demoVisits(projects.ids);
	const meetings = demoMeetings(ideas, projects.ids);
	await options.couch.bulkDocs(options.networkDb, [...ideas, ...docs, ...visits]);
	await options.couch.bulkDocs(options.networkDb, meetings);
	await options.couch.bulkDocs(options.networkDb, projects.docs);
	await options.couch.bulkDocs(options.networkDb, demoGlossary());
	const involvement = demoInvolvement(projects.ids);
	const claims = demoClaims(
		{ opportunities: involvement.opportunities, visits, meetings },
		await demoReceiptImage()
	);
	await options.couch.bulkDocs(options.networkDb, [...involvement.docs, ...claims]);
	const names = DEMO_ACCOUNTS.map((a) => a.name).join(', ');
	options.log(
		options.password
			? `Demo network created. Accounts: ${names} (password from DEMO_PASSWORD).`
			: `Demo network created. Accounts: ${names}. Password for all of them (shown only this once): ${password}`
	);
	// Recruitment (demo-recruitment.ts): the demo coordinator's sign-up key, two events, sealed sign-ups.
	// Backend names are `<prefix><database>`, so the sign-up inbox sits beside the network database.
	const keyPassphrase = options.keyPassphrase || randomPassphrase();
	await seedDemoRecruitment({
		couch: options.couch,
		networkDb: options.networkDb,
		signupsDb: options.networkDb.replace(/network$/, 'signups'),
		passphrase: keyPassphrase
	});
	options.log(
		options.keyPassphrase
			? 'Demo sign-up key of coordinator: passphrase from DEMO_KEY_PASSPHRASE.'
			: `Demo sign-up key of coordinator: passphrase (shown only this once): ${keyPassphrase}`
	);
	return true;
}
