/** The `/db` routes that write documents: each one is judged (writes.ts) before the store sees it. */
import type { DatabaseName } from '../../domain/accounts';
import { projectsOf } from '../../domain/project';
import type { Actor } from '../../domain/rules';
import type { Account } from '../accounts';
import { readsOnly } from '../backend/send';
import type { GatewayContext } from '../context';
import { currentVersions } from '../current-versions';
import { actorDirectory } from '../directory';
import type { Json } from '../http';
import { abortOnDisconnect, forward } from '../proxy';
import { documentProblem } from '../replication-input';
import { isRecord, judgeIncoming, mergeBulkResults, type Verdict } from '../writes';
import { isHiddenFrom } from '../hidden';
import { badRequest, hiddenMissing, refuse, withBody, type DbRequest } from './db-request';

/**
 * The signed-in account as the domain rules see it; who chairs what and who is on which project's team
 * (directory.ts) are read only for writes.
 */
async function actorFor(ctx: GatewayContext, account: Account, writes: boolean): Promise<Actor> {
	const standing = writes
		? await actorDirectory(ctx.couch, ctx.names.backendName('network')).standingOf(account.name)
		: { chairOf: [], teamOf: [] };
	return { name: account.name, roles: account.roles, ...standing };
}

/** The project documents of `verdicts` the gateway lets through (not deletions), as they will be stored. */
function acceptedProjects(
	verdicts: Iterable<Verdict>
): { _id: string; lead: string; team: { name: string }[] }[] {
	return [...verdicts].flatMap((verdict) => {
		if (!verdict.ok || verdict.forward._deleted === true) return [];
		const { _id, lead, team } = verdict.forward;
		return typeof _id === 'string' && typeof lead === 'string' && Array.isArray(team)
			? [{ _id, lead, team: team.filter(isRecord).map((person) => ({ name: String(person.name) })) }]
			: [];
	});
}

/** Where `currentVersions` reads the store's copies. */
function versionSource(ctx: GatewayContext) {
	return { couch: ctx.couch, backendName: ctx.names.backendName };
}

/** `POST /db/<db>/_bulk_docs`: the documents allowed are written, the others answered as refused. */
export function bulkDocs(request: DbRequest): Promise<void> {
	const { ctx, res, db, account } = request;
	return withBody(request, true, async (body) =>
		writeBulk(ctx, res, db, await actorFor(ctx, account, true), body)
	);
}

async function writeBulk(
	ctx: GatewayContext,
	res: DbRequest['res'],
	db: DatabaseName,
	actor: Actor,
	body: unknown
): Promise<void> {
	if (!isRecord(body) || !Array.isArray(body.docs)) return badRequest(res, 'The body must have a docs array');
	const docs: unknown[] = body.docs;
	const newEdits = body.new_edits !== false;
	const signal = abortOnDisconnect(res);
	// The store is never asked about an id hidden from the writer: `judgeIncoming` refuses it unseen.
	const ids = [
		...new Set(
			docs.flatMap((doc) =>
				isRecord(doc) && typeof doc._id === 'string' && !isHiddenFrom(actor, doc._id) ? [doc._id] : []
			)
		)
	];
	const existing = await currentVersions(versionSource(ctx), db, ids, signal);
	const judge = (as: Actor, doc: unknown): Verdict =>
		judgeIncoming(as, doc, isRecord(doc) && typeof doc._id === 'string' ? existing.get(doc._id) : undefined);
	// New projects first: a project set up offline arrives with its first cycles and figures, which its
	// team may write once the project itself is accepted (a project the store holds already is judged as
	// usual: its team is read from the store's copy).
	const projects = new Map(
		docs.flatMap((doc, i) =>
			isRecord(doc) && doc.type === 'project' && typeof doc._id === 'string' && !existing.has(doc._id)
				? [[i, judge(actor, doc)] as const]
				: []
		)
	);
	const teamOf = [...(actor.teamOf ?? []), ...projectsOf(acceptedProjects(projects.values()), actor.name)];
	const verdicts: Verdict[] = docs.map((doc, i) => projects.get(i) ?? judge({ ...actor, teamOf }, doc));
	const allowed = verdicts.flatMap((verdict) => (verdict.ok ? [verdict.forward] : []));
	for (const [i, verdict] of verdicts.entries()) {
		if (!verdict.ok) {
			const doc = docs[i];
			ctx.log(
				`Refused ${isRecord(doc) ? String(doc._id) : 'a non-document'} from ${actor.name}: ${verdict.reason}`
			);
		}
	}

	let status = 201;
	let backendResults: unknown[] = [];
	if (allowed.length > 0) {
		const answer = await ctx.couch.request<unknown>(
			'POST',
			ctx.couch.url(ctx.names.backendName(db), '_bulk_docs'),
			{ docs: allowed, new_edits: newEdits },
			// Revisions made elsewhere (replication's new_edits=false) are stored once however often they are sent.
			{ signal, repeatable: !newEdits }
		);
		if (!answer.ok || !Array.isArray(answer.body)) {
			res.status(answer.status).json(answer.body ?? { error: 'unknown_error', reason: 'No answer' });
			return;
		}
		status = answer.status;
		backendResults = answer.body;
	}
	res.status(status).json(mergeBulkResults(docs, verdicts, backendResults, newEdits));
}

/** `GET`, `PUT` and `DELETE /db/<db>/<docid>`; writes are checked like `_bulk_docs`. */
export async function document(request: DbRequest): Promise<void> {
	const { ctx, req, res, db, scope, params, query, account } = request;
	const method = req.method;
	const id = request.rest[0] ?? '';
	const path = `${scope}/${encodeURIComponent(id)}`;
	if (readsOnly(method)) {
		if (hiddenMissing(request)) return;
		return forward(ctx, req, res, { method, scope, path, query });
	}
	const actor = await actorFor(ctx, account, true);

	return withBody(request, method === 'PUT', async (body) => {
		let incoming: Json;
		if (method === 'PUT') {
			if (!isRecord(body)) return badRequest(res, 'The body must be a JSON document');
			incoming = { ...body, _id: id };
			const problem = documentProblem(incoming, params);
			if (problem) return badRequest(res, problem);
		} else {
			const rev = params.get('rev');
			incoming = { _id: id, _deleted: true, ...(rev === null ? {} : { _rev: rev }) };
		}
		const existing = isHiddenFrom(actor, id)
			? new Map<string, Json>()
			: await currentVersions(versionSource(ctx), db, [id], abortOnDisconnect(res));
		const verdict = judgeIncoming(actor, incoming, existing.get(id));
		if (!verdict.ok) {
			ctx.log(`Refused ${id} from ${actor.name}: ${verdict.reason}`);
			refuse(res, verdict.reason);
			return;
		}
		// A deletion is written as its tombstone, which keeps the owner's fields (`judgeIncoming`), and
		// answered as a DELETE is.
		const successStatus = method === 'DELETE' ? 200 : undefined;
		return forward(ctx, req, res, {
			method: 'PUT',
			scope,
			path,
			query,
			body: verdict.forward,
			successStatus
		});
	});
}

/**
 * Attachments travel inside their document (as replication sends them), where decideWrite checks them
 * against their type's rules. A bare upload would bypass that check, so there is none.
 */
export function attachmentWrite({ res }: DbRequest): void {
	refuse(res, 'Attachments are sent inside their document');
}
