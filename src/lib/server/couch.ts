/** The gateway's own JSON client for its store (the embedded one or CouchDB). */
import type { Backend } from './backend';
import { confinedUrl } from './backend/confine';
import { readsOnly, sendToBackend } from './backend/send';

/** A JSON answer from the backend: status and parsed body (undefined when the body was not JSON). */
export interface CouchResponse<T = unknown> {
	status: number;
	ok: boolean;
	body: T;
}

export interface AllDocsRow<D> {
	id?: string;
	key: string;
	value?: { rev: string; deleted?: boolean };
	doc?: D | null;
	error?: string;
}

export interface StoredDoc {
	_id: string;
	_rev?: string;
	[key: string]: unknown;
}

/** What `CouchClient.update` did: the document as written (with its new revision), or why nothing was. */
export type Updated<D> =
	{ written: D; reason?: undefined } | { written?: undefined; reason: 'missing' | 'conflict' };

/** A read-modify-write of one document (`CouchClient.update`). */
export interface DocUpdate<D extends StoredDoc> {
	/** The stored document as the caller's kind, or undefined when it is not one: then nothing is written. */
	parse(stored: StoredDoc): D | undefined;
	/** The changed document, checked (throw if the change would make it invalid). */
	change(current: D): D;
	/** The current document if the caller holds it already: the first write is tried without reading. */
	current?: D | undefined;
	/** How many writes to try before answering 'conflict'; a conflict means someone wrote in between. */
	tries?: number;
}

/** A thrown error for an unexpected backend answer; never shown to clients in detail. */
export class BackendError extends Error {
	constructor(
		message: string,
		readonly status: number
	) {
		super(message);
		this.name = 'BackendError';
	}
}

/**
 * The gateway's own JSON client for the backend (accounts, sessions, demo data, write validation). It
 * speaks plain CouchDB HTTP with `fetch`, so it works the same against the embedded server and CouchDB.
 */
export class CouchClient {
	constructor(readonly backend: Backend) {}

	/** A URL in database `db`; `path` (encoded, may end in `?query`) cannot leave it (`confinedUrl`). */
	url(db: string, path = ''): string {
		const scope = '/' + encodeURIComponent(db);
		const at = path.indexOf('?');
		const [within, query] = at < 0 ? [path, ''] : [path.slice(0, at), path.slice(at + 1)];
		return confinedUrl(this.backend.url, scope, within ? `${scope}/${within}` : scope, query);
	}

	/**
	 * `repeatable`: safe to send again if the connection fails before any answer (see `sendToBackend`);
	 * GET and HEAD always are.
	 */
	async request<T = unknown>(
		method: string,
		url: string,
		body?: unknown,
		{
			signal,
			repeatable = readsOnly(method)
		}: { signal?: AbortSignal | undefined; repeatable?: boolean } = {}
	): Promise<CouchResponse<T>> {
		const headers: Record<string, string> = {
			...this.backend.headers,
			accept: 'application/json',
			'accept-encoding': 'identity'
		};
		if (body !== undefined) headers['content-type'] = 'application/json';
		const response = await sendToBackend(
			url,
			{ method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal },
			repeatable
		);
		const text = await response.text();
		let parsed: unknown;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			parsed = undefined;
		}
		return { status: response.status, ok: response.ok, body: parsed as T };
	}

	/** A document, or undefined when it does not exist (or is deleted). */
	async get<D extends StoredDoc>(db: string, id: string): Promise<D | undefined> {
		const res = await this.request<D>('GET', this.url(db, encodeURIComponent(id)));
		if (res.status === 404) return undefined;
		if (!res.ok) throw new BackendError(`GET ${db}/${id} failed`, res.status);
		return res.body;
	}

	/** Writes a document; answers the new revision, or undefined on a conflict. */
	async put(db: string, doc: StoredDoc): Promise<string | undefined> {
		const res = await this.request<{ rev?: string }>('PUT', this.url(db, encodeURIComponent(doc._id)), doc);
		if (res.status === 409) return undefined;
		if (!res.ok || !res.body?.rev) throw new BackendError(`PUT ${db}/${doc._id} failed`, res.status);
		return res.body.rev;
	}

	/**
	 * Read, change, check, write: on a conflict (someone else wrote in between) the document is read again
	 * and changed again, once more by default.
	 */
	async update<D extends StoredDoc>(
		db: string,
		id: string,
		{ parse, change, current, tries = 2 }: DocUpdate<D>
	): Promise<Updated<D>> {
		let doc = current;
		for (let attempt = 0; attempt < tries; attempt++) {
			if (attempt > 0 || !doc) {
				const stored = await this.get(db, id);
				doc = stored && parse(stored);
			}
			if (!doc) return { reason: 'missing' };
			const changed = change(doc);
			const rev = await this.put(db, changed);
			if (rev) return { written: { ...changed, _rev: rev } };
		}
		return { reason: 'conflict' };
	}

	/** Deletes a revision; answers false on a conflict (a newer revision exists), true otherwise. */
	async remove(db: string, id: string, rev: string): Promise<boolean> {
		const res = await this.request(
			'DELETE',
			this.url(db, `${encodeURIComponent(id)}?rev=${encodeURIComponent(rev)}`)
		);
		if (res.status === 409) return false;
		if (!res.ok && res.status !== 404) throw new BackendError(`DELETE ${db}/${id} failed`, res.status);
		return true;
	}

	async bulkDocs(db: string, docs: StoredDoc[]): Promise<unknown[]> {
		const res = await this.request<unknown[]>('POST', this.url(db, '_bulk_docs'), { docs });
		if (!res.ok || !Array.isArray(res.body)) throw new BackendError(`_bulk_docs on ${db} failed`, res.status);
		return res.body;
	}

	/** `POST _all_docs?include_docs=true` for the given ids, in one request. */
	async allDocsByKeys<D>(db: string, keys: string[], signal?: AbortSignal): Promise<AllDocsRow<D>[]> {
		const res = await this.request<{ rows?: AllDocsRow<D>[] }>(
			'POST',
			this.url(db, '_all_docs?include_docs=true'),
			{ keys },
			{ signal, repeatable: true }
		);
		if (!res.ok || !Array.isArray(res.body?.rows)) {
			throw new BackendError(`_all_docs on ${db} failed`, res.status);
		}
		return res.body.rows;
	}

	/** Documents whose ids start with `prefix`, with their content. */
	async allDocsWithPrefix<D>(db: string, prefix: string, limit?: number): Promise<AllDocsRow<D>[]> {
		const params = new URLSearchParams({
			include_docs: 'true',
			startkey: JSON.stringify(prefix),
			endkey: JSON.stringify(prefix + '\ufff0')
		});
		if (limit !== undefined) params.set('limit', String(limit));
		const res = await this.request<{ rows?: AllDocsRow<D>[] }>('GET', this.url(db, `_all_docs?${params}`));
		if (!res.ok || !Array.isArray(res.body?.rows)) {
			throw new BackendError(`_all_docs on ${db} failed`, res.status);
		}
		return res.body.rows;
	}
}
