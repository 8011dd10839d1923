export const FIRST_RETRY_MS = 1_000;
export const MAX_RETRY_MS = 60_000;

/**
 * PouchDB's `back_off_function`: the next wait after a failed attempt that waited `previous` ms.
 * Doubles from one second up to a minute, with jitter so 200 phones coming back after an outage do not
 * all knock at once.
 */
export function nextBackoff(previous: number, random: () => number = Math.random): number {
	const base = previous <= 0 ? FIRST_RETRY_MS : Math.min(previous * 2, MAX_RETRY_MS);
	const jitter = 0.8 + random() * 0.4;
	return Math.round(Math.min(base * jitter, MAX_RETRY_MS));
}
