/** The demo network's recruitment: a sign-up key, two events and sealed sign-ups in the inbox. */
import type { EqualityAnswers } from '../../domain/equality';
import type { RecruitmentEvent } from '../../domain/event';
import { newDoc } from '../../domain/envelope';
import { newDocId } from '../../domain/ids';
import { generateCoordinatorKeyPair, protectPrivateKey } from '../../domain/sealing';
import { buildSignup, sealSignup, signupDetailsSchema } from '../../domain/signup';
import type { CouchClient, StoredDoc } from '../couch';
import { keyringDocId } from '../routes/keyring';
import { inboxDoc, type StoredSignup } from '../routes/signups';

const DAY_MS = 24 * 60 * 60 * 1000;

/** People met at the demo's past Pride stall (fictional; Ofcom drama numbers and example.com addresses). */
const DEMO_SIGNUPS: ReadonlyArray<{
	name: string;
	email: string;
	phone: string;
	preferredContact: 'email' | 'phone';
	area: string;
	interests: string;
	accessNeeds: string;
	equality: EqualityAnswers;
	status: StoredSignup['status'];
}> = [
	{
		name: 'Alex Morgan',
		email: 'alex.morgan@example.com',
		phone: '',
		preferredContact: 'email',
		area: 'Brighton',
		interests: 'How crews talk to trans patients',
		accessNeeds: '',
		equality: { ageBand: '25-34', gender: 'non-binary', transHistory: 'no', sexualOrientation: 'bisexual' },
		status: 'new'
	},
	{
		name: 'Priya Shah',
		email: '',
		phone: '07700 900 461',
		preferredContact: 'phone',
		area: 'Hove',
		interests: 'Mental health crisis calls',
		accessNeeds: 'Evening meetings only',
		equality: { ageBand: '35-44', gender: 'woman', ethnicGroup: 'asian-indian', religion: 'hindu' },
		status: 'contacted'
	},
	{
		name: 'Jordan Lee',
		email: 'jordan.lee@example.com',
		phone: '07700 900 123',
		preferredContact: 'email',
		area: 'Lewes',
		interests: 'Deaf patients calling 999',
		accessNeeds: 'BSL interpreter',
		equality: { ageBand: '18-24', disability: 'yes-a-little', carer: 'no' },
		status: 'new'
	},
	{
		name: 'Sam Okafor',
		email: 'sam.okafor@example.com',
		phone: '',
		preferredContact: 'email',
		area: 'Worthing',
		interests: 'Waiting times for older people',
		accessNeeds: 'Step-free access',
		equality: { ageBand: 'prefer-not-to-say', ethnicGroup: 'black-african', carer: '20-34' },
		status: 'new'
	}
];

/**
 * The demo's recruitment: a sign-up key for the demo coordinator (its private key protected by
 * `passphrase`), a past Pride stall with a few sealed sign-ups, and an upcoming community day. Keys are made
 * with WebCrypto, by the same code as in the browser.
 */
export async function seedDemoRecruitment(options: {
	couch: CouchClient;
	networkDb: string;
	signupsDb: string;
	passphrase: string;
	now?: number;
}): Promise<{ keyId: string; events: RecruitmentEvent[] }> {
	const now = options.now ?? Date.now();
	const pair = await generateCoordinatorKeyPair();
	const protectedKey = await protectPrivateKey(pair.privateKey, pair.keyId, options.passphrase);
	const at = (daysAgo: number) => new Date(now - daysAgo * DAY_MS);
	const keyDoc = newDoc(
		'coordinatorKey',
		'coordinator',
		{ keyId: pair.keyId, publicKey: pair.publicKey, coordinatorName: 'Cora Coordinator' },
		{ now: at(40) }
	);
	const past = newDoc(
		'event',
		'recruiter',
		{
			name: 'Brighton & Hove Pride',
			date: at(21).toISOString().slice(0, 10),
			place: 'Preston Park, Brighton',
			kind: 'pride',
			communities: ['LGBTQ+ people', 'Trans and non-binary people']
		},
		{ now: at(35) }
	);
	const upcoming = newDoc(
		'event',
		'recruiter',
		{
			name: 'Community health day',
			date: at(-14).toISOString().slice(0, 10),
			place: 'Whitehawk Library',
			kind: 'community',
			communities: ['Older people', 'Carers', 'People on low incomes']
		},
		{ now: at(3) }
	);

	const recipients = [{ keyId: pair.keyId, publicKey: pair.publicKey }];
	const signups: StoredSignup[] = [];
	for (const [i, person] of DEMO_SIGNUPS.entries()) {
		const collected = new Date(now - 21 * DAY_MS + (i + 1) * 23 * 60 * 1000);
		const id = newDocId('signup', collected.getTime());
		const { equality, status, ...typed } = person;
		const details = signupDetailsSchema.parse({ ...typed, consentContact: true, consentStore: true });
		const plaintext = buildSignup({
			id,
			eventId: past._id,
			collectedBy: 'recruiter',
			collectedAt: collected.toISOString(),
			details,
			equality
		});
		const sealed = await sealSignup(plaintext, recipients, collected.toISOString());
		const received = new Date(collected.getTime() + 3 * 60 * 60 * 1000).toISOString();
		signups.push({
			...inboxDoc(sealed, 'recruiter', received),
			status,
			...(status === 'new' ? {} : { statusBy: 'coordinator', statusAt: at(18).toISOString() })
		});
	}
	const keyring: StoredDoc = {
		_id: keyringDocId(pair.keyId),
		type: 'keyring',
		keyId: pair.keyId,
		owner: 'coordinator',
		publicKey: pair.publicKey,
		protectedKey,
		createdAt: at(40).toISOString()
	};
	await options.couch.bulkDocs(options.networkDb, [keyDoc, past, upcoming]);
	await options.couch.bulkDocs(options.signupsDb, [keyring, ...signups]);
	return { keyId: pair.keyId, events: [past, upcoming] };
}
