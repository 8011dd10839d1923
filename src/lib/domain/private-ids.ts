/** Schemas for the ids of private documents (private.ts says who may read them). */
import { z } from 'zod';
import { ULID_PATTERN } from './ids';
import { memberOfId, posterOfId, readersOfId } from './private';

/** `<type>:<member>`: one per member (a profile). */
export function memberIdSchema(type: string) {
	return z
		.string()
		.refine((id) => id.startsWith(`${type}:`) && id.split(':').length === 2 && memberOfId(id), {
			error: `Must be an id of the form ${type}:<member>`
		});
}

/** `<type>:<member>:<ulid>`, or with `parents` more ulids before the last (`claim-step:<member>:<claim>:<ulid>`). */
export function memberUlidIdSchema(type: string, parents = 0) {
	return z.string().refine(
		(id) => {
			const parts = id.split(':');
			return (
				parts[0] === type &&
				parts.length === 3 + parents &&
				memberOfId(id) !== undefined &&
				parts.slice(2).every((part) => ULID_PATTERN.test(part))
			);
		},
		{ error: `Must be an id of the form ${type}:<member>:<ulid>` }
	);
}

/** `<type>:<poster>:<member>:<opportunity ulid>`. */
export function posterIdSchema(type: string) {
	return z.string().refine((id) => id.startsWith(`${type}:`) && (readersOfId(id)?.length ?? 0) === 2, {
		error: `Must be an id of the form ${type}:<poster>:<member>:<opportunity>`
	});
}

/** The id of a poster-private document about `member` and an opportunity `opportunityId` posted by `poster`. */
export function posterPrivateId(type: string, poster: string, member: string, opportunityId: string): string {
	return `${type}:${poster}:${member}:${opportunityId.slice(opportunityId.indexOf(':') + 1)}`;
}

/** Whether the id's poster, member and opportunity are the document's own fields. */
export function matchesPosterFields(doc: {
	_id: string;
	type: string;
	poster: string;
	member: string;
	opportunityId: string;
}): boolean {
	return (
		posterOfId(doc._id) === doc.poster &&
		memberOfId(doc._id) === doc.member &&
		posterPrivateId(doc.type, doc.poster, doc.member, doc.opportunityId) === doc._id
	);
}
