/**
 * The commands of `npm run users` (see `users.ts`, which runs them against DATA_DIR or COUCHDB_URL).
 * Arguments are checked before any database is opened; the work runs on an account and a session store.
 */
import { parseArgs } from 'node:util';
import { accountNameSchema, displayNameSchema, roleSchema, ROLES, type Role } from '../../domain/accounts';
import { passwordProblem } from '../../domain/passwords';
import type { Account, AccountStore } from '../accounts';
import { byDisplayName } from '../accounts';
import type { SessionStore } from '../sessions';
import { messageOf } from '../errors';

export const USAGE = `Manage Coproduce accounts.

Usage: npm run users -- <command> [options]

Commands:
  list                                   Show every account
  create <name> --roles <roles>          Create an account (asks for its password)
        [--display-name "Name"]          The name people see (default: the user name)
  reset-password <name>                  Set a new password and sign the account out everywhere
  set-roles <name> <roles>               Replace the account's roles, e.g. member,chair
  deactivate <name>                      Switch the account off and sign it out everywhere
  activate <name>                        Switch the account back on

Options:
  --password-stdin   Read the password from standard input instead of asking
  --force            Allow leaving the network without an active coordinator
  --help             Show this help

Roles: ${ROLES.join(', ')}.
Uses DATA_DIR (default ./data) or COUCHDB_URL, like the server. With the embedded database (no
COUCHDB_URL), stop the server first: its database can be open in one process at a time.
`;

/** A refusal to report in plain words (exit code 1), or wrong usage (exit code 2). */
export class CliError extends Error {
	constructor(
		message: string,
		readonly exitCode = 1
	) {
		super(message);
	}
}

function usageError(message: string): CliError {
	return new CliError(`${message}\n\nRun "npm run users -- --help" for help.`, 2);
}

function noTerminal(): CliError {
	return usageError('There is no terminal to ask for the password: give it with --password-stdin.');
}

function parseName(value: string | undefined): string {
	if (value === undefined) throw usageError('Give the user name of the account.');
	const parsed = accountNameSchema.safeParse(value);
	if (!parsed.success) throw new CliError(parsed.error.issues[0]?.message ?? 'That is not a valid user name');
	return parsed.data;
}

function parseRoles(value: string | undefined): Role[] {
	if (!value) throw usageError(`Give the roles, separated by commas, from: ${ROLES.join(', ')}.`);
	const roles: Role[] = [];
	for (const part of value.split(',').map((role) => role.trim().toLowerCase())) {
		const parsed = roleSchema.safeParse(part);
		if (!parsed.success) throw new CliError(`"${part}" is not a role. Roles are: ${ROLES.join(', ')}.`);
		if (!roles.includes(parsed.data)) roles.push(parsed.data);
	}
	return roles;
}

/** How the commands read a password: standard input, or a terminal that can ask without echoing. */
export interface PasswordInput {
	/** Whether there is a terminal to ask on. */
	interactive: boolean;
	/** All of standard input, without one trailing newline. */
	readAll(): Promise<string>;
	/** Asks on the terminal without showing what is typed. */
	askHidden(question: string): Promise<string>;
}

/** The new password for `name`: from standard input, or asked twice on a terminal. Checked against the rules. */
async function newPassword(name: string, fromStdin: boolean, input: PasswordInput): Promise<string> {
	let password: string;
	if (fromStdin) {
		password = await input.readAll();
	} else if (input.interactive) {
		password = await input.askHidden(`New password for ${name}: `);
		const problem = passwordProblem(password, name);
		if (problem) throw new CliError(problem);
		if ((await input.askHidden('Type it again: ')) !== password) {
			throw new CliError('The passwords do not match.');
		}
	} else {
		throw noTerminal();
	}
	const problem = passwordProblem(password, name);
	if (problem) throw new CliError(problem);
	return password;
}

function describe(account: Account): string {
	return `${account.name} (${account.displayName}): ${account.roles.join(', ')}${account.active ? '' : ', switched off'}`;
}

function table(accounts: Account[]): string {
	const rows = [
		['USER NAME', 'NAME', 'ROLES', 'ACTIVE', 'CREATED'],
		...accounts.map((a) => [
			a.name,
			a.displayName,
			a.roles.join(','),
			a.active ? 'yes' : 'no',
			a.createdAt.slice(0, 10)
		])
	];
	const widths =
		rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
	return rows
		.map((row) =>
			row
				.map((cell, column) => cell.padEnd(widths[column] ?? 0))
				.join('  ')
				.trimEnd()
		)
		.join('\n');
}

export interface Store {
	accounts: AccountStore;
	sessions: SessionStore;
}

async function requireAccount(store: Store, name: string): Promise<Account> {
	const account = await store.accounts.get(name);
	if (!account) throw new CliError(`There is no account called ${name}.`);
	return account;
}

