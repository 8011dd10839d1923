/** `GET|HEAD|PUT /db/<db>/_local/<id>`: each account's own replication checkpoints. */
import { readsOnly } from '../backend/send';
import { abortOnDisconnect } from '../proxy';
import { isRecord } from '../writes';
import { badRequest, withBody, type DbRequest } from './db-request';

/** A replication checkpoint is a few hundred bytes; this leaves room and no more. */
const MAX_CHECKPOINT_BYTES = 16 * 1024;

/**
 * What an account that has no checkpoint yet reads: an empty one with no revision. PouchDB's checkpointer
 * treats it as "start from the beginning" (as it does a 404) and creates it with its first PUT, so a first
 * sync does not log a failed request in the browser's console.
 */
function emptyCheckpoint(publicId: string) {
	return { _id: publicId, history: [] };
}

/**
 * Checkpoints are kept per account: what one account calls `_local/<id>` is `_local/<name>:<id>` in the
 * backend (account names have no `:`), so nobody can read or move anyone else's checkpoints. Once the
 * account's roles have changed which private documents it may read (`checkpointEpoch`, accounts.ts), it
 * is `_local/<name>~<epoch>:<id>` (names have no `~` either): its devices find no checkpoint, and read
 * the database again from the start. The stores cannot list `_local` documents (the embedded one has no
 * `_local_docs`), so the old ones are left behind, a few hundred bytes each.
 */
export function backendLocalId(account: string, id: string, epoch = 0): string {
	return `_local/${epoch === 0 ? account : `${account}~${epoch}`}:${id}`;
}

export async function checkpoint(request: DbRequest): Promise<void> {
	const { ctx, req, res, db } = request;
	const { name, checkpointEpoch } = request.account;
	const id = request.rest[1] ?? '';
	const method = req.method;
	const publicId = `_local/${id}`;
	const backendId = backendLocalId(name, id, checkpointEpoch);
	const url = ctx.couch.url(
		ctx.names.backendName(db),
		`_local/${encodeURIComponent(backendId.slice('_local/'.length))}`
	);
	const signal = abortOnDisconnect(res);
	if (readsOnly(method)) {
		const answer = await ctx.couch.request<unknown>('GET', url, undefined, { signal });
		if (answer.ok && isRecord(answer.body)) answer.body._id = publicId;
		const missing = answer.status === 404;
		res.status(missing ? 200 : answer.status).type('json');
		if (method === 'HEAD') res.end();
		else if (missing) res.json(emptyCheckpoint(publicId));
		else res.json(answer.body ?? { error: 'unknown_error', reason: 'No answer' });
		return;
	}
	return withBody(request, true, async (body) => {
		if (!isRecord(body) || '_attachments' in body || JSON.stringify(body).length > MAX_CHECKPOINT_BYTES) {
			return badRequest(res, 'A checkpoint must be a small plain JSON object');
		}
		const answer = await ctx.couch.request<unknown>('PUT', url, { ...body, _id: backendId }, { signal });
		if (isRecord(answer.body) && typeof answer.body.id === 'string') answer.body.id = publicId;
		res.status(answer.status).json(answer.body ?? { error: 'unknown_error', reason: 'No answer' });
	});
}
