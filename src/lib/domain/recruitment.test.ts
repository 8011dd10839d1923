import { describe, expect, it } from 'vitest';
import { coordinatorKeySchema, keyPassphraseProblem } from './coordinator-key';
import { equalityFigures, EQUALITY_QUESTIONS, NOT_ANSWERED, type EqualityAnswers } from './equality';
import { eventSchema, isUpcoming, newEvent, parseCommunities } from './event';
import { newDocId } from './ids';
import { decideWrite } from './rules';
import { generateCoordinatorKeyPair } from './sealing';
import {
	buildSignup,
	cleanEquality,
	openSignup,
	sealedSignupSchema,
	sealSignup,
	signupDetailsSchema
} from './signup';

const details = {
	name: 'Sam Patel',
	email: 'sam@example.com',
	phone: '',
	preferredContact: 'email',
	area: 'Hove',
	interests: 'Mental health crisis care',
	accessNeeds: 'BSL interpreter',
	consentContact: true,
	consentStore: true
};

function figures(answers: EqualityAnswers[], key: string) {
	const question = equalityFigures(answers).find((q) => q.key === key);
	if (!question) throw new Error(key);
	return Object.fromEntries(question.cells.map((cell) => [cell.value, cell.count]));
}

describe('equality figures', () => {
	it('counts answers per category, with "prefer not to say" and "not answered"', () => {
		const answers: EqualityAnswers[] = [
			...Array.from({ length: 6 }, () => ({ ageBand: '25-34' })),
			...Array.from({ length: 5 }, () => ({ ageBand: 'prefer-not-to-say' })),
			...Array.from({ length: 7 }, () => ({}))
		];
		const age = figures(answers, 'ageBand');
		expect(age['25-34']).toBe(6);
		expect(age['prefer-not-to-say']).toBe(5);
		expect(age[NOT_ANSWERED]).toBe(7);
		expect(age['75-plus']).toBe(0);
		expect(equalityFigures(answers)[0]?.total).toBe(18);
	});

	it('hides counts from 1 to 4, and one more when only one would be hidden', () => {
		const answers: EqualityAnswers[] = [
			...Array.from({ length: 9 }, () => ({ religion: 'none' })),
			...Array.from({ length: 6 }, () => ({ religion: 'christian' })),
			...Array.from({ length: 3 }, () => ({ religion: 'jewish' }))
		];
		const religion = figures(answers, 'religion');
		expect(religion.jewish).toBeNull();
		// 18 in total, 9 shown: without hiding a second count, 18 − 9 − 6 = 3 would give it away.
		expect(religion.christian).toBeNull();
		expect(religion.none).toBe(9);
		expect(religion.buddhist).toBe(0);
		expect(religion[NOT_ANSWERED]).toBe(0);
	});

	it('hides nothing more when two or more counts are already hidden', () => {
		const answers: EqualityAnswers[] = [
			...Array.from({ length: 10 }, () => ({ carer: 'no' })),
			{ carer: 'up-to-9' },
			...Array.from({ length: 2 }, () => ({ carer: '50-plus' }))
		];
		const carer = figures(answers, 'carer');
		expect(carer['up-to-9']).toBeNull();
		expect(carer['50-plus']).toBeNull();
		expect(carer.no).toBe(10);
	});

	it('shows nothing identifying for a handful of sign-ups', () => {
		const answers: EqualityAnswers[] = [
			{ sexualOrientation: 'bisexual' },
			{ sexualOrientation: 'gay-lesbian' }
		];
		const cells = equalityFigures(answers).flatMap((question) => question.cells);
		expect(cells.every((cell) => cell.count === null || cell.count === 0)).toBe(true);
	});

	it('has the 19 ethnic groups of the 2021 census, and "prefer not to say" everywhere', () => {
		const ethnic = EQUALITY_QUESTIONS.find((q) => q.key === 'ethnicGroup');
		expect(ethnic?.options.filter((o) => o.group)).toHaveLength(19);
		for (const question of EQUALITY_QUESTIONS) {
			expect(question.options.at(-1)?.label, question.key).toBe('Prefer not to say');
		}
	});

	it('keeps only answered questions, and refuses values that are not options', () => {
		expect(cleanEquality({ ageBand: '18-24', gender: '', religion: undefined })).toEqual({
			ageBand: '18-24'
		});
		expect(() => cleanEquality({ ageBand: 'ancient' })).toThrow();
	});
});

describe('sign-up details', () => {
	it('accepts a complete sign-up', () => {
		expect(signupDetailsSchema.safeParse(details).success).toBe(true);
	});

	it('needs consent to be contacted and to keep the details', () => {
		const result = signupDetailsSchema.safeParse({ ...details, consentContact: false, consentStore: false });
		expect(result.success).toBe(false);
		const paths = result.error?.issues.map((issue) => issue.path[0]);
		expect(paths).toEqual(expect.arrayContaining(['consentContact', 'consentStore']));
	});

	it('needs a way to contact them, matching the preferred one', () => {
		const none = signupDetailsSchema.safeParse({ ...details, email: '' });
		expect(none.error?.issues[0]?.message).toBe(
			'Enter an email address or a phone number so we can contact you'
		);
		const wrongPreference = signupDetailsSchema.safeParse({ ...details, preferredContact: 'phone' });
		expect(wrongPreference.error?.issues[0]?.path).toEqual(['phone']);
		expect(signupDetailsSchema.safeParse({ ...details, email: 'not an email' }).success).toBe(false);
		expect(signupDetailsSchema.safeParse({ ...details, phone: '07700 900 982' }).success).toBe(true);
		expect(signupDetailsSchema.safeParse({ ...details, phone: '12345' }).success).toBe(false);
		expect(signupDetailsSchema.safeParse({ ...details, preferredContact: undefined }).success).toBe(false);
	});
});

