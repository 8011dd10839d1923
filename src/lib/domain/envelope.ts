/**
 * The envelope of every document: its id, type, schema version, author and dates around the content
 * people write. `newDoc` and `editDoc` are the only places these fields are set, on the device and on
 * the server, and both run the type's schema, so a document is checked where it is made.
 */
import type { z } from 'zod';
import { documentSchemas, type DocOf, type DocType } from './documents';
import { newDocId } from './ids';

/** The fields the envelope owns. */
type EnvelopeField = '_id' | 'type' | 'schemaVersion' | 'author' | 'createdAt' | 'updatedAt';

/** What a writer gives for a new document of type `K` (fields with defaults may be left out). */
export type ContentOf<K extends DocType> = Omit<z.input<(typeof documentSchemas)[K]>, EnvelopeField>;

/** A change to a document's content (never its envelope). */
export type ChangeOf<K extends DocType> = Partial<Omit<DocOf<K>, EnvelopeField>>;

export interface NewDocOptions {
	/** The id to use (a derived id, such as one person's support of one idea); a new one otherwise. */
	id?: string;
	now?: Date;
}

/** A new document of `type` written by `author`, checked against its schema (throws a ZodError if not). */
export function newDoc<K extends DocType>(
	type: K,
	author: string,
	content: ContentOf<K>,
	{ id, now = new Date() }: NewDocOptions = {}
): DocOf<K> {
	const at = now.toISOString();
	return documentSchemas[type].parse({
		...content,
		_id: id ?? newDocId(type, now.getTime()),
		type,
		schemaVersion: 1,
		author,
		createdAt: at,
		updatedAt: at
	}) as DocOf<K>;
}

/**
 * `doc` with `change` over its content and `updatedAt` now, checked against its schema. The envelope
 * (id, type, author, creation time) is kept whatever `change` holds.
 */
export function editDoc<K extends DocType>(
	type: K,
	doc: DocOf<K>,
	change: ChangeOf<K>,
	now: Date = new Date()
): DocOf<K> {
	const { _id, schemaVersion, author, createdAt } = doc;
	return documentSchemas[type].parse({
		...doc,
		...change,
		_id,
		type,
		schemaVersion,
		author,
		createdAt,
		updatedAt: now.toISOString()
	}) as DocOf<K>;
}
