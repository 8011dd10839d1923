/**
 * Easy read (issue #27): a person's choice to see the app's own words on the main journeys in an easy-read
 * version (short sentences, one idea a line, a picture beside each, larger text and spacing). Kept on the
 * device per account, and the last choice made on the device for the sign-in page, where nobody is known
 * yet. No schemas here: the root layout reads it for every page.
 */
const DEVICE_KEY = 'coproduce.easyRead';
const accountKey = (account: string) => `${DEVICE_KEY}.${account}`;

function stored(key: string): boolean | undefined {
	try {
		const value = localStorage.getItem(key);
		return value === null ? undefined : value === 'on';
	} catch {
		// Storage blocked (a locked-down browser): the choice lasts until the page closes.
		return undefined;
	}
}

function store(key: string, on: boolean): void {
	try {
		localStorage.setItem(key, on ? 'on' : 'off');
	} catch {
		// As above: nothing to keep it in.
	}
}

class Reading {
	#account: string | undefined;
	/** Whether easy read is on for whoever is using the app now. */
	easy = $state(stored(DEVICE_KEY) ?? false);

	/** The person signed in now (undefined on the sign-in page): their own choice applies. */
	follow(account: string | undefined): void {
		if (account === this.#account) return;
		this.#account = account;
		this.easy = (account ? stored(accountKey(account)) : undefined) ?? stored(DEVICE_KEY) ?? false;
	}

	choose(easy: boolean): void {
		this.easy = easy;
		store(DEVICE_KEY, easy);
		if (this.#account) store(accountKey(this.#account), easy);
	}
}

export const reading = new Reading();
