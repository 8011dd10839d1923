import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt cost parameters (OWASP's N=2^15, r=8, p=3 row: 32 MiB, about 0.35 s here); stored with each hash
 * so they can be raised later without breaking old hashes.
 */
const DEFAULT_PARAMS = { N: 2 ** 15, r: 8, p: 3 } as const;
const KEY_LENGTH = 32;
const SALT_BYTES = 16;

function derive(
	password: string,
	salt: Uint8Array,
	keyLength: number,
	options: ScryptOptions
): Promise<Uint8Array> {
	return new Promise((resolve, reject) => {
		scrypt(
			password.normalize('NFC'),
			salt,
			keyLength,
			{ ...options, maxmem: 256 * 1024 * 1024 },
			(err, key) => (err ? reject(err) : resolve(new Uint8Array(key)))
		);
	});
}

/** `scrypt$<N>$<r>$<p>$<salt base64url>$<key base64url>` */
export async function hashPassword(password: string): Promise<string> {
	const salt = new Uint8Array(randomBytes(SALT_BYTES));
	const { N, r, p } = DEFAULT_PARAMS;
	const key = await derive(password, salt, KEY_LENGTH, { N, r, p });
	return [
		'scrypt',
		N,
		r,
		p,
		Buffer.from(salt).toString('base64url'),
		Buffer.from(key).toString('base64url')
	].join('$');
}

/** Constant-time check of a password against a stored hash. A malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const parts = stored.split('$');
	if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
	const [N, r, p] = parts.slice(1, 4).map(Number);
	if (!N || !r || !p || N > 2 ** 20 || r > 32 || p > 16) return false;
	const salt = new Uint8Array(Buffer.from(parts[4] ?? '', 'base64url'));
	const expected = new Uint8Array(Buffer.from(parts[5] ?? '', 'base64url'));
	if (salt.length === 0 || expected.length === 0) return false;
	const actual = await derive(password, salt, expected.length, { N, r, p });
	return timingSafeEqual(actual, expected);
}

let dummyHash: Promise<string> | undefined;

/** Spends as long as a real check, for sign-ins to unknown names (no user-name probing by timing). */
export async function verifyAgainstDummy(password: string): Promise<false> {
	dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
	await verifyPassword(password, await dummyHash);
	return false;
}
