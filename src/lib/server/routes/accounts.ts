import express from 'express';
import type { Request, RequestHandler, Response, Router } from 'express';
import {
	accountNameSchema,
	accountUpdateSchema,
	newAccountSchema,
	passwordChangeSchema
} from '../../domain/accounts';
import { fieldErrors } from '../../domain/documents';
import { passwordProblem } from '../../domain/passwords';
import { AccountExistsError, byDisplayName, PasswordRefusedError, summaryOf } from '../accounts';
import type { GatewayContext } from '../context';
import { handle, jsonBody, sendError, sessionToken, type Json } from '../http';
import { accountOf, requireThat, signedIn } from '../middleware/authentication';
import { mayManageAccounts } from '../policy';
import { verifyPassword } from '../passwords';
import { tooMany, type Throttles } from './session';

const WRONG_CURRENT_PASSWORD = 'Your current password is not right';

const coordinatorsOnly = requireThat(mayManageAccounts, 'Only a coordinator can manage accounts');

/**
 * - `GET|POST /accounts`, `PATCH /accounts/:name`: coordinators manage accounts
 * - `POST /accounts/:name/password`: change your own password, or (coordinators) set someone else's
 */
export function accountRoutes(ctx: GatewayContext, throttles: Throttles): Router {
	const router = express.Router();
	router.get('/accounts', ...signedIn(ctx), coordinatorsOnly, listAccounts(ctx));
	router.post('/accounts', jsonBody(), ...signedIn(ctx), coordinatorsOnly, createAccount(ctx));
	router.patch('/accounts/:name', jsonBody(), ...signedIn(ctx), coordinatorsOnly, updateAccount(ctx));
	router.post('/accounts/:name/password', jsonBody(), ...signedIn(ctx), setPassword(ctx, throttles));
	return router;
}

function badRequest(res: Response, fields: Record<string, string>): void {
	sendError(res, 400, 'bad_request', Object.values(fields).join('. '), { fields });
}

function noSuchAccount(res: Response): void {
	sendError(res, 404, 'not_found', 'There is no such account');
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

function listAccounts(ctx: GatewayContext): RequestHandler {
	return handle(async (_req, res) => {
		const accounts = await ctx.accounts.list();
		res.json(accounts.sort(byDisplayName).map(summaryOf));
	});
}

function createAccount(ctx: GatewayContext): RequestHandler {
	return handle(async (req, res) => {
		const manager = accountOf(res);
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
	});
}

function updateAccount(ctx: GatewayContext): RequestHandler {
	return handle(async (req, res) => {
		const manager = accountOf(res);
		const parsed = accountUpdateSchema.safeParse(req.body);
		if (!parsed.success) return badRequest(res, fieldErrors(parsed.error.issues));
		const name = nameParam(req);
		const target = name ? await ctx.accounts.get(name) : undefined;
		if (!name || !target) return noSuchAccount(res);
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
		if (!account) return noSuchAccount(res);
		if (!account.active) await ctx.sessions.endSessionsOf(name);
		ctx.log(`${manager.name} changed the account ${name}: ${Object.keys(update).join(', ')}`);
		// Its checkpoints moved on with the change (accounts.ts): its devices read everything again.
		if (account.checkpointEpoch !== target.checkpointEpoch) {
			ctx.log(`${name} may now read other private documents: their devices will sync from the start`);
		}
		res.json(summaryOf(account));
	});
}

function setPassword(ctx: GatewayContext, throttles: Throttles): RequestHandler {
	return handle(async (req, res) => {
		const caller = accountOf(res);
		const name = nameParam(req);
		const own = name === caller.name;
		if (!own && !mayManageAccounts(caller)) {
			sendError(res, 403, 'forbidden', "Only a coordinator can set someone else's password");
			return;
		}
		const parsed = passwordChangeSchema.safeParse(req.body);
		if (!parsed.success) return badRequest(res, fieldErrors(parsed.error.issues));
		const target = name ? await ctx.accounts.get(name) : undefined;
		if (!name || !target) return noSuchAccount(res);
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
	});
}
