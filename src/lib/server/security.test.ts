import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes } from './security';
import { useTestGateway } from '../../../tests/support/gateway';

const BOOTSTRAP = `
				{
					__sveltekit_abc = { base: "" };
					const element = document.currentScript.parentElement;
					Promise.all([import("/_app/immutable/entry/start.js")]).then(([kit]) => kit.start(element));
				}
			`;
const SECOND = 'console.log("théâtre")';

function shell(scripts: string[]): string {
	return `<!doctype html>
<html lang="en-GB">
	<head>
		<meta charset="utf-8" />
		<title>Coproduce</title>
		<script type="module" src="/_app/immutable/entry/start.js"></script>
		<link href="/_app/immutable/assets/0.css" rel="stylesheet">
	</head>
	<body>
		<div style="display: contents">
			${scripts.map((s, i) => `<script${i === 1 ? ' type="module"' : ''}>${s}</script>`).join('\n')}
		</div>
	</body>
</html>
`;
}

function sha256(text: string): string {
	return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

const BASE_POLICY =
	"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
	"connect-src 'self'; worker-src 'self'; manifest-src 'self'; font-src 'self'; object-src 'none'; " +
	"base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

describe('browser hardening', () => {
	let buildDir = '';
	const gateway = useTestGateway('embedded', 'security', {
		signIn: [],
		server: async (workDir) => {
			buildDir = join(workDir, 'build');
			await mkdir(buildDir, { recursive: true });
			await writeFile(join(buildDir, '200.html'), shell([BOOTSTRAP, SECOND]));
			await writeFile(join(buildDir, 'service-worker.js'), 'self.x = 1;');
			return { seedDemo: false, buildDir, trustProxy: 'loopback' };
		}
	});

	it("allows exactly the shell's own inline scripts, by hash, on every route that serves it", async () => {
		const expected = BASE_POLICY.replace(
			"script-src 'self'",
			`script-src 'self' ${sha256(BOOTSTRAP)} ${sha256(SECOND)}`
		);
		for (const path of ['/', '/ideas/idea:01ARZ3NDEKTSV4RRFFQ69G5FAV', '/200.html', '/200']) {
			const res = await fetch(gateway.base + path);
			expect(res.status, path).toBe(200);
			expect(res.headers.get('content-security-policy'), path).toBe(expected);
		}
		expect(inlineScriptHashes(shell([BOOTSTRAP, BOOTSTRAP]))).toHaveLength(1);
	});

	it('follows a rebuild of the shell without a restart', async () => {
		const rebuilt = 'window.rebuilt = true;';
		await writeFile(join(buildDir, '200.html'), shell([rebuilt]));
		const res = await fetch(gateway.base + '/people');
		expect(res.headers.get('content-security-policy')).toContain(`script-src 'self' ${sha256(rebuilt)};`);
		expect(res.headers.get('content-security-policy')).not.toContain(sha256(BOOTSTRAP));
		await writeFile(join(buildDir, '200.html'), shell([BOOTSTRAP, SECOND]));
	});

	it('sends the usual headers everywhere, and HSTS only over HTTPS', async () => {
		for (const path of ['/api/health', '/db/', '/service-worker.js', '/missing.js']) {
			const res = await fetch(gateway.base + path);
			expect(res.headers.get('content-security-policy'), path).toBe(BASE_POLICY);
			expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
			expect(res.headers.get('x-frame-options'), path).toBe('DENY');
			expect(res.headers.get('referrer-policy'), path).toBe('same-origin');
			expect(res.headers.get('permissions-policy'), path).toBe(
				'camera=(self), microphone=(self), geolocation=(), payment=(), usb=()'
			);
			expect(res.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
			expect(res.headers.get('strict-transport-security'), path).toBeNull();
		}
		const https = await fetch(gateway.base + '/api/health', { headers: { 'x-forwarded-proto': 'https' } });
		expect(https.headers.get('strict-transport-security')).toBe('max-age=31536000');
	});

	it('refuses unsafe requests a browser marks as cross-site, and lets non-browser clients through', async () => {
		const signIn = (headers: Record<string, string>) =>
			fetch(gateway.base + '/api/session', {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...headers },
				body: JSON.stringify({ name: 'nobody', password: 'x' })
			});
		// 401: the request got through to the sign-in check.
		expect((await signIn({})).status).toBe(401);
		expect((await signIn({ 'sec-fetch-site': 'same-origin' })).status).toBe(401);
		expect((await signIn({ 'sec-fetch-site': 'same-origin', origin: gateway.base })).status).toBe(401);
		expect((await signIn({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
		expect((await signIn({ 'sec-fetch-site': 'same-site' })).status).toBe(403);
		expect((await signIn({ origin: 'http://evil.example' })).status).toBe(403);
		expect((await signIn({ origin: 'null' })).status).toBe(403);
		const refused = await signIn({ 'sec-fetch-site': 'cross-site', origin: gateway.base });
		expect(await refused.json()).toEqual({
			error: 'forbidden',
			reason: 'Requests from other sites are not allowed'
		});
		// Reading is never refused for it: a cross-site GET cannot change anything.
		expect(
			(await fetch(gateway.base + '/api/health', { headers: { 'sec-fetch-site': 'cross-site' } })).status
		).toBe(200);
	});
});
