import { DATABASES, ROLES, type DatabaseName, type Role } from '../domain/accounts';

/**
 * THE access policy of the gateway: the only place where access to data is granted. Every `/db` route
 * names the operation it needs (`DB_ROUTES`), and the role × database × operation table (`ACCESS`) says
 * who may perform it. Anything not listed is refused for everyone. What is written is then checked
 * document by document by the shared domain rules (`decideWrite`).
 *
 * CouchDB grants reads per database, not per document, so whatever a role must not read lives in a
 * database that role cannot open; the one exception is private documents in `network` (profiles, claims…),
 * which the gateway leaves out of every read by those who may not read them (hidden.ts).
 */

export const OPERATIONS = ['read', 'write', 'checkpoint'] as const;
export type Operation = (typeof OPERATIONS)[number];

export const OPERATION_MEANINGS: Readonly<Record<Operation, string>> = {
	read: 'read every document in the database (pull replication), but for the private documents of others in `network`',
	write: 'write documents, each checked by the domain rules (push replication)',
	checkpoint: "write the account's own replication checkpoints (`_local/*`)"
};

/** role × database × operation. A person has the union of what their roles grant, while their account is active. */
export const ACCESS: Readonly<Record<DatabaseName, Readonly<Record<Operation, readonly Role[]>>>> = {
	// Shared by the whole network: every active account reads everything and writes what the rules allow.
	network: { read: ROLES, write: ROLES, checkpoint: ROLES },
	// Event sign-ups (names and contact details of the public): only coordinators read them. Nobody writes
	// them through /db; they arrive through the write-only sign-up inbox (signups-api.ts). No checkpoints
	// either: PouchDB then keeps its checkpoint on the device only.
	signups: { read: ['coordinator'], write: [], checkpoint: [] }
};

/** Who may manage accounts (`/api/accounts`): create, reset passwords, set roles, deactivate. */
export const ACCOUNT_MANAGERS: readonly Role[] = ['coordinator'];

export interface Principal {
	roles: readonly Role[];
	active: boolean;
}

export function may(principal: Principal, db: DatabaseName, operation: Operation): boolean {
	return principal.active && ACCESS[db][operation].some((role) => principal.roles.includes(role));
}

/** Whether the principal may do anything at all with the database. */
export function mayOpen(principal: Principal, db: DatabaseName): boolean {
	return OPERATIONS.some((operation) => may(principal, db, operation));
}

/** The databases a person may sync: those they may read. `GET /api/session` lists exactly these. */
export function databasesFor(principal: Principal): DatabaseName[] {
	return DATABASES.filter((db) => may(principal, db, 'read'));
}

export function mayManageAccounts(principal: Principal): boolean {
	return principal.active && ACCOUNT_MANAGERS.some((role) => principal.roles.includes(role));
}

/**
 * The sign-up inbox (`/api/signups`, signups-api.ts): every active account may deliver sealed sign-ups
 * (write-only: `PUT /api/signups/<id>`); reading them back, changing their status and deleting them is for
 * those who may read `signups` (coordinators). Coordinators' keyrings (`/api/keyring`) follow `signups`
 * reads too.
 */
export const SIGNUP_SENDERS: readonly Role[] = ROLES;

export function maySendSignups(principal: Principal): boolean {
	return principal.active && SIGNUP_SENDERS.some((role) => principal.roles.includes(role));
}

export function mayReadSignups(principal: Principal): boolean {
	return may(principal, 'signups', 'read');
}

/**
 * Who may read the counts behind growth and the sign-up funnel (`GET /api/measures/people`, measures.ts):
 * when each member account was made and whether it is active, and each sign-up's event and outcome, with
 * no names, ids or contents. Chairs report these to their groups; members and recruiters do not need them.
 */
export const PEOPLE_COUNT_READERS: readonly Role[] = ['chair', 'coordinator'];

export function mayReadPeopleCounts(principal: Principal): boolean {
	return principal.active && PEOPLE_COUNT_READERS.some((role) => principal.roles.includes(role));
}

/** Every route the gateway forwards under `/db/<db>/`, and the operation it needs. */
export const DB_ROUTES = {
	info: { route: 'GET /db/<db>/', operation: 'read' },
	allDocs: { route: 'GET, POST /db/<db>/_all_docs', operation: 'read' },
	changes: { route: 'GET, POST /db/<db>/_changes', operation: 'read', note: 'normal and longpoll feeds' },
	bulkGet: { route: 'POST /db/<db>/_bulk_get', operation: 'read' },
	revsDiff: { route: 'POST /db/<db>/_revs_diff', operation: 'read' },
	docRead: { route: 'GET /db/<db>/<docid>', operation: 'read' },
	attachmentRead: { route: 'GET /db/<db>/<docid>/<attachment>', operation: 'read' },
	localRead: { route: 'GET /db/<db>/_local/<id>', operation: 'read', note: "the account's own" },
	bulkDocs: { route: 'POST /db/<db>/_bulk_docs', operation: 'write', note: 'also new_edits: false' },
	docWrite: { route: 'PUT, DELETE /db/<db>/<docid>', operation: 'write' },
	attachmentWrite: {
		route: 'PUT, DELETE /db/<db>/<docid>/<attachment>',
		operation: 'write',
		note: 'then always refused: attachments travel inside their document'
	},
	localWrite: { route: 'PUT /db/<db>/_local/<id>', operation: 'checkpoint', note: "the account's own" }
} as const satisfies Record<string, { route: string; operation: Operation; note?: string }>;
export type DbRoute = keyof typeof DB_ROUTES;

/** The access table as Markdown (docs/SECURITY.md carries this exact text; a test keeps them equal). */
export function accessTableMarkdown(): string {
	const header = `| Database | ${ROLES.join(' | ')} |`;
	const rule = `| --- | ${ROLES.map(() => '---').join(' | ')} |`;
	const rows = DATABASES.map((db) => {
		const cells = ROLES.map((role) => {
			const ops = OPERATIONS.filter((operation) => ACCESS[db][operation].includes(role));
			return ops.length > 0 ? ops.join(', ') : 'none';
		});
		return `| \`${db}\` | ${cells.join(' | ')} |`;
	});
	return [header, rule, ...rows].join('\n');
}

/** The route table as Markdown (docs/SECURITY.md carries this exact text; a test keeps them equal). */
export function routeTableMarkdown(): string {
	const rows = Object.values(DB_ROUTES).map(
		(entry) => `| \`${entry.route}\`${'note' in entry ? ` (${entry.note})` : ''} | ${entry.operation} |`
	);
	return ['| Route | Needs |', '| --- | --- |', ...rows].join('\n');
}
