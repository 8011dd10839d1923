import { say } from '$lib/domain-words.svelte';
import { m } from '$lib/paraglide/messages';
import { whyNotSaved } from '$lib/store/save-errors';

/**
 * A change made with one tap (start a visit, move an agenda item, approve the minutes): runs it, and keeps
 * why it could not be saved, for the page to show beside the button, until the next one succeeds.
 */
export class Attempt {
	problem = $state<string>();

	/**
	 * `what` starts the message: "The approval", "That". A message function (`m.…`) names it in the
	 * language chosen when the change fails; a string is said as it is.
	 */
	constructor(private readonly what: string | (() => string) = m.shell_attempt_that) {}

	async run(change: () => Promise<unknown>): Promise<boolean> {
		try {
			await change();
			this.problem = undefined;
			return true;
		} catch (error) {
			const what = typeof this.what === 'string' ? this.what : this.what();
			this.problem = m.shell_attempt_failed({ what, why: say(whyNotSaved(error)) });
			return false;
		}
	}
}
