/** `/api/measures/people`: the counts behind growth and the sign-up funnel, for chairs and coordinators. */
import express from 'express';
import type { RequestHandler, Router } from 'express';
import { peopleCountsOf } from '../../domain/people-counts';
import type { GatewayContext } from '../context';
import { handle } from '../http';
import { requireThat, signedIn } from '../middleware/authentication';
import { mayReadPeopleCounts } from '../policy';
import { readInbox } from './signups';

/**
 * - `GET /measures/people`: per member account `{ joinedAt, active }`, per sign-up `{ eventId, status }`
 *   (chairs and coordinators; `peopleCountsOf` keeps nothing else)
 */
export function measureRoutes(ctx: GatewayContext): Router {
	const router = express.Router();
	const readers = requireThat(mayReadPeopleCounts, 'Only chairs and coordinators can read these counts');
	router.get('/measures/people', ...signedIn(ctx), readers, peopleCounts(ctx));
	return router;
}

function peopleCounts(ctx: GatewayContext): RequestHandler {
	return handle(async (_req, res) => {
		const [accounts, inbox] = await Promise.all([ctx.accounts.list(), readInbox(ctx)]);
		const signups = inbox.map((entry) => ({ eventId: entry.sealed.eventId, status: entry.status }));
		res.json(peopleCountsOf(accounts, signups));
	});
}
