import { describe, expect, it } from 'vitest';
import { accountSummarySchema, sessionInfoSchema } from '../../domain/accounts';
import { PASSWORD, useTestGateway, type Json } from '../../../../tests/support/gateway';

describe('account management API', () => {
	const { request, signIn, cookies } = useTestGateway('embedded', 'accounts-api');
	/** The session of the account the tests create. */
	let sam = '';

	async function session(cookie: string): Promise<Response> {
		return request('/api/session', { cookie });
	}

	it('lists accounts for coordinators only, sorted by display name', async () => {
		expect((await request('/api/accounts')).status).toBe(401);
		const refused = await request('/api/accounts', { cookie: cookies.member });
		expect(refused.status).toBe(403);
		expect(await refused.json()).toEqual({
			error: 'forbidden',
			reason: 'Only a coordinator can manage accounts'
		});

		const res = await request('/api/accounts', { cookie: cookies.coordinator });
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('no-store');
		const list = accountSummarySchema.array().parse(await res.json());
		expect(list.map((a) => a.displayName)).toEqual([
			'Charlie Chair',
			'Cora Coordinator',
			'Mo Member',
			'Rita Recruiter',
			'Stevie Staff'
		]);
		expect(JSON.stringify(list)).not.toContain('scrypt');
	});

	it('creates accounts with field errors, password rules and name conflicts', async () => {
		const bad = await request('/api/accounts', {
			method: 'POST',
			cookie: cookies.coordinator,
			json: { name: 'X', displayName: ' ', roles: ['wizard'], password: 'password' }
		});
		expect(bad.status).toBe(400);
		const badBody = (await bad.json()) as { error: string; reason: string; fields: Record<string, string> };
		expect(badBody.error).toBe('bad_request');
		expect(Object.keys(badBody.fields).sort()).toEqual(['displayName', 'name', 'password', 'roles']);
		expect(badBody.fields.password).toMatch(/too easy to guess/);

		const withName = await request('/api/accounts', {
			method: 'POST',
			cookie: cookies.coordinator,
			json: { name: 'sam.patel', displayName: 'Sam Patel', roles: ['member'], password: 'sam.patel rocks' }
		});
		expect(withName.status).toBe(400);
		expect(((await withName.json()) as Json).fields).toEqual({
			password: 'Password must not contain your user name'
		});

		const asMember = await request('/api/accounts', {
			method: 'POST',
			cookie: cookies.member,
			json: { name: 'sam.patel', displayName: 'Sam Patel', roles: ['coordinator'], password: 'kettle violin' }
		});
		expect(asMember.status).toBe(403);

		const created = await request('/api/accounts', {
			method: 'POST',
			cookie: cookies.coordinator,
			json: {
				name: ' Sam.Patel ',
				displayName: 'Sam Patel',
				roles: ['member', 'member'],
				password: 'kettle violin'
			}
		});
		expect(created.status).toBe(201);
		const summary = accountSummarySchema.parse(await created.json());
		expect(summary).toMatchObject({
			name: 'sam.patel',
			displayName: 'Sam Patel',
			roles: ['member'],
			active: true
		});

		const again = await request('/api/accounts', {
			method: 'POST',
			cookie: cookies.coordinator,
			json: { name: 'sam.patel', displayName: 'Sam Two', roles: ['member'], password: 'kettle violin' }
		});
		expect(again.status).toBe(409);
		expect(await again.json()).toEqual({
			error: 'conflict',
			reason: 'There is already an account called sam.patel',
			fields: { name: 'There is already an account called sam.patel' }
		});

		const cross = await request('/api/accounts', {
			method: 'POST',
			cookie: cookies.coordinator,
			headers: { origin: 'http://evil.example' },
			json: { name: 'eve', displayName: 'Eve', roles: ['coordinator'], password: 'kettle violin' }
		});
		expect(cross.status).toBe(403);
		const fetchSite = await request('/api/accounts', {
			method: 'POST',
			cookie: cookies.coordinator,
			headers: { 'sec-fetch-site': 'cross-site' },
			json: { name: 'eve', displayName: 'Eve', roles: ['coordinator'], password: 'kettle violin' }
		});
		expect(fetchSite.status).toBe(403);
		sam = await signIn('sam.patel', 'kettle violin');
	});

	it('changes roles with immediate effect on the session and the databases', async () => {
		const before = sessionInfoSchema.parse(await (await session(sam)).json());
		expect(before.databases).toEqual(['network']);
		expect((await request('/db/signups/', { cookie: sam })).status).toBe(403);

		const res = await request('/api/accounts/sam.patel', {
			method: 'PATCH',
			cookie: cookies.coordinator,
			json: { roles: ['member', 'coordinator'], displayName: 'Sam P.' }
		});
		expect(res.status).toBe(200);
		expect(accountSummarySchema.parse(await res.json())).toMatchObject({
			displayName: 'Sam P.',
			roles: ['member', 'coordinator']
		});
		const after = sessionInfoSchema.parse(await (await session(sam)).json());
		expect(after).toMatchObject({ roles: ['member', 'coordinator'], databases: ['network', 'signups'] });
		expect((await request('/db/signups/', { cookie: sam })).status).toBe(200);
	});

	it('refuses self-demotion, self-deactivation, unknown accounts, bad bodies and non-coordinators', async () => {
		const patch = (name: string, json: unknown, cookie = cookies.coordinator) =>
			request(`/api/accounts/${name}`, { method: 'PATCH', cookie, json });
		const ownRoles = await patch('coordinator', { roles: ['member'] });
		expect(ownRoles.status).toBe(403);
		expect(await ownRoles.json()).toEqual({ error: 'forbidden', reason: 'You cannot change your own roles' });
		const ownOff = await patch('coordinator', { active: false });
		expect(ownOff.status).toBe(403);
		expect(((await ownOff.json()) as Json).reason).toBe('You cannot deactivate your own account');
		// Sending your own roles unchanged is not a change.
		expect((await patch('coordinator', { roles: ['coordinator'], displayName: 'Cora C.' })).status).toBe(200);
		expect((await patch('nobody', { active: false })).status).toBe(404);
		expect((await patch('NOT A NAME', { active: false })).status).toBe(404);
		const empty = await patch('member', {});
		expect(empty.status).toBe(400);
		expect(((await empty.json()) as Json).error).toBe('bad_request');
		expect((await patch('member', { roles: [] })).status).toBe(400);
		expect((await patch('chair', { roles: ['coordinator'] }, cookies.member)).status).toBe(403);
		expect((await patch('member', { roles: ['coordinator'] }, cookies.member)).status).toBe(403);
		expect((await patch('member', { active: false }, '')).status).toBe(401);
	});

	it('deactivation ends every session of the account at once; reactivation lets it sign in again', async () => {
		const [first, second] = await Promise.all([signIn('recruiter'), signIn('recruiter')]);
		// Warm the caches, so the end cannot come from a cache expiring.
		expect((await request('/db/network/', { cookie: first })).status).toBe(200);
		const off = await request('/api/accounts/recruiter', {
			method: 'PATCH',
			cookie: cookies.coordinator,
			json: { active: false }
		});
		expect(off.status).toBe(200);
		expect(((await off.json()) as Json).active).toBe(false);
		for (const cookie of [first, second]) {
			expect((await session(cookie)).status).toBe(401);
			expect((await request('/db/network/_changes', { cookie })).status).toBe(401);
		}
		const refused = await request('/api/session', {
			method: 'POST',
			json: { name: 'recruiter', password: PASSWORD }
		});
		expect(refused.status).toBe(403);
		expect(((await refused.json()) as Json).reason).toMatch(/switched off/);

		const on = await request('/api/accounts/recruiter', {
			method: 'PATCH',
			cookie: cookies.coordinator,
			json: { active: true }
		});
		expect(on.status).toBe(200);
		// The old sessions stay ended.
		expect((await session(first)).status).toBe(401);
		await signIn('recruiter');
	});

	it('changes your own password with the current one, keeping only your own session', async () => {
		const other = await signIn('member');
		const change = (json: unknown, cookie = cookies.member) =>
			request('/api/accounts/member/password', { method: 'POST', cookie, json });

		const wrong = await change({ currentPassword: 'not it at all', password: 'harbour lantern' });
		expect(wrong.status).toBe(400);
		expect(await wrong.json()).toEqual({
			error: 'bad_request',
			reason: 'Your current password is not right',
			fields: { currentPassword: 'Your current password is not right' }
		});
		const missing = await change({ password: 'harbour lantern' });
		expect(((await missing.json()) as Json).fields).toEqual({
			currentPassword: 'Enter your current password'
		});
		const weak = await change({ currentPassword: PASSWORD, password: 'qwerty123' });
		expect(((await weak.json()) as { fields: Json }).fields.password).toMatch(/too easy to guess/);

		const ok = await change({ currentPassword: PASSWORD, password: 'harbour lantern' });
		expect(ok.status).toBe(204);
		expect((await session(cookies.member ?? '')).status).toBe(200);
		expect((await session(other)).status).toBe(401);
		cookies.member = await signIn('member', 'harbour lantern');
		const old = await request('/api/session', {
			method: 'POST',
			json: { name: 'member', password: PASSWORD }
		});
		expect(old.status).toBe(401);
	});

	it("lets only coordinators set someone else's password, ending all that account's sessions", async () => {
		const chair = await signIn('chair');
		const reset = (name: string, json: unknown, cookie = cookies.coordinator) =>
			request(`/api/accounts/${name}/password`, { method: 'POST', cookie, json });
		expect((await reset('chair', { password: 'willow thistle' }, cookies.member)).status).toBe(403);
		expect((await reset('nobody', { password: 'willow thistle' }, cookies.member)).status).toBe(403);
		expect((await reset('nobody', { password: 'willow thistle' })).status).toBe(404);
		expect((await reset('chair', { password: 'x' }, '')).status).toBe(401);
		const weak = await reset('chair', { password: 'chair-2026-x' });
		expect(weak.status).toBe(400);
		expect(((await weak.json()) as { fields: Json }).fields).toEqual({
			password: 'Password must not contain your user name'
		});

		const ok = await reset('chair', { password: 'willow thistle' });
		expect(ok.status).toBe(204);
		expect((await session(chair)).status).toBe(401);
		expect((await session(cookies.coordinator ?? '')).status).toBe(200);
		await signIn('chair', 'willow thistle');
	});
});
