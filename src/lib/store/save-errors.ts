import type { Failure } from '$lib/domain';
import { isConflict } from './ledger';

export class InvalidDocumentError extends Error {
	constructor(readonly reason: string) {
		super(`Not a valid document: ${reason}`);
	}
}

/** A change to a document this device does not hold (never synced here, or removed). */
export class MissingDocumentError extends Error {
	constructor(readonly id: string) {
		super('it is not on this device');
	}
}

/**
 * Why a write to this device's storage failed, in words for the person who tried, to follow "could not
 * be saved on this device: ". Running out of space is said plainly whichever layer reports it: the
 * browser (`QuotaExceededError`), Dexie (which wraps it as `inner`) or PouchDB (which names it as the
 * `reason` of its `indexed_db_went_bad` error, whose message is only "unknown").
 */
export function whyNotSaved(error: unknown): string {
	if (outOfSpace(error))
		return 'this device has run out of storage space. Free up some space (for example old photos, videos or apps you no longer use), then save again';
	const { message, reason } = (typeof error === 'object' && error !== null ? error : {}) as {
		message?: unknown;
		reason?: unknown;
	};
	if (typeof reason === 'string' && reason && (!message || message === 'unknown'))
		return `the browser's storage refused it (${reason})`;
	return typeof message === 'string' && message ? message : String(error);
}

function outOfSpace(error: unknown, depth = 0): boolean {
	if (typeof error !== 'object' || error === null || depth > 3) return false;
	const { name, reason, inner, cause } = error as Record<string, unknown>;
	return (
		name === 'QuotaExceededError' ||
		reason === 'QuotaExceededError' ||
		outOfSpace(inner, depth + 1) ||
		outOfSpace(cause, depth + 1)
	);
}

/**
 * A failed write as a `Failure` for the screen: `what` names the thing ("Your idea"), and the message
 * says what happened and that what was typed is kept.
 */
export function saveFailure(error: unknown, what = 'This'): Failure {
	if (error instanceof InvalidDocumentError)
		return { ok: false, reason: 'invalid', message: `${what} was not saved: ${error.reason}.` };
	if (error instanceof MissingDocumentError)
		return {
			ok: false,
			reason: 'refused',
			message: `${what} could not be saved: it is no longer on this device (it may have been removed).`
		};
	if (isConflict(error))
		return {
			ok: false,
			reason: 'refused',
			message: `${what} changed on another device while you were working. Open it again to see the latest version; what you typed is kept.`
		};
	return {
		ok: false,
		reason: 'not-saved',
		message: `${what} could not be saved on this device: ${whyNotSaved(error)}. What you typed is kept.`
	};
}
