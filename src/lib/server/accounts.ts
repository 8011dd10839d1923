/** The gateway's accounts: stored with scrypt password hashes, read through a short cache. */
import { z } from 'zod';
import {
	accountNameSchema,
	roleSchema,
	type AccountSummary,
	type Role,
	type SessionInfo
} from '../domain/accounts';
import { passwordProblem } from '../domain/passwords';
import type { CouchClient } from './couch';
import { readsEveryPrivateDocument } from './hidden';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords';
import { databasesFor } from './policy';

/** Private to the gateway: never reachable through `/db`. */
export const ACCOUNTS_DB = 'coproduce-accounts';

const ACCOUNT_PREFIX = 'account:';
/** How long an account read is trusted before it is read again (a deactivation takes effect by then). */
const CACHE_MS = 60_000;

const accountDocSchema = z.object({
	_id: z.string(),
	_rev: z.string().optional(),
	type: z.literal('account'),
	name: accountNameSchema,
	displayName: z.string().max(80),
	roles: z.array(roleSchema),
	passwordHash: z.string(),
	active: z.boolean(),
	createdAt: z.string(),
	checkpointEpoch: z.number().int().nonnegative().optional()
});
type AccountDoc = z.infer<typeof accountDocSchema>;

export interface Account {
	name: string;
	displayName: string;
	roles: Role[];
	passwordHash: string;
	active: boolean;
	createdAt: string;
	/**
	 * Counts the changes of roles that changed which private documents the account may read: its
	 * replication checkpoints are kept under this number (db-checkpoints.ts), so a change makes its devices
	 * read the database again from the start. None: 0.
	 */
	checkpointEpoch?: number;
}

export interface NewAccount {
	name: string;
	displayName: string;
	roles: Role[];
	password: string;
	active?: boolean;
}

export interface AccountChanges {
	displayName?: string | undefined;
	roles?: Role[] | undefined;
	active?: boolean | undefined;
}

export type AuthResult = { ok: true; account: Account } | { ok: false; reason: 'credentials' | 'inactive' };

/** A name that is already taken. */
export class AccountExistsError extends Error {
	constructor(readonly accountName: string) {
		super(`There is already an account called ${accountName}`);
		this.name = 'AccountExistsError';
	}
}

/** A password the rules (`passwordProblem`) refuse; the message says why. */
export class PasswordRefusedError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'PasswordRefusedError';
	}
}

export function sessionInfoFor(account: Account): SessionInfo {
	return {
		name: account.name,
		displayName: account.displayName,
		roles: [...account.roles],
		databases: databasesFor(account)
	};
}

export function summaryOf(account: Account): AccountSummary {
	return {
		name: account.name,
		displayName: account.displayName,
		roles: [...account.roles],
		active: account.active,
		createdAt: account.createdAt
	};
}

/** Sorted as people read a list of names: by display name, then user name. */
export function byDisplayName(a: Account, b: Account): number {
	return (
		a.displayName.localeCompare(b.displayName, 'en-GB', { sensitivity: 'base' }) ||
		a.name.localeCompare(b.name, 'en-GB')
	);
}

function checkPassword(password: string, name: string): void {
	const problem = passwordProblem(password, name);
	if (problem) throw new PasswordRefusedError(problem);
}

function toAccount(doc: AccountDoc): Account {
	return {
		name: doc.name,
		displayName: doc.displayName,
		roles: doc.roles,
		passwordHash: doc.passwordHash,
		active: doc.active,
		createdAt: doc.createdAt,
		checkpointEpoch: doc.checkpointEpoch ?? 0
	};
}

/** The account's roles changed, and with them whether it reads every private document (hidden.ts). */
function readingChanged(before: readonly Role[], after: readonly Role[]): boolean {
	return readsEveryPrivateDocument(before) !== readsEveryPrivateDocument(after);
}

export class AccountStore {
	private readonly cache = new Map<string, { account: Account | undefined; at: number }>();

	constructor(
		private readonly couch: CouchClient,
		private readonly db: string = ACCOUNTS_DB
	) {}

