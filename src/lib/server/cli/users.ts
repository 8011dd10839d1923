/**
 * `npm run users -- <command>`: manage accounts from the command line, with the same store and rules as
 * the server (DATA_DIR or COUCHDB_URL). This is how the first coordinator of a fresh install is made.
 * Exit codes: 0 done, 1 refused or failed, 2 wrong usage. The commands are in `commands.ts`.
 */
import { resolve as resolvePath } from 'node:path';
import { AccountExistsError, AccountStore, PasswordRefusedError } from '../accounts';
import { createBackend, type Backend } from '../backend';
import { isLockError } from '../backend/embedded';
import { readConfig } from '../config';
import { CouchClient } from '../couch';
import { SessionStore } from '../sessions';
import { databaseNames } from '../context';
import { CliError, parseCommandLine, USAGE, type PasswordInput } from './commands';
import { messageOf } from '../errors';

async function readStdin(): Promise<string> {
	const chunks: Uint8Array[] = [];
	for await (const chunk of process.stdin) chunks.push(new Uint8Array(chunk as Uint8Array));
	return Buffer.concat(chunks)
		.toString('utf8')
		.replace(/\r?\n$/, '');
}

/** Asks for a line on the terminal without showing what is typed. */
function promptHidden(question: string): Promise<string> {
	const stdin = process.stdin;
	process.stdout.write(question);
	stdin.setRawMode(true);
	stdin.setEncoding('utf8');
	stdin.resume();
	return new Promise((resolve, reject) => {
		let value = '';
		const finish = () => {
			stdin.off('data', onData);
			stdin.setRawMode(false);
			stdin.pause();
			process.stdout.write('\n');
		};
		const onData = (chunk: string) => {
			for (const char of chunk) {
				if (char === '\r' || char === '\n' || char === '\u0004') {
					finish();
					resolve(value);
					return;
				}
				if (char === '\u0003') {
					finish();
					reject(new CliError('Cancelled.'));
					return;
				}
				if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
				else value += char;
			}
		};
		stdin.on('data', onData);
	});
}

const terminal: PasswordInput = {
	interactive: process.stdin.isTTY === true,
	readAll: readStdin,
	askHidden: promptHidden
};

function lockMessage(dataDir: string): string {
	return (
		`The database in ${resolvePath(dataDir)} is in use: the Coproduce server is probably running with this DATA_DIR.\n` +
		'The embedded database can be open in one process at a time. Either stop the server, run this command and start it again,\n' +
		'or manage accounts in the app (People), signed in as a coordinator.'
	);
}

async function main(argv: string[]): Promise<number> {
	const line = parseCommandLine(argv, terminal);
	if (line.kind === 'help') {
		process.stdout.write(USAGE);
		return 0;
	}
	if (line.kind === 'usage') {
		process.stderr.write(USAGE);
		return 2;
	}

	const config = readConfig();
	process.on('uncaughtException', (error) => {
		process.stderr.write((isLockError(error) ? lockMessage(config.dataDir) : String(error)) + '\n');
		process.exit(1);
	});
	const backend: Backend = await createBackend({ dataDir: config.dataDir, couchdbUrl: config.couchdbUrl });
	try {
		const names = databaseNames(config.databasePrefix);
		await backend.ensureDatabase(names.accounts);
		await backend.ensureDatabase(names.sessions);
		const couch = new CouchClient(backend);
		const accounts = new AccountStore(couch, names.accounts);
		const sessions = new SessionStore(couch, accounts, { db: names.sessions });
		const output = await line.task({ accounts, sessions });
		process.stdout.write(output + '\n');
		return 0;
	} finally {
		await backend.close();
	}
}

main(process.argv.slice(2))
	.then((code) => process.exit(code))
	.catch((error: unknown) => {
		if (error instanceof CliError) {
			process.stderr.write(error.message + '\n');
			process.exit(error.exitCode);
		}
		if (isLockError(error)) {
			process.stderr.write(lockMessage(readConfig().dataDir) + '\n');
			process.exit(1);
		}
		if (error instanceof AccountExistsError || error instanceof PasswordRefusedError) {
			process.stderr.write(error.message + '\n');
			process.exit(1);
		}
		process.stderr.write(`${messageOf(error)}\n`);
		process.exit(1);
	});
