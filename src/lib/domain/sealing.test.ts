import { createCipheriv, createECDH, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	fromBase64Url,
	generateCoordinatorKeyPair,
	keyIdOf,
	KEY_ITERATIONS,
	openSealed,
	protectedKeySchema,
	protectPrivateKey,
	seal,
	SealError,
	toBase64Url,
	toHex,
	unlockPrivateKey,
	utf8,
	type PublicJwk,
	type SealedBox
} from './sealing';

const subtle = globalThis.crypto.subtle;
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
const hex = (text: string) => Uint8Array.from(text.match(/../g) ?? [], (pair) => parseInt(pair, 16));

/** The P-256 key of RFC 6979 appendix A.2.5, as the coordinator (recipient). */
const RECIPIENT = {
	kty: 'EC',
	crv: 'P-256',
	x: 'YP7UuiVanTHJYet0xjVtaMBJuJI7Yfps5mliLmDyn7Y',
	y: 'eQP-EAi4vJmkGunpVii8ZPLxsgwtfp9Rd6PClNRGIpk',
	d: 'ya-p2EW6dRZrXCFXZ7HWk05Qw9s26JsSe4piKxIPZyE'
} as const;
/** A fixed ephemeral key (d = 0f2e1d3c…eeff0). */
const EPHEMERAL = {
	kty: 'EC',
	crv: 'P-256',
	x: '0kXaid-bKcNyKY35GeFsTAZFkjC5W4uj5Q5REckR68E',
	y: '4lAHY4hfEVyfW7tbR-mwWM8KREf98pzHCd_rpnaDssI',
	d: 'Dy4dPEtaaXiHlqW0w9Lh8AESIzRFVmd4iZqrvM3e7_A'
} as const;
const CONTENT_KEY = hex('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');
const IV = hex('cafebabefacedbaddecaf888');
const PLAINTEXT = '{"hello":"Pride 2026"}';
const AAD = 'coproduce/test|record:1';
const CONTEXT = 'record:1';

/** Computed once with node:crypto's classic API (createECDH, hkdfSync, id-aes256-wrap, aes-256-gcm). */
const EXPECTED = {
	keyId: 'b18b86ce1389e46de87aa4a5131ce83c',
	wrappedKey: 'd6vdtALdgWQNyxOcE-jh0XDg0nory41TWhw2d8kpndkUgTRXdUNrQw',
	ciphertext: '8YHIQ8YWIDl8KQ2vEnnsHz8Q8mf9ZARb5TKMkqAeFaVqbvr2WMk'
};

function publicOf(jwk: PublicJwk & { d?: string }): PublicJwk {
	return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y };
}

async function fixedSeal(): Promise<SealedBox> {
	const ephemeral: CryptoKeyPair = {
		privateKey: await subtle.importKey('jwk', EPHEMERAL, ECDH, false, ['deriveBits']),
		publicKey: await subtle.importKey('jwk', publicOf(EPHEMERAL), ECDH, true, [])
	};
	const contentKey = await subtle.importKey('raw', CONTENT_KEY, 'AES-GCM', true, ['encrypt']);
	return seal(utf8(PLAINTEXT), AAD, CONTEXT, [{ keyId: EXPECTED.keyId, publicKey: publicOf(RECIPIENT) }], {
		ephemeral,
		contentKey,
		iv: IV
	});
}

async function recipientKey() {
	return {
		keyId: EXPECTED.keyId,
		publicKey: publicOf(RECIPIENT),
		privateKey: await subtle.importKey('jwk', RECIPIENT, ECDH, false, ['deriveBits'])
	};
}

function flip(base64url: string, at = 0): string {
	const bytes = fromBase64Url(base64url);
	bytes[at] = (bytes[at] ?? 0) ^ 0x01;
	return toBase64Url(bytes);
}

