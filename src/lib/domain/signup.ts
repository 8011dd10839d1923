import { z } from 'zod';
import { accountNameSchema } from './accounts';
import { docIdSchema, isoTimestamp } from './common';
import { equalityAnswersSchema, type EqualityAnswers } from './equality';
import {
	base64UrlOf,
	fromUtf8,
	openSealed,
	publicJwkSchema,
	SEAL_ALG,
	SealError,
	sealedRecipientSchema,
	seal,
	utf8,
	type PublicJwk,
	type Recipient,
	type SealOverrides
} from './sealing';

/**
 * Event sign-ups: what a person from the public gives at a stall, sealed on the recruiter's phone the moment
 * it is submitted, so only coordinators can ever read it. The plaintext exists only in memory: in the form
 * while it is filled in, and on a coordinator's device while the inbox is unlocked.
 */

/** Which version of the privacy notice (static/privacy.html) people agreed to. */
export const PRIVACY_NOTICE_VERSION = '2026-06';
export const PRIVACY_NOTICE_PATH = '/privacy.html';

export const CONTACT_METHODS = ['email', 'phone'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

export const SIGNUP_NAME_MAX = 100;
export const SIGNUP_TEXT_MAX = 1_000;

export type SignupProblem =
	'email-format' | 'phone-format' | 'contact-missing' | 'email-for-preferred' | 'phone-for-preferred';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** UK numbers: 10 or 11 digits, or +44 and 9 or 10 digits; spaces, dashes and brackets allowed. */
function isPhone(text: string): boolean {
	const compact = text.replace(/[\s()-]/g, '');
	return /^0\d{9,10}$/.test(compact) || /^\+44\d{9,10}$/.test(compact) || /^\+\d{8,15}$/.test(compact);
}

/**
 * What the person types on the first screen. Field names are the form's field ids. Each custom problem names
 * itself in `params.problem` (`SignupProblem`), so a translated form can say it in the person's language.
 */
export const signupDetailsSchema = z
	.object({
		name: z
			.string()
			.trim()
			.min(1, { error: 'Enter your name' })
			.max(SIGNUP_NAME_MAX, { error: `Name must be ${SIGNUP_NAME_MAX} characters or fewer` }),
		email: z
			.string()
			.trim()
			.max(254, { error: 'Email address must be 254 characters or fewer' })
			.refine((value) => value === '' || EMAIL.test(value), {
				error: 'Enter an email address in the right format, like name@example.com',
				params: { problem: 'email-format' }
			}),
		phone: z
			.string()
			.trim()
			.max(30, { error: 'Phone number must be 30 characters or fewer' })
			.refine((value) => value === '' || isPhone(value), {
				error: 'Enter a phone number, like 07700 900 982 or 01632 960 001',
				params: { problem: 'phone-format' }
			}),
		preferredContact: z.enum(CONTACT_METHODS, { error: 'Choose how you would like us to contact you' }),
		area: z.string().trim().max(80, { error: 'Area must be 80 characters or fewer' }),
		interests: z
			.string()
			.trim()
			.max(SIGNUP_TEXT_MAX, { error: `What you care about must be ${SIGNUP_TEXT_MAX} characters or fewer` }),
		accessNeeds: z
			.string()
			.trim()
			.max(SIGNUP_TEXT_MAX, { error: `Access needs must be ${SIGNUP_TEXT_MAX} characters or fewer` }),
		consentContact: z.literal(true, { error: 'You need to agree to be contacted to sign up' }),
		consentStore: z.literal(true, { error: 'You need to agree to us keeping your details to sign up' })
	})
	// Runs with the fields' own messages (`when`), not only once they are all right: every message shows at once.
	.superRefine(
		(details, context) => {
			if (details.email === '' && details.phone === '') {
				context.addIssue({
					code: 'custom',
					path: ['email'],
					message: 'Enter an email address or a phone number so we can contact you',
					params: { problem: 'contact-missing' }
				});
				return;
			}
			if (details.preferredContact === 'email' && details.email === '') {
				context.addIssue({
					code: 'custom',
					path: ['email'],
					message: 'Enter your email address, or choose phone as the way to contact you',
					params: { problem: 'email-for-preferred' }
				});
			}
			if (details.preferredContact === 'phone' && details.phone === '') {
				context.addIssue({
					code: 'custom',
					path: ['phone'],
					message: 'Enter your phone number, or choose email as the way to contact you',
					params: { problem: 'phone-for-preferred' }
				});
			}
		},
		{ when: (payload) => typeof payload.value === 'object' && payload.value !== null }
	);
export type SignupDetails = z.output<typeof signupDetailsSchema>;

/** Everything inside a sealed sign-up. */
export const signupPlaintextSchema = z.strictObject({
	v: z.literal(1),
	id: docIdSchema('signup'),
	eventId: docIdSchema('event'),
	collectedBy: accountNameSchema,
	collectedAt: isoTimestamp,
	details: z.strictObject({
		name: z.string().max(SIGNUP_NAME_MAX),
		email: z.string().max(254),
		phone: z.string().max(30),
		preferredContact: z.enum(CONTACT_METHODS),
		area: z.string().max(80),
		interests: z.string().max(SIGNUP_TEXT_MAX),
		accessNeeds: z.string().max(SIGNUP_TEXT_MAX)
	}),
	consent: z.strictObject({
		contact: z.literal(true),
		store: z.literal(true),
		privacyNotice: z.string().max(20)
	}),
	equality: equalityAnswersSchema
});
export type SignupPlaintext = z.infer<typeof signupPlaintextSchema>;

/** The plaintext of a sign-up from the checked form and the (optional) equality answers. */
export function buildSignup(input: {
	id: string;
	eventId: string;
	collectedBy: string;
	collectedAt: string;
	details: SignupDetails;
	equality: EqualityAnswers;
}): SignupPlaintext {
	const { consentContact, consentStore, ...details } = input.details;
	return signupPlaintextSchema.parse({
		v: 1,
		id: input.id,
		eventId: input.eventId,
		collectedBy: input.collectedBy,
		collectedAt: input.collectedAt,
		details,
		consent: { contact: consentContact, store: consentStore, privacyNotice: PRIVACY_NOTICE_VERSION },
		equality: input.equality
	});
}

/** Sealed sign-ups are small: the ciphertext of the largest possible sign-up is well under this. */
export const SIGNUP_CIPHERTEXT_MAX = 16 * 1024;
export const SIGNUP_RECIPIENTS_MAX = 20;
/** The largest request body the inbox reads. */
export const SIGNUP_BODY_MAX = '48kb';

/**
 * A sealed sign-up as it travels and is stored: the metadata in clear (authenticated), the content
 * encrypted. This is what `PUT /api/signups/<id>` accepts and what coordinators read back.
 */
export const sealedSignupSchema = z
	.strictObject({
		v: z.literal(1),
		id: docIdSchema('signup'),
		eventId: docIdSchema('event'),
		collectedBy: accountNameSchema,
		sealedAt: isoTimestamp,
		alg: z.literal(SEAL_ALG),
		epk: publicJwkSchema,
		iv: base64UrlOf(12, 'iv'),
		ciphertext: z
			.string()
			.min(24, { error: 'ciphertext is too short' })
			.max(SIGNUP_CIPHERTEXT_MAX, { error: 'ciphertext is too large' })
			.regex(/^[A-Za-z0-9_-]+$/, { error: 'ciphertext must be base64url' }),
		recipients: z
			.array(sealedRecipientSchema)
			.min(1, { error: 'A sign-up must be sealed for at least one coordinator' })
			.max(SIGNUP_RECIPIENTS_MAX, { error: `At most ${SIGNUP_RECIPIENTS_MAX} recipients` })
	})
	.refine((box) => new Set(box.recipients.map((r) => r.keyId)).size === box.recipients.length, {
		error: 'Each recipient must be listed once',
		path: ['recipients']
	});
export type SealedSignup = z.infer<typeof sealedSignupSchema>;

/** The metadata a sealed sign-up authenticates: changing any of it makes the sign-up unopenable. */
export function signupAad(meta: Pick<SealedSignup, 'id' | 'eventId' | 'collectedBy' | 'sealedAt'>): string {
	return `coproduce/signup/v1|${meta.id}|${meta.eventId}|${meta.collectedBy}|${meta.sealedAt}`;
}

/** Seals a sign-up for the given coordinators' keys. */
export async function sealSignup(
	plaintext: SignupPlaintext,
	recipients: readonly Recipient[],
	sealedAt: string = new Date().toISOString(),
	overrides?: SealOverrides
): Promise<SealedSignup> {
	const valid = signupPlaintextSchema.parse(plaintext);
	const meta = { id: valid.id, eventId: valid.eventId, collectedBy: valid.collectedBy, sealedAt };
	const box = await seal(utf8(JSON.stringify(valid)), signupAad(meta), valid.id, recipients, overrides);
	return sealedSignupSchema.parse({ v: 1, ...meta, ...box });
}

/** Opens a sealed sign-up with a coordinator's unlocked key; refuses anything changed or mismatched. */
export async function openSignup(
	sealed: SealedSignup,
	key: { keyId: string; publicKey: PublicJwk; privateKey: CryptoKey }
): Promise<SignupPlaintext> {
	const bytes = await openSealed(sealed, signupAad(sealed), sealed.id, key);
	let parsed: unknown;
	try {
		parsed = JSON.parse(fromUtf8(bytes));
	} catch {
		throw new SealError('This sign-up could not be read');
	}
	const result = signupPlaintextSchema.safeParse(parsed);
	if (!result.success) throw new SealError('This sign-up could not be read');
	const inner = result.data;
	if (
		inner.id !== sealed.id ||
		inner.eventId !== sealed.eventId ||
		inner.collectedBy !== sealed.collectedBy
	) {
		throw new SealError('This sign-up does not match its label');
	}
	return inner;
}

/** The answers a person gave, dropping questions left blank. */
export function cleanEquality(answers: Record<string, string | undefined>): EqualityAnswers {
	const clean: Record<string, string> = {};
	for (const [key, value] of Object.entries(answers)) if (value) clean[key] = value;
	return equalityAnswersSchema.parse(clean);
}

// --- The inbox on the server -------------------------------------------------------------------------

export const SIGNUP_STATUSES = ['new', 'contacted', 'joined', 'declined'] as const;
export const signupStatusSchema = z.enum(SIGNUP_STATUSES);
export type SignupStatus = z.infer<typeof signupStatusSchema>;

export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = {
	new: 'New',
	contacted: 'Contacted',
	joined: 'Joined',
	declined: 'Declined'
};

/** A coordinator's change to a sign-up: `PATCH /api/signups/<id>`. */
export const signupStatusChangeSchema = z.strictObject({
	status: signupStatusSchema.exclude(['new']),
	/** For "joined": the account made for them. */
	account: accountNameSchema.optional()
});
export type SignupStatusChange = z.infer<typeof signupStatusChangeSchema>;

/** A sealed sign-up as coordinators read it from the inbox (`GET /api/signups`). */
export const inboxEntrySchema = z.strictObject({
	id: docIdSchema('signup'),
	sealed: sealedSignupSchema,
	receivedAt: isoTimestamp,
	status: signupStatusSchema,
	statusBy: accountNameSchema.optional(),
	statusAt: isoTimestamp.optional(),
	account: accountNameSchema.optional()
});
export type InboxEntry = z.infer<typeof inboxEntrySchema>;
