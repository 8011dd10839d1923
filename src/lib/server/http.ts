import express from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { SESSION_COOKIE } from './sessions';
import { isRecord } from './writes';

export type Json = Record<string, unknown>;

export function sendError(res: Response, status: number, error: string, reason: string, extra: Json = {}) {
	res.status(status).json({ error, reason, ...extra });
}

/** Express 4 does not catch rejected promises: route them to the error handler. */
export function handle(fn: (req: Request, res: Response) => Promise<void>): RequestHandler {
	return (req, res, next) => {
		void (async () => {
			try {
				await fn(req, res);
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

/** The largest JSON body the gateway reads (a `_bulk_docs` batch from replication). */
// Room for a replication batch of photos (10 documents of up to 1.5 MB each, base64 in JSON).
export const JSON_LIMIT = '32mb';
const parseJsonBody = express.json({ limit: JSON_LIMIT });

/**
 * Reads a JSON body into `req.body`; on a malformed or oversized body answers CouchDB-style and resolves
 * false.
 */
export function readJson(req: Request, res: Response): Promise<boolean> {
	return new Promise((resolve) => {
		parseJsonBody(req, res, (err?: unknown) => {
			if (!err) return resolve(true);
			const status = isRecord(err) && typeof err.status === 'number' ? err.status : 400;
			if (status === 413) sendError(res, 413, 'too_large', 'The request is too large');
			else sendError(res, 400, 'bad_request', 'invalid_json');
			resolve(false);
		});
	});
}

export const jsonBody: RequestHandler = (req, res, next) => {
	void (async () => {
		if (await readJson(req, res)) next();
	})();
};

export function noStore(_req: Request, res: Response, next: NextFunction) {
	res.setHeader('Cache-Control', 'no-store');
	next();
}

/** Last handler for `/api` and `/db`: a JSON 500 that gives nothing away. */
export function jsonErrorHandler(log: (message: string) => void) {
	return (err: unknown, _req: Request, res: Response, next: NextFunction) => {
		if (res.headersSent) {
			next(err);
			return;
		}
		log(`Error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
		sendError(res, 500, 'internal_error', 'Something went wrong on the server. Please try again.');
	};
}
