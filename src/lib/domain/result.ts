/**
 * The one shape of an answer that may fail, used by the API clients, the document writer and the forms:
 * a value, or a `Failure` with a reason code (what the app does about it) and a plain-English message
 * (what the person reads).
 */

/** Why something did not give what was asked. */
export type FailureReason =
	/** No answer: no connection, or the server is down. */
	| 'offline'
	/** 401: the session has ended (or, when signing in, the name and password do not match). */
	| 'signed-out'
	/** The input was refused; `fields` says what is wrong with each field. */
	| 'invalid'
	/** 403, 404, 409…: the server (or the rules on this device) said no, and why. */
	| 'refused'
	/** 429: too many attempts for now. */
	| 'throttled'
	/** 5xx: the server had a problem. */
	| 'server'
	/** A success the app cannot read (an older app against a newer server, say). */
	| 'unreadable'
	/** This device's storage did not take the change (full, or the browser refused it). */
	| 'not-saved';

export interface Failure {
	ok: false;
	reason: FailureReason;
	message: string;
	status?: number;
	/** What the server said, where the message is the app's own (a 401's reason). */
	said?: string;
	/** Field name → what is wrong with it, for `invalid`. */
	fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | Failure;

export function success<T>(value: T): Result<T> {
	return { ok: true, value };
}

/** A plain refusal: this cannot be done here, and why. */
export function refused(message: string): Failure {
	return { ok: false, reason: 'refused', message };
}

/** Field messages, refused as `invalid` (the first one is the message). */
export function invalid(fields: Record<string, string>): Failure {
	return {
		ok: false,
		reason: 'invalid',
		message: Object.values(fields)[0] ?? 'Check what you typed.',
		fields
	};
}

/** Field-keyed messages for a form from a schema's issues: the first problem for each field. */
export function fieldErrors(
	issues: readonly { path: readonly PropertyKey[]; message: string }[]
): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of issues) {
		const key = String(issue.path[0] ?? 'form');
		errors[key] ??= issue.message;
	}
	return errors;
}
