import { z } from 'zod';

/**
 * Sealing: public-key encryption of small records (event sign-ups) with WebCrypto only, so the browser and
 * Node (demo seeding, tests) run the same code.
 *
 * Scheme (like ECIES / HPKE base mode, built from WebCrypto primitives):
 * - a fresh AES-256-GCM content key and 96-bit IV per record; the record's metadata is the additional data;
 * - one fresh ephemeral ECDH P-256 key pair per record; for each recipient (a coordinator's P-256 public
 *   key), ECDH → HKDF-SHA-256 (salt: ephemeral public key ‖ recipient public key, info: scheme, key id and
 *   record id) → an AES-256-KW key that wraps the content key.
 * Only the ephemeral public key, the IV, the ciphertext and one 40-byte wrapped key per recipient are kept.
 *
 * Coordinators' private keys are protected by a passphrase: PBKDF2-SHA-256 (600,000 iterations) → AES-256-GCM
 * wrapping of the PKCS #8 key, so the same passphrase opens it on any device.
 */

export const SEAL_ALG = 'ECDH-P256+HKDF-SHA256+A256KW/A256GCM' as const;
export const KEY_KDF = 'PBKDF2-SHA256' as const;
/** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA-256. */
export const KEY_ITERATIONS = 600_000;
export const KEY_ITERATIONS_MAX = 10_000_000;

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

type Bytes = Uint8Array<ArrayBuffer>;

function subtle(): SubtleCrypto {
	const crypto = globalThis.crypto;
	if (!crypto?.subtle) throw new SealError('This browser cannot encrypt (WebCrypto is missing). Use HTTPS.');
	return crypto.subtle;
}

/** A failure to seal or open: a wrong key, a wrong passphrase or a changed byte. */
export class SealError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SealError';
	}
}

export function utf8(text: string): Bytes {
	return new TextEncoder().encode(text) as Bytes;
}

