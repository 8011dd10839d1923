import type { Role } from './accounts';
import { attachmentsProblem } from './attachments';
import { IMMUTABLE_FIELDS } from './common';
import { contentOf, parseDocument, type AppDoc } from './documents';
import { MEETING_CHAIR_MANAGED_TYPES } from './meetings';
import { mayReadId } from './private';
import { TYPE_RULES } from './type-rules';

export interface Actor {
	name: string;
	roles: readonly Role[];
	/**
	 * The ids of the groups this person chairs: read from the `group` documents (their `chairs`), by the
	 * gateway for every write and by the app from the device's copy (see `CHAIR_MANAGED_TYPES`).
	 */
	chairOf?: readonly string[];
	/**
	 * The ids of the projects this person leads or is on the team of: read from the `project` documents,
	 * as `chairOf` is from the groups (see `projectsOf`).
	 */
	teamOf?: readonly string[];
}

export type WriteDecision = { ok: true; doc?: AppDoc } | { ok: false; reason: string };

/** The largest document anyone may write, counting its content (not attachments or revision history). */
export const MAX_DOC_BYTES = 64 * 1024;

/**
 * Document types a group's chairs may edit (meetings, agendas, minutes, and the approval of minutes)
 * besides their authors and coordinators. Such documents carry an immutable `group`; a chair may change
 * one when `actor.chairOf` includes its group. The list is in meetings.ts.
 */
export const CHAIR_MANAGED_TYPES: ReadonlySet<string> = new Set<string>(MEETING_CHAIR_MANAGED_TYPES);

/** Whether `actor` is a coordinator or a chair of `group` (a type rule's `chairOnly`). */
export function mayChair(actor: Actor, group: unknown): boolean {
	if (actor.roles.includes('coordinator')) return true;
	return actor.roles.includes('chair') && typeof group === 'string' && (actor.chairOf ?? []).includes(group);
}

/**
 * Whether `actor` may change or delete a document written by `author`: its author, any coordinator, and
 * (for chair-managed types, given `doc`) a chair of the document's group.
 */
export function mayChange(
	actor: Actor,
	author: string | undefined,
	doc?: { type?: unknown; group?: unknown }
): boolean {
	if (actor.roles.includes('coordinator')) return true;
	if (author !== undefined && author === actor.name) return true;
	return (
		doc !== undefined &&
		typeof doc.type === 'string' &&
		CHAIR_MANAGED_TYPES.has(doc.type) &&
		actor.roles.includes('chair') &&
		typeof doc.group === 'string' &&
		(actor.chairOf ?? []).includes(doc.group)
	);
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
	const type = typeof incoming.type === 'string' ? incoming.type : '';
	// A private document (private.ts) is written only by someone who may read it.
	if (typeof incoming._id === 'string' && !mayReadId(actor, incoming._id)) {
		return { ok: false, reason: 'You cannot write this' };
	}
	// Checked first: the no-op restore below compares content only, and attachments are not content.
	const attachmentProblem = attachmentsProblem(type, incoming._attachments);
	if (incoming._deleted !== true && attachmentProblem) return { ok: false, reason: attachmentProblem };
	// Restoring exactly what the server holds changes nothing: it is how a refused edit is discarded.
	if (
		existing &&
		incoming._deleted !== true &&
		sameContent(incoming, existing) &&
		sameAttachments(incoming._attachments, existing._attachments)
	) {
		return { ok: true };
	}
	const existingRule = existing ? (TYPE_RULES[String(existing.type)] ?? {}) : {};
	if (existing && existingRule.chairOnly && !mayChair(actor, existing.group)) {
		return {
			ok: false,
			reason: existingRule.chairRefusal ?? 'Only its chairs or a coordinator can change this'
		};
	}
	if (existingRule.changeRoles && !existingRule.changeRoles.some((role) => actor.roles.includes(role))) {
		return { ok: false, reason: existingRule.changeRefusal ?? 'Your role cannot change this' };
	}
	const coordinator = actor.roles.includes('coordinator');
	if (existing && existingRule.writers) {
		if (!coordinator && !existingRule.writers(actor, existing)) {
			return { ok: false, reason: existingRule.writersRefusal ?? 'You cannot change this' };
		}
	} else if (existing && !mayChange(actor, owner, existing)) {
		return { ok: false, reason: `Only ${owner ?? 'its author'} or a coordinator can change this` };
	}
	if (incoming._deleted === true) return { ok: true };

	// Revision history and attachments (checked above) do not count towards the size.
	if (JSON.stringify(contentOf(incoming)).length > MAX_DOC_BYTES) {
		return { ok: false, reason: 'This is too large to save (over 64 KB of text)' };
	}
	const parsed = parseDocument(incoming);
	if (!parsed.ok) return { ok: false, reason: parsed.reason };

	const rule = TYPE_RULES[parsed.doc.type] ?? {};
	if (!existing) {
		if (parsed.doc.author !== actor.name || incoming.author !== actor.name) {
			return { ok: false, reason: 'You can only write documents in your own name' };
		}
		if (rule.createRoles && !rule.createRoles.some((role) => actor.roles.includes(role))) {
			return { ok: false, reason: rule.createRefusal ?? 'Your role cannot write this' };
		}
		if (rule.chairOnly && !mayChair(actor, 'group' in parsed.doc ? parsed.doc.group : undefined)) {
			return { ok: false, reason: rule.chairRefusal ?? 'Only its chairs or a coordinator can write this' };
		}
		if (rule.writers && !coordinator && !rule.writers(actor, parsed.doc)) {
			return { ok: false, reason: rule.writersRefusal ?? 'You cannot write this' };
		}
		const problem = rule.check?.(parsed.doc, undefined);
		if (problem) return { ok: false, reason: problem };
		return { ok: true, doc: parsed.doc };
	}
	if (rule.appendOnly) return { ok: false, reason: 'This is part of a history and cannot be changed' };
	const problem = rule.check?.(parsed.doc, existing);
	if (problem) return { ok: false, reason: problem };
	const written = contentOf(incoming);
	for (const field of [...IMMUTABLE_FIELDS, ...(rule.immutable ?? [])]) {
		if (field === 'createdAt' && rule.onePerPerson) continue;
		if (canonical(existing[field]) !== canonical(written[field])) {
			return { ok: false, reason: `The ${field} of a document cannot be changed` };
		}
	}
	return { ok: true, doc: parsed.doc };
}

/** Whether two stored documents have the same content, ignoring `_rev` and other bookkeeping fields. */
export function sameContent(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
	return canonical(contentOf(a)) === canonical(contentOf(b));
}

/**
 * Whether two versions say the same thing apart from when they were written (`createdAt`, `updatedAt`):
 * the same change made on two phones, or a support given on both. Choosing between them loses nothing.
 */
export function sameApartFromTimes(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
	const timeless = (doc: Record<string, unknown>) => {
		const content = contentOf(doc);
		delete content.createdAt;
		delete content.updatedAt;
		return canonical(content);
	};
	return timeless(a) === timeless(b);
}

/** Whether two `_attachments` fields name the same attachments with the same digests. */
function sameAttachments(a: unknown, b: unknown): boolean {
	const digests = (value: unknown) =>
		value && typeof value === 'object'
			? canonical(
					Object.fromEntries(
						Object.entries(value as Record<string, unknown>).map(([name, attachment]) => [
							name,
							attachment && typeof attachment === 'object'
								? (attachment as Record<string, unknown>).digest
								: undefined
						])
					)
				)
			: canonical({});
	return digests(a) === digests(b);
}

function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1));
		return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'undefined';
}
