/**
 * The stores the gateway's integration tests run over: the embedded one always, and a real CouchDB 3
 * when `COUCHDB_TEST_URL` is set (the server project's global set-up sets it wherever the shared CouchDB
 * is). Each CouchDB run uses fresh databases under a random prefix and drops them afterwards.
 */
import { randomBytes } from 'node:crypto';
import type { ServerOptions } from '../../src/lib/server/app';
import { couchdbBackend } from '../../src/lib/server/backend/couchdb';

export type BackendKind = 'embedded' | 'couchdb';

export const couchdbTestUrl = process.env.COUCHDB_TEST_URL;

/** `describe.each(TEST_BACKENDS)('… over the $kind backend', ({ kind }) => …)`. */
export const TEST_BACKENDS: { kind: BackendKind }[] = [
	{ kind: 'embedded' },
	...(couchdbTestUrl ? [{ kind: 'couchdb' as const }] : [])
];

/** The backend part of a test server's options. */
export function backendOptions(kind: BackendKind): Pick<ServerOptions, 'couchdbUrl' | 'databasePrefix'> {
	return kind === 'couchdb'
		? { couchdbUrl: couchdbTestUrl, databasePrefix: `t${randomBytes(4).toString('hex')}-` }
		: {};
}

/** Drops the databases a CouchDB test server made (nothing to do for the embedded store). */
export async function dropTestDatabases(options: Pick<ServerOptions, 'couchdbUrl' | 'databasePrefix'>) {
	if (!options.couchdbUrl || !options.databasePrefix) return;
	const couch = await couchdbBackend(options.couchdbUrl);
	for (const name of ['coproduce-accounts', 'coproduce-sessions', 'network', 'signups']) {
		const answer = await fetch(`${couch.url}/${options.databasePrefix}${name}`, {
			method: 'DELETE',
			headers: couch.headers
		});
		await answer.body?.cancel();
	}
}
