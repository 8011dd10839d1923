import express from 'express';
import type { RequestHandler, Router } from 'express';
import type { GatewayContext } from '../context';
import { noStore, sendError } from '../http';
import { accountRoutes } from './accounts';
import { keyringRoutes } from './keyring';
import { measureRoutes } from './measures';
import { sessionRoutes, signInThrottles } from './session';
import { signupRoutes } from './signups';

/**
 * `/api`:
 * - `GET /health`
 * - sessions (session.ts), accounts (accounts.ts), the sign-up inbox (signups.ts), coordinators'
 *   keyrings (keyring.ts) and the counts behind the network's measures (measures.ts); each route says
 *   itself whether it needs an account (middleware/authentication.ts)
 */
export function apiRouter(ctx: GatewayContext): Router {
	const router = express.Router();
	const throttles = signInThrottles(ctx);
	router.use(noStore);
	router.get('/health', health);
	// Express answers OPTIONS itself, in HTML, for any path with a route; there is no CORS to serve here.
	router.options('*', noSuchApi);
	router.use(sessionRoutes(ctx, throttles));
	router.use(accountRoutes(ctx, throttles));
	router.use(signupRoutes(ctx));
	router.use(keyringRoutes(ctx));
	router.use(measureRoutes(ctx));
	router.use(noSuchApi);
	return router;
}

const health: RequestHandler = (_req, res) => {
	res.json({ ok: true });
};

const noSuchApi: RequestHandler = (_req, res) => {
	sendError(res, 404, 'not_found', 'There is no such API');
};