describe('WebCrypto primitives (published test vectors)', () => {
	it('AES-256-KW: RFC 3394 section 4.6', async () => {
		const kek = await subtle.importKey(
			'raw',
			hex('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f'),
			'AES-KW',
			false,
			['wrapKey']
		);
		const key = await subtle.importKey(
			'raw',
			hex('00112233445566778899aabbccddeeff000102030405060708090a0b0c0d0e0f'),
			'AES-GCM',
			true,
			['encrypt']
		);
		const wrapped = new Uint8Array(await subtle.wrapKey('raw', key, kek, 'AES-KW'));
		expect(toHex(wrapped)).toBe(
			'28c9f404c4b810f4cbccb35cfb87f8263f5786e2d80ed326cbc7f0e71a99f43bfb988b9b7a02dd21'
		);
	});

	it('AES-256-GCM: McGrew and Viega test case 14', async () => {
		const key = await subtle.importKey('raw', new Uint8Array(32), 'AES-GCM', false, ['encrypt']);
		const out = new Uint8Array(
			await subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, key, new Uint8Array(16))
		);
		expect(toHex(out)).toBe('cea7403d4d606b6e074ec5d3baf39d18' + 'd0d1c8a799996bf0265b98b5d48ab919');
	});

	it('HKDF-SHA-256: RFC 5869 test case 1', async () => {
		const ikm = await subtle.importKey('raw', new Uint8Array(22).fill(0x0b), 'HKDF', false, ['deriveBits']);
		const okm = await subtle.deriveBits(
			{
				name: 'HKDF',
				hash: 'SHA-256',
				salt: hex('000102030405060708090a0b0c'),
				info: hex('f0f1f2f3f4f5f6f7f8f9')
			},
			ikm,
			42 * 8
		);
		expect(toHex(new Uint8Array(okm))).toBe(
			'3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865'
		);
	});
});

describe('sealing: known answer', () => {
	it('derives the key id from the public key', async () => {
		expect(await keyIdOf(publicOf(RECIPIENT))).toBe(EXPECTED.keyId);
	});

	it('seals to the known ciphertext and wrapped key with fixed keys and IV', async () => {
		const box = await fixedSeal();
		expect(box).toEqual({
			alg: 'ECDH-P256+HKDF-SHA256+A256KW/A256GCM',
			epk: publicOf(EPHEMERAL),
			iv: toBase64Url(IV),
			ciphertext: EXPECTED.ciphertext,
			recipients: [{ keyId: EXPECTED.keyId, wrappedKey: EXPECTED.wrappedKey }]
		});
	});

	it('matches an independent implementation (node:crypto)', () => {
		const ecdh = createECDH('prime256v1');
		ecdh.setPrivateKey(EPHEMERAL.d, 'base64url');
		const recipientPoint = '04' + toHex(fromBase64Url(RECIPIENT.x)) + toHex(fromBase64Url(RECIPIENT.y));
		const shared = ecdh.computeSecret(recipientPoint, 'hex', 'hex');
		const salt = ecdh.getPublicKey('hex') + recipientPoint;
		const kek = new Uint8Array(
			hkdfSync('sha256', hex(shared), hex(salt), `coproduce/seal/v1|${EXPECTED.keyId}|${CONTEXT}`, 32)
		);
		const wrap = createCipheriv('id-aes256-wrap', kek, hex('a6a6a6a6a6a6a6a6'));
		const wrapped = wrap.update(CONTENT_KEY, undefined, 'hex') + wrap.final('hex');
		const gcm = createCipheriv('aes-256-gcm', CONTENT_KEY, IV);
		gcm.setAAD(utf8(AAD));
		const ciphertext =
			gcm.update(PLAINTEXT, 'utf8', 'hex') + gcm.final('hex') + gcm.getAuthTag().toString('hex');
		expect(toBase64Url(hex(wrapped))).toBe(EXPECTED.wrappedKey);
		expect(toBase64Url(hex(ciphertext))).toBe(EXPECTED.ciphertext);
	});

	it('opens the known box with the recipient key', async () => {
		const plaintext = await openSealed(await fixedSeal(), AAD, CONTEXT, await recipientKey());
		expect(new TextDecoder().decode(plaintext)).toBe(PLAINTEXT);
	});
});

