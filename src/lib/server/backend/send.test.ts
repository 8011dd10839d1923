import { afterEach, describe, expect, it } from 'vitest';
import { flakyBackend, type FlakyBackend } from '../../../../tests/support/flaky-http';
import { sendToBackend } from './send';

describe('sendToBackend', () => {
	const backends: FlakyBackend[] = [];
	const backend = async (drops: number) => {
		const started = await flakyBackend(drops);
		backends.push(started);
		return started;
	};
	afterEach(async () => {
		await Promise.all(backends.splice(0).map((started) => started.close()));
	});

	it('sends a repeatable request once more when the connection fails before any answer', async () => {
		const flaky = await backend(1);
		const response = await sendToBackend(`${flaky.url}/network/`, { method: 'GET' }, true);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ ok: true });
		expect(flaky.received()).toBe(2);
	});

	it('sends it only once more: a second failure reaches the caller', async () => {
		const flaky = await backend(2);
		await expect(sendToBackend(`${flaky.url}/network/`, { method: 'GET' }, true)).rejects.toThrow();
		expect(flaky.received()).toBe(2);
	});

	it('never sends a request that is not repeatable twice', async () => {
		const flaky = await backend(1);
		const init = { method: 'PUT', body: JSON.stringify({ _id: 'idea:1' }) };
		await expect(sendToBackend(`${flaky.url}/network/idea%3A1`, init, false)).rejects.toThrow();
		expect(flaky.received()).toBe(1);
	});
});
