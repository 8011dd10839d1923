/**
 * A CouchDB-compatible database server the gateway talks to over HTTP only. Nothing in it is ever
 * reachable by a browser: the gateway adds `headers` (a per-process secret or CouchDB admin credentials)
 * to every request it forwards, and only ever forwards the routes replication needs.
 */
export interface Backend {
	/** Base URL without a trailing slash and without credentials, e.g. `http://127.0.0.1:41234`. */
	readonly url: string;
	/** Headers that authorise the gateway; never sent to or accepted from clients. */
	readonly headers: Readonly<Record<string, string>>;
	/** Human-readable kind for the start-up log. */
	readonly kind: 'embedded' | 'couchdb';
	/**
	 * Creates the database if it does not exist yet; with CouchDB, also sets its admin-only `_security` and
	 * validation design document (`couchdb-security.ts`). Idempotent.
	 */
	ensureDatabase(name: string): Promise<void>;
	close(): Promise<void>;
}
