import { z } from 'zod';
import {
	accountNameSchema,
	DATABASES,
	roleSchema,
	type DatabaseName,
	type Role,
	type SessionInfo
} from '../domain/accounts';
import type { CouchClient } from './couch';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords';

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
	createdAt: z.string()
});
type AccountDoc = z.infer<typeof accountDocSchema>;

export interface Account {
	name: string;
	displayName: string;
	roles: Role[];
	passwordHash: string;
	active: boolean;
	createdAt: string;
}

export interface NewAccount {
	name: string;
	displayName: string;
	roles: Role[];
	password: string;
	active?: boolean;
}

export type AuthResult = { ok: true; account: Account } | { ok: false; reason: 'credentials' | 'inactive' };

/** Which replicated databases an account may open. For now every active account syncs `network`. */
export function databasesFor(account: Account): DatabaseName[] {
	return account.active ? [...DATABASES] : [];
}

export function sessionInfoFor(account: Account): SessionInfo {
	return {
		name: account.name,
		displayName: account.displayName,
		roles: [...account.roles],
		databases: databasesFor(account)
	};
}

function toAccount(doc: AccountDoc): Account {
	return {
		name: doc.name,
		displayName: doc.displayName,
		roles: doc.roles,
		passwordHash: doc.passwordHash,
		active: doc.active,
		createdAt: doc.createdAt
	};
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

	/** Creates an account; throws if the name is taken. */
	async create(input: NewAccount): Promise<Account> {
		const name = accountNameSchema.parse(input.name);
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
		if (!rev) throw new Error(`An account called ${name} already exists`);
		this.cache.delete(name);
		return toAccount(doc);
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
