import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sendToBackend } from './send';

/** A backend that drops the connection of its first `drops` requests without answering, then answers. */
async function flakyBackend(drops: number): Promise<{ url: string; received: () => number; server: Server }> {
	let received = 0;
	const server = createServer((req, res) => {
		received++;
		if (received <= drops) {
			req.socket.destroy();
			return;
		}
		res.setHeader('content-type', 'application/json');
		res.end(JSON.stringify({ ok: true }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}/network/`, received: () => received, server };
}

describe('sendToBackend', () => {
	const servers: Server[] = [];
	afterEach(async () => {
		await Promise.all(
			servers.splice(0).map(
				(server) =>
					new Promise<void>((resolve) => {
						server.closeAllConnections();
						server.close(() => resolve());
					})
			)
		);
	});

	it('sends a repeatable request once more when the connection fails before any answer', async () => {
		const backend = await flakyBackend(1);
		servers.push(backend.server);
		const response = await sendToBackend(backend.url, { method: 'GET' }, true);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ ok: true });
		expect(backend.received()).toBe(2);
	});

	it('sends it only once more: a second failure reaches the caller', async () => {
		const backend = await flakyBackend(2);
		servers.push(backend.server);
		await expect(sendToBackend(backend.url, { method: 'GET' }, true)).rejects.toThrow();
		expect(backend.received()).toBe(2);
	});

	it('never sends a request that is not repeatable twice', async () => {
		const backend = await flakyBackend(1);
		servers.push(backend.server);
		const init = { method: 'PUT', body: JSON.stringify({ _id: 'idea:1' }) };
		await expect(sendToBackend(backend.url, init, false)).rejects.toThrow();
		expect(backend.received()).toBe(1);
	});
});
