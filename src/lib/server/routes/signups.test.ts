import { beforeAll, describe, expect, it } from 'vitest';
import { makeSignupPlaintext } from '../../../../tests/signup-factories';
import { keyringEntrySchema, type KeyringEntry } from '../../domain/coordinator-key';
import { newDocId } from '../../domain/ids';
import { unlockPrivateKey } from '../../domain/sealing';
import {
	inboxEntrySchema,
	openSignup,
	sealSignup,
	type InboxEntry,
	type SealedSignup
} from '../../domain/signup';
import { useTestGateway } from '../../../../tests/support/gateway';

const KEY_PASSPHRASE = 'demo key passphrase for tests';

describe('sign-up inbox API', () => {
	const gateway = useTestGateway('embedded', 'signups-api', {
		signIn: ['coordinator', 'recruiter', 'member', 'chair'],
		server: { demoKeyPassphrase: KEY_PASSPHRASE }
	});
	const { request, cookies } = gateway;
	let keyring: KeyringEntry;
	let eventId: string;

	async function sealedBy(collectedBy: string, name = 'Robin Test'): Promise<SealedSignup> {
		const plaintext = makeSignupPlaintext(eventId, { collectedBy, details: { name, area: 'Hove' } });
		return sealSignup(plaintext, [keyring]);
	}

	async function inbox(cookie = cookies.coordinator): Promise<InboxEntry[]> {
		const res = await request('/api/signups', { cookie });
		expect(res.status).toBe(200);
		return inboxEntrySchema.array().parse(await res.json());
	}

	function put(sealed: unknown, cookie: string | undefined, id = (sealed as SealedSignup).id) {
		return request(`/api/signups/${id}`, { method: 'PUT', cookie, json: sealed });
	}

	beforeAll(async () => {
		const keys = await request('/api/keyring', { cookie: cookies.coordinator });
		expect(keys.status).toBe(200);
		const [entry] = keyringEntrySchema.array().parse(await keys.json());
		if (!entry) throw new Error('The demo coordinator has no key');
		keyring = entry;
		eventId = (await inbox())[0]?.sealed.eventId ?? newDocId('event');
	});

	it('seeds sealed demo sign-ups that the demo key opens with its passphrase', async () => {
		const entries = await inbox();
		expect(entries).toHaveLength(4);
		expect(entries.map((e) => e.status).sort()).toEqual(['contacted', 'new', 'new', 'new']);
		const privateKey = await unlockPrivateKey(keyring.protectedKey, KEY_PASSPHRASE);
		const names = await Promise.all(
			entries.map(async (entry) => (await openSignup(entry.sealed, { ...keyring, privateKey })).details.name)
		);
		expect(names.sort()).toEqual(['Alex Morgan', 'Jordan Lee', 'Priya Shah', 'Sam Okafor']);
		await expect(unlockPrivateKey(keyring.protectedKey, 'wrong passphrase!')).rejects.toThrow();
		// The key document in `network` holds the public key only.
		const all = await request(
			`/db/network/_all_docs?include_docs=true&startkey=${encodeURIComponent('"coordinatorKey:"')}&endkey=${encodeURIComponent('"coordinatorKey:\ufff0"')}`,
			{ cookie: cookies.member }
		);
		const rows = ((await all.json()) as { rows: { doc: Record<string, unknown> }[] }).rows;
		expect(rows).toHaveLength(1);
		expect(rows[0]?.doc).toMatchObject({ keyId: keyring.keyId, publicKey: keyring.publicKey });
		expect(JSON.stringify(rows)).not.toContain(keyring.protectedKey.wrapped);
	});

	it('takes a sealed sign-up once, however often it is sent', async () => {
		const before = (await inbox()).length;
		const sealed = await sealedBy('recruiter');
		const first = await put(sealed, cookies.recruiter);
		expect(first.status).toBe(201);
		const again = await put(sealed, cookies.recruiter);
		expect(again.status).toBe(200);
		expect(await again.json()).toMatchObject({ ok: true, id: sealed.id });
		const [a, b] = await Promise.all([put(sealed, cookies.recruiter), put(sealed, cookies.recruiter)]);
		expect([a.status, b.status]).toEqual([200, 200]);
		const after = await inbox();
		expect(after).toHaveLength(before + 1);
		expect(after.find((entry) => entry.id === sealed.id)).toMatchObject({ status: 'new', sealed });
		// Another envelope under the same id is refused.
		const other = { ...(await sealedBy('recruiter')), id: sealed.id };
		const clash = await put(other, cookies.recruiter);
		expect(clash.status).toBe(409);
	});

	it('lets members send their own sign-ups, and nobody send in someone else’s name', async () => {
		expect((await put(await sealedBy('member'), cookies.member)).status).toBe(201);
		const forged = await put(await sealedBy('recruiter'), cookies.member);
		expect(forged.status).toBe(403);
		expect(((await forged.json()) as { reason: string }).reason).toBe(
			'You can only send sign-ups you collected'
		);
		expect((await put(await sealedBy('recruiter'), undefined)).status).toBe(401);
	});

	it('never lets anyone but coordinators read sign-ups back', async () => {
		const sealed = await sealedBy('recruiter');
		expect((await put(sealed, cookies.recruiter)).status).toBe(201);
		for (const name of ['recruiter', 'member', 'chair'] as const) {
			for (const path of [
				'/api/signups',
				`/api/signups/${sealed.id}`,
				'/api/keyring',
				'/db/signups/_all_docs',
				`/db/signups/${encodeURIComponent(sealed.id)}`,
				'/db/signups/_changes'
			]) {
				expect((await request(path, { cookie: cookies[name] })).status, `${name} GET ${path}`).toBe(403);
			}
			const patch = await request(`/api/signups/${sealed.id}`, {
				method: 'PATCH',
				cookie: cookies[name],
				json: { status: 'contacted' }
			});
			expect(patch.status).toBe(403);
			expect(
				(await request(`/api/signups/${sealed.id}`, { method: 'DELETE', cookie: cookies[name] })).status
			).toBe(403);
		}
		expect((await request('/api/signups')).status).toBe(401);
		const one = await request(`/api/signups/${sealed.id}`, { cookie: cookies.coordinator });
		expect(one.status).toBe(200);
		// Coordinators may also read through /db (read-only).
		const viaDb = await request(`/db/signups/${encodeURIComponent(sealed.id)}`, {
			cookie: cookies.coordinator
		});
		expect(viaDb.status).toBe(200);
		const write = await request(`/db/signups/${encodeURIComponent(sealed.id)}`, {
			method: 'PUT',
			cookie: cookies.coordinator,
			json: {}
		});
		expect(write.status).toBe(403);
	});

	it('validates what it is sent', async () => {
		const sealed = await sealedBy('recruiter');
		const cases: [string, unknown, string, number][] = [
			['no recipients', { ...sealed, recipients: [] }, sealed.id, 400],
			['extra field', { ...sealed, name: 'Robin' }, sealed.id, 400],
			['not an envelope', { hello: 'world' }, sealed.id, 400],
			['id not the address', sealed, newDocId('signup'), 400],
			['address not a sign-up id', sealed, 'idea:01J0000000000000000000000', 404],
			['too large', { ...sealed, ciphertext: 'A'.repeat(60_000) }, sealed.id, 413]
		];
		for (const [what, body, id, status] of cases) {
			const res = await put(body, cookies.recruiter, id);
			expect(res.status, what).toBe(status);
			const problem = (await res.json()) as { reason?: string };
			expect(problem.reason, what).toBeTruthy();
		}
		const badJson = await request(`/api/signups/${sealed.id}`, {
			method: 'PUT',
			cookie: cookies.recruiter,
			headers: { 'content-type': 'application/json' },
			body: '{"v":'
		});
		expect(badJson.status).toBe(400);
		expect((await inbox()).some((entry) => entry.id === sealed.id)).toBe(false);
	});

	it('lets coordinators mark sign-ups, and delete one for good so it never comes back', async () => {
		const sealed = await sealedBy('recruiter', 'Delete Me');
		expect((await put(sealed, cookies.recruiter)).status).toBe(201);
		const marked = await request(`/api/signups/${sealed.id}`, {
			method: 'PATCH',
			cookie: cookies.coordinator,
			json: { status: 'joined', account: 'delete.me' }
		});
		expect(marked.status).toBe(200);
		expect(await marked.json()).toMatchObject({
			status: 'joined',
			statusBy: 'coordinator',
			account: 'delete.me'
		});
		const invalid = await request(`/api/signups/${sealed.id}`, {
			method: 'PATCH',
			cookie: cookies.coordinator,
			json: { status: 'new' }
		});
		expect(invalid.status).toBe(400);

		const { couch, names } = gateway.server.internals;
		const backendUrl = couch.url(names.backendName('signups'), encodeURIComponent(sealed.id));
		const held = await couch.request<{ _rev: string }>('GET', backendUrl);
		const removed = await request(`/api/signups/${sealed.id}`, {
			method: 'DELETE',
			cookie: cookies.coordinator
		});
		expect(removed.status).toBe(204);
		expect((await inbox()).some((entry) => entry.id === sealed.id)).toBe(false);
		expect((await request(`/api/signups/${sealed.id}`, { cookie: cookies.coordinator })).status).toBe(404);
		// A phone that never heard the first answer sends it again: accepted, not stored again.
		const late = await put(sealed, cookies.recruiter);
		expect(late.status).toBe(200);
		expect(await late.json()).toMatchObject({ deleted: true });
		expect((await inbox()).some((entry) => entry.id === sealed.id)).toBe(false);
		// Only the tombstone is left: after compaction no revision the backend serves has the content.
		expect((await couch.request('GET', backendUrl)).status).toBe(404);
		const oldRevision = await couch.request<unknown>(
			'GET',
			`${backendUrl}?rev=${encodeURIComponent(held.body._rev)}`
		);
		expect(JSON.stringify(oldRevision.body ?? {})).not.toContain(sealed.ciphertext);
		expect(
			(await request(`/api/signups/${sealed.id}`, { method: 'DELETE', cookie: cookies.coordinator })).status
		).toBe(404);
	});
});
