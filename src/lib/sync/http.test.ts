import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, failureOf } from './http';

describe('failureOf', () => {
	it('gives every unsuccessful status one reason and a message to show', () => {
		expect(failureOf(400, { reason: 'Check the form', fields: { name: 'Enter a name', n: 5 } })).toEqual({
			ok: false,
			reason: 'invalid',
			status: 400,
			message: 'Check the form',
			fields: { name: 'Enter a name' }
		});
		expect(failureOf(401, { reason: 'No match' })).toMatchObject({
			reason: 'signed-out',
			said: 'No match',
			message: 'Your session has ended. Sign in again.'
		});
		expect(failureOf(403, { reason: 'Switched off' })).toMatchObject({
			reason: 'refused',
			message: 'Switched off'
		});
		expect(failureOf(404, undefined)).toMatchObject({ reason: 'refused', message: 'That was not accepted.' });
		expect(failureOf(429, { reason: 'Wait 5 minutes' })).toMatchObject({
			reason: 'throttled',
			message: 'Wait 5 minutes'
		});
		expect(failureOf(502, { reason: 'secret detail' })).toMatchObject({
			reason: 'server',
			message: 'The server had a problem. Try again in a minute.'
		});
	});
});

describe('call', () => {
	let server: Server;
	let base: string;
	beforeAll(async () => {
		server = createServer((req, res) => {
			if (req.url === '/ok') res.writeHead(200, { 'content-type': 'application/json' }).end('{"n":1}');
			else if (req.url === '/page')
				res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
			else res.writeHead(204).end();
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

	it('reads a success, and says why a call failed', async () => {
		expect(await call(`${base}/ok`, {}, (body) => (body as { n: number }).n, 'offline')).toEqual({
			ok: true,
			value: 1
		});
		expect(await call(`${base}/none`, {}, () => 'empty', 'offline')).toEqual({ ok: true, value: 'empty' });
		expect(await call(`${base}/page`, {}, () => 1, 'offline')).toMatchObject({
			ok: false,
			reason: 'server',
			status: 502
		});
		const unreadable = await call(
			`${base}/ok`,
			{},
			() => {
				throw new Error('not what was expected');
			},
			'offline'
		);
		expect(unreadable).toMatchObject({ ok: false, reason: 'unreadable' });
		const closed = await call('http://127.0.0.1:9/', {}, () => 1, 'You need a connection for this.');
		expect(closed).toEqual({ ok: false, reason: 'offline', message: 'You need a connection for this.' });
	});
});
