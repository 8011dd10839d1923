import {
	buildSignup,
	cleanEquality,
	fieldErrors,
	newDocId,
	sealSignup,
	signupDetailsSchema,
	type ContactMethod
} from '$lib/domain';
import { nowIso } from '$lib/format';
import { enqueueSignup, type CoordinatorKeyRow } from '$lib/store/recruitment';
import { whyNotSaved } from '$lib/store/save-errors';
import type { Workspace } from '$lib/store/workspace';

export type SignupStep = 'details' | 'equality' | 'thanks';

interface DetailValues {
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

function blank(): DetailValues {
	return {
		name: '',
		email: '',
		phone: '',
		preferredContact: '',
		area: '',
		interests: '',
		accessNeeds: '',
		consentContact: false,
		consentStore: false
	};
}

/**
 * Event mode: one person's sign-up at a time. What they type lives only in this object's memory (no
 * drafts, no history entries, nothing in the URL); on submit it is sealed for the coordinators at once,
 * only the ciphertext is stored (the outbox), and every field is emptied before the thank-you screen.
 * `person` changes for each new person, so the page rebuilds the form from nothing.
 */
export class SignupFlow {
	step = $state<SignupStep>('details');
	values = $state<DetailValues>(blank());
	equality = $state<Record<string, string>>({});
	errors = $state<Record<string, string>>({});
	attempt = $state(0);
	busy = $state(false);
	problem = $state<string>();
	person = $state(0);

	constructor(
		private readonly workspace: Workspace,
		private readonly collectedBy: string,
		private readonly eventId: string,
		private readonly keys: () => readonly CoordinatorKeyRow[],
		private readonly queued: () => void
	) {}

	/** Checks the first screen and moves on to the optional equality questions. */
	continue(): boolean {
		const parsed = signupDetailsSchema.safeParse({
			...this.values,
			preferredContact: this.values.preferredContact || undefined
		});
		if (!parsed.success) {
			this.errors = fieldErrors(parsed.error.issues);
			this.problem = undefined;
			this.attempt += 1;
			return false;
		}
		this.errors = {};
		this.step = 'equality';
		return true;
	}

	/** Back from the equality questions to the same person's details. */
	back(): void {
		this.step = 'details';
	}

	/** Seals and queues the sign-up, with the equality answers unless `skipEquality`, then forgets it. */
	async submit(skipEquality = false): Promise<boolean> {
		const details = signupDetailsSchema.safeParse({
			...this.values,
			preferredContact: this.values.preferredContact || undefined
		});
		if (!details.success) {
			this.step = 'details';
			return this.continue();
		}
		const keys = this.keys();
		if (keys.length === 0) {
			this.problem = 'No coordinator has set up a sign-up key yet, so this sign-up cannot be kept safely.';
			this.attempt += 1;
			return false;
		}
		this.busy = true;
		try {
			const id = newDocId('signup');
			const plaintext = buildSignup({
				id,
				eventId: this.eventId,
				collectedBy: this.collectedBy,
				collectedAt: nowIso(),
				details: details.data,
				equality: skipEquality ? {} : cleanEquality(this.equality)
			});
			const sealed = await sealSignup(
				plaintext,
				keys.map((key) => ({ keyId: key.keyId, publicKey: key.publicKey }))
			);
			await enqueueSignup(this.workspace.desk, sealed);
		} catch (error) {
			this.problem = `This sign-up could not be saved on this device: ${whyNotSaved(error)}. What was entered is kept.`;
			this.attempt += 1;
			return false;
		} finally {
			this.busy = false;
		}
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

	private forget(): void {
		this.values = blank();
		this.equality = {};
		this.errors = {};
		this.problem = undefined;
		this.attempt = 0;
	}
}
