import type { Role } from './accounts';
import { ATTACHMENT_RULES } from './attachments';

/** Rules a document type adds to the general ones in `decideWrite`. */
export interface TypeRule {
	/** Fields that tie a document to another and never change (besides type, author, createdAt, group). */
	immutable?: readonly string[];
	/** Roles of which at least one is needed to write a new document of this type. */
	createRoles?: readonly Role[];
	createRefusal?: string;
	/** Documents that are a record of what happened: never edited once written. */
	appendOnly?: boolean;
}

export const TYPE_RULES: Readonly<Record<string, TypeRule>> = {
	comment: { immutable: ['ideaId', 'parentId'] },
	support: { immutable: ['ideaId'] },
	status: {
		immutable: ['ideaId'],
		createRoles: ['coordinator', 'chair'],
		createRefusal: "Only coordinators and chairs can change an idea's status",
		appendOnly: true
	},
	photo: { immutable: ['subject'] }
};

/** The largest photo, after compression on the device. */
export const PHOTO_MAX_BYTES = ATTACHMENT_RULES.photo?.maxBytes ?? 0;
