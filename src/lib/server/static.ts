import { readFileSync, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import express from 'express';
import type { Request, Response, Router } from 'express';
import { contentSecurityPolicy, inlineScriptHashes } from './security';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Coproduce is not built yet</title></head>
<body>
<h1>Coproduce is not built yet</h1>
<p>The server is running, but the app has not been built. Run <code>npm run build</code>, then reload this page.</p>
</body>
</html>
`;

async function fileStats(path: string): Promise<Stats | undefined> {
	try {
		const stats = await stat(path);
		return stats.isFile() ? stats : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The CSP of an HTML page of the build: the base policy plus the hashes of the page's inline scripts,
 * read once per version of the file (a rebuild changes its size or time, and the hashes are read again).
 */
export class PagePolicies {
	private readonly cache = new Map<string, { key: string; policy: string }>();

	policyFor(path: string, stats: Stats): string {
		const key = `${stats.size}:${stats.mtimeMs}`;
		const cached = this.cache.get(path);
		if (cached?.key === key) return cached.policy;
		const policy = contentSecurityPolicy(inlineScriptHashes(readFileSync(path, 'utf8')));
		this.cache.set(path, { key, policy });
		return policy;
	}
}

/**
 * The built app (adapter-static output): files with long-lived caching for `_app/immutable`, `no-cache`
 * (revalidate every time) for everything else, and `200.html` as the fallback for app routes. The build is
 * looked up per request, so a rebuild needs no restart; without one, app routes answer 503.
 */
export function staticApp(buildDir: string): Router {
	const root = resolve(buildDir);
	const fallback = join(root, '200.html');
	const policies = new PagePolicies();
	const router = express.Router();

	router.use(
		express.static(root, {
			extensions: ['html'],
			setHeaders(res, path, stats) {
				const rel = relative(root, path).split(sep).join('/');
				res.setHeader(
					'Cache-Control',
					rel.startsWith('_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache'
				);
				if (path.endsWith('.html')) res.setHeader('Content-Security-Policy', policies.policyFor(path, stats));
			}
		})
	);

	router.use((req: Request, res: Response, next) => {
		if (req.method !== 'GET' && req.method !== 'HEAD') return next();
		const last = req.path.split('/').pop() ?? '';
		// A missing file (anything with an extension, anything under /_app) is a 404, not the app shell.
		if (last.includes('.') || req.path.startsWith('/_app/')) return next();
		void (async () => {
			try {
				await sendShell();
			} catch (error) {
				next(error);
			}
		})();
		async function sendShell() {
			const stats = await fileStats(fallback);
			if (!stats) {
				res.status(503).type('html').setHeader('Cache-Control', 'no-store').send(NOT_BUILT_PAGE);
				return;
			}
			const headers = {
				'Cache-Control': 'no-cache',
				'Content-Security-Policy': policies.policyFor(fallback, stats)
			};
			res.sendFile(fallback, { cacheControl: false, headers }, (err) => {
				if (err) next(err);
			});
		}
	});

	router.use((_req: Request, res: Response) => {
		res.status(404).type('text').send('Not found');
	});
	return router;
}
