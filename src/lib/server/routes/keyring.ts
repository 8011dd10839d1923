import express from 'express';
import type { RequestHandler, Router } from 'express';
import { keyringUploadSchema, type KeyringEntry } from '../../domain/coordinator-key';
import { describeIssues } from '../../domain/documents';
import { keyIdOf, keyIdSchema } from '../../domain/sealing';
import type { StoredDoc } from '../couch';
import type { GatewayContext } from '../context';
import { handle, sendError } from '../http';
import { accountOf, signedIn } from '../middleware/authentication';
import { coordinatorsOnly, signupsDb, smallJson } from './signups';

interface StoredKeyring extends StoredDoc, KeyringEntry {
	type: 'keyring';
}

export function keyringDocId(keyId: string): string {
	return `keyring:${keyId}`;
}

/**
 * Coordinators' keyrings, beside the sign-ups they open (signups.ts):
 * - `PUT /keyring/:keyId`, `GET /keyring`: a coordinator's own passphrase-protected private keys
 */
export function keyringRoutes(ctx: GatewayContext): Router {
	const router = express.Router();
	router.put('/keyring/:keyId', smallJson, ...signedIn(ctx), coordinatorsOnly, storeKey(ctx));
	router.get('/keyring', ...signedIn(ctx), coordinatorsOnly, listOwnKeys(ctx));
	return router;
}

function storeKey(ctx: GatewayContext): RequestHandler {
	const db = signupsDb(ctx);
	return handle(async (req, res) => {
		const caller = accountOf(res);
		const keyId = keyIdSchema.safeParse(req.params.keyId);
		const parsed = keyringUploadSchema.safeParse(req.body);
		if (!keyId.success || !parsed.success) {
			const reason = parsed.success ? 'Not a key id' : describeIssues(parsed.error.issues);
			sendError(res, 400, 'bad_request', `Not a protected key: ${reason}`);
			return;
		}
		const { publicKey, protectedKey } = parsed.data;
		if ((await keyIdOf(publicKey)) !== keyId.data || protectedKey.keyId !== keyId.data) {
			sendError(res, 400, 'bad_request', 'The key id does not match the key');
			return;
		}
		const id = keyringDocId(keyId.data);
		const existing = await ctx.couch.get<StoredKeyring>(db, id);
		if (existing && existing.owner !== caller.name) {
			sendError(res, 409, 'conflict', 'This key belongs to another coordinator');
			return;
		}
		const doc: StoredKeyring = {
			_id: id,
			...(existing?._rev ? { _rev: existing._rev } : {}),
			type: 'keyring',
			keyId: keyId.data,
			owner: caller.name,
			publicKey,
			protectedKey,
			createdAt: existing?.createdAt ?? new Date().toISOString()
		};
		if (!(await ctx.couch.put(db, doc))) {
			sendError(res, 409, 'conflict', 'This key was changed at the same time. Try again.');
			return;
		}
		ctx.log(`${caller.name} stored the sign-up key ${keyId.data}`);
		res.status(existing ? 200 : 201).json({ ok: true, keyId: keyId.data });
	});
}

function listOwnKeys(ctx: GatewayContext): RequestHandler {
	const db = signupsDb(ctx);
	return handle(async (_req, res) => {
		const caller = accountOf(res);
		const rows = await ctx.couch.allDocsWithPrefix<StoredKeyring>(db, 'keyring:');
		const own = rows.flatMap((row) =>
			row.doc && row.doc.owner === caller.name
				? [
						{
							keyId: row.doc.keyId,
							owner: row.doc.owner,
							publicKey: row.doc.publicKey,
							protectedKey: row.doc.protectedKey,
							createdAt: row.doc.createdAt
						}
					]
				: []
		);
		res.json(own);
	});
}
