import { describe, expect, it } from 'vitest';
import { FAILURES_PER_IP, FAILURES_PER_NAME, THROTTLE_WINDOW_MS } from './routes/session';
import { FailureThrottle, describeWait } from './throttle';

describe('FailureThrottle', () => {
	it('allows 5 failures per account name and 50 per address in 15 minutes', () => {
		expect([FAILURES_PER_NAME, FAILURES_PER_IP, THROTTLE_WINDOW_MS]).toEqual([5, 50, 15 * 60 * 1000]);
		const byIp = new FailureThrottle(FAILURES_PER_IP, THROTTLE_WINDOW_MS);
		for (let i = 0; i < 49; i++) byIp.fail('10.0.0.1');
		expect(byIp.retryAfterMs('10.0.0.1')).toBe(0);
		byIp.fail('10.0.0.1');
		expect(byIp.retryAfterMs('10.0.0.1')).toBeGreaterThan(0);
	});

	it('blocks after five failures in the window and says when to come back', () => {
		let now = 1_000_000;
		const throttle = new FailureThrottle(5, 15 * 60 * 1000, () => now);
		for (let i = 0; i < 4; i++) {
			throttle.fail('name:x');
			now += 60 * 1000;
		}
		expect(throttle.retryAfterMs('name:x')).toBe(0);
		throttle.fail('name:x');
		// The first failure leaves the window 15 minutes after it happened, 11 minutes from now.
		expect(throttle.retryAfterMs('name:x')).toBe(11 * 60 * 1000);
		expect(describeWait(throttle.retryAfterMs('name:x'))).toBe('Try again in 11 minutes.');
		now += 11 * 60 * 1000 + 1;
		expect(throttle.retryAfterMs('name:x')).toBe(0);
		throttle.reset('name:x');
		expect(throttle.retryAfterMs('name:x')).toBe(0);
	});
});
