import { startServer } from './app';
import { isLockError } from './backend/embedded';
import { readConfig } from './config';

function log(message: string): void {
	console.log(`${new Date().toISOString()} ${message}`);
}

async function main(): Promise<void> {
	const config = readConfig();
	const server = await startServer({ ...config, log });
	log(`Coproduce is running at ${server.url} (data in ${config.couchdbUrl ? 'CouchDB' : config.dataDir})`);

	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) {
			log(`${signal} again: stopping at once`);
			process.exit(1);
		}
		stopping = true;
		log(`${signal}: stopping`);
		server
			.close()
			.then(() => process.exit(0))
			.catch((error: unknown) => {
				console.error(error);
				process.exit(1);
			});
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
	if (isLockError(error)) {
		console.error(
			'The database in DATA_DIR is in use by another process (another Coproduce server, or `npm run users`). Stop it first.'
		);
	} else {
		console.error(error instanceof Error ? error.message : error);
	}
	process.exit(1);
});
