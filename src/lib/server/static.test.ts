import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from './security';
import { staticApp } from './static';

describe('static app', () => {
	let dir: string;
	let server: Server;
	let base: string;

	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'coproduce-static-test-'));
		await mkdir(join(dir, '_app/immutable/chunks'), { recursive: true });
		await writeFile(join(dir, '200.html'), '<!doctype html><title>shell</title>');
		await writeFile(join(dir, 'about.html'), '<!doctype html><title>about</title>');
		await writeFile(join(dir, 'service-worker.js'), 'self.x = 1;');
		await writeFile(join(dir, 'manifest.webmanifest'), '{}');
		await writeFile(join(dir, '_app/immutable/chunks/app.abc123.js'), 'export {};');
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
		await rm(dir, { recursive: true, force: true });
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
});
