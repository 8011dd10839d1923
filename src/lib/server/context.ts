/**
 * What every part of the gateway works with: the store, the accounts and sessions, the backend names of
 * the databases, and where to log. Built once at start (app.ts) and handed to each router.
 */
import { DATABASES, type DatabaseName } from '../domain/accounts';
import { ACCOUNTS_DB, type AccountStore } from './accounts';
import type { Backend } from './backend';
import type { CouchClient } from './couch';
import { SESSIONS_DB, type SessionStore } from './sessions';
import type { FailureThrottle } from './throttle';

/** Backend names of the gateway's databases (a prefix lets tests share one CouchDB). */
export interface DatabaseNames {
	accounts: string;
	sessions: string;
	/** The backend database behind a replicated database's public name. */
	backendName(db: DatabaseName): string;
}

export interface GatewayContext {
	backend: Backend;
	couch: CouchClient;
	accounts: AccountStore;
	sessions: SessionStore;
	names: DatabaseNames;
	/** Stable per data directory: PouchDB's http adapter builds replication ids from it. */
	serverId: string;
	log: (message: string) => void;
	/** Sign-in throttles (tests pass their own). */
	throttles?: { byName?: FailureThrottle; byIp?: FailureThrottle };
}

/**
 * The backend names of the databases, each under `prefix`: several networks (or test runs) can share one
 * CouchDB, each with its own prefix.
 */
export function databaseNames(prefix = ''): DatabaseNames {
	return {
		accounts: prefix + ACCOUNTS_DB,
		sessions: prefix + SESSIONS_DB,
		backendName: (db: DatabaseName) => prefix + db
	};
}

/** Every backend database of a network, the gateway's own first. */
export function allBackendNames(names: DatabaseNames): string[] {
	return [names.accounts, names.sessions, ...DATABASES.map(names.backendName)];
}
