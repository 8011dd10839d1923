/**
 * The one way the app calls the gateway's JSON API (`/api/...`): every answer becomes a `Result`, a value
 * or a `Failure` with a reason code and a plain-English message to show. The ledger's replication talks
 * to `/db` through PouchDB instead.
 */

import type { Failure, Result } from '$lib/domain';

interface ErrorBody {
	reason?: unknown;
	fields?: unknown;
}

function fieldsOf(value: unknown): Record<string, string> | undefined {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
	return Object.fromEntries(
		Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
	);
}

async function bodyOf(response: Response): Promise<unknown> {
	if (response.status === 204) return undefined;
	try {
		return (await response.json()) as unknown;
	} catch {
		// No JSON (an empty answer, or a proxy's error page): the status still says what happened.
		return undefined;
	}
}

/** The failure an unsuccessful answer stands for. */
export function failureOf(status: number, body: unknown): Failure {
	const { reason, fields } = (body ?? {}) as ErrorBody;
	const said = typeof reason === 'string' ? reason : undefined;
	if (status === 401)
		return {
			ok: false,
			reason: 'signed-out',
			status,
			said,
			message: 'Your session has ended. Sign in again.'
		};
	if (status === 429) {
		return {
			ok: false,
			reason: 'throttled',
			status,
			message: said ?? 'Too many attempts. Try again in a few minutes.'
		};
	}
	if (status >= 500) {
		return {
			ok: false,
			reason: 'server',
			status,
			message: 'The server had a problem. Try again in a minute.'
		};
	}
	const refusal = said ?? 'That was not accepted.';
	if (status === 400)
		return { ok: false, reason: 'invalid', status, message: refusal, fields: fieldsOf(fields) };
	return { ok: false, reason: 'refused', status, message: refusal };
}

/**
 * Calls the API and reads a successful answer with `read` (a zod parse, usually). `offline` is the message
 * for no answer at all: what the person cannot do without a connection.
 */
export async function call<T>(
	path: string,
	init: RequestInit,
	read: (body: unknown) => T,
	offline: string
): Promise<Result<T>> {
	let response: Response;
	try {
		response = await fetch(path, {
			...init,
			headers: { 'content-type': 'application/json', ...init.headers },
			cache: 'no-store'
		});
	} catch {
		return { ok: false, reason: 'offline', message: offline };
	}
	const body = await bodyOf(response);
	if (!response.ok) return failureOf(response.status, body);
	try {
		return { ok: true, value: read(body) };
	} catch {
		return {
			ok: false,
			reason: 'unreadable',
			status: response.status,
			message: 'The server answered in a way this app does not understand. Try again later.'
		};
	}
}
