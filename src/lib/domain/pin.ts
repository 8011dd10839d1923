/**
 * Event mode's PIN: the recruiter chooses one when handing the phone to the public, and only it leaves event
 * mode. Checked on the device (a stall often has no signal), so only a salted PBKDF2-SHA-256 hash of it is
 * kept. No zod here: the root layout, which loads before the schemas, enforces the lock.
 */

export const PIN_MIN = 4;
export const PIN_MAX = 12;
/** OWASP's figure for PBKDF2-SHA-256 (2023): a fraction of a second on a phone, once per start and exit. */
export const PIN_ITERATIONS = 600_000;
/** Wrong PINs allowed in a row before each further try must wait `PIN_WAIT_MS`. */
export const PIN_FREE_TRIES = 5;
export const PIN_WAIT_MS = 60_000;

export interface PinHash {
	/** base64 of 16 random bytes. */
	salt: string;
	/** base64 of the 32-byte PBKDF2-SHA-256 output. */
	hash: string;
	iterations: number;
}

/** What is wrong with a PIN someone chose, in plain words, or undefined. */
export function pinProblem(pin: string): string | undefined {
	if (pin === '') return 'Choose a PIN';
	if (!/^\d+$/.test(pin)) return 'Use numbers only for the PIN';
	if (pin.length < PIN_MIN || pin.length > PIN_MAX) {
		return `The PIN must be ${PIN_MIN} to ${PIN_MAX} numbers long`;
	}
	if (isGuessable(pin)) return 'Choose a PIN that is harder to guess, not 1111 or 1234';
	return undefined;
}

/** The same digit throughout, or digits counting up or down by one (1234, 9876). */
function isGuessable(pin: string): boolean {
	const steps = new Set<number>();
	for (let i = 1; i < pin.length; i++) steps.add(pin.charCodeAt(i) - pin.charCodeAt(i - 1));
	return steps.size === 1 && [0, 1, -1].includes([...steps][0] ?? 0);
}

export async function hashPin(
	pin: string,
	iterations = PIN_ITERATIONS,
	salt: Uint8Array<ArrayBuffer> = crypto.getRandomValues(new Uint8Array(16))
): Promise<PinHash> {
	return { salt: toBase64(salt), hash: toBase64(await derive(pin, salt, iterations)), iterations };
}

/** Whether `pin` is the one `stored` was made from (compared in constant time). */
export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
	const derived = await derive(pin, fromBase64(stored.salt), stored.iterations);
	const expected = fromBase64(stored.hash);
	if (derived.length !== expected.length) return false;
	let difference = 0;
	for (let i = 0; i < derived.length; i++) difference |= (derived[i] ?? 0) ^ (expected[i] ?? 0);
	return difference === 0;
}

/**
 * How long (milliseconds) before another PIN may be tried after `failures` wrong ones in a row, the last at
 * `lastFailureAt` (ms since 1970); 0 when it may be tried now.
 */
export function pinWait(failures: number, lastFailureAt: number | undefined, now: number): number {
	if (failures < PIN_FREE_TRIES || lastFailureAt === undefined) return 0;
	return Math.max(0, lastFailureAt + PIN_WAIT_MS - now);
}

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
	const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
		'deriveBits'
	]);
	const bits = await crypto.subtle.deriveBits(
		{ name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
		material,
		256
	);
	return new Uint8Array(bits);
}

function toBase64(bytes: Uint8Array): string {
	return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
	return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}
