import { describe, expect, it } from 'vitest';
import { newDocId } from './ids';
import { generateCoordinatorKeyPair } from './sealing';
import { buildSignup, openSignup, sealedSignupSchema, sealSignup, signupDetailsSchema } from './signup';

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

	it('says everything that is wrong at once, the missing contact with the fields’ own messages', () => {
		const result = signupDetailsSchema.safeParse({
			...details,
			name: ' ',
			email: '',
			preferredContact: undefined,
			consentContact: false,
			consentStore: false
		});
		expect(result.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
			['name', 'Enter your name'],
			['preferredContact', 'Choose how you would like us to contact you'],
			['consentContact', 'You need to agree to be contacted to sign up'],
			['consentStore', 'You need to agree to us keeping your details to sign up'],
			['email', 'Enter an email address or a phone number so we can contact you']
		]);
		const phoneWanted = signupDetailsSchema.safeParse({ ...details, name: '', preferredContact: 'phone' });
		expect(phoneWanted.error?.issues.map((issue) => issue.path[0])).toEqual(['name', 'phone']);
		expect(signupDetailsSchema.safeParse('not a form').success).toBe(false);
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