/** Refuses a change that would leave no active coordinator, unless forced. */
async function keepACoordinator(store: Store, name: string, force: boolean): Promise<void> {
	if (force) return;
	const others = (await store.accounts.list()).filter(
		(a) => a.name !== name && a.active && a.roles.includes('coordinator')
	);
	if (others.length === 0) {
		throw new CliError(
			'This would leave no active coordinator to manage accounts. Make someone else a coordinator first, or add --force.'
		);
	}
}

export type Task = (store: Store) => Promise<string>;

/** Checks the arguments (before any database is opened) and answers the work to do. */
function prepare(command: string, args: string[], options: Options, input: PasswordInput): Task {
	switch (command) {
		case 'list':
			return async (store) => {
				const accounts = (await store.accounts.list()).sort(byDisplayName);
				return accounts.length > 0 ? table(accounts) : 'There are no accounts yet.';
			};
		case 'create': {
			const name = parseName(args[0]);
			const roles = parseRoles(options.roles);
			const displayName = displayNameSchema.safeParse(options.displayName ?? name);
			if (!displayName.success)
				throw new CliError(displayName.error.issues[0]?.message ?? 'Bad display name');
			if (!options.passwordStdin && !input.interactive) throw noTerminal();
			return async (store) => {
				if (await store.accounts.get(name)) throw new CliError(`There is already an account called ${name}.`);
				const password = await newPassword(name, options.passwordStdin, input);
				const account = await store.accounts.create({ name, displayName: displayName.data, roles, password });
				return `Created ${describe(account)}.`;
			};
		}
		case 'reset-password': {
			const name = parseName(args[0]);
			if (!options.passwordStdin && !input.interactive) throw noTerminal();
			return async (store) => {
				await requireAccount(store, name);
				const password = await newPassword(name, options.passwordStdin, input);
				await store.accounts.setPassword(name, password);
				const ended = await store.sessions.endSessionsOf(name);
				return `Set a new password for ${name} and ended ${ended} session${ended === 1 ? '' : 's'}.`;
			};
		}
		case 'set-roles': {
			const name = parseName(args[0]);
			const roles = parseRoles(args[1]);
			return async (store) => {
				const before = await requireAccount(store, name);
				if (before.roles.includes('coordinator') && !roles.includes('coordinator')) {
					await keepACoordinator(store, name, options.force);
				}
				const account = await store.accounts.update(name, { roles });
				if (!account) throw new CliError(`There is no account called ${name}.`);
				return `Changed ${describe(account)}.`;
			};
		}
		case 'deactivate': {
			const name = parseName(args[0]);
			return async (store) => {
				const before = await requireAccount(store, name);
				if (before.roles.includes('coordinator')) await keepACoordinator(store, name, options.force);
				const account = await store.accounts.update(name, { active: false });
				if (!account) throw new CliError(`There is no account called ${name}.`);
				const ended = await store.sessions.endSessionsOf(name);
				return `Switched off ${name} and ended ${ended} session${ended === 1 ? '' : 's'}.`;
			};
		}
		case 'activate': {
			const name = parseName(args[0]);
			return async (store) => {
				await requireAccount(store, name);
				const account = await store.accounts.update(name, { active: true });
				if (!account) throw new CliError(`There is no account called ${name}.`);
				return `Switched on ${describe(account)}.`;
			};
		}
	}
	throw usageError(`There is no command "${command}".`);
}

interface Options {
	roles: string | undefined;
	displayName: string | undefined;
	passwordStdin: boolean;
	force: boolean;
}

const ARGUMENTS: Record<string, number> = {
	list: 0,
	create: 1,
	'reset-password': 1,
	'set-roles': 2,
	deactivate: 1,
	activate: 1
};

/** What a command line asks for: the help, the help because nothing was asked, or a task to run. */
export type CommandLine = { kind: 'help' } | { kind: 'usage' } | { kind: 'task'; task: Task };

/** Reads the command line and checks its arguments, before any database is opened. Throws `CliError`. */
export function parseCommandLine(argv: string[], input: PasswordInput): CommandLine {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			strict: true,
			options: {
				roles: { type: 'string' },
				'display-name': { type: 'string' },
				'password-stdin': { type: 'boolean', default: false },
				force: { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h', default: false }
			}
		});
	} catch (error) {
		throw usageError(messageOf(error));
	}
	const [command, ...args] = parsed.positionals;
	if (parsed.values.help || command === 'help') return { kind: 'help' };
	if (!command) return { kind: 'usage' };
	const expected = ARGUMENTS[command];
	if (expected === undefined) throw usageError(`There is no command "${command}".`);
	if (args.length > expected)
		throw usageError(`Too many arguments for ${command}: ${args.slice(expected).join(' ')}`);
	const options: Options = {
		roles: parsed.values.roles,
		displayName: parsed.values['display-name'],
		passwordStdin: parsed.values['password-stdin'],
		force: parsed.values.force
	};

	return { kind: 'task', task: prepare(command, args, options, input) };
}
