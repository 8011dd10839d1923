import type { NextFunction, Request, Response } from 'express';

/**
 * No `script-src` yet: SvelteKit's `200.html` bootstraps with an inline script, and a hash-based script
 * policy belongs with the full CSP (a later issue). What is here cannot break the app.
 */
export const CONTENT_SECURITY_POLICY =
	"frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'";

/** Headers every response carries: static files, API answers and proxied database answers alike. */
export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
	res.setHeader('X-Content-Type-Options', 'nosniff');
	res.setHeader('Referrer-Policy', 'same-origin');
	res.setHeader('X-Frame-Options', 'DENY');
	res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
	next();
}

function originOf(value: string): string | undefined {
	try {
		return new URL(value).origin;
	} catch {
		return undefined;
	}
}

/**
 * Refuses any request that can change something (not GET or HEAD) when its `Origin` header names another
 * origin than the request's own. With the SameSite=Strict cookie this closes cross-site request forgery.
 * Behind a TLS-terminating proxy, set TRUST_PROXY so the request's own origin is https.
 */
export function originCheck(log: (message: string) => void) {
	let hinted = false;
	return (req: Request, res: Response, next: NextFunction): void => {
		const origin = req.get('origin');
		if (req.method === 'GET' || req.method === 'HEAD' || origin === undefined) return next();
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
