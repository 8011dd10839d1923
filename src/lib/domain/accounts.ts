import { z } from 'zod';

export const ROLES = ['member', 'chair', 'recruiter', 'staff', 'coordinator'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Account names double as document authors, so they are short, lower-case and URL-safe. */
export const accountNameSchema = z
	.string({ error: 'Enter your user name' })
	.trim()
	.toLowerCase()
	.min(1, { error: 'Enter your user name' })
	.min(2, { error: 'User name must be 2 characters or more' })
	.max(40, { error: 'User name must be 40 characters or fewer' })
	.regex(/^[a-z0-9][a-z0-9._-]*$/, {
		error: 'User name can only use letters, numbers, full stops, hyphens and underscores'
	});

/**
 * A user name to start from for someone joining under `displayName` ("Sam Patel" → "sam.patel"): lower
 * case, letters and digits joined by full stops, accents dropped, at most 40 characters. The coordinator
 * can change it; it may still be too short for `accountNameSchema` (a name with no Latin letters).
 */
export function suggestAccountName(displayName: string): string {
	return displayName
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '.')
		.replace(/^\.+|\.+$/g, '')
		.slice(0, 40)
		.replace(/\.+$/, '');
}

/**
 * The databases of a network. Everything one role must not read lives in a database it cannot open:
 * `network` is shared by every member; `signups` holds sealed event sign-ups that only coordinators read.
 */
export const DATABASES = ['network', 'signups'] as const;
export const databaseSchema = z.enum(DATABASES);
export type DatabaseName = z.infer<typeof databaseSchema>;

export const signInSchema = z.object({
	name: accountNameSchema,
	password: z.string({ error: 'Enter your password' }).min(1, { error: 'Enter your password' }).max(256)
});
export type SignIn = z.infer<typeof signInSchema>;

/** What `GET /api/session` answers: who you are and which databases you may sync. */
export const sessionInfoSchema = z.object({
	name: accountNameSchema,
	displayName: z.string().max(80),
	roles: z.array(roleSchema),
	databases: z.array(databaseSchema)
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const displayNameSchema = z
	.string({ error: 'Enter a name' })
	.trim()
	.min(1, { error: 'Enter the name people will see' })
	.max(80, { error: 'Name must be 80 characters or fewer' });

const rolesSchema = z
	.array(roleSchema)
	.min(1, { error: 'Choose at least one role' })
	.transform((roles) => [...new Set(roles)]);

/** An account as coordinators see it in the people list (never the password hash). */
export const accountSummarySchema = z.object({
	name: accountNameSchema,
	displayName: z.string().max(80),
	roles: z.array(roleSchema),
	active: z.boolean(),
	createdAt: z.string()
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

/** A coordinator creates an account: `POST /api/accounts`. The password is checked with `passwordProblem`. */
export const newAccountSchema = z.object({
	name: accountNameSchema,
	displayName: displayNameSchema,
	roles: rolesSchema,
	password: z.string({ error: 'Enter a password' })
});
export type NewAccountInput = z.infer<typeof newAccountSchema>;

/** A coordinator changes an account: `PATCH /api/accounts/<name>`. Nobody may change their own roles. */
export const accountUpdateSchema = z
	.object({
		displayName: displayNameSchema.optional(),
		roles: rolesSchema.optional(),
		active: z.boolean().optional()
	})
	.refine((update) => Object.keys(update).length > 0, { error: 'Nothing to change' });
export type AccountUpdate = z.infer<typeof accountUpdateSchema>;

/**
 * A password change: `POST /api/accounts/<name>/password`. People changing their own password give the
 * current one; a coordinator resetting someone else's does not.
 */
export const passwordChangeSchema = z.object({
	currentPassword: z.string().max(256).optional(),
	password: z.string({ error: 'Enter a new password' })
});
export type PasswordChange = z.infer<typeof passwordChangeSchema>;
