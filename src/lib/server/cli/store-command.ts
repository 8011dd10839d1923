/**
 * The command line of `npm run store` (cli/store.ts runs it): `check` lists the documents that can crash the
 * embedded database, `check --repair` sets them aside and rebuilds their databases (store-doctor.ts).
 * Exit codes: 0 clean or repaired, 1 problems found, refused or failed, 2 wrong usage.
 */
import { existsSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { parseArgs } from 'node:util';
import { isLockError } from '../backend/embedded';
import { checkStore, repairDatabase, type DatabaseCheck } from '../backend/store-doctor';
import { messageOf } from '../errors';

export const STORE_USAGE = `Check the embedded database for documents that can crash it, and set them aside.

Usage: npm run store -- check [--repair]

  check            List, per database, the documents whose revision history is broken
  check --repair   Save what can be read of them in DATA_DIR/quarantine, rebuild each database without them
                   (keeping the old one beside it as <db>.poisoned-<time>)
  --help           Show this help

Uses DATA_DIR (default ./data), like the server. Stop the server first: the embedded database can be open
in one process at a time. With COUCHDB_URL there is nothing to do: CouchDB refuses such revisions.
`;

export interface StoreSettings {
	dataDir: string;
	couchdbUrl?: string | undefined;
}

/** Where lines go: `out` for results, `err` for refusals and usage mistakes. */
export interface Output {
	out(line: string): void;
	err(line: string): void;
}

function count(n: number, noun: string): string {
	return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function describeCheck({ database, ids, documents }: DatabaseCheck): string {
	if (ids.length === 0) return `${database}: fine (${count(documents, 'document')})`;
	return `${database}: ${count(ids.length, 'poisoned document')}: ${ids.join(', ')}`;
}

function lockMessage(dataDir: string): string {
	return (
		`The database in ${resolvePath(dataDir)} is in use: the Coproduce server is probably running with this ` +
		'DATA_DIR. Stop it, run this command, then start it again.'
	);
}

async function check(dataDir: string, print: Output['out']): Promise<number> {
	const checks = await checkStore(dataDir);
	for (const result of checks) print(describeCheck(result));
	if (checks.every((result) => result.ids.length === 0)) {
		print('Nothing to repair.');
		return 0;
	}
	print('Run `npm run store -- check --repair` with the server stopped to set them aside.');
	return 1;
}

async function repair(dataDir: string, print: Output['out']): Promise<number> {
	const checks = await checkStore(dataDir);
	let repaired = 0;
	for (const result of checks) {
		print(describeCheck(result));
		if (result.ids.length === 0) continue;
		const done = await repairDatabase(dataDir, result.database);
		if (!done) continue;
		repaired++;
		print(`${done.database}: what could be read of them is in ${done.quarantine}`);
		print(
			`${done.database}: rebuilt with the other ${count(done.copied, 'document')} (${count(done.revisions, 'leaf revision')}, ` +
				`conflicts and deletions included), checked; the old database is kept as ${done.keptAs}: ` +
				'delete it once the server runs well'
		);
	}
	print(
		repaired === 0 ? 'Nothing to repair.' : `Repaired ${count(repaired, 'database')}. Start the server again.`
	);
	return 0;
}

/** Runs `npm run store -- <argv>` and says which exit code it ends with. */
export async function runStoreCommand(
	argv: string[],
	settings: StoreSettings,
	output: Output
): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			options: { repair: { type: 'boolean' }, help: { type: 'boolean' } }
		});
	} catch (error) {
		output.err(`${messageOf(error)}\n\n${STORE_USAGE}`);
		return 2;
	}
	if (parsed.values.help) {
		output.out(STORE_USAGE);
		return 0;
	}
	if (parsed.positionals.length !== 1 || parsed.positionals[0] !== 'check') {
		output.err(STORE_USAGE);
		return 2;
	}
	if (settings.couchdbUrl) {
		output.out('COUCHDB_URL is set: the data is in CouchDB, which refuses such revisions. Nothing to check.');
		return 0;
	}
	if (!existsSync(settings.dataDir)) {
		output.err(`There is no data directory at ${resolvePath(settings.dataDir)}: check DATA_DIR.`);
		return 1;
	}
	try {
		return await (parsed.values.repair ? repair : check)(settings.dataDir, (line) => output.out(line));
	} catch (error) {
		if (!isLockError(error)) throw error;
		output.err(lockMessage(settings.dataDir));
		return 1;
	}
}
