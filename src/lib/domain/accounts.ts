import { z } from 'zod';

export const ROLES = ['member', 'chair', 'recruiter', 'coordinator'] as const;
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

/** The databases of a network. Everything one role must not read lives in a database it cannot open. */
export const DATABASES = ['network'] as const;
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
