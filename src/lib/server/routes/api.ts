import express from 'express';
import type { RequestHandler, Router } from 'express';
import type { GatewayContext } from '../context';
import { noStore, sendError } from '../http';
import { accountRoutes } from './accounts';
import { keyringRoutes } from './keyring';
import { sessionRoutes, signInThrottles } from './session';
import { signupRoutes } from './signups';

/**
 * `/api`:
 * - `GET /health`
 * - sessions (session.ts), accounts (accounts.ts), the sign-up inbox (signups.ts) and coordinators'
 *   keyrings (keyring.ts); each route says itself whether it needs an account (middleware/authentication.ts)
 */
export function apiRouter(ctx: GatewayContext): Router {
	const router = express.Router();
	const throttles = signInThrottles(ctx);
	router.use(noStore);
	router.get('/health', health);
	router.use(sessionRoutes(ctx, throttles));
	router.use(accountRoutes(ctx, throttles));
	router.use(signupRoutes(ctx));
	router.use(keyringRoutes(ctx));
	router.use(noSuchApi);
	return router;
}

const health: RequestHandler = (_req, res) => {
	res.json({ ok: true });
};

const noSuchApi: RequestHandler = (_req, res) => {
	sendError(res, 404, 'not_found', 'There is no such API');
};
