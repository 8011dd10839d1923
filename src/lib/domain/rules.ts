import type { Role } from './accounts';
import { IMMUTABLE_FIELDS } from './common';
import { contentOf, parseDocument, type AppDoc } from './documents';

export interface Actor {
	name: string;
	roles: readonly Role[];
}

export type WriteDecision = { ok: true; doc?: AppDoc } | { ok: false; reason: string };

const MAX_DOC_BYTES = 64 * 1024;

/** Whether `actor` may change or delete a document written by `author`. */
export function mayChange(actor: Actor, author: string | undefined): boolean {
	return actor.roles.includes('coordinator') || (author !== undefined && author === actor.name);
}

/**
 * Decides whether `actor` may write `incoming` over `existing` (the current winning revision on the
 * server, or undefined for a new document). Pure: the gateway calls it for every document it is sent, and
 * the client calls it before writing so a refusal is known at once.
 */
export function decideWrite(
	actor: Actor,
	incoming: Record<string, unknown>,
	existing: Record<string, unknown> | undefined
): WriteDecision {
	const owner = existing && typeof existing.author === 'string' ? existing.author : undefined;
	// Restoring exactly what the server holds changes nothing: it is how a refused edit is discarded.
	if (existing && incoming._deleted !== true && sameContent(incoming, existing)) return { ok: true };
	if (existing && !mayChange(actor, owner)) {
		return { ok: false, reason: `Only ${owner ?? 'its author'} or a coordinator can change this` };
	}
	if (incoming._deleted === true) return { ok: true };

	if (JSON.stringify(incoming).length > MAX_DOC_BYTES) {
		return { ok: false, reason: 'This is too large to save (over 64 KB of text)' };
	}
	const parsed = parseDocument(incoming);
	if (!parsed.ok) return { ok: false, reason: parsed.reason };

	if (!existing) {
		if (parsed.doc.author !== actor.name) {
			return { ok: false, reason: 'You can only write documents in your own name' };
		}
		return { ok: true, doc: parsed.doc };
	}
	for (const field of IMMUTABLE_FIELDS) {
		if (existing[field] !== undefined && existing[field] !== parsed.doc[field]) {
			return { ok: false, reason: `The ${field} of a document cannot be changed` };
		}
	}
	return { ok: true, doc: parsed.doc };
}

/** Whether two stored documents have the same content, ignoring `_rev` and other bookkeeping fields. */
export function sameContent(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
	return canonical(contentOf(a)) === canonical(contentOf(b));
}

function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1));
		return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'undefined';
}
