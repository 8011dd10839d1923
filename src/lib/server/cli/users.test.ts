import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS_DB, AccountStore } from '../accounts';
import { startServer } from '../app';
import { embeddedBackend } from '../backend/embedded';
import { CouchClient } from '../couch';
import { SESSIONS_DB, SessionStore } from '../sessions';
import { CliError, parseCommandLine, type PasswordInput, type Store } from './commands';

interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
}

describe('npm run users', () => {
	let workDir: string;
	let dataDir: string;

	/** Runs the command line as `npm run users` does, in its own process, against the test's DATA_DIR. */
	function users(args: string[], stdin?: string): Promise<Run> {
		return new Promise((resolve, reject) => {
			const child = spawn(process.execPath, ['--import', 'tsx', 'src/lib/server/cli/users.ts', ...args], {
				env: { ...process.env, DATA_DIR: dataDir, COUCHDB_URL: '' },
				stdio: ['pipe', 'pipe', 'pipe']
			});
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
			child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
			child.once('error', reject);
			child.once('close', (code) => resolve({ code, stdout, stderr }));
			child.stdin.end(stdin ?? '');
		});
	}

	beforeAll(async () => {
		workDir = await mkdtemp(join(tmpdir(), 'coproduce-cli-test-'));
		dataDir = join(workDir, 'data');
	});

	afterAll(async () => {
		await rm(workDir, { recursive: true, force: true });
	});

	it('creates the first coordinator of a fresh install from its own process, with exit codes', async () => {
		// Wrong usage is refused before the database is opened, so it runs alongside.
		const [created, usage] = await Promise.all([
			users(
				[
					'create',
					'Ada',
					'--roles',
					'coordinator,member',
					'--display-name',
					'Ada Lovelace',
					'--password-stdin'
				],
				'analytical engine\n'
			),
			users(['create', 'bob', '--roles', 'member'])
		]);
		expect(created.stderr).toBe('');
		expect(created.code).toBe(0);
		expect(created.stdout).toBe('Created ada (Ada Lovelace): coordinator, member.\n');
		expect(usage.code).toBe(2);
		expect(usage.stderr).toMatch(
			/There is no terminal to ask for the password: give it with --password-stdin/
		);

		const weak = await users(['create', 'bob', '--roles', 'member', '--password-stdin'], 'password1\n');
		expect(weak.code).toBe(1);
		expect(weak.stderr).toMatch(/too easy to guess/);
	});

	describe('commands', () => {
		let close: () => Promise<void>;
		let store: Store;
		let stdin = '';
		const input: PasswordInput = {
			interactive: false,
			readAll: () => Promise.resolve(stdin),
			askHidden: () => Promise.reject(new Error('no terminal'))
		};

		/** Runs one command line in this process; answers its output, or the refusal and its exit code. */
		async function run(argv: string[], password = ''): Promise<string> {
			stdin = password;
			try {
				const line = parseCommandLine(argv, input);
				if (line.kind !== 'task') return line.kind;
				return await line.task(store);
			} catch (error) {
				if (error instanceof CliError) return `${error.exitCode}: ${error.message.split('\n')[0]}`;
				throw error;
			}
		}

		beforeAll(async () => {
			const backend = await embeddedBackend(dataDir);
			await backend.ensureDatabase(ACCOUNTS_DB);
			await backend.ensureDatabase(SESSIONS_DB);
			const couch = new CouchClient(backend);
			const accounts = new AccountStore(couch, ACCOUNTS_DB);
			store = { accounts, sessions: new SessionStore(couch, accounts, { db: SESSIONS_DB }) };
			close = () => backend.close();
		});

		afterAll(async () => {
			await close();
		});

		it('checks the command line', async () => {
			expect(await run(['--help'])).toBe('help');
			expect(await run([])).toBe('usage');
			expect(await run(['frobnicate'])).toBe('2: There is no command "frobnicate".');
			expect(await run(['list', 'extra'])).toBe('2: Too many arguments for list: extra');
			expect(await run(['create', 'bob', '--roles', 'wizard', '--password-stdin'])).toBe(
				'1: "wizard" is not a role. Roles are: member, chair, recruiter, staff, coordinator.'
			);
			expect(await run(['create', 'b', '--roles', 'member', '--password-stdin'])).toBe(
				'1: User name must be 2 characters or more'
			);
			expect(await run(['create', 'bob', '--password-stdin'])).toMatch(/^2: Give the roles/);
			expect(await run(['create', 'bob', '--bogus'])).toMatch(/^2: Unknown option '--bogus'/);
		});

		it('creates, sets roles, deactivates, activates and resets passwords, keeping a coordinator', async () => {
			expect(await run(['create', 'ada', '--roles', 'member', '--password-stdin'], 'x')).toBe(
				'1: There is already an account called ada.'
			);
			expect(await run(['create', 'bob', '--roles', 'member', '--password-stdin'], 'bob rocks 123')).toBe(
				'1: Password must not contain your user name'
			);
			expect(await run(['create', 'bob', '--roles', 'member', '--password-stdin'], 'kettle violin')).toBe(
				'Created bob (bob): member.'
			);
			expect(await run(['deactivate', 'ada'])).toMatch(/^1: This would leave no active coordinator/);
			expect(await run(['set-roles', 'ada', 'member'])).toMatch(/^1: This would leave no active coordinator/);
			expect(await run(['set-roles', 'bob', 'member,chair'])).toBe('Changed bob (bob): member, chair.');
			expect(await run(['set-roles', 'nobody', 'member'])).toBe('1: There is no account called nobody.');

			const { token } = await store.sessions.create((await store.accounts.get('bob'))!);
			expect(await run(['deactivate', 'bob'])).toBe('Switched off bob and ended 1 session.');
			expect(await store.sessions.resolve(token)).toBeUndefined();
			expect(await run(['reset-password', 'bob', '--password-stdin'], 'qwerty123')).toMatch(
				/^1: This password/
			);
			expect(await run(['reset-password', 'bob', '--password-stdin'], 'harbour lantern')).toBe(
				'Set a new password for bob and ended 0 sessions.'
			);
			expect(await run(['reset-password', 'nobody', '--password-stdin'], 'harbour lantern')).toBe(
				'1: There is no account called nobody.'
			);

			const list = (await run(['list'])).split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
			expect(list).toEqual([
				'USER NAME NAME ROLES ACTIVE CREATED',
				expect.stringMatching(/^ada Ada Lovelace coordinator,member yes \d{4}-\d\d-\d\d$/),
				expect.stringMatching(/^bob bob member,chair no \d{4}-\d\d-\d\d$/)
			]);
			expect(await run(['activate', 'bob'])).toBe('Switched on bob (bob): member, chair.');
			expect(await run(['set-roles', 'bob', 'coordinator'])).toBe('Changed bob (bob): coordinator.');
			// With another coordinator, ada may step down; --force allows leaving none.
			expect(await run(['set-roles', 'ada', 'coordinator,member'])).toBe(
				'Changed ada (Ada Lovelace): coordinator, member.'
			);
		});
	});

	it('the server signs in accounts made on the command line, and the command line refuses while it runs', async () => {
		const server = await startServer({
			port: 0,
			dataDir,
			seedDemo: true,
			buildDir: join(workDir, 'no-build'),
			log: () => undefined
		});
		try {
			// Accounts exist, so no demo network was seeded.
			const signIn = (name: string, password: string) =>
				fetch(server.url + '/api/session', {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ name, password })
				});
			const ada = await signIn('ada', 'analytical engine');
			expect(ada.status).toBe(200);
			expect(await ada.json()).toMatchObject({
				roles: ['coordinator', 'member'],
				databases: ['network', 'signups']
			});
			expect((await signIn('bob', 'harbour lantern')).status).toBe(200);
			expect((await signIn('member', 'anything at all')).status).toBe(401);

			const locked = await users(['list']);
			expect(locked.code).toBe(1);
			expect(locked.stderr).toMatch(/is in use: the Coproduce server is probably running with this DATA_DIR/);
		} finally {
			await server.close();
		}
	});
});
