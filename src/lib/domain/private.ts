/**
 * Documents only some people may read: a member's profile and expenses claims, and what passes between a
 * member and the person who posted an involvement opportunity. They live in the shared `network` database;
 * the gateway leaves them out of every read by anyone else (docs/SECURITY.md, "Private documents").
 *
 * Who may read one is decided from its id alone, because a deletion keeps nothing else:
 * - `<type>:<member>[:<more>]` for MEMBER_PRIVATE_TYPES: the member and coordinators;
 * - `<type>:<poster>:<member>:<ulid>` for POSTER_PRIVATE_TYPES: the member, the person they address and
 *   coordinators (an opportunity's poster; for `coming`, the meeting's chair, with the meeting's ulid).
 */
import { accountNameSchema, type Role } from './accounts';
import { ULID_PATTERN } from './ids';

export const MEMBER_PRIVATE_TYPES = ['profile', 'claim', 'claim-step', 'receipt'] as const;
export const POSTER_PRIVATE_TYPES = ['interest', 'selection', 'time-given', 'coming'] as const;

const MEMBER_PRIVATE: ReadonlySet<string> = new Set(MEMBER_PRIVATE_TYPES);
const POSTER_PRIVATE: ReadonlySet<string> = new Set(POSTER_PRIVATE_TYPES);

const isName = (value: string | undefined): value is string =>
	value !== undefined &&
	accountNameSchema.safeParse(value).success &&
	accountNameSchema.parse(value) === value;

/**
 * The accounts (besides coordinators) who may read the document with this id: `undefined` when everyone
 * may (it is not private), an empty list when nobody but coordinators may (a private type whose id is not
 * well formed).
 */
export function readersOfId(id: string): readonly string[] | undefined {
	const parts = id.split(':');
	const type = parts[0] ?? '';
	if (MEMBER_PRIVATE.has(type)) return isName(parts[1]) ? [parts[1]] : [];
	if (POSTER_PRIVATE.has(type)) {
		const [, poster, member, opportunity] = parts;
		const wellFormed =
			parts.length === 4 && isName(poster) && isName(member) && ULID_PATTERN.test(opportunity ?? '');
		return wellFormed ? [member, poster] : [];
	}
	return undefined;
}

/** Whether someone with this name and these roles may read the document with this id. */
export function mayReadId(reader: { name: string; roles: readonly Role[] }, id: string): boolean {
	const readers = readersOfId(id);
	return readers === undefined || reader.roles.includes('coordinator') || readers.includes(reader.name);
}

/** The member a private id names (its owner), or undefined for an id that is not private or not well formed. */
export function memberOfId(id: string): string | undefined {
	const readers = readersOfId(id);
	return readers && readers.length > 0 ? readers[0] : undefined;
}

/** The poster a poster-private id names, or undefined. */
export function posterOfId(id: string): string | undefined {
	const readers = readersOfId(id);
	return readers && readers.length > 1 ? readers[1] : undefined;
}
