import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { Request, Response } from 'express';
import { IMAGE_TYPES } from '../domain/attachments';
import type { Backend } from './backend';
import { confinedUrl } from './backend/confine';
import { readsOnly, sendToBackend } from './backend/send';

/** Response headers worth passing on from the backend; everything else (Location, Server…) stays behind. */
const PASSED_HEADERS = ['content-type', 'etag'] as const;

export interface ForwardOptions {
	method: string;
	/** The database's base path on the backend (`/network`): `path` must stay inside it (`confinedUrl`). */
	scope: string;
	/** Path on the backend, already encoded, starting with `/`. */
	path: string;
	/** Query string without `?`, as the gateway checked and re-encoded it (`checkQuery`). */
	query?: string;
	/** A JSON value to send (re-serialised from what the gateway parsed and checked). */
	body?: unknown;
	/**
	 * The answer is an attachment (bytes someone uploaded): never let a browser run it as a page. Only the
	 * allowed image types keep their type; anything else is sent as a download, and a sandboxing CSP
	 * covers it either way.
	 */
	download?: boolean;
	/**
	 * Changes a JSON answer before it is sent (hidden documents taken out, hidden.ts), reading more from the
	 * store if it must: the answer is read whole, and blank heartbeat lines (a long poll's) are passed on as
	 * they come.
	 */
	rewrite?: (answer: unknown) => Promise<unknown>;
	/** The status to answer instead of the store's success (a deletion written as a PUT answers 200). */
	successStatus?: number;
	/**
	 * Safe to send twice although it is a POST: it only reads (`_changes`, `_all_docs`, `_bulk_get` and
	 * `_revs_diff` take their ids in a body). GET and HEAD always are (see `sendToBackend`).
	 */
	reads?: boolean;
}

const INLINE_TYPES: ReadonlySet<string> = new Set(IMAGE_TYPES);

/**
 * An `AbortSignal` that fires when the client goes away before its response is complete, so a backend
 * request (a `_changes?feed=longpoll` above all) does not outlive it.
 */
export function abortOnDisconnect(res: Response): AbortSignal {
	const controller = new AbortController();
	res.once('close', () => {
		if (!res.writableFinished) controller.abort();
	});
	return controller.signal;
}

/** Where `forward` sends requests, and where it says when the backend could not be reached. */
export interface Hop {
	backend: Backend;
	log: (message: string) => void;
}

/**
 * Sends one request to the backend over HTTP and streams its answer to the client: status, a few safe
 * headers, and the body as it arrives.
 */
export async function forward({ backend, log }: Hop, req: Request, res: Response, options: ForwardOptions) {
	const signal = abortOnDisconnect(res);
	const url = confinedUrl(backend.url, options.scope, options.path, options.query);
	const headers: Record<string, string> = {
		...backend.headers,
		// JSON only (never CouchDB's multipart answers), except for an attachment's own bytes.
		accept: options.download ? '*/*' : 'application/json',
		// The body is streamed as is, so ask for it uncompressed (fetch would decode it but keep the header).
		'accept-encoding': 'identity'
	};
	if (options.body !== undefined) headers['content-type'] = 'application/json';

	let response: globalThis.Response;
	try {
		response = await sendToBackend(
			url,
			{
				method: options.method,
				headers,
				body: options.body === undefined ? undefined : JSON.stringify(options.body),
				signal
			},
			options.reads === true || readsOnly(options.method)
		);
	} catch (error) {
		if (signal.aborted) return;
		log(`The database did not answer ${options.method} ${options.path}: ${causeOf(error)}`);
		res.status(502).json({ error: 'bad_gateway', reason: 'The database is not reachable just now' });
		return;
	}

	if (response.status >= 500 || (response.ok && !options.download && !isJson(response))) {
		const text = (await response.text()).slice(0, 300).replace(/\s+/g, ' ');
		log(`The database answered ${response.status} to ${options.method} ${options.path}: ${text}`);
		res.status(502).json({ error: 'bad_gateway', reason: 'The database could not answer this request' });
		return;
	}
	if (!response.ok && !isJson(response)) {
		// A refusal in words or HTML (an attachment that is not there): the same status, in JSON.
		await response.body?.cancel();
		const missing = response.status === 404;
		res.status(response.status).json({
			error: missing ? 'not_found' : 'bad_request',
			reason: missing ? 'Not found' : 'The database refused this request'
		});
		return;
	}
	res.status(response.ok && options.successStatus ? options.successStatus : response.status);
	if (options.rewrite && response.ok && response.body && options.method !== 'HEAD') {
		await sendRewritten(res, response.body as NodeReadableStream<Uint8Array>, options, log);
		return;
	}
	for (const name of PASSED_HEADERS) {
		const value = response.headers.get(name);
		if (value) res.setHeader(name, value);
	}
	if (options.download && response.ok) {
		const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
		res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
		if (!INLINE_TYPES.has(type)) {
			res.setHeader('Content-Type', 'application/octet-stream');
			res.setHeader('Content-Disposition', 'attachment');
		}
	}
	if (!response.body || options.method === 'HEAD') {
		await response.body?.cancel();
		res.end();
		return;
	}
	try {
		await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res);
	} catch {
		// The client left or the backend broke off mid-stream: nothing more can be sent either way.
		if (!res.writableEnded) res.destroy();
	}
}

/**
 * The most of an answer read whole to be rewritten (replication's pages are far smaller): an
 * `_all_docs?include_docs=true&attachments=true` over a large database is cut off, not held in memory.
 */
const MAX_REWRITTEN_CHARS = 64 * 1024 * 1024;

/** Reads a JSON answer whole, passing heartbeat lines on, and sends it as `options.rewrite` changes it. */
async function sendRewritten(
	res: Response,
	body: NodeReadableStream<Uint8Array>,
	options: ForwardOptions,
	log: (message: string) => void
): Promise<void> {
	res.setHeader('content-type', 'application/json');
	// The status goes out at once, as it would streamed: a long poll's client knows it is waiting.
	res.flushHeaders();
	const decoder = new TextDecoder();
	let text = '';
	try {
		for await (const chunk of Readable.fromWeb(body) as AsyncIterable<Uint8Array>) {
			const piece = decoder.decode(chunk, { stream: true });
			// A blank piece is a heartbeat: passed on at once (white space before JSON is still JSON), and
			// kept too, as it may be part of a string.
			if (piece.trim() === '') res.write('\n');
			text += piece;
			if (text.length > MAX_REWRITTEN_CHARS) throw new Error('the answer is too large to read whole');
		}
		text += decoder.decode();
		const rewritten: unknown = await options.rewrite?.(JSON.parse(text) as unknown);
		res.end(JSON.stringify(rewritten));
	} catch (error) {
		// The client left, or the store broke off or sent something that is not JSON: nothing more can be sent.
		if (!res.destroyed)
			log(`Could not pass on the answer to ${options.method} ${options.path}: ${causeOf(error)}`);
		if (!res.writableEnded) res.destroy();
	}
}

function isJson(response: globalThis.Response): boolean {
	const type = response.headers.get('content-type') ?? '';
	return /^application\/json\b/i.test(type.trim());
}

/** What `fetch` says went wrong underneath its "fetch failed". */
function causeOf(error: unknown): string {
	const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
	return cause instanceof Error ? cause.message : String(cause);
}
