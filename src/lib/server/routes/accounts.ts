import express from 'express';
import type { Request, Response, Router } from 'express';
import {
	accountNameSchema,
	accountUpdateSchema,
	newAccountSchema,
	passwordChangeSchema,
	signInSchema
} from '../domain/accounts';
import { describeIssues, fieldErrors } from '../domain/documents';
import { passwordProblem } from '../domain/passwords';
import {
	AccountExistsError,
	byDisplayName,
	PasswordRefusedError,
	sessionInfoFor,
	summaryOf,
	type Account
} from './accounts';
import type { GatewayContext } from './context';
import { handle, jsonBody, noStore, sendError, sessionCookie, sessionToken, type Json } from './http';
import { mayManageAccounts } from './policy';
import { verifyPassword } from './passwords';
import { signupsRouter } from './signups-api';
import { describeWait, FailureThrottle } from './throttle';

/** Failed sign-ins allowed per account name in the window: slows guessing one person's password. */
export const FAILURES_PER_NAME = 5;
/**
 * Failed sign-ins allowed per IP address in the window. Generous, because a Pride stall, a GP surgery or
 * an office puts many people behind one address; it only stops one machine guessing across many names.
 */
export const FAILURES_PER_IP = 50;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

const WRONG_CURRENT_PASSWORD = 'Your current password is not right';

interface Throttles {
	byName: FailureThrottle;
	byIp: FailureThrottle;
}

function tooMany(res: Response, waitMs: number, what = 'failed sign-in attempts'): void {
	const seconds = Math.ceil(waitMs / 1000);
	res.setHeader('Retry-After', String(seconds));
	sendError(res, 429, 'too_many_requests', `Too many ${what}. ${describeWait(waitMs)}`, {
		retryAfterSeconds: seconds
	});
}

function badRequest(res: Response, fields: Record<string, string>): void {
	sendError(res, 400, 'bad_request', Object.values(fields).join('. '), { fields });
}

/** The signed-in account, or undefined after answering 401. */
async function signedIn(ctx: GatewayContext, req: Request, res: Response): Promise<Account | undefined> {
	const session = await ctx.sessions.resolve(sessionToken(req));
	if (!session) {
		sendError(res, 401, 'unauthorized', 'You are not signed in');
		return undefined;
	}
	return session.account;
}

/** The signed-in coordinator, or undefined after answering 401 or 403. */
async function signedInManager(
	ctx: GatewayContext,
	req: Request,
	res: Response
): Promise<Account | undefined> {
	const account = await signedIn(ctx, req, res);
	if (!account) return undefined;
	if (!mayManageAccounts(account)) {
		sendError(res, 403, 'forbidden', 'Only a coordinator can manage accounts');
		return undefined;
	}
	return account;
}

/** The `:name` of a route as an account name, or undefined (a name that cannot exist). */
function nameParam(req: Request): string | undefined {
	const parsed = accountNameSchema.safeParse(req.params.name);
	return parsed.success ? parsed.data : undefined;
}

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
	const set = new Set(a);
	return set.size === new Set(b).size && b.every((role) => set.has(role));
}

/**
 * `/api`:
 * - `GET /health`
 * - `POST|GET|DELETE /session`: sign in, who am I (with the databases I may sync), sign out
 * - `GET|POST /accounts`, `PATCH /accounts/:name`: coordinators manage accounts
 * - `POST /accounts/:name/password`: change your own password, or (coordinators) set someone else's
 */
