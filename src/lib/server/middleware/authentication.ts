/**
 * Who is asking. The session cookie is resolved here, once per request, and nowhere else: `authenticate`
 * looks the session up and never refuses; `requireSignedIn` answers 401 when there was none, `requireThat`
 * 403 when the account may not use the route; handlers read the account with `accountOf(res)`.
 *
 * Routes put these after their body parser, so that a malformed body is a 400 whoever sends it, and only
 * on the routes that need an account: `/api/health` and signing in never touch the session store (which
 * would also count as activity and keep an idle session alive).
 */
import type { RequestHandler, Response } from 'express';
import type { Account } from '../accounts';
import type { GatewayContext } from '../context';
import { sendError, sessionToken } from '../http';

/** The account each response answers, or null once it is known that nobody is signed in. */
const accounts = new WeakMap<Response, Account | null>();

/** Resolves the session cookie (once, however often it is mounted) and keeps its account for `accountOf`. */
export function authenticate(ctx: Pick<GatewayContext, 'sessions'>): RequestHandler {
	return (req, res, next) => {
		if (accounts.has(res)) return next();
		void (async () => {
			try {
				const session = await ctx.sessions.resolve(sessionToken(req));
				accounts.set(res, session?.account ?? null);
			} catch (error) {
				return next(error);
			}
			next();
		})();
	};
}

/** 401 unless `authenticate` found a signed-in account. */
export const requireSignedIn: RequestHandler = (_req, res, next) => {
	if (accounts.get(res)) return next();
	sendError(res, 401, 'unauthorized', 'You are not signed in');
};

/** `authenticate` and `requireSignedIn`: what every route that needs an account starts with. */
export function signedIn(ctx: Pick<GatewayContext, 'sessions'>): RequestHandler[] {
	return [authenticate(ctx), requireSignedIn];
}

/** 403 with `reason` unless the signed-in account passes `allowed` (a policy.ts check). */
export function requireThat(allowed: (account: Account) => boolean, reason: string): RequestHandler {
	return (_req, res, next) => {
		if (allowed(accountOf(res))) return next();
		sendError(res, 403, 'forbidden', reason);
	};
}

/** The signed-in account; only for handlers mounted after `requireSignedIn`. */
export function accountOf(res: Response): Account {
	const account = accounts.get(res);
	if (!account) throw new Error('accountOf: the route does not require a signed-in account');
	return account;
}
