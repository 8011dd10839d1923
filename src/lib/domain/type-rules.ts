import type { Role } from './accounts';
import { MEETING_TYPE_RULES } from './meetings';
import { PROJECT_TYPE_RULES } from './project';
import { GLOSSARY_TYPE_RULES } from './glossary';
import { PROFILE_TYPE_RULES } from './profile';
import { OPPORTUNITY_TYPE_RULES } from './opportunity';
import { CLAIM_TYPE_RULES } from './claim';
import type { Actor } from './rules';

/** Rules a document type adds to the general ones in `decideWrite`. */
export interface TypeRule {
	/** Fields that tie a document to another and never change (besides type, author, createdAt, group). */
	immutable?: readonly string[];
	/** Roles of which at least one is needed to write a new document of this type. */
	createRoles?: readonly Role[];
	createRefusal?: string;
	/** Documents that are a record of what happened: never edited once written. */
	appendOnly?: boolean;
	/** Roles of which at least one is needed to change or delete a document of this type. */
	changeRoles?: readonly Role[];
	changeRefusal?: string;
	/**
	 * Written, changed and deleted only by coordinators and the chairs of the document's `group`
	 * (`Actor.chairOf`): having written it is not enough once you no longer chair the group.
	 */
	chairOnly?: boolean;
	chairRefusal?: string;
	/**
	 * One document per person per thing, its id made from them (a support, a note-taker's notes): taking a
	 * support back and giving it again, or writing it on two phones, writes the same id afresh, so its
	 * `createdAt` may differ from the server's copy. The author still cannot change (the id names them).
	 */
	onePerPerson?: boolean;
	/**
	 * Who besides coordinators may write, change or delete a document of this type, judged on the document
	 * being written when it is new and on the server's copy otherwise (a project's lead, a project's team).
	 * Having written it is not enough: this replaces the author's right to change their own.
	 */
	writers?: (actor: Actor, doc: Record<string, unknown>) => boolean;
	writersRefusal?: string;
	/** A check of the new version against the current one (undefined for a new document): a reason, if refused. */
	check?: (
		incoming: Record<string, unknown>,
		existing: Record<string, unknown> | undefined
	) => string | undefined;
}

export const TYPE_RULES: Readonly<Record<string, TypeRule>> = {
	comment: { immutable: ['ideaId', 'parentId'] },
	support: { immutable: ['ideaId'], onePerPerson: true },
	status: {
		immutable: ['ideaId'],
		createRoles: ['coordinator', 'chair'],
		createRefusal: "Only coordinators and chairs can change an idea's status",
		appendOnly: true
	},
	photo: { immutable: ['subject'] },
	event: {
		createRoles: ['recruiter', 'coordinator'],
		createRefusal: 'Only recruiters and coordinators can add events'
	},
	coordinatorKey: {
		immutable: ['keyId', 'publicKey'],
		createRoles: ['coordinator'],
		createRefusal: 'Only coordinators can publish a sign-up key',
		changeRoles: ['coordinator'],
		changeRefusal: 'Only coordinators can change a sign-up key'
	},
	observation: { immutable: ['visitId'] },
	...MEETING_TYPE_RULES,
	...PROJECT_TYPE_RULES,
	...GLOSSARY_TYPE_RULES,
	...PROFILE_TYPE_RULES,
	...OPPORTUNITY_TYPE_RULES,
	...CLAIM_TYPE_RULES
};
