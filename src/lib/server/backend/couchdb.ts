import { secureCouchDatabase } from './couchdb-security';
import type { Backend } from './types';

/**
 * An external CouchDB (3.x), chosen by setting `COUCHDB_URL`, e.g. `http://admin:secret@127.0.0.1:5984`.
 *
 * - The user name and password are taken out of the URL and held only by this process, as an
 *   `Authorization: Basic` header added to each request the gateway makes. Clients never talk to CouchDB.
 * - Databases are created with `PUT /<name>`; 412 (already exists) counts as success. Then, at every start,
 *   each gets an admin-only `_security` object and a `validate_doc_update` that refuses writes by anyone
 *   but a server admin (`couchdb-security.ts`), so a CouchDB reachable on the network still exposes
 *   nothing without the admin credentials, whatever `default_security` says.
 * - Use a dedicated CouchDB (or at least a dedicated admin) for one network: the gateway decides who may
 *   read and write, CouchDB only stores.
 */
export async function couchdbBackend(couchdbUrl: string): Promise<Backend> {
	const parsed = new URL(couchdbUrl);
	const headers: Record<string, string> = {};
	if (parsed.username || parsed.password) {
		const user = decodeURIComponent(parsed.username);
		const password = decodeURIComponent(parsed.password);
		headers.authorization = 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
		parsed.username = '';
		parsed.password = '';
	}
	const url = parsed.toString().replace(/\/+$/, '');

	const response = await fetch(url + '/', { headers });
	if (!response.ok) {
		throw new Error(
			`CouchDB at ${url} answered ${response.status} to GET /; check COUCHDB_URL and its credentials`
		);
	}
	await response.body?.cancel();

	return {
		url,
		headers,
		kind: 'couchdb',
		async ensureDatabase(name) {
			const res = await fetch(`${url}/${encodeURIComponent(name)}`, { method: 'PUT', headers });
			await res.body?.cancel();
			if (!res.ok && res.status !== 412) {
				throw new Error(`Could not create CouchDB database ${name}: HTTP ${res.status}`);
			}
			await secureCouchDatabase(url, headers, name);
		},
		async close() {
			// Nothing to release: requests are plain HTTP through the global fetch.
		}
	};
}
