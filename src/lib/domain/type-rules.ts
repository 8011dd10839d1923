import type { Role } from './accounts';
import { MEETING_TYPE_RULES } from './meetings';

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
	...MEETING_TYPE_RULES
};