describe('sealed sign-ups', () => {
	async function sealed() {
		const key = await generateCoordinatorKeyPair();
		const id = newDocId('signup');
		const plaintext = buildSignup({
			id,
			eventId: newDocId('event'),
			collectedBy: 'recruiter',
			collectedAt: new Date().toISOString(),
			details: signupDetailsSchema.parse(details),
			equality: { ageBand: '25-34' }
		});
		return { key, plaintext, box: await sealSignup(plaintext, [key]) };
	}

	it('round-trips, and nothing of the person is in the envelope', async () => {
		const { key, plaintext, box } = await sealed();
		expect(sealedSignupSchema.parse(JSON.parse(JSON.stringify(box)))).toEqual(box);
		const text = JSON.stringify(box);
		for (const secret of ['Sam', 'sam@example.com', 'Hove', 'BSL', '25-34'])
			expect(text).not.toContain(secret);
		expect(await openSignup(box, key)).toEqual(plaintext);
	});

	it('cannot be moved to another event or recruiter', async () => {
		const { key, box } = await sealed();
		await expect(openSignup({ ...box, eventId: newDocId('event') }, key)).rejects.toThrow();
		await expect(openSignup({ ...box, collectedBy: 'member' }, key)).rejects.toThrow();
		await expect(openSignup({ ...box, sealedAt: new Date(0).toISOString() }, key)).rejects.toThrow();
	});

	it('validates the envelope: ids, sizes, recipients', async () => {
		const { box } = await sealed();
		const recipient = box.recipients[0]!;
		const bad = [
			{ ...box, id: 'idea:01J0000000000000000000000' },
			{ ...box, ciphertext: 'A'.repeat(17 * 1024) },
			{ ...box, recipients: [] },
			{ ...box, recipients: [recipient, recipient] },
			{ ...box, recipients: [{ ...recipient, wrappedKey: 'short' }] },
			{ ...box, iv: 'not base64url!!!' },
			{ ...box, extra: 'field' }
		];
		for (const candidate of bad) expect(sealedSignupSchema.safeParse(candidate).success).toBe(false);
	});
});

describe('events and coordinator keys', () => {
	const recruiter = { name: 'recruiter', roles: ['recruiter', 'member'] as const };
	const member = { name: 'member', roles: ['member'] as const };

	it('parses events; only recruiters and coordinators add them', () => {
		const event = newEvent(newDocId('event'), 'recruiter', {
			name: 'Brighton Pride',
			date: '2026-08-01',
			place: 'Preston Park',
			kind: 'pride',
			communities: parseCommunities('LGBTQ+ people, young people,  ')
		});
		expect(event.communities).toEqual(['LGBTQ+ people', 'young people']);
		expect(decideWrite(recruiter, event, undefined).ok).toBe(true);
		expect(decideWrite(member, { ...event, author: 'member' }, undefined)).toEqual({
			ok: false,
			reason: 'Only recruiters and coordinators can add events'
		});
		expect(eventSchema.safeParse({ ...event, date: '1 August' }).success).toBe(false);
		expect(isUpcoming('2026-08-01', '2026-08-01')).toBe(true);
		expect(isUpcoming('2026-07-31', '2026-08-01')).toBe(false);
	});

	it('lets only coordinators publish keys, and nobody swap the key of a key document', async () => {
		const pair = await generateCoordinatorKeyPair();
		const at = new Date().toISOString();
		const doc = coordinatorKeySchema.parse({
			_id: newDocId('coordinatorKey'),
			type: 'coordinatorKey',
			schemaVersion: 1,
			author: 'coordinator',
			createdAt: at,
			updatedAt: at,
			keyId: pair.keyId,
			publicKey: pair.publicKey,
			coordinatorName: 'Cora Coordinator'
		});
		const coordinator = { name: 'coordinator', roles: ['coordinator'] as const };
		expect(decideWrite(coordinator, doc, undefined).ok).toBe(true);
		expect(decideWrite(recruiter, { ...doc, author: 'recruiter' }, undefined).ok).toBe(false);
		const other = await generateCoordinatorKeyPair();
		expect(decideWrite(coordinator, { ...doc, publicKey: other.publicKey }, doc)).toEqual({
			ok: false,
			reason: 'The publicKey of a document cannot be changed'
		});
		expect(JSON.stringify(doc)).not.toMatch(/"d"/);
		expect(
			coordinatorKeySchema.safeParse({ ...doc, publicKey: { ...doc.publicKey, d: 'secret' } }).success
		).toBe(false);
	});

	it('asks for a long passphrase', () => {
		expect(keyPassphraseProblem('short')).toMatch(/12 characters/);
		expect(keyPassphraseProblem('aaaaaaaaaaaaaa')).toMatch(/too easy/);
		expect(keyPassphraseProblem('kettle violin harbour', 'kettle violin harbor')).toMatch(/do not match/);
		expect(keyPassphraseProblem('kettle violin harbour', 'kettle violin harbour')).toBeUndefined();
	});
});
