/**
 * vitest global set-up: a real Apache CouchDB 3 for the CouchDB-mode tests (the gateway over the
 * `couchdb` backend, its fuzzing, the security set-up), so that `npm test` runs them wherever the
 * project's shared CouchDB build is (`../shared/couchdb`, as on the developers' machines and in CI).
 * `COUCHDB_TEST_URL` given: that CouchDB is used and nothing is started. Neither: those tests are skipped,
 * and this says so.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { couchVmArgs } from '../support/couchdb-vm-args';
import { freePort } from '../support/server';

const run = promisify(execFile);
const SCRIPT = resolve(import.meta.dirname, '../../../shared/couchdb/start-couchdb.sh');

/** Whether the CouchDB-mode tests can run here: a CouchDB is named, or the shared one is there to start. */
export function couchdbAvailable(): boolean {
	return Boolean(process.env.COUCHDB_TEST_URL) || existsSync(SCRIPT);
}

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
	if (process.env.COUCHDB_TEST_URL) return undefined;
	if (!existsSync(SCRIPT)) {
		console.log(`CouchDB-mode tests skipped: no CouchDB at ${SCRIPT} and no COUCHDB_TEST_URL`);
		return undefined;
	}
	const port = await freePort();
	// Each run unpacks its own copy (about 2 s): the start script keeps its process id in the install.
	const runDir = await mkdtemp(join(tmpdir(), 'coproduce-couchdb-'));
	const installDir = join(runDir, 'install');
	const dataDir = join(runDir, 'data');
	const argsFile = join(runDir, 'vm.args');
	await writeFile(
		argsFile,
		couchVmArgs({ name: `coproduce-test-${port}@127.0.0.1`, cookie: randomBytes(16).toString('hex') })
	);
	const env = { ...process.env, COUCHDB_PORT: String(port), COUCHDB_ARGS_FILE: argsFile };
	try {
		await run('bash', [SCRIPT, 'start', installDir, dataDir], { env });
	} catch (error) {
		await rm(runDir, { recursive: true, force: true });
		const output = error instanceof Error && 'stderr' in error ? String(error.stderr) : String(error);
		throw new Error(
			`Could not start the shared CouchDB for the CouchDB-mode tests (set COUCHDB_TEST_URL to use a running one): ${output}`
		);
	}
	process.env.COUCHDB_TEST_URL = `http://admin:secret@127.0.0.1:${port}`;
	console.log(`CouchDB-mode tests run against CouchDB 3.5.0 on port ${port}`);
	return async () => {
		await run('bash', [SCRIPT, 'stop', installDir], { env });
		await rm(runDir, { recursive: true, force: true });
	};
}
