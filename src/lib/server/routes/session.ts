import express from 'express';
import type { RequestHandler, Response, Router } from 'express';
import { signInSchema } from '../../domain/accounts';
import { describeIssues, fieldErrors } from '../../domain/documents';
import { sessionInfoFor } from '../accounts';
import type { GatewayContext } from '../context';
import { handle, jsonBody, sendError, sessionCookie, sessionToken } from '../http';
import { accountOf, signedIn } from '../middleware/authentication';
import { describeWait, FailureThrottle } from '../throttle';

/** Failed sign-ins allowed per account name in the window: slows guessing one person's password. */
export const FAILURES_PER_NAME = 5;
/**
 * Failed sign-ins allowed per IP address in the window. Generous, because a Pride stall, a GP surgery or
 * an office puts many people behind one address; it only stops one machine guessing across many names.
 */
export const FAILURES_PER_IP = 50;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

/** Failed password checks, per account name and per address (a changed password counts too: accounts.ts). */
export interface Throttles {
	byName: FailureThrottle;
	byIp: FailureThrottle;
}

/** The context's throttles (tests pass their own), else fresh ones. */
export function signInThrottles(ctx: GatewayContext): Throttles {
	return {
		byName: ctx.throttles?.byName ?? new FailureThrottle(FAILURES_PER_NAME, THROTTLE_WINDOW_MS),
		byIp: ctx.throttles?.byIp ?? new FailureThrottle(FAILURES_PER_IP, THROTTLE_WINDOW_MS)
	};
}

/** 429 with Retry-After. */
export function tooMany(res: Response, waitMs: number, what = 'failed sign-in attempts'): void {
	const seconds = Math.ceil(waitMs / 1000);
	res.setHeader('Retry-After', String(seconds));
	sendError(res, 429, 'too_many_requests', `Too many ${what}. ${describeWait(waitMs)}`, {
		retryAfterSeconds: seconds
	});
}

/** `POST|GET|DELETE /session`: sign in, who am I (with the databases I may sync), sign out. */
export function sessionRoutes(ctx: GatewayContext, throttles: Throttles): Router {
	const router = express.Router();
	router.post('/session', jsonBody(), signIn(ctx, throttles));
	router.get('/session', ...signedIn(ctx), whoAmI);
	router.delete('/session', signOut(ctx));
	return router;
}

function signIn(ctx: GatewayContext, throttles: Throttles): RequestHandler {
	return handle(async (req, res) => {
		const parsed = signInSchema.safeParse(req.body);
		if (!parsed.success) {
			sendError(res, 400, 'bad_request', describeIssues(parsed.error.issues), {
				fields: fieldErrors(parsed.error.issues)
			});
			return;
		}
		const { name, password } = parsed.data;
		const ip = req.ip ?? 'unknown';
		const wait = Math.max(throttles.byName.retryAfterMs(name), throttles.byIp.retryAfterMs(ip));
		if (wait > 0) return tooMany(res, wait);
		const result = await ctx.accounts.authenticate(name, password);
		if (!result.ok) {
			if (result.reason === 'inactive') {
				sendError(
					res,
					403,
					'forbidden',
					'This account has been switched off. Ask your coordinator if you think this is a mistake.'
				);
				return;
			}
			throttles.byName.fail(name);
			throttles.byIp.fail(ip);
			sendError(res, 401, 'unauthorized', 'That user name and password do not match');
			return;
		}
		throttles.byName.reset(name);
		const { token, maxAgeSeconds } = await ctx.sessions.create(result.account);
		res.setHeader('Set-Cookie', sessionCookie(req, token, maxAgeSeconds));
		res.json(sessionInfoFor(result.account));
	});
}

const whoAmI: RequestHandler = (_req, res) => {
	res.json(sessionInfoFor(accountOf(res)));
};

function signOut(ctx: GatewayContext): RequestHandler {
	return handle(async (req, res) => {
		await ctx.sessions.destroy(sessionToken(req));
		res.setHeader('Set-Cookie', sessionCookie(req, '', 0));
		res.json({ ok: true });
	});
}
