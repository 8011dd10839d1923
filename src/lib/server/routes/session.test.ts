import { describe, expect, it } from 'vitest';
import { sessionInfoSchema } from '../../domain/accounts';
import { cookieOf, PASSWORD, useTestGateway, type Json } from '../../../../tests/support/gateway';
import { TEST_BACKENDS } from '../../../../tests/support/test-backends';

/** Signing in and out over both stores (`TEST_BACKENDS`), the headers every answer has, and a restart. */
describe.each(TEST_BACKENDS)('sessions over the $kind backend', ({ kind }) => {
	const gateway = useTestGateway(kind, 'sessions');
	const { request, signIn, cookies, logs } = gateway;

	describe('sessions', () => {
		it('seeds the demo accounts once and does not log the given password', () => {
			expect(logs.some((line) => line.includes('Demo network created'))).toBe(true);
			expect(logs.join('\n')).not.toContain(PASSWORD);
		});

		it('signs in with a session cookie and the session info', async () => {
			const res = await request('/api/session', {
				method: 'POST',
				body: JSON.stringify({ name: '  Chair ', password: PASSWORD })
			});
			expect(res.status).toBe(200);
			const cookie = res.headers.get('set-cookie') ?? '';
			expect(cookie).toMatch(/HttpOnly/);
			expect(cookie).toMatch(/SameSite=Strict/);
			expect(cookie).toMatch(/Path=\//);
			expect(cookie).not.toMatch(/Secure/);
			const info = sessionInfoSchema.parse(await res.json());
			// Only coordinators may sync (read) the signups database.
			expect(info).toEqual({
				name: 'chair',
				displayName: 'Charlie Chair',
				roles: ['chair', 'member'],
				databases: ['network']
			});
			cookies.chair = cookieOf(res);
			const coordinator = await request('/api/session', { cookie: cookies.coordinator });
			expect(((await coordinator.json()) as Json).databases).toEqual(['network', 'signups']);
		});

		it('refuses a wrong password and an unknown name alike', async () => {
			for (const body of [
				{ name: 'member', password: 'wrong' },
				{ name: 'nobody', password: 'wrong' }
			]) {
				const res = await request('/api/session', { method: 'POST', body: JSON.stringify(body) });
				expect(res.status).toBe(401);
				expect(res.headers.get('set-cookie')).toBeNull();
				expect(await res.json()).toEqual({
					error: 'unauthorized',
					reason: 'That user name and password do not match'
				});
			}
		});

		it('answers 400 with field messages for bad input', async () => {
			const res = await request('/api/session', {
				method: 'POST',
				body: JSON.stringify({ name: 'x', password: '' })
			});
			expect(res.status).toBe(400);
			const body = (await res.json()) as { error: string; fields: Record<string, string> };
			expect(body.error).toBe('bad_request');
			expect(body.fields.name).toMatch(/2 characters/);
			expect(body.fields.password).toBe('Enter your password');

			const malformed = await request('/api/session', { method: 'POST', body: '{not json' });
			expect(malformed.status).toBe(400);
		});

		it('tells who is signed in, or 401', async () => {
			const mine = await request('/api/session', { cookie: cookies.member });
			expect(mine.status).toBe(200);
			expect(mine.headers.get('cache-control')).toBe('no-store');
			expect(((await mine.json()) as Json).name).toBe('member');

			const none = await request('/api/session');
			expect(none.status).toBe(401);
			const forged = await request('/api/session', { cookie: 'coproduce_session=' + 'A'.repeat(43) });
			expect(forged.status).toBe(401);
		});

		it('signs out: the cookie is cleared and the session is gone', async () => {
			const cookie = await signIn('recruiter');
			const out = await request('/api/session', { method: 'DELETE', cookie });
			expect(out.status).toBe(200);
			expect(out.headers.get('set-cookie')).toMatch(/^coproduce_session=;.*Max-Age=0/);
			expect((await request('/api/session', { cookie })).status).toBe(401);
			expect((await request('/db/network/', { cookie })).status).toBe(401);
		});

		it('refuses cross-origin writes', async () => {
			const res = await request('/api/session', {
				method: 'POST',
				headers: { origin: 'http://evil.example' },
				body: JSON.stringify({ name: 'member', password: PASSWORD })
			});
			expect(res.status).toBe(403);
			const sameOrigin = await request('/api/session', {
				method: 'DELETE',
				headers: { origin: gateway.base },
				cookie: await signIn('recruiter')
			});
			expect(sameOrigin.status).toBe(200);
		});

		it('sets security headers everywhere and a 503 page without a build', async () => {
			for (const path of ['/', '/ideas/123', '/api/health', '/db/']) {
				const res = await request(path);
				expect(res.headers.get('x-content-type-options')).toBe('nosniff');
				expect(res.headers.get('x-frame-options')).toBe('DENY');
				expect(res.headers.get('referrer-policy')).toBe('same-origin');
				expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
			}
			const page = await request('/ideas/123');
			expect(page.status).toBe(503);
			expect(await page.text()).toContain('npm run build');
			expect(await (await request('/api/health')).json()).toEqual({ ok: true });
		});
	});

	// Last but one: the failures it makes lock the recruiter account for 15 minutes.
	it('throttles repeated failed sign-ins to one account with 429 and Retry-After, not the whole address', async () => {
		let res: Response | undefined;
		for (let attempt = 0; attempt < 6; attempt++) {
			res = await request('/api/session', {
				method: 'POST',
				body: JSON.stringify({ name: 'recruiter', password: 'guess-' + attempt })
			});
			if (res.status === 429) break;
			expect(res.status).toBe(401);
		}
		expect(res?.status).toBe(429);
		const right = await request('/api/session', {
			method: 'POST',
			body: JSON.stringify({ name: 'recruiter', password: PASSWORD })
		});
		expect(right.status).toBe(429);
		expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(60);
		expect(((await right.json()) as Json).reason).toMatch(
			/^Too many failed sign-in attempts\. Try again in \d+ minutes\.$/
		);
		// Someone else at the same address (a stall, an office) still signs in.
		const neighbour = await request('/api/session', {
			method: 'POST',
			body: JSON.stringify({ name: 'chair', password: PASSWORD })
		});
		expect(neighbour.status).toBe(200);
	});

	it('keeps sessions and the server id across a restart', async () => {
		const before = (await (await request('/db/', { cookie: cookies.member })).json()) as Json;
		await gateway.restart({ demoPassword: 'a-different-one' });
		const res = await request('/api/session', { cookie: cookies.member });
		expect(res.status).toBe(200);
		expect(((await res.json()) as Json).name).toBe('member');
		const after = (await (await request('/db/', { cookie: cookies.member })).json()) as Json;
		expect(after.uuid).toBe(before.uuid);
		// Not re-seeded: the password is still the first one.
		expect(logs.filter((line) => line.includes('Demo network created'))).toHaveLength(1);
	});
});
