import { z } from 'zod';
import { accountNameSchema } from './accounts';
import { ULID_PATTERN } from './ids';

export const isoTimestamp = z.iso.datetime({ offset: true, error: 'Must be a date and time' });

/** An `_id` of the form `<type>:<ulid>`. */
export function docIdSchema<T extends string>(type: T) {
	return z
		.string()
		.refine((id) => id.startsWith(`${type}:`) && ULID_PATTERN.test(id.slice(type.length + 1)), {
			error: `Must be an id of the form ${type}:<ulid>`
		});
}

/** The fields every replicated document carries. `_rev` and other PouchDB fields are kept apart. */
export function baseDocShape<T extends string>(type: T) {
	return {
		_id: docIdSchema(type),
		type: z.literal(type),
		schemaVersion: z.literal(1),
		author: accountNameSchema,
		createdAt: isoTimestamp,
		updatedAt: isoTimestamp
	};
}

/**
 * Fields nobody may change once a document is written (`group`: the group a document belongs to, for the
 * types that have one).
 */
export const IMMUTABLE_FIELDS = ['type', 'author', 'createdAt', 'group'] as const;

/** Text a person may leave empty, trimmed, at most `max` characters ("<label> must be … or fewer"). */
export function optionalText(max: number, label: string) {
	return z
		.string()
		.trim()
		.max(max, { error: `${label} must be ${max.toLocaleString('en-GB')} characters or fewer` });
}

/**
 * An easy-read version written by a person (issue #27): short sentences for someone with a learning
 * disability, shown first to people who chose easy read.
 */
export function easyReadSummary(max = 600) {
	return optionalText(max, 'The easy read version').default('');
}

/** Text a person must give (`empty` says so when they do not), trimmed, at most `max` characters. */
export function requiredText(max: number, label: string, empty: string) {
	return z
		.string({ error: empty })
		.trim()
		.min(1, { error: empty })
		.max(max, { error: `${label} must be ${max.toLocaleString('en-GB')} characters or fewer` });
}
