/**
 * The shape of every replication request the gateway forwards: which query parameters each route takes
 * and what their values look like, and what its JSON body may hold. Anything else is a 400 here, so the
 * store never sees input it might answer with a 500, an HTML page or worse (a revision tree it cannot
 * read). The store gets the parameters as the gateway read them, re-encoded, never the raw query.
 */
import { z } from 'zod';
import { isRev, revisionProblem } from '../domain/revisions';
import type { DbRoute } from './policy';
import { isRecord } from './writes';

/** The most ids one request may name (a replication batch names a few hundred). */
export const MAX_IDS = 10_000;
const MAX_ID_LENGTH = 512;

type ParamCheck = (value: string) => boolean;

function parsesAs<T>(schema: z.ZodType<T>): ParamCheck {
	return (value) => {
		try {
			return schema.safeParse(JSON.parse(value)).success;
		} catch {
			return false;
		}
	};
}

const idSchema = z.string().min(1).max(MAX_ID_LENGTH);
const revSchema = z.string().refine(isRev);
const idList = z.array(idSchema).max(MAX_IDS);

const flag: ParamCheck = (value) => value === 'true' || value === 'false';
const count: ParamCheck = (value) => /^[0-9]{1,9}$/.test(value);
const anyJson = parsesAs(z.unknown());
const rev: ParamCheck = isRev;
/** `now`, a number (PouchDB, express-pouchdb) or CouchDB's opaque `<n>-<base64url>`. */
const since: ParamCheck = (value) => /^(now|[0-9]{1,16}|[0-9]{1,16}-[A-Za-z0-9_-]{1,8192})$/.test(value);
const oneOf =
	(...allowed: string[]): ParamCheck =>
	(value) =>
		allowed.includes(value);

/** Old browsers get a cache-busting `_nonce` from PouchDB's http adapter. */
const COMMON: Record<string, ParamCheck> = { _nonce: (value) => /^[0-9]{1,16}$/.test(value) };

const DOC_READ: Record<string, ParamCheck> = {
	rev,
	revs: flag,
	revs_info: flag,
	open_revs: (value) => value === 'all' || parsesAs(z.array(revSchema).max(MAX_IDS))(value),
	latest: flag,
	conflicts: flag,
	deleted_conflicts: flag,
	attachments: flag,
	att_encoding_info: flag,
	atts_since: parsesAs(z.array(revSchema).max(MAX_IDS)),
	local_seq: flag,
	meta: flag
};

/** The query parameters each route takes, and the check each value must pass. */
const QUERY: Record<DbRoute, Record<string, ParamCheck>> = {
	info: {},
	allDocs: {
		conflicts: flag,
		update_seq: flag,
		descending: flag,
		include_docs: flag,
		attachments: flag,
		inclusive_end: flag,
		key: anyJson,
		keys: parsesAs(idList),
		startkey: anyJson,
		endkey: anyJson,
		start_key: anyJson,
		end_key: anyJson,
		limit: count,
		skip: count
	},
	changes: {
		since,
		limit: count,
		timeout: count,
		heartbeat: count,
		seq_interval: count,
		style: oneOf('main_only', 'all_docs'),
		feed: oneOf('normal', 'longpoll'),
		filter: oneOf('_doc_ids'),
		doc_ids: parsesAs(idList),
		include_docs: flag,
		attachments: flag,
		conflicts: flag,
		descending: flag,
		update_seq: flag
	},
	bulkGet: { revs: flag, attachments: flag, latest: flag },
	revsDiff: {},
	bulkDocs: {},
	docRead: DOC_READ,
	docWrite: { rev, new_edits: flag },
	attachmentRead: { rev },
	attachmentWrite: { rev },
	localRead: { rev },
	localWrite: { rev }
};

/** What an answer of 400 says about a request, in plain words for whoever reads the log or the answer. */
export type InputCheck = { ok: true; query: URLSearchParams } | { ok: false; reason: string };

/**
 * Checks a route's query string: known parameters only, each once, each value well formed. Answers the
 * parameters to forward.
 */
