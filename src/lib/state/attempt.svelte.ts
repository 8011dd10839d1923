import { whyNotSaved } from '$lib/store/save-errors';

/**
 * A change made with one tap (start a visit, move an agenda item, approve the minutes): runs it, and keeps
 * why it could not be saved, for the page to show beside the button, until the next one succeeds.
 */
export class Attempt {
	problem = $state<string>();

	/** `what` starts the message: "The approval", "That". */
	constructor(private readonly what = 'That') {}

	async run(change: () => Promise<unknown>): Promise<boolean> {
		try {
			await change();
			this.problem = undefined;
			return true;
		} catch (error) {
			this.problem = `${this.what} could not be saved on this device: ${whyNotSaved(error)}.`;
			return false;
		}
	}
}