export function apiRouter(ctx: GatewayContext): Router {
	const router = express.Router();
	const throttles: Throttles = {
		byName: ctx.throttles?.byName ?? new FailureThrottle(FAILURES_PER_NAME, THROTTLE_WINDOW_MS),
		byIp: ctx.throttles?.byIp ?? new FailureThrottle(FAILURES_PER_IP, THROTTLE_WINDOW_MS)
	};
	router.use(noStore);

	router.get('/health', (_req, res) => {
		res.json({ ok: true });
	});

	router.post(
		'/session',
		jsonBody(),
		handle(async (req, res) => {
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
		})
	);

	router.get(
		'/session',
		handle(async (req, res) => {
			const account = await signedIn(ctx, req, res);
			if (account) res.json(sessionInfoFor(account));
		})
	);

	router.delete(
		'/session',
		handle(async (req, res) => {
			await ctx.sessions.destroy(sessionToken(req));
			res.setHeader('Set-Cookie', sessionCookie(req, '', 0));
			res.json({ ok: true });
		})
	);

	router.get(
		'/accounts',
		handle(async (req, res) => {
			if (!(await signedInManager(ctx, req, res))) return;
			const accounts = await ctx.accounts.list();
			res.json(accounts.sort(byDisplayName).map(summaryOf));
		})
	);

	router.post(
		'/accounts',
		jsonBody(),
		handle(async (req, res) => {
			const manager = await signedInManager(ctx, req, res);
			if (!manager) return;
			const body: unknown = req.body;
			const parsed = newAccountSchema.safeParse(body);
			const fields = parsed.success ? {} : fieldErrors(parsed.error.issues);
			const raw = (typeof body === 'object' && body !== null ? body : {}) as Json;
			const name = parsed.success ? parsed.data.name : accountNameSchema.safeParse(raw.name).data;
			if (!fields.password && typeof raw.password === 'string') {
				const problem = passwordProblem(raw.password, name);
				if (problem) fields.password = problem;
			}
			if (!parsed.success || Object.keys(fields).length > 0) return badRequest(res, fields);
			try {
				const account = await ctx.accounts.create(parsed.data);
				ctx.log(`${manager.name} created the account ${account.name} (${account.roles.join(', ')})`);
				res.status(201).json(summaryOf(account));
			} catch (error) {
				if (error instanceof AccountExistsError) {
					const reason = `There is already an account called ${error.accountName}`;
					sendError(res, 409, 'conflict', reason, { fields: { name: reason } });
					return;
				}
				if (error instanceof PasswordRefusedError) return badRequest(res, { password: error.message });
				throw error;
			}
		})
	);

	router.patch(
		'/accounts/:name',
		jsonBody(),
		handle(async (req, res) => {
			const manager = await signedInManager(ctx, req, res);
			if (!manager) return;
			const parsed = accountUpdateSchema.safeParse(req.body);
			if (!parsed.success) return badRequest(res, fieldErrors(parsed.error.issues));
			const name = nameParam(req);
			const target = name ? await ctx.accounts.get(name) : undefined;
			if (!name || !target) {
				sendError(res, 404, 'not_found', 'There is no such account');
				return;
			}
			const update = parsed.data;
			if (name === manager.name) {
				// Sending your own roles or `active: true` unchanged is not a change, so it is allowed.
				if (update.roles && !sameRoles(update.roles, target.roles)) {
					sendError(res, 403, 'forbidden', 'You cannot change your own roles');
					return;
				}
				if (update.active === false) {
					sendError(res, 403, 'forbidden', 'You cannot deactivate your own account');
					return;
				}
			}
			const account = await ctx.accounts.update(name, update);
			if (!account) {
				sendError(res, 404, 'not_found', 'There is no such account');
				return;
			}
			if (!account.active) await ctx.sessions.endSessionsOf(name);
			ctx.log(`${manager.name} changed the account ${name}: ${Object.keys(update).join(', ')}`);
			res.json(summaryOf(account));
		})
	);

	router.post(
		'/accounts/:name/password',
		jsonBody(),
		handle(async (req, res) => {
			const caller = await signedIn(ctx, req, res);
			if (!caller) return;
			const name = nameParam(req);
			const own = name === caller.name;
			if (!own && !mayManageAccounts(caller)) {
				sendError(res, 403, 'forbidden', "Only a coordinator can set someone else's password");
				return;
			}
			const parsed = passwordChangeSchema.safeParse(req.body);
			if (!parsed.success) return badRequest(res, fieldErrors(parsed.error.issues));
			const target = name ? await ctx.accounts.get(name) : undefined;
			if (!name || !target) {
				sendError(res, 404, 'not_found', 'There is no such account');
				return;
			}
			const { currentPassword, password } = parsed.data;
			const fields: Record<string, string> = {};
			const problem = passwordProblem(password, name);
			if (problem) fields.password = problem;
			if (own) {
				// The current password is guessed here no more freely than at sign-in: same counter.
				const wait = throttles.byName.retryAfterMs(name);
				if (wait > 0) return tooMany(res, wait, 'wrong passwords');
				if (!currentPassword) {
					fields.currentPassword = 'Enter your current password';
				} else if (!(await verifyPassword(currentPassword, target.passwordHash))) {
					throttles.byName.fail(name);
					fields.currentPassword = WRONG_CURRENT_PASSWORD;
				}
			}
			if (Object.keys(fields).length > 0) return badRequest(res, fields);
			try {
				await ctx.accounts.setPassword(name, password);
			} catch (error) {
				if (error instanceof PasswordRefusedError) return badRequest(res, { password: error.message });
				throw error;
			}
			// Everyone else signed in as this account is signed out; the caller keeps their own session.
			await ctx.sessions.endSessionsOf(name, own ? sessionToken(req) : undefined);
			ctx.log(own ? `${name} changed their password` : `${caller.name} set a new password for ${name}`);
			res.status(204).end();
		})
	);

	// The sign-up inbox and coordinators' keyrings (signups-api.ts).
	router.use(signupsRouter(ctx));

	router.use((_req, res) => sendError(res, 404, 'not_found', 'There is no such API'));
	return router;
}
