import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/**
 * The Content-Security-Policy of every response, with `script-src` extended by the hashes of a page's own
 * inline scripts (SvelteKit's bootstrap in `200.html`) when that page is served: no inline script runs
 * unless it is byte for byte one the build wrote.
 *
 * `style-src` keeps 'unsafe-inline': SvelteKit's route announcer (`<div id="svelte-announcer" style=…>`,
 * rendered from the framework's own code) and the `display: contents` wrapper in `app.html` are inline
 * style attributes, which only 'unsafe-inline' (or 'unsafe-hashes', not in every supported browser)
 * allows. Without it the announcer becomes visible. Style injection needs markup injection first, which
 * Svelte's escaping and the sanitised Markdown renderer prevent; scripts stay locked down either way.
 */
export function contentSecurityPolicy(scriptHashes: readonly string[] = []): string {
	const scriptSrc = ["'self'", ...scriptHashes.map((hash) => `'${hash}'`)].join(' ');
	return [
		"default-src 'self'",
		`script-src ${scriptSrc}`,
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data: blob:",
		"connect-src 'self'",
		"worker-src 'self'",
		"manifest-src 'self'",
		"font-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		"frame-ancestors 'none'"
	].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Camera (site-visit photos) and microphone (dictation) for this origin only; no location, no payments. */
export const PERMISSIONS_POLICY = 'camera=(self), microphone=(self), geolocation=(), payment=(), usb=()';

/** One year; set only on HTTPS responses (a browser ignores it over HTTP, and it must not stick to a test host). */
export const HSTS = 'max-age=31536000';

/** `sha256-<base64>` of each inline `<script>` (one without `src`) in an HTML page, in order. */
export function inlineScriptHashes(html: string): string[] {
	const hashes: string[] = [];
	for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
		const attributes = match[1] ?? '';
		if (/\bsrc\s*=/i.test(attributes)) continue;
		hashes.push(
			'sha256-' +
				createHash('sha256')
					.update(match[2] ?? '', 'utf8')
					.digest('base64')
		);
	}
	return [...new Set(hashes)];
}

/** Headers every response carries: static files, API answers and proxied database answers alike. */
export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
	res.setHeader('X-Content-Type-Options', 'nosniff');
	res.setHeader('Referrer-Policy', 'same-origin');
	res.setHeader('X-Frame-Options', 'DENY');
	res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
	res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
	res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
	// `req.secure` believes X-Forwarded-Proto only when TRUST_PROXY is set.
	if (req.secure) res.setHeader('Strict-Transport-Security', HSTS);
	next();
}

function originOf(value: string): string | undefined {
	try {
		return new URL(value).origin;
	} catch {
		return undefined;
	}
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses any request that can change something (not GET, HEAD or OPTIONS) that a browser says comes from
 * another site: an `Origin` header naming another origin, or `Sec-Fetch-Site: cross-site`/`same-site`.
 * With the SameSite=Strict cookie this closes cross-site request forgery. Requests with neither header
 * (PouchDB in Node, the command line, tests) pass: they carry no browser's ambient cookies. Behind a
 * TLS-terminating proxy, set TRUST_PROXY so the request's own origin is https.
 */
export function originCheck(log: (message: string) => void) {
	let hinted = false;
	return (req: Request, res: Response, next: NextFunction): void => {
		if (SAFE_METHODS.has(req.method)) return next();
		const fetchSite = req.get('sec-fetch-site');
		if (fetchSite === 'cross-site' || fetchSite === 'same-site') {
			res.status(403).json({ error: 'forbidden', reason: 'Requests from other sites are not allowed' });
			return;
		}
		const origin = req.get('origin');
		if (origin === undefined) return next();
		const own = originOf(`${req.protocol}://${req.get('host') ?? ''}`);
		const theirs = originOf(origin);
		if (own !== undefined && theirs === own) return next();
		if (!hinted && own && theirs && new URL(own).host === new URL(theirs).host) {
			hinted = true;
			log(
				`Refused a request from ${theirs} to ${own}: if a proxy terminates HTTPS in front of this server, set TRUST_PROXY`
			);
		}
		res.status(403).json({ error: 'forbidden', reason: 'Requests from other sites are not allowed' });
	};
}
