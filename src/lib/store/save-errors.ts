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
