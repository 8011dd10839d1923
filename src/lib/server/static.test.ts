import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from './security';
import { staticApp } from './static';
import { useTempDir } from '../../../tests/support/gateway';

describe('static app', () => {
	const build = useTempDir('static');
	let server: Server;
	let base: string;

	beforeAll(async () => {
		const dir = build.path;
		await mkdir(join(dir, '_app/immutable/chunks'), { recursive: true });
		await writeFile(join(dir, '200.html'), '<!doctype html><title>shell</title>');
		await writeFile(join(dir, 'about.html'), '<!doctype html><title>about</title>');
		await writeFile(join(dir, 'service-worker.js'), 'self.x = 1;');
		await writeFile(join(dir, 'manifest.webmanifest'), '{}');
		await writeFile(join(dir, '_app/immutable/chunks/app.abc123.js'), 'export {};');
		// adapter-static's precompressed copies: brotli of the shell, gzip of the chunk.
		await writeFile(
			join(dir, '200.html.br'),
			new Uint8Array(brotliCompressSync('<!doctype html><title>shell</title>'))
		);
		await writeFile(
			join(dir, '_app/immutable/chunks/app.abc123.js.gz'),
			new Uint8Array(gzipSync('export {};'))
		);
		const app = express();
		app.use(securityHeaders);
		app.use(staticApp(dir));
		server = await new Promise<Server>((resolve) => {
			const s = app.listen(0, '127.0.0.1', () => resolve(s));
		});
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});

	afterAll(async () => {
		await new Promise<void>((resolve) => server.close(() => resolve()));
	});

	it('caches immutable assets for a year and revalidates everything else', async () => {
		const asset = await fetch(base + '/_app/immutable/chunks/app.abc123.js');
		expect(asset.status).toBe(200);
		expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		for (const path of ['/service-worker.js', '/manifest.webmanifest', '/about']) {
			const res = await fetch(base + path);
			expect(res.status, path).toBe(200);
			expect(res.headers.get('cache-control'), path).toBe('no-cache');
		}
	});

	it('serves 200.html for app routes, 404 for missing files', async () => {
		const page = await fetch(base + '/ideas/idea:01ABC');
		expect(page.status).toBe(200);
		expect(page.headers.get('cache-control')).toBe('no-cache');
		expect(page.headers.get('x-frame-options')).toBe('DENY');
		expect(await page.text()).toContain('shell');
		expect((await fetch(base + '/_app/immutable/chunks/gone.js')).status).toBe(404);
		expect((await fetch(base + '/favicon.png')).status).toBe(404);
	});

	it('sends the compressed copy a browser accepts, as the file it stands for', async () => {
		const chunk = base + '/_app/immutable/chunks/app.abc123.js';
		// Node's fetch asks for gzip and brotli and decodes the answer.
		const zipped = await fetch(chunk);
		expect(zipped.headers.get('content-encoding')).toBe('gzip');
		expect(zipped.headers.get('content-type')).toMatch(/^(application|text)\/javascript/);
		expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
		expect(zipped.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		expect(await zipped.text()).toBe('export {};');

		const plain = await fetch(chunk, { headers: { 'accept-encoding': 'identity' } });
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(await plain.text()).toBe('export {};');

		const shell = await fetch(base + '/ideas', { headers: { 'accept-encoding': 'br, gzip' } });
		expect(shell.headers.get('content-encoding')).toBe('br');
		expect(shell.headers.get('content-type')).toMatch(/^text\/html/);
		expect(shell.headers.get('content-security-policy')).toBeTruthy();
		expect(await shell.text()).toContain('shell');
	});

	it('never sends a file from outside the build or a hidden one', async () => {
		await writeFile(join(build.path, '.secret'), 'no');
		for (const path of ['/..%2Fpackage.json', '/..%2F..%2Fetc%2Fhostname.txt', '/.secret'])
			expect((await fetch(base + path)).status, path).toBe(404);
	});
});