describe('sealing: round trip and tampering', () => {
	it('seals for several coordinators; each opens it alone, with a fresh key and IV every time', async () => {
		const [a, b] = await Promise.all([generateCoordinatorKeyPair(), generateCoordinatorKeyPair()]);
		const recipients = [a, b].map(({ keyId, publicKey }) => ({ keyId, publicKey }));
		const first = await seal(utf8('Sam, sam@example.com'), AAD, CONTEXT, recipients);
		const second = await seal(utf8('Sam, sam@example.com'), AAD, CONTEXT, recipients);
		expect(first.ciphertext).not.toBe(second.ciphertext);
		expect(first.iv).not.toBe(second.iv);
		expect(first.epk).not.toEqual(second.epk);
		expect(first.recipients.map((r) => r.keyId)).toEqual([a.keyId, b.keyId]);
		for (const key of [a, b]) {
			const opened = await openSealed(first, AAD, CONTEXT, key);
			expect(new TextDecoder().decode(opened)).toBe('Sam, sam@example.com');
		}
		const outsider = await generateCoordinatorKeyPair();
		await expect(openSealed(first, AAD, CONTEXT, outsider)).rejects.toThrow('not sealed for your key');
	});

	it('refuses a box with any changed byte, or read with other metadata or context', async () => {
		const box = await fixedSeal();
		const key = await recipientKey();
		const recipient = box.recipients[0]!;
		const changed: [string, SealedBox, string, string][] = [
			['ciphertext, first byte', { ...box, ciphertext: flip(box.ciphertext) }, AAD, CONTEXT],
			['ciphertext, tag', { ...box, ciphertext: flip(box.ciphertext, 30) }, AAD, CONTEXT],
			['iv', { ...box, iv: flip(box.iv) }, AAD, CONTEXT],
			[
				'wrapped key',
				{ ...box, recipients: [{ ...recipient, wrappedKey: flip(recipient.wrappedKey, 5) }] },
				AAD,
				CONTEXT
			],
			['metadata', box, AAD.replace('record:1', 'record:2'), CONTEXT],
			['context', box, AAD, 'record:2']
		];
		for (const [what, tampered, aad, context] of changed) {
			await expect(openSealed(tampered, aad, context, key), what).rejects.toBeInstanceOf(SealError);
		}
		const otherEpk = (await generateCoordinatorKeyPair()).publicKey;
		await expect(openSealed({ ...box, epk: otherEpk }, AAD, CONTEXT, key)).rejects.toBeInstanceOf(SealError);
	});

	it('refuses to seal for a key whose id does not match it', async () => {
		const pair = await generateCoordinatorKeyPair();
		await expect(
			seal(utf8('x'), AAD, CONTEXT, [{ keyId: EXPECTED.keyId, publicKey: pair.publicKey }])
		).rejects.toThrow('does not match');
		await expect(seal(utf8('x'), AAD, CONTEXT, [])).rejects.toThrow('nobody');
	});
});

describe('passphrase-protected private keys', () => {
	it('protects with PBKDF2 (600,000 iterations by default) and unlocks on another device', async () => {
		const pair = await generateCoordinatorKeyPair();
		const stored = await protectPrivateKey(pair.privateKey, pair.keyId, 'kettle violin harbour');
		expect(stored.iterations).toBe(KEY_ITERATIONS);
		expect(protectedKeySchema.parse(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
		const unlocked = await unlockPrivateKey(stored, 'kettle violin harbour');
		expect(unlocked.extractable).toBe(false);
		const box = await seal(utf8('hello'), AAD, CONTEXT, [pair]);
		const opened = await openSealed(box, AAD, CONTEXT, { ...pair, privateKey: unlocked });
		expect(new TextDecoder().decode(opened)).toBe('hello');
		await expect(unlockPrivateKey(stored, 'kettle violin harbor')).rejects.toThrow(
			'That passphrase does not open this key'
		);
	});

	it('refuses a stored key with too few iterations, and a key moved to another id', async () => {
		const pair = await generateCoordinatorKeyPair();
		const weak = await protectPrivateKey(pair.privateKey, pair.keyId, 'kettle violin harbour', {
			iterations: 1000
		});
		expect(protectedKeySchema.safeParse(weak).success).toBe(false);
		const moved = { ...weak, keyId: EXPECTED.keyId };
		await expect(unlockPrivateKey(moved, 'kettle violin harbour')).rejects.toBeInstanceOf(SealError);
	});
});
