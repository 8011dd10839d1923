import { z } from 'zod';
import { accountNameSchema } from './accounts';
import { docIdSchema, isoTimestamp, optionalText as text } from './common';
import { memberOfId, posterOfId } from './private';
import { posterIdSchema } from './private-ids';
import { COMMUNICATION_NEEDS } from './profile';
import type { TypeRule } from './type-rules';

/**
 * A member telling a meeting's chair they are coming, and how they need information there (the NHS
 * Accessible Information Standard: a BSL interpreter, large print…), without any other personal detail.
 * Private to the member, the chair it names and coordinators (private.ts: `coming:<chair>:<member>:<meeting
 * ulid>`, the chair in the poster's place); one per member per meeting; taking it back deletes it.
 */
export function comingId(chair: string, member: string, meetingId: string): string {
	return `coming:${chair}:${member}:${meetingId.slice('meeting:'.length)}`;
}

export const comingInputSchema = z.object({
	needs: z.array(z.enum(COMMUNICATION_NEEDS)).max(COMMUNICATION_NEEDS.length).default([]),
	note: text(300, 'What would help').default('')
});
export type ComingInput = z.input<typeof comingInputSchema>;

export const comingSchema = z
	.strictObject({
		_id: posterIdSchema('coming'),
		type: z.literal('coming'),
		schemaVersion: z.literal(1),
		author: accountNameSchema,
		createdAt: isoTimestamp,
		updatedAt: isoTimestamp,
		meetingId: docIdSchema('meeting'),
		chair: accountNameSchema,
		member: accountNameSchema,
		...comingInputSchema.shape
	})
	.refine(
		(doc) =>
			doc._id === comingId(doc.chair, doc.member, doc.meetingId) &&
			posterOfId(doc._id) === doc.chair &&
			memberOfId(doc._id) === doc.member,
		{ error: 'The id must name the meeting, its chair and the member', path: ['_id'] }
	);
export type Coming = z.infer<typeof comingSchema>;

export const COMING_TYPE_RULE: TypeRule = {
	immutable: ['meetingId', 'chair', 'member'],
	onePerPerson: true,
	writers: (actor, doc) => doc.member === actor.name && doc.author === actor.name,
	writersRefusal: 'Only the member (or a coordinator for them) can say they are coming'
};
