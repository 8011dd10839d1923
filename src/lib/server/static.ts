/** The built app, served with the caching, compression and page policies a PWA needs. */
import { readFileSync, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import express from 'express';
import type { Request, RequestHandler, Response, Router } from 'express';
import { handle } from './http';
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

/** adapter-static's precompressed copies (`precompress: true`), best first. */
const ENCODINGS = [
	{ encoding: 'br', suffix: '.br' },
	{ encoding: 'gzip', suffix: '.gz' }
] as const;

/** The precompressed copy of `file` that the request accepts, if the build has one. */
async function compressedCopy(
	req: Request,
	file: string
): Promise<{ path: string; encoding: string } | undefined> {
	for (const { encoding, suffix } of ENCODINGS) {
		if (req.acceptsEncodings(encoding) !== encoding) continue;
		if (await fileStats(file + suffix)) return { path: file + suffix, encoding };
	}
	return undefined;
}

/** The build directory: which file a request names, and how a file is sent. */
class Build {
	readonly root: string;
	/** The app shell, for every app route. */
	readonly fallback: string;
	private readonly policies = new PagePolicies();

	constructor(buildDir: string) {
		this.root = resolve(buildDir);
		this.fallback = join(this.root, '200.html');
	}

	/** The file a request names (as `express.static` finds it, `.html` optional), if any. */
	async fileFor(path: string): Promise<{ file: string; stats: Stats } | undefined> {
		let rel: string;
		try {
			rel = decodeURIComponent(path);
		} catch {
			return undefined;
		}
		if (rel.split('/').some((part) => part.startsWith('.'))) return undefined;
		const file = resolve(this.root, `.${rel}`);
		if (!file.startsWith(this.root + sep)) return undefined;
		for (const candidate of [file, `${file}.html`]) {
			const stats = await fileStats(candidate);
			if (stats) return { file: candidate, stats };
		}
		return undefined;
	}

	/**
	 * Sends `file`, compressed when the build has a copy the request accepts. A download cut short after the
	 * headers went (the phone lost signal) is not an error of the server's.
	 */
	async send(req: Request, res: Response, file: string, stats: Stats): Promise<void> {
		const copy = await compressedCopy(req, file);
		const headers: Record<string, string> = {
			...this.headersFor(file, stats),
			...(copy ? { 'Content-Encoding': copy.encoding } : {})
		};
		// The type of the file itself, not of its compressed copy.
		if (copy) res.type(extname(file));
		await new Promise<void>((resolve, reject) =>
			res.sendFile(copy?.path ?? file, { cacheControl: false, headers }, (error) =>
				error && !res.headersSent ? reject(error) : resolve()
			)
		);
	}

	private headersFor(path: string, stats: Stats): Record<string, string> {
		const rel = relative(this.root, path).split(sep).join('/');
		return {
			'Cache-Control': rel.startsWith('_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache',
			Vary: 'Accept-Encoding',
			...(path.endsWith('.html') ? { 'Content-Security-Policy': this.policies.policyFor(path, stats) } : {})
		};
	}
}

function isRead(req: Request): boolean {
	return req.method === 'GET' || req.method === 'HEAD';
}

/** A file of the build that the request names. */
function buildFile(build: Build): RequestHandler {
	return handle(async (req, res, next) => {
		const found = isRead(req) ? await build.fileFor(req.path) : undefined;
		if (!found) return next();
		await build.send(req, res, found.file, found.stats);
	});
}

/** The app shell for an app route; 503 with a plain page while there is no build. */
function appShell(build: Build): RequestHandler {
	return handle(async (req, res, next) => {
		const last = req.path.split('/').pop() ?? '';
		// A missing file (anything with an extension, anything under /_app) is a 404, not the app shell.
		if (!isRead(req) || last.includes('.') || req.path.startsWith('/_app/')) return next();
		const stats = await fileStats(build.fallback);
		if (!stats) {
			res.status(503).type('html').setHeader('Cache-Control', 'no-store').send(NOT_BUILT_PAGE);
			return;
		}
		await build.send(req, res, build.fallback, stats);
	});
}

const notFound: RequestHandler = (_req, res) => {
	res.status(404).type('text').send('Not found');
};

/**
 * The built app (adapter-static output): files with long-lived caching for `_app/immutable`, `no-cache`
 * (revalidate every time) for everything else, and `200.html` as the fallback for app routes. A file the
 * build also wrote compressed (brotli, gzip) is sent compressed when the browser accepts it: about a
 * quarter of the bytes for a phone installing the app. The build is looked up per request, so a rebuild
 * needs no restart; without one, app routes answer 503.
 */
export function staticApp(buildDir: string): Router {
	const build = new Build(buildDir);
	const router = express.Router();
	router.use(buildFile(build), appShell(build), notFound);
	return router;
}
