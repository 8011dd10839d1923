/**
 * Requests for gateway.fuzz.test.ts that name other people's private documents (domain/private.ts) on
 * every read and write path: chair's real ones (`@PRIVATE0@`… `@PRIVATE6@`, planted by server-process.ts),
 * ids of the same forms naming nothing, malformed ones, and all of them percent-encoded in the path.
 */
import fc from 'fast-check';
import { principal } from './paths';
import { described, type FuzzRequest } from './request';

/** How many private documents of chair's server-process.ts plants. */
export const PLANTED_PRIVATE = 7;

const ULID = fc
	.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHJKMNPQRSTVWXYZ'), minLength: 26, maxLength: 26 })
	.map((random) => `01${random.slice(2)}`);

/** Another member's, staff member's or nobody's private id, well formed or not. */
export const hostileId: fc.Arbitrary<string> = fc.oneof(
	fc.integer({ min: 0, max: PLANTED_PRIVATE - 1 }).map((i) => `@PRIVATE${i}@`),
	fc
		.tuple(
			fc.constantFrom('profile', 'claim', 'claim-step', 'receipt'),
			fc.constantFrom('chair', 'coordinator', 'CHAIR', 'chair ', '', 'chair:x', 'c%68air'),
			fc.option(ULID, { nil: undefined })
		)
		.map(([type, name, ulid]) => [type, name, ulid].filter((part) => part !== undefined).join(':')),
	fc
		.tuple(
			fc.constantFrom('interest', 'selection', 'time-given'),
			fc.constantFrom('coordinator', 'chair', 'x'),
			fc.constantFrom('chair', 'coordinator', ''),
			ULID
		)
		.map((parts) => parts.join(':'))
);

type Template = (id: string, path: string) => Pick<FuzzRequest, 'method' | 'path' | 'body'>;

const json = (value: unknown) => encodeURIComponent(JSON.stringify(value));

/** Every path that reads or writes by id, with `id` as JSON and `path` as a path segment. */
export const BY_ID: readonly Template[] = [
	(_id, path) => ({ method: 'GET', path: `/db/network/${path}` }),
	(_id, path) => ({ method: 'HEAD', path: `/db/network/${path}` }),
	(_id, path) => ({ method: 'GET', path: `/db/network/${path}?revs_info=true&conflicts=true` }),
	(_id, path) => ({ method: 'GET', path: `/db/network/${path}?open_revs=all&revs=true` }),
	(_id, path) => ({ method: 'GET', path: `/db/network/${path}/image` }),
	(id) => ({ method: 'GET', path: `/db/network/_all_docs?include_docs=true&keys=${json([id])}` }),
	(id) => ({ method: 'GET', path: `/db/network/_all_docs?key=${json(id)}&include_docs=true` }),
	(id) => ({ method: 'POST', path: '/db/network/_all_docs', body: JSON.stringify({ keys: [id] }) }),
	(id) => ({ method: 'GET', path: `/db/network/_changes?filter=_doc_ids&doc_ids=${json([id])}` }),
	(id) => ({
		method: 'POST',
		path: '/db/network/_changes?filter=_doc_ids&include_docs=true',
		body: JSON.stringify({ doc_ids: [id] })
	}),
	(id) => ({ method: 'POST', path: '/db/network/_bulk_get', body: JSON.stringify({ docs: [{ id }] }) }),
	(id) => ({ method: 'POST', path: '/db/network/_revs_diff', body: JSON.stringify({ [id]: ['1-abc'] }) }),
	(id, path) => ({
		method: 'PUT',
		path: `/db/network/${path}`,
		body: JSON.stringify({ _id: id, type: 'x' })
	}),
	(_id, path) => ({ method: 'DELETE', path: `/db/network/${path}?rev=1-abc` }),
	(id) => ({
		method: 'POST',
		path: '/db/network/_bulk_docs',
		body: JSON.stringify({ docs: [{ _id: id, _rev: '1-abc', _deleted: true }], new_edits: false })
	})
];

/** Paths that name no id but walk past hidden ones: from a key, by pages. */
const WALKS: readonly Template[] = [
	(id) => ({ method: 'GET', path: `/db/network/_all_docs?startkey=${json(id)}&limit=2&include_docs=true` }),
	(id) => ({
		method: 'GET',
		path: `/db/network/_all_docs?endkey=${json(id)}&descending=true&skip=1&limit=1`
	}),
	() => ({ method: 'GET', path: '/db/network/_changes?include_docs=true&style=all_docs&limit=3&since=0' }),
	() => ({ method: 'GET', path: '/db/network/_changes?feed=longpoll&since=0&conflicts=true' })
];

/** A path segment for `id`: encoded as a component, every character percent-encoded, or only what must be. */
const asSegment = fc.constantFrom(
	(id: string) => encodeURIComponent(id),
	(id: string) => [...id].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
	(id: string) => encodeURI(id)
);

/** A request on one of `templates` that names a hostile id. */
export function namingPrivate(templates: readonly Template[]): fc.Arbitrary<FuzzRequest> {
	return fc
		.record({ principal, template: fc.constantFrom(...templates), id: hostileId, segment: asSegment })
		.map(({ principal, template, id, segment }) =>
			described({
				principal,
				contentType: 'application/json',
				...template(id, id.startsWith('@') ? id : segment(id))
			})
		);
}

export const privateRequest = namingPrivate([...BY_ID, ...WALKS]);