	/** The account, or undefined if there is none (or its stored form is unreadable). */
	async get(name: string): Promise<Account | undefined> {
		const cached = this.cache.get(name);
		if (cached && Date.now() - cached.at < CACHE_MS) return cached.account;
		const raw = await this.couch.get(this.db, ACCOUNT_PREFIX + name);
		const parsed = raw ? accountDocSchema.safeParse(raw) : undefined;
		const account = parsed?.success ? toAccount(parsed.data) : undefined;
		if (this.cache.size > 5_000) this.cache.clear();
		this.cache.set(name, { account, at: Date.now() });
		return account;
	}

	async hasAny(): Promise<boolean> {
		const rows = await this.couch.allDocsWithPrefix(this.db, ACCOUNT_PREFIX, 1);
		return rows.length > 0;
	}

	/** Every account (a fresh read, not the cache), in no particular order. */
	async list(): Promise<Account[]> {
		const rows = await this.couch.allDocsWithPrefix<AccountDoc>(this.db, ACCOUNT_PREFIX);
		const accounts: Account[] = [];
		for (const row of rows) {
			const parsed = accountDocSchema.safeParse(row.doc);
			if (parsed.success) accounts.push(toAccount(parsed.data));
		}
		return accounts;
	}

	/** Forgets the cached copy, so the next read goes to the database. */
	invalidate(name: string): void {
		this.cache.delete(name);
	}

	/**
	 * Creates an account. Throws `AccountExistsError` if the name is taken and `PasswordRefusedError` if the
	 * password breaks the rules.
	 */
	async create(input: NewAccount): Promise<Account> {
		const name = accountNameSchema.parse(input.name);
		checkPassword(input.password, name);
		const doc: AccountDoc = {
			_id: ACCOUNT_PREFIX + name,
			type: 'account',
			name,
			displayName: input.displayName,
			roles: input.roles,
			passwordHash: await hashPassword(input.password),
			active: input.active ?? true,
			createdAt: new Date().toISOString()
		};
		const rev = await this.couch.put(this.db, accountDocSchema.parse(doc));
		if (!rev) throw new AccountExistsError(name);
		this.cache.delete(name);
		return toAccount(doc);
	}

	/**
	 * Changes display name, roles or whether the account is active; undefined if there is no such account.
	 * A change of roles that changes which private documents it may read moves its checkpoints on, in the
	 * same write (`checkpointEpoch`).
	 */
	async update(name: string, changes: AccountChanges): Promise<Account | undefined> {
		return this.modify(name, (doc) => {
			const roles = changes.roles === undefined ? doc.roles : [...new Set(changes.roles)];
			const epoch = doc.checkpointEpoch ?? 0;
			return {
				...doc,
				roles,
				...(changes.displayName !== undefined ? { displayName: changes.displayName } : {}),
				...(changes.active !== undefined ? { active: changes.active } : {}),
				...(readingChanged(doc.roles, roles) ? { checkpointEpoch: epoch + 1 } : {})
			};
		});
	}

	/** Sets a new password (checked against the rules); undefined if there is no such account. */
	async setPassword(name: string, password: string): Promise<Account | undefined> {
		checkPassword(password, name);
		const passwordHash = await hashPassword(password);
		return this.modify(name, (doc) => ({ ...doc, passwordHash }));
	}

	/** Read, change, write (`CouchClient.update`); on a conflict read again and retry, up to five writes. */
	private async modify(name: string, change: (doc: AccountDoc) => AccountDoc): Promise<Account | undefined> {
		const outcome = await this.couch.update(this.db, ACCOUNT_PREFIX + name, {
			parse: (stored) => accountDocSchema.safeParse(stored).data,
			change: (doc) => accountDocSchema.parse(change(doc)),
			tries: 5
		});
		if (outcome.reason === 'conflict')
			throw new Error(`Could not update the account ${name}: it keeps changing`);
		if (!outcome.written) {
			this.cache.delete(name);
			return undefined;
		}
		const account = toAccount(outcome.written);
		this.cache.set(name, { account, at: Date.now() });
		return account;
	}

	/** Checks a name and password. Unknown names take as long as known ones. */
	async authenticate(name: string, password: string): Promise<AuthResult> {
		const account = await this.get(name);
		if (!account) {
			await verifyAgainstDummy(password);
			return { ok: false, reason: 'credentials' };
		}
		if (!(await verifyPassword(password, account.passwordHash))) return { ok: false, reason: 'credentials' };
		if (!account.active) return { ok: false, reason: 'inactive' };
		return { ok: true, account };
	}
}
