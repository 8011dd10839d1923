/** Typed sign-up test data: a sign-up's plaintext as event mode builds it, through the real schemas. */
import {
	buildSignup,
	newDocId,
	signupDetailsSchema,
	type SignupDetails,
	type SignupPlaintext
} from '../src/lib/domain';

/** A consenting person's sign-up at `eventId`, collected by `collectedBy` now (or at `collectedAt`). */
export function makeSignupPlaintext(
	eventId: string,
	{
		collectedBy = 'recruiter',
		collectedAt = new Date().toISOString(),
		details = {}
	}: { collectedBy?: string; collectedAt?: string; details?: Partial<SignupDetails> } = {}
): SignupPlaintext {
	return buildSignup({
		id: newDocId('signup'),
		eventId,
		collectedBy,
		collectedAt,
		details: signupDetailsSchema.parse({
			name: 'Robin',
			email: 'robin@example.com',
			phone: '',
			preferredContact: 'email',
			area: '',
			interests: '',
			accessNeeds: '',
			consentContact: true,
			consentStore: true,
			...details
		}),
		equality: {}
	});
}
