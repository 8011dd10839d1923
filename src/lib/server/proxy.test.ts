import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { flakyBackend, type FlakyBackend } from '../../../tests/support/flaky-http';
import type { Backend } from './backend';
import { forward, type ForwardOptions } from './proxy';

/** The gateway's forwarding alone: an express app that forwards every request as `options` says. */
async function gatewayTo(url: string, options: Omit<ForwardOptions, 'method'>, logs: string[]) {
	const backend: Backend = {
		url,
		headers: {},
		kind: 'embedded',
		ensureDatabase: () => Promise.resolve(),
		close: () => Promise.resolve()
	};
	const app = express();
	app.use(express.json());
	app.all('/db', (req, res) => {
		void forward({ backend, log: (line) => logs.push(line) }, req, res, {
			...options,
			method: req.method,
			body: req.method === 'POST' ? req.body : undefined
		});
	});
	const server = await new Promise<Server>((resolve) => {
		const s = app.listen(0, '127.0.0.1', () => resolve(s));
	});
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}/db`, server };
}

describe('forward', () => {
	const closers: (() => Promise<void>)[] = [];
	afterEach(async () => {
		await Promise.all(closers.splice(0).map((close) => close()));
	});
	async function setUp(
		drops: number,
		options: Omit<ForwardOptions, 'method'> = { scope: '/network', path: '/network/' }
	) {
		const flaky: FlakyBackend = await flakyBackend(drops);
		const logs: string[] = [];
		const gateway = await gatewayTo(flaky.url, options, logs);
		closers.push(flaky.close, () => new Promise((resolve) => gateway.server.close(() => resolve())));
		return { flaky, logs, url: gateway.url };
	}
	const post = (url: string) =>
		fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"keys":[]}' });

	it('answers a read whose connection to the database dropped once, by sending it again', async () => {
		const { flaky, logs, url } = await setUp(1);
		const response = await fetch(url);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ ok: true });
		expect(flaky.received()).toBe(2);
		expect(logs).toEqual([]);
	});

	it('sends a POST that only reads again too', async () => {
		const { flaky, url } = await setUp(1, { scope: '/network', path: '/network/_all_docs', reads: true });
		expect((await post(url)).status).toBe(200);
		expect(flaky.received()).toBe(2);
	});

	it('answers 502, and says so in the log, when the database drops a write: a write is never sent twice', async () => {
		const { flaky, logs, url } = await setUp(1, { scope: '/network', path: '/network/_bulk_docs' });
		const response = await post(url);
		expect(response.status).toBe(502);
		expect(await response.json()).toMatchObject({ error: 'bad_gateway' });
		expect(flaky.received()).toBe(1);
		expect(logs).toEqual([
			expect.stringMatching(/^The database did not answer POST \/network\/_bulk_docs: .+/)
		]);
	});
});
