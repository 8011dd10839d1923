/** Marker text planted where members and recruiters may not read (see server-process.ts). */
export const SECRETS = {
	signups: 'SECRET-signups-91c2',
	accounts: 'SECRET-accounts-44d0',
	sessions: 'SECRET-sessions-0b7e',
	otherCheckpoint: 'SECRET-checkpoint-of-another-c5e1',
	othersPrivate: 'SECRET-private-of-another-7a4c'
} as const;

/** The note of a `_local/x` checkpoint that belongs to no account. */
export const ALWAYS_SECRET_DOC = 'SECRET-local-raw-3d9a';

/** Text that no answer to a member or recruiter may contain. */
export const FORBIDDEN_TEXT: readonly string[] = [
	...Object.values(SECRETS),
	ALWAYS_SECRET_DOC,
	'passwordHash',
	'scrypt$',
	'"_admin"',
	// Ids of documents in signups and coproduce-accounts.
	'"keyring:',
	'"account:'
];

/** A 1×1 PNG. */
export const PNG_BASE64 =
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
