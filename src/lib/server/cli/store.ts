/**
 * `npm run store -- check [--repair]`: finds, and with --repair sets aside, the documents that can crash the
 * embedded database in DATA_DIR (store-command.ts). Exit codes: 0 clean or repaired, 1 problems found,
 * refused or failed, 2 wrong usage.
 */
import { isLockError } from '../backend/embedded';
import { readConfig } from '../config';
import { runStoreCommand } from './store-command';

const config = readConfig();

function lockMessage(): string {
	return 'The database in DATA_DIR is in use: stop the Coproduce server first.';
}

// LevelDB has raised a lock error outside any promise in some versions; PouchDB can throw outside any too.
process.on('uncaughtException', (error) => {
	process.stderr.write((isLockError(error) ? lockMessage() : String(error.stack ?? error)) + '\n');
	process.exit(1);
});

runStoreCommand(process.argv.slice(2), config, {
	out: (line) => process.stdout.write(line + '\n'),
	err: (line) => process.stderr.write(line + '\n')
})
	.then((code) => process.exit(code))
	.catch((error: unknown) => {
		process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exit(1);
	});
