/**
 * Time-sortable document ids: `<type>:<ulid>`. A ULID is 48 bits of milliseconds and 80 random bits in
 * Crockford base32, so ids sort by creation time (newest-first lists need no extra index) and two
 * devices writing at the same millisecond while apart never collide.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function ulid(
	now: number = Date.now(),
	random: (bytes: Uint8Array) => Uint8Array = fillRandom
): string {
	let time = '';
	let t = now;
	for (let i = 0; i < 10; i++) {
		time = ALPHABET[t % 32] + time;
		t = Math.floor(t / 32);
	}
	const bytes = random(new Uint8Array(16));
	let rand = '';
	for (let i = 0; i < 16; i++) rand += ALPHABET[(bytes[i] ?? 0) % 32];
	return time + rand;
}

function fillRandom(bytes: Uint8Array): Uint8Array {
	return globalThis.crypto.getRandomValues(bytes);
}

export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export function newDocId(type: string, now?: number): string {
	return `${type}:${ulid(now)}`;
}

export function typeOfId(id: string): string | undefined {
	const colon = id.indexOf(':');
	return colon > 0 ? id.slice(0, colon) : undefined;
}
