import {
	buildSignup,
	cleanEquality,
	EQUALITY_KEYS,
	newDocId,
	sealSignup,
	signupDetailsSchema,
	success,
	type ContactMethod,
	type EqualityAnswers,
	type Failure,
	type Result,
	type SignupDetails,
	invalid
} from '$lib/domain';
import { say } from '$lib/domain-words.svelte';
import { nowIso } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { enqueueSignup, type CoordinatorKeyRow } from '$lib/store/recruitment';
import { whyNotSaved } from '$lib/store/save-errors';
import type { Workspace } from '$lib/store/workspace';
import { Form } from './draft-form.svelte';
import { signupFieldErrors } from './signup-messages';

export type SignupStep = 'details' | 'equality' | 'thanks';

export interface DetailValues {
	name: string;
	email: string;
	phone: string;
	preferredContact: ContactMethod | '';
	area: string;
	interests: string;
	accessNeeds: string;
	consentContact: boolean;
	consentStore: boolean;
}

/** The optional equality answers, by question key; '' is "not answered". */
export type EqualityValues = Record<string, string>;

function checkDetails(values: DetailValues): Result<SignupDetails> {
	const parsed = signupDetailsSchema.safeParse({
		...values,
		preferredContact: values.preferredContact || undefined
	});
	// In the language the person chose (event mode's screens are translated).
	return parsed.success ? success(parsed.data) : invalid(signupFieldErrors(parsed.error.issues));
}

/** Memory-only forms (`Form`, never a draft): nothing a member of the public types is written down. */
function detailsForm(): Form<DetailValues, SignupDetails> {
	return new Form<DetailValues, SignupDetails>(
		{
			name: '',
			email: '',
			phone: '',
			preferredContact: '',
			area: '',
			interests: '',
			accessNeeds: '',
			consentContact: false,
			consentStore: false
		},
		checkDetails
	);
}

function equalityForm(): Form<EqualityValues, EqualityAnswers> {
	return new Form<EqualityValues, EqualityAnswers>(
		Object.fromEntries(EQUALITY_KEYS.map((key) => [key, ''])),
		(values) => success(cleanEquality(values))
	);
}

const noKeys = (): Failure => ({ ok: false, reason: 'refused', message: m.ppl_signup_no_keys() });

/**
 * Event mode: one person's sign-up at a time. What they type lives only in this object's memory (no
 * drafts, no history entries, nothing in the URL); on submit it is sealed for the coordinators at once,
 * only the ciphertext is stored (the outbox), and both forms are replaced with empty ones before the
 * thank-you screen. `person` changes for each new person, so the page rebuilds the form from nothing.
 */
export class SignupFlow {
	step = $state<SignupStep>('details');
	details = $state.raw(detailsForm());
	equality = $state.raw(equalityForm());
	person = $state(0);

	constructor(
		private readonly workspace: Workspace,
		private readonly collectedBy: string,
		private readonly eventId: string,
		private readonly keys: () => readonly CoordinatorKeyRow[],
		private readonly queued: () => void
	) {}

	/** Checks the first screen and moves on to the optional equality questions. */
	continue(): Promise<boolean> {
		return this.details.submit(
			async () => {
				this.step = 'equality';
			},
			{ after: 'keep' }
		);
	}

	/** Back from the equality questions to the same person's details. */
	back(): void {
		this.step = 'details';
	}

	/** Seals and queues the sign-up, with the equality answers unless `skipEquality`, then forgets it. */
	async submit(skipEquality = false): Promise<boolean> {
		const details = checkDetails(this.details.values);
		if (!details.ok) {
			this.step = 'details';
			return this.continue();
		}
		const sent = await this.equality.submit(
			(answers) => this.seal(details.value, skipEquality ? {} : answers),
			{ after: 'keep' }
		);
		if (!sent) return false;
		this.forget();
		this.step = 'thanks';
		this.queued();
		return true;
	}

	/** Ready for the next person: a new, empty form. */
	next(): void {
		this.forget();
		this.person += 1;
		this.step = 'details';
	}

	/** Seals the sign-up for every coordinator's key and puts only the ciphertext in the outbox. */
	private async seal(details: SignupDetails, equality: EqualityAnswers): Promise<Result<void>> {
		const keys = this.keys();
		if (keys.length === 0) return noKeys();
		try {
			const plaintext = buildSignup({
				id: newDocId('signup'),
				eventId: this.eventId,
				collectedBy: this.collectedBy,
				collectedAt: nowIso(),
				details,
				equality
			});
			const sealed = await sealSignup(
				plaintext,
				keys.map((key) => ({ keyId: key.keyId, publicKey: key.publicKey }))
			);
			await enqueueSignup(this.workspace.desk, sealed);
			return success(undefined);
		} catch (error) {
			return {
				ok: false,
				reason: 'not-saved',
				message: m.ppl_signup_not_saved({ why: say(whyNotSaved(error)) })
			};
		}
	}

	private forget(): void {
		this.details = detailsForm();
		this.equality = equalityForm();
	}
}
