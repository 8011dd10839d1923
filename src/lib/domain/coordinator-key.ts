import { z } from 'zod';
import { accountNameSchema } from './accounts';
import { baseDocShape, isoTimestamp } from './common';
import { keyIdSchema, protectedKeySchema, publicJwkSchema } from './sealing';

/**
 * A coordinator's public sign-up key, replicated to every device in `network` so recruiters' phones can
 * seal sign-ups offline. It holds only the public key, its id and the coordinator's name: the private key
 * (passphrase-protected) is kept in `signups`, which only coordinators can read, and reached through
 * `/api/keyring`.
 */
export const coordinatorKeySchema = z.strictObject({
	...baseDocShape('coordinatorKey'),
	keyId: keyIdSchema,
	publicKey: publicJwkSchema,
	coordinatorName: z.string().trim().min(1).max(80)
});
export type CoordinatorKey = z.infer<typeof coordinatorKeySchema>;

/** The smallest passphrase for a sign-up key. It never leaves the device; losing it loses the key. */
export const KEY_PASSPHRASE_MIN = 12;

/** Why a passphrase would be refused, or undefined. */
export function keyPassphraseProblem(passphrase: string, confirm?: string): string | undefined {
	if (passphrase.length < KEY_PASSPHRASE_MIN) {
		return `Passphrase must be ${KEY_PASSPHRASE_MIN} characters or more. Four random words work well`;
	}
	if (passphrase.length > 256) return 'Passphrase must be 256 characters or fewer';
	if (/^(.)\1+$/.test(passphrase)) return 'This passphrase is too easy to guess';
	if (confirm !== undefined && confirm !== passphrase) return 'The two passphrases do not match';
	return undefined;
}

/** `PUT /api/keyring/<keyId>`: a coordinator stores their passphrase-protected private key. */
export const keyringUploadSchema = z.strictObject({
	publicKey: publicJwkSchema,
	protectedKey: protectedKeySchema
});
export type KeyringUpload = z.infer<typeof keyringUploadSchema>;

/** What `GET /api/keyring` answers: the caller's own protected keys. */
export const keyringEntrySchema = z.strictObject({
	keyId: keyIdSchema,
	owner: accountNameSchema,
	publicKey: publicJwkSchema,
	protectedKey: protectedKeySchema,
	createdAt: isoTimestamp
});
export type KeyringEntry = z.infer<typeof keyringEntrySchema>;
