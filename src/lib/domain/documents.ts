import { z } from 'zod';
import { commentSchema, statusChangeSchema, supportSchema } from './discussion';
import { ideaSchema } from './idea';
import { MEETING_SCHEMAS } from './meetings';
import { photoSchema } from './photo';
import { coordinatorKeySchema } from './coordinator-key';
import { eventSchema } from './event';
import { observationSchema, visitSchema } from './visit';
import { PROJECT_SCHEMAS } from './project';
import { GLOSSARY_SCHEMAS } from './glossary';
import { PROFILE_SCHEMAS } from './profile';
import { OPPORTUNITY_SCHEMAS } from './opportunity';
import { CLAIM_SCHEMAS } from './claim';
import { typeOfId } from './ids';

/** Every replicated document type, by its `type` field. Add a type here and both client and gateway know it. */
export const documentSchemas = {
	idea: ideaSchema,
	comment: commentSchema,
	support: supportSchema,
	status: statusChangeSchema,
	photo: photoSchema,
	event: eventSchema,
	coordinatorKey: coordinatorKeySchema,
	visit: visitSchema,
	observation: observationSchema,
	...MEETING_SCHEMAS,
	...PROJECT_SCHEMAS,
	...GLOSSARY_SCHEMAS,
	...PROFILE_SCHEMAS,
	...OPPORTUNITY_SCHEMAS,
	...CLAIM_SCHEMAS
} as const;

export type DocType = keyof typeof documentSchemas;
export type AppDoc = { [K in DocType]: z.infer<(typeof documentSchemas)[K]> }[DocType];
export type DocOf<K extends DocType> = z.infer<(typeof documentSchemas)[K]>;

export const DOC_TYPES = Object.keys(documentSchemas) as DocType[];

export function isDocType(value: unknown): value is DocType {
	return typeof value === 'string' && Object.hasOwn(documentSchemas, value);
}

/** PouchDB/CouchDB bookkeeping fields that are not part of a document's content. */
export interface StoredMeta {
	_rev?: string;
	_deleted?: boolean;
	_conflicts?: string[];
	_revisions?: unknown;
	_attachments?: unknown;
	_revs_info?: unknown;
}

export type ParseResult = { ok: true; doc: AppDoc } | { ok: false; reason: string };

/** Splits `_rev`, `_conflicts` and friends off a stored document, keeping `_id` with the content. */
export function contentOf(raw: Record<string, unknown>): Record<string, unknown> {
	const content: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(raw)) {
		if (key === '_id' || !key.startsWith('_')) content[key] = value;
	}
	return content;
}

/** Parses any document (from a form, the local ledger or the server) against its type's schema. */
export function parseDocument(raw: unknown): ParseResult {
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
		return { ok: false, reason: 'Not a document' };
	}
	const record = raw as Record<string, unknown>;
	const type = record.type;
	if (!isDocType(type)) {
		return { ok: false, reason: `Unknown document type ${JSON.stringify(type ?? null)}` };
	}
	if (typeof record._id !== 'string' || typeOfId(record._id) !== type) {
		return { ok: false, reason: `The id does not match the type "${type}"` };
	}
	const result = documentSchemas[type].safeParse(contentOf(record));
	if (!result.success) return { ok: false, reason: describeIssues(result.error.issues) };
	return { ok: true, doc: result.data };
}

/** One plain-English line for a list of zod issues, e.g. for a "not synced: <reason>" badge. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
	return issues
		.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
		.join('; ');
}

// Kept in result.ts (no schemas) so a form's module does not bring every schema with it.
export { fieldErrors } from './result';