export function checkQuery(route: DbRoute, rawQuery: string): InputCheck {
	if (/%(?![0-9A-Fa-f]{2})/.test(rawQuery)) return { ok: false, reason: 'Malformed query string' };
	const params = new URLSearchParams(rawQuery);
	const allowed = QUERY[route];
	const seen = new Set<string>();
	for (const [name, value] of params) {
		if (seen.has(name)) return { ok: false, reason: `The parameter ${quoted(name)} is given more than once` };
		seen.add(name);
		const check = Object.hasOwn(allowed, name)
			? allowed[name]
			: Object.hasOwn(COMMON, name)
				? COMMON[name]
				: undefined;
		if (!check) return { ok: false, reason: `This request does not take the parameter ${quoted(name)}` };
		if (!check(value)) return { ok: false, reason: `The parameter ${quoted(name)} is not valid` };
	}
	if (route === 'changes' && params.has('doc_ids') && params.get('filter') !== '_doc_ids') {
		return { ok: false, reason: 'doc_ids needs filter=_doc_ids' };
	}
	return { ok: true, query: params };
}

function quoted(name: string): string {
	return JSON.stringify(name.slice(0, 40));
}

const bulkGetBody = z.strictObject({
	docs: z
		.array(
			z.strictObject({
				id: idSchema,
				rev: revSchema.optional(),
				atts_since: z.array(revSchema).max(MAX_IDS).optional()
			})
		)
		.max(MAX_IDS)
});
const allDocsBody = z.strictObject({ keys: idList });
const changesBody = z.strictObject({ doc_ids: idList.optional() });
const revsDiffBody = z
	.record(idSchema, z.array(revSchema).max(MAX_IDS))
	.refine((body) => Object.keys(body).length <= MAX_IDS);
const bulkDocsBody = z.strictObject({
	docs: z.array(z.record(z.string(), z.unknown())).max(MAX_IDS),
	new_edits: z.boolean().optional()
});

/** What the body of each route that takes one must look like. */
const BODIES: Partial<Record<DbRoute, z.ZodType>> = {
	bulkGet: bulkGetBody,
	allDocs: allDocsBody,
	changes: changesBody,
	revsDiff: revsDiffBody,
	bulkDocs: bulkDocsBody
};

/** Checks a parsed JSON body against its route's shape; for `_bulk_docs`, every document's revision data. */
export function bodyProblem(route: DbRoute, body: unknown): string | undefined {
	const schema = BODIES[route];
	if (schema && !schema.safeParse(body).success) return bodyShapeReason(route);
	if (route === 'bulkDocs' && isRecord(body) && Array.isArray(body.docs)) {
		const newEdits = body.new_edits !== false;
		for (const doc of body.docs as Record<string, unknown>[]) {
			const problem = revisionProblem(doc, newEdits);
			if (problem) return `${idOf(doc)}: ${problem}`;
		}
	}
	return undefined;
}

/** A document written with `PUT /db/<db>/<id>`: its revision data, with `new_edits` from the query. */
export function documentProblem(doc: Record<string, unknown>, query: URLSearchParams): string | undefined {
	const problem = revisionProblem(doc, query.get('new_edits') !== 'false');
	if (problem) return problem;
	const rev = query.get('rev');
	if (rev !== null && doc._rev !== undefined && doc._rev !== rev) return 'The rev parameter and _rev differ';
	return undefined;
}

function idOf(doc: Record<string, unknown>): string {
	return typeof doc._id === 'string' ? JSON.stringify(doc._id.slice(0, 80)) : 'A document';
}

function bodyShapeReason(route: DbRoute): string {
	switch (route) {
		case 'bulkGet':
			return 'The body must be {"docs": [{"id": …, "rev": …}]}';
		case 'allDocs':
			return 'The body must be {"keys": [<document ids>]}';
		case 'changes':
			return 'The body must be {"doc_ids": [<document ids>]}';
		case 'revsDiff':
			return 'The body must map document ids to lists of revisions';
		default:
			return 'The body must be {"docs": [<documents>], "new_edits": true or false}';
	}
}