export function fromUtf8(bytes: Uint8Array): string {
	return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export function randomBytes(length: number): Bytes {
	return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

export function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Bytes {
	if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new SealError('Not base64url');
	const padded = text.replaceAll('-', '+').replaceAll('_', '/') + '='.repeat((4 - (text.length % 4)) % 4);
	const binary = atob(padded);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

export function toHex(bytes: Uint8Array): string {
	return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function concat(...parts: Uint8Array[]): Bytes {
	const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

/** base64url of exactly `bytes` bytes (no padding). */
export function base64UrlOf(bytes: number, what: string) {
	const length = Math.ceil((bytes * 4) / 3);
	return z
		.string()
		.length(length, { error: `${what} must be ${bytes} bytes` })
		.regex(/^[A-Za-z0-9_-]+$/, { error: `${what} must be base64url` });
}

/** A P-256 public key as a JSON Web Key (only the public members). */
export const publicJwkSchema = z.strictObject({
	kty: z.literal('EC'),
	crv: z.literal('P-256'),
	x: base64UrlOf(32, 'x'),
	y: base64UrlOf(32, 'y')
});
export type PublicJwk = z.infer<typeof publicJwkSchema>;

/** A key id: the first 16 bytes of SHA-256 over the uncompressed public point, in hex. */
export const keyIdSchema = z.string().regex(/^[0-9a-f]{32}$/, { error: 'Must be a key id (32 hex digits)' });

function rawPoint(jwk: PublicJwk): Bytes {
	return concat(new Uint8Array([4]), fromBase64Url(jwk.x), fromBase64Url(jwk.y));
}

export async function keyIdOf(jwk: PublicJwk): Promise<string> {
	const digest = new Uint8Array(await subtle().digest('SHA-256', rawPoint(jwk)));
	return toHex(digest.slice(0, 16));
}

async function exportPublic(key: CryptoKey): Promise<PublicJwk> {
	const jwk = await subtle().exportKey('jwk', key);
	return publicJwkSchema.parse({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y });
}

export function importPublicKey(jwk: PublicJwk): Promise<CryptoKey> {
	return subtle().importKey('jwk', { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, ECDH, true, []);
}

// --- Coordinators' key pairs --------------------------------------------------------------------------

export interface GeneratedKeyPair {
	keyId: string;
	publicKey: PublicJwk;
	/** Extractable only so it can be wrapped with the passphrase; never stored as it is. */
	privateKey: CryptoKey;
}

export async function generateCoordinatorKeyPair(): Promise<GeneratedKeyPair> {
	const pair = await subtle().generateKey(ECDH, true, ['deriveBits']);
	const publicKey = await exportPublic(pair.publicKey);
	return { keyId: await keyIdOf(publicKey), publicKey, privateKey: pair.privateKey };
}

export const protectedKeySchema = z.strictObject({
	v: z.literal(1),
	keyId: keyIdSchema,
	kdf: z.literal(KEY_KDF),
	iterations: z
		.number()
		.int()
		.min(KEY_ITERATIONS, { error: `At least ${KEY_ITERATIONS.toLocaleString('en-GB')} iterations` })
		.max(KEY_ITERATIONS_MAX),
	salt: base64UrlOf(16, 'salt'),
	iv: base64UrlOf(12, 'iv'),
	/** The PKCS #8 private key, AES-256-GCM encrypted (tag included). */
	wrapped: z
		.string()
		.min(100)
		.max(600)
		.regex(/^[A-Za-z0-9_-]+$/)
});
export type ProtectedKey = z.infer<typeof protectedKeySchema>;

async function passphraseKey(passphrase: string, salt: Bytes, iterations: number): Promise<CryptoKey> {
	const base = await subtle().importKey('raw', utf8(passphrase.normalize('NFKC')), 'PBKDF2', false, [
		'deriveKey'
	]);
	return subtle().deriveKey(
		{ name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
		base,
		{ name: 'AES-GCM', length: 256 },
		false,
		['wrapKey', 'unwrapKey']
	);
}

function keyAad(keyId: string): Bytes {
	return utf8(`coproduce/key/v1|${keyId}`);
}

/**
 * Wraps a private key with a passphrase. `iterations`, `salt` and `iv` are for tests only (the schema
 * refuses fewer than 600,000 iterations for stored keys).
 */
export async function protectPrivateKey(
	privateKey: CryptoKey,
	keyId: string,
	passphrase: string,
	options: { iterations?: number; salt?: Bytes; iv?: Bytes } = {}
): Promise<ProtectedKey> {
	const iterations = options.iterations ?? KEY_ITERATIONS;
	const salt = options.salt ?? randomBytes(16);
	const iv = options.iv ?? randomBytes(12);
	const kek = await passphraseKey(passphrase, salt, iterations);
	const wrapped = await subtle().wrapKey('pkcs8', privateKey, kek, {
		name: 'AES-GCM',
		iv,
		additionalData: keyAad(keyId)
	});
	return {
		v: 1,
		keyId,
		kdf: KEY_KDF,
		iterations,
		salt: toBase64Url(salt),
		iv: toBase64Url(iv),
		wrapped: toBase64Url(new Uint8Array(wrapped))
	};
}

/** Opens a protected private key with its passphrase: a non-extractable key that can only open sign-ups. */
export async function unlockPrivateKey(key: ProtectedKey, passphrase: string): Promise<CryptoKey> {
	const kek = await passphraseKey(passphrase, fromBase64Url(key.salt), key.iterations);
	try {
		return await subtle().unwrapKey(
			'pkcs8',
			fromBase64Url(key.wrapped),
			kek,
			{ name: 'AES-GCM', iv: fromBase64Url(key.iv), additionalData: keyAad(key.keyId) },
			ECDH,
			false,
			['deriveBits']
		);
	} catch {
		throw new SealError('That passphrase does not open this key');
	}
}

// --- Sealing ------------------------------------------------------------------------------------------

export interface Recipient {
	keyId: string;
	publicKey: PublicJwk;
}

export const sealedRecipientSchema = z.strictObject({
	keyId: keyIdSchema,
	/** The content key wrapped with AES-KW: 32 + 8 bytes. */
	wrappedKey: base64UrlOf(40, 'wrappedKey')
});

export interface SealedBox {
	alg: typeof SEAL_ALG;
	/** The ephemeral public key of this record. */
	epk: PublicJwk;
	iv: string;
	ciphertext: string;
	recipients: z.infer<typeof sealedRecipientSchema>[];
}

/** Fixed keys and IV, for known-answer tests only. */
export interface SealOverrides {
	ephemeral?: CryptoKeyPair;
	contentKey?: CryptoKey;
	iv?: Bytes;
}

async function wrappingKey(
	privateKey: CryptoKey,
	publicKey: CryptoKey,
	salt: Bytes,
	info: Bytes,
	usage: 'wrapKey' | 'unwrapKey'
): Promise<CryptoKey> {
	const shared = await subtle().deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
	const ikm = await subtle().importKey('raw', shared, 'HKDF', false, ['deriveKey']);
	return subtle().deriveKey(
		{ name: 'HKDF', hash: 'SHA-256', salt, info },
		ikm,
		{ name: 'AES-KW', length: 256 },
		false,
		[usage]
	);
}

function kdfInfo(keyId: string, context: string): Bytes {
	return utf8(`coproduce/seal/v1|${keyId}|${context}`);
}

/**
 * Seals `plaintext` for every recipient. `aad` is authenticated but not encrypted (the record's metadata);
 * `context` (the record's id) binds each wrapped key to this record.
 */
export async function seal(
	plaintext: Uint8Array,
	aad: string,
	context: string,
	recipients: readonly Recipient[],
	overrides: SealOverrides = {}
): Promise<SealedBox> {
	if (recipients.length === 0) throw new SealError('There is nobody to seal this for');
	for (const recipient of recipients) {
		if ((await keyIdOf(recipient.publicKey)) !== recipient.keyId) {
			throw new SealError(`The key ${recipient.keyId} does not match its public key`);
		}
	}
	const ephemeral = overrides.ephemeral ?? (await subtle().generateKey(ECDH, false, ['deriveBits']));
	const epk = await exportPublic(ephemeral.publicKey);
	const contentKey =
		overrides.contentKey ?? (await subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']));
	const iv = overrides.iv ?? randomBytes(12);
	const ciphertext = await subtle().encrypt(
		{ name: 'AES-GCM', iv, additionalData: utf8(aad) },
		contentKey,
		plaintext as Bytes
	);
	const wrapped = [];
	for (const recipient of recipients) {
		const publicKey = await importPublicKey(recipient.publicKey);
		const salt = concat(rawPoint(epk), rawPoint(recipient.publicKey));
		const kek = await wrappingKey(
			ephemeral.privateKey,
			publicKey,
			salt,
			kdfInfo(recipient.keyId, context),
			'wrapKey'
		);
		const wrappedKey = await subtle().wrapKey('raw', contentKey, kek, 'AES-KW');
		wrapped.push({ keyId: recipient.keyId, wrappedKey: toBase64Url(new Uint8Array(wrappedKey)) });
	}
	return {
		alg: SEAL_ALG,
		epk,
		iv: toBase64Url(iv),
		ciphertext: toBase64Url(new Uint8Array(ciphertext)),
		recipients: wrapped
	};
}

/** Opens a sealed box with one recipient's private key. Any change to the box or its `aad` is refused. */
export async function openSealed(
	box: SealedBox,
	aad: string,
	context: string,
	recipient: { keyId: string; publicKey: PublicJwk; privateKey: CryptoKey }
): Promise<Bytes> {
	const entry = box.recipients.find((candidate) => candidate.keyId === recipient.keyId);
	if (!entry) throw new SealError('This was not sealed for your key');
	try {
		const epk = await importPublicKey(box.epk);
		const salt = concat(rawPoint(box.epk), rawPoint(recipient.publicKey));
		const kek = await wrappingKey(
			recipient.privateKey,
			epk,
			salt,
			kdfInfo(recipient.keyId, context),
			'unwrapKey'
		);
		const contentKey = await subtle().unwrapKey(
			'raw',
			fromBase64Url(entry.wrappedKey),
			kek,
			'AES-KW',
			{ name: 'AES-GCM' },
			false,
			['decrypt']
		);
		const plaintext = await subtle().decrypt(
			{ name: 'AES-GCM', iv: fromBase64Url(box.iv), additionalData: utf8(aad) },
			contentKey,
			fromBase64Url(box.ciphertext)
		);
		return new Uint8Array(plaintext);
	} catch {
		throw new SealError('This could not be opened: it has been changed, or it was not sealed for this key');
	}
}
