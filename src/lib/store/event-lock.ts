import type { PinHash } from '$lib/domain/pin';
import type { Desk } from './desk';

/**
 * Event mode's lock, kept in the account's desk settings on this device: while it is there, every address
 * leads back to the locked event's sign-up form, after a reload or a killed tab too. Only the salted hash
 * of the recruiter's PIN is kept. No schemas (zod) here: the root layout reads it before they load.
 */

export interface EventLockRow {
	eventId: string;
	pin: PinHash;
	startedAt: string;
	/** Wrong PINs in a row, and when the last one was tried (ms since 1970), to slow guessing down. */
	failures: number;
	lastFailureAt?: number;
}

export const EVENT_LOCK_KEY = 'eventMode.lock';

export async function writeEventLock(desk: Desk, lock: EventLockRow): Promise<void> {
	await desk.setSetting(EVENT_LOCK_KEY, lock);
}

export async function clearEventLock(desk: Desk): Promise<void> {
	await desk.settings.delete(EVENT_LOCK_KEY);
}
