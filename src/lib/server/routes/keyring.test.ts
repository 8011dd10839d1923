import { describe, expect, it } from 'vitest';
import { keyringEntrySchema } from '../../domain/coordinator-key';
import { generateCoordinatorKeyPair, protectPrivateKey } from '../../domain/sealing';
import { useTestGateway } from '../../../../tests/support/gateway';

/** `/api/keyring`: each coordinator's protected sign-up key, kept for them alone. */
describe('keyring API', () => {
	const { request, cookies } = useTestGateway('embedded', 'keyring-api', {
		signIn: ['coordinator', 'recruiter']
	});

	/** Sends a key as `/api/keyring/<keyId>`; answers the status. */
	async function upload(cookie: string, keyId: string, key: unknown): Promise<number> {
		return (await request(`/api/keyring/${keyId}`, { method: 'PUT', cookie, json: key })).status;
	}

	/** The ids of the coordinator's keys. */
	async function keyIds(): Promise<string[]> {
		const res = await request('/api/keyring', { cookie: cookies.coordinator });
		expect(res.status).toBe(200);
		return keyringEntrySchema
			.array()
			.parse(await res.json())
			.map((key) => key.keyId);
	}

	it('keeps each coordinator’s protected key for them alone', async () => {
		const [demoKey = ''] = await keyIds();
		const pair = await generateCoordinatorKeyPair();
		const protectedKey = await protectPrivateKey(pair.privateKey, pair.keyId, 'another long passphrase');
		const key = { publicKey: pair.publicKey, protectedKey };
		expect(await upload(cookies.recruiter, pair.keyId, key)).toBe(403);
		// Under another key's id.
		expect(await upload(cookies.coordinator, demoKey, key)).toBe(400);
		const weak = { ...key, protectedKey: { ...protectedKey, iterations: 1000 } };
		expect(await upload(cookies.coordinator, pair.keyId, weak)).toBe(400);
		expect(await upload(cookies.coordinator, pair.keyId, key)).toBe(201);
		expect((await keyIds()).sort()).toEqual([demoKey, pair.keyId].sort());
	});
});
