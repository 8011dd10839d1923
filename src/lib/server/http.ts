/** The gateway's small HTTP helpers: error answers, async handlers, cookies and JSON bodies. */
import express from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { SESSION_COOKIE } from './sessions';
import { isRecord } from './writes';

export type Json = Record<string, unknown>;

export function sendError(res: Response, status: number, error: string, reason: string, extra: Json = {}) {
	res.status(status).json({ error, reason, ...extra });
}

/** Express 4 does not catch rejected promises: route them to the error handler. */
export function handle(
	fn: (req: Request, res: Response, next: NextFunction) => Promise<void>
): RequestHandler {
	return (req, res, next) => {
		void (async () => {
			try {
				await fn(req, res, next);
			} catch (error) {
				next(error);
			}
		})();
	};
}

export function readCookie(req: Request, name: string): string | undefined {
	const header = req.headers.cookie;
	if (!header) return undefined;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq < 0) continue;
		if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
	}
	return undefined;
}

export function sessionToken(req: Request): string | undefined {
	return readCookie(req, SESSION_COOKIE);
}

export function sessionCookie(req: Request, value: string, maxAgeSeconds: number): string {
	const parts = [
		`${SESSION_COOKIE}=${value}`,
		'Path=/',
		'HttpOnly',
		'SameSite=Strict',
		`Max-Age=${maxAgeSeconds}`
	];
	// `req.secure` honours X-Forwarded-Proto only when the app trusts a proxy (TRUST_PROXY).
	if (req.secure) parts.push('Secure');
	return parts.join('; ');
}

/**
 * The largest JSON body of a `_bulk_docs` batch or a document written with its photos: room for a
 * replication batch of photos (10 documents of up to 1.5 MB each, base64 in JSON).
 */
export const REPLICATION_BODY_LIMIT = '32mb';
/** Every other replication body: ids and revisions (a few hundred per batch), or a checkpoint. */
export const READ_BODY_LIMIT = '1mb';
/** `/api` bodies: a sign-in, an account, a password. Small, so a large or inflated one is refused early. */
export const API_BODY_LIMIT = '16kb';
/** Deeper JSON is refused before it is parsed: no document nests like that, and deep values overflow the stack. */
export const MAX_JSON_DEPTH = 64;

/** Whether JSON text nests arrays and objects deeper than `max` (brackets inside strings do not count). */
export function jsonTooDeep(bytes: ArrayLike<number>, max = MAX_JSON_DEPTH): boolean {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < bytes.length; i++) {
		const byte = bytes[i];
		if (inString) {
			if (byte === 0x5c)
				i++; // a backslash escapes the next character
			else if (byte === 0x22) inString = false;
		} else if (byte === 0x22) inString = true;
		else if (byte === 0x5b || byte === 0x7b) {
			if (++depth > max) return true;
		} else if (byte === 0x5d || byte === 0x7d) depth--;
	}
	return false;
}

const TOO_DEEP = 'entity.too.deep';

/**
 * A JSON body reader with a size limit: on a malformed, oversized or too deeply nested body it answers
 * 400 or 413 with a JSON reason and resolves false; otherwise `req.body` holds the value.
 */
export function jsonReader(limit: string, tooLarge = 'The request is too large') {
	const parse = express.json({
		limit,
		verify: (_req, _res, bytes) => {
			if (jsonTooDeep(bytes)) throw Object.assign(new Error('JSON nested too deeply'), { type: TOO_DEEP });
		}
	});
	return (req: Request, res: Response): Promise<boolean> =>
		new Promise((resolve) => {
			parse(req, res, (err?: unknown) => {
				if (!err) return resolve(true);
				const status = isRecord(err) && typeof err.status === 'number' ? err.status : 400;
				if (isRecord(err) && err.type === TOO_DEEP) {
					sendError(res, 400, 'bad_request', `JSON may nest at most ${MAX_JSON_DEPTH} levels deep`);
				} else if (status === 413) sendError(res, 413, 'too_large', tooLarge);
				else sendError(res, 400, 'bad_request', 'The body is not valid JSON');
				resolve(false);
			});
		});
}

/** Middleware for `/api` routes that take a JSON body. */
export function jsonBody(limit = API_BODY_LIMIT, tooLarge?: string): RequestHandler {
	const read = jsonReader(limit, tooLarge);
	return (req, res, next) => {
		void (async () => {
			if (await read(req, res)) next();
		})();
	};
}

export function noStore(_req: Request, res: Response, next: NextFunction) {
	res.setHeader('Cache-Control', 'no-store');
	next();
}

/** The status an error carries, when it is a client's fault (Express's 400 for a malformed path, say). */
function clientErrorStatus(err: unknown): number | undefined {
	if (!isRecord(err)) return undefined;
	const status = typeof err.status === 'number' ? err.status : err.statusCode;
	return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/**
 * Last handler for `/api` and `/db`: JSON that gives nothing away. An error that is the client's (a
 * malformed `%` escape, a path that would leave its database) keeps its 4xx; anything else is a 500.
 */
export function jsonErrorHandler(log: (message: string) => void) {
	return (err: unknown, req: Request, res: Response, next: NextFunction) => {
		if (res.headersSent) {
			next(err);
			return;
		}
		const status = clientErrorStatus(err);
		if (status !== undefined) {
			log(
				`Refused ${req.method} ${req.originalUrl.slice(0, 200)}: ${err instanceof Error ? err.message : status}`
			);
			sendError(res, status, status === 404 ? 'not_found' : 'bad_request', 'This request is not valid');
			return;
		}
		log(`Error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
		sendError(res, 500, 'internal_error', 'Something went wrong on the server. Please try again.');
	};
}
