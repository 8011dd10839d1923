/**
 * Counts failed sign-ins per key (a user name, an IP address) in a sliding window. After `maxFailures`
 * within `windowMs`, `check` says how long to wait. In memory only: a restart forgives everyone, which is
 * acceptable for a small network's server.
 */
export class FailureThrottle {
	private readonly failures = new Map<string, number[]>();

	constructor(
		readonly maxFailures = 5,
		readonly windowMs = 15 * 60 * 1000,
		private readonly now: () => number = Date.now
	) {}

	/** Milliseconds until the key may try again, or 0 if it may try now. */
	retryAfterMs(key: string): number {
		const recent = this.recent(key);
		if (recent.length < this.maxFailures) return 0;
		// The attempt that has to fall out of the window before the count drops below the limit.
		const blocking = recent[recent.length - this.maxFailures] ?? this.now();
		return Math.max(1000, blocking + this.windowMs - this.now());
	}

	fail(key: string): void {
		const recent = this.recent(key);
		recent.push(this.now());
		this.failures.set(key, recent);
		if (this.failures.size > 50_000) this.prune();
	}

	reset(key: string): void {
		this.failures.delete(key);
	}

	private recent(key: string): number[] {
		const since = this.now() - this.windowMs;
		const list = (this.failures.get(key) ?? []).filter((t) => t > since);
		if (list.length === 0) this.failures.delete(key);
		return list;
	}

	private prune(): void {
		for (const key of [...this.failures.keys()]) this.recent(key);
	}
}

/** "Try again in 12 minutes." and friends. */
export function describeWait(ms: number): string {
	const minutes = Math.ceil(ms / 60_000);
	if (minutes <= 1) return 'Try again in a minute.';
	return `Try again in ${minutes} minutes.`;
}
