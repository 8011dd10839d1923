/**
 * fast-check arbitraries for gateway.fuzz.test.ts: `/db` requests with raw paths (dot segments in every
 * spelling, encoded slashes, bad escapes), garbage query strings, malformed bodies and replication
 * revision trees. Paths may hold placeholders (`@ATT@`, `@MINE@`, `@CHAIRS@`, `@SIGNUP@`) that the test
 * replaces with ids of the running server.
 */
import fc from 'fast-check';
import type { Principal } from './harness';

export interface FuzzRequest {
	principal: Principal;
	method: string;
	/** Raw path and query, with placeholders. */
	path: string;
	body?: string;
	contentType?: string;
}

/** Shows a request briefly in fast-check's counterexamples (bodies can be 200 KB). */
function described(request: FuzzRequest): FuzzRequest {
	const body =
		request.body === undefined ? '' : ` body(${request.body.length}): ${request.body.slice(0, 300)}`;
	return Object.assign(request, {
		[fc.toStringMethod]: () => `${request.principal} ${request.method} ${request.path.slice(0, 500)}${body}`
	});
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A well-formed document id of the given type (a ULID from fast-check, so runs replay from the seed). */
export const docId = (type: string) =>
	fc
		.string({ unit: fc.constantFrom(...ALPHABET), minLength: 16, maxLength: 16 })
		.map((random) => `${type}:01M8${'0'.repeat(6)}${random}`);

export const PLACEHOLDERS = ['@ATT@', '@MINE@', '@CHAIRS@', '@SIGNUP@'] as const;

const NAMES = [
	'network',
	'signups',
	'coproduce-accounts',
	'coproduce-sessions',
	'nosuchdb',
	'_all_docs',
	'_changes',
	'_bulk_get',
	'_revs_diff',
	'_bulk_docs',
	'_local',
	'_local_docs',
	'_design',
	'_session',
	'_all_dbs',
	'_node',
	'_local',
	'_config',
	'admins',
	'_users',
	'_replicate',
	'_security',
	'_find',
	'_utils',
	'_uuids',
	'_purge',
	'x',
	'photo.png',
	'page.html',
	'file.txt',
	'_nodes',
	'_dbs'
];

const DOTS = [
	'.',
	'..',
	'...',
	'%2E',
	'%2e',
	'%2E%2E',
	'%2e%2e',
	'%2E.',
	'.%2E',
	'%2e.',
	'.%2e',
	'%252E%252E',
	'..%2F',
	'..%2f',
	'..%5C',
	'..\\',
	'.\\',
	'..\\..',
	'%2E%2E%2F',
	'%2E%2E%5C',
	'..;',
	'%C0%AE%C0%AE',
	'%EF%BC%8E%EF%BC%8E',
	'%u002e%u002e'
];

const SLASHES = [
	'%2F',
	'%2f',
	'a%2Fb',
	'_local%2Fchair:x',
	'..%2Fsignups',
	'network%2F..%2Fsignups',
	'%5C',
	'%2F%2F'
];
const BAD_ESCAPES = [
	'%',
	'%zz',
	'%E0%A4%A',
	'%C0%AE',
	'%FF',
	'%00',
	'%0a',
	'%0D%0A',
	'%%',
	'%2',
	'%D8%00',
	'%ED%A0%80'
];

/** Printable ASCII, which is what Node's HTTP parser accepts in a request line. */
const asciiChar = fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code));

const segment: fc.Arbitrary<string> = fc.oneof(
	{ arbitrary: fc.constantFrom(...NAMES), weight: 6 },
	{ arbitrary: fc.constantFrom(...DOTS), weight: 5 },
	{ arbitrary: fc.constantFrom(...SLASHES), weight: 2 },
	{ arbitrary: fc.constantFrom(...BAD_ESCAPES), weight: 2 },
	{ arbitrary: fc.constantFrom(...PLACEHOLDERS), weight: 3 },
	{ arbitrary: fc.constant(''), weight: 2 },
	{ arbitrary: docId('idea'), weight: 1 },
	{ arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }).map(encodeURIComponent), weight: 1 },
	{ arbitrary: fc.string({ unit: asciiChar, maxLength: 8 }).filter((s) => !/[/?#]/.test(s)), weight: 1 },
	{
		arbitrary: fc
			.tuple(fc.constantFrom('a', '.', '%2E', '_', '%C3%A9'), fc.integer({ min: 100, max: 6_000 }))
			// Node's HTTP parser answers 431 by itself to a request line over 16 KB: stay under it.
			.map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length))),
		weight: 1
	}
);

const METHODS = ['GET', 'GET', 'GET', 'HEAD', 'POST', 'POST', 'PUT', 'PUT', 'DELETE', 'COPY', 'OPTIONS'];
export const method = fc.constantFrom(...METHODS);

export const principal: fc.Arbitrary<Principal> = fc.oneof(
	{ arbitrary: fc.constant<Principal>('member'), weight: 5 },
	{ arbitrary: fc.constant<Principal>('recruiter'), weight: 3 },
	{ arbitrary: fc.constant<Principal>('anonymous'), weight: 1 }
);

/** Where a path climbing out of its database might land. */
const TARGETS = [
	['signups', '_all_docs'],
	['signups', '@SIGNUP@'],
	['signups', '_changes'],
	['coproduce-accounts', '_all_docs'],
	['coproduce-accounts', 'marker:1'],
	['coproduce-sessions', '_all_docs'],
	['network', '_local', 'chair:x'],
	['network', '_local', 'x'],
	['_all_dbs'],
	['_session'],
	['_node', '_local', '_config', 'admins'],
	['_config'],
	['_users', '_all_docs'],
	['_utils'],
	[]
];

/** `/db/` then segments, mostly starting with a real database name. */
const randomPath: fc.Arbitrary<string> = fc
	.tuple(
		fc.oneof(
			{ arbitrary: fc.constantFrom('network', 'network', 'signups', 'coproduce-accounts'), weight: 4 },
			{ arbitrary: segment, weight: 1 }
		),
		fc.array(segment, { maxLength: 6 }),
		fc.constantFrom('', '', '', '/', '//')
	)
	.map(([first, rest, end]) => '/db/' + [first, ...rest].join('/') + end);

/** `/db/network/…` climbing back up with dot segments (in any spelling) to another database or route. */
const traversalPath: fc.Arbitrary<string> = fc
	.tuple(
		fc.constantFrom('network', 'network', 'signups', 'nosuchdb'),
		fc.array(fc.constantFrom('x', '_all_docs', '@MINE@', '_local', '.', '%2E'), { maxLength: 2 }),
		fc.integer({ min: 0, max: 2 }),
		fc.array(fc.constantFrom(...DOTS), { minLength: 3, maxLength: 5 }),
		fc.constantFrom(...TARGETS),
		fc.constantFrom('', '', '/', '?include_docs=true')
	)
	// Mostly exactly as many levels up as down, plus one: out of the database.
	.map(([db, down, extra, dots, target, end]) => {
		const up = dots.slice(0, Math.min(dots.length, down.length + (extra === 0 ? 2 : 1)));
		return '/db/' + [db, ...down, ...up, ...target].join('/') + end;
	});

export const dbPath: fc.Arbitrary<string> = fc.oneof(
	{ arbitrary: randomPath, weight: 3 },
	{ arbitrary: traversalPath, weight: 2 }
);

const PARAMS = [
	'rev',
	'revs',
	'open_revs',
	'latest',
	'include_docs',
	'keys',
	'key',
	'startkey',
	'endkey',
	'start_key',
	'end_key',
	'doc_ids',
	'filter',
	'feed',
	'since',
	'limit',
	'skip',
	'style',
	'heartbeat',
	'timeout',
	'conflicts',
	'attachments',
	'att_encoding_info',
	'new_edits',
	'selector',
	'descending',
	'view',
	'revs_info',
	'local_seq',
	'seq_interval',
	'batch'
];

const GARBAGE_VALUES = [
	'abc',
	'{',
	'[',
	'"',
	'tru',
	'undefined',
	'NaN',
	'Infinity',
	'true',
	'false',
	'null',
	'5',
	'0',
	'-1',
	'-99999999999999999999',
	'99999999999999999999999',
	'1e309',
	'0.5',
	'[]',
	'[null]',
	'[null,null]',
	'{}',
	'{"a":1}',
	'"str"',
	'["_local/chair:x"]',
	'["_design/x"]',
	'[1,2]',
	'"_local/chair:x"',
	'all',
	'all_docs',
	'main_only',
	'now',
	'normal',
	'continuous',
	'eventsource',
	'_doc_ids',
	'_selector',
	'_view',
	'_design/x/y',
	'1-abc',
	'0-x',
	'a-b',
	'',
	'%',
	'%zz',
	'%E0%A4%A',
	'%00',
	'%FF',
	'%5B%22_local%2Fchair%3Ax%22%5D',
	'%5Bnull%5D',
	'%7B%7D'
];

const paramValue: fc.Arbitrary<string> = fc.oneof(
	{ arbitrary: fc.constantFrom(...GARBAGE_VALUES), weight: 8 },
	{
		arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => encodeURIComponent(JSON.stringify(v) ?? 'null')),
		weight: 2
	},
	{ arbitrary: fc.string({ unit: asciiChar, maxLength: 10 }).filter((s) => !s.includes('#')), weight: 1 },
	// Rarely a long poll (the test cuts its answer off after a few seconds).
	{ arbitrary: fc.constant('longpoll'), weight: 1 }
);

const param: fc.Arbitrary<string> = fc.oneof(
	{ arbitrary: fc.tuple(fc.constantFrom(...PARAMS), paramValue).map(([k, v]) => `${k}=${v}`), weight: 10 },
	{ arbitrary: fc.constantFrom(...PARAMS), weight: 1 },
	{
		arbitrary: fc.constantFrom(
			'',
			'=',
			'=x',
			'&',
			'%=%',
			'a[b]=c',
			'__proto__=x',
			'constructor[prototype]=1'
		),
		weight: 1
	}
);

/** `?` and 0 to 5 parameters (repeats allowed), or nothing. */
export const queryString: fc.Arbitrary<string> = fc.oneof(
	{ arbitrary: fc.constant(''), weight: 1 },
	{ arbitrary: fc.array(param, { minLength: 1, maxLength: 5 }).map((ps) => '?' + ps.join('&')), weight: 3 }
);

/** n levels of `[` (and the matching `]` when `closed`), built without recursion. */
export function deepArray(n: number, closed = true): string {
	return '['.repeat(n) + (closed ? ']'.repeat(n) : '');
}
function deepObject(n: number): string {
	return '{"a":'.repeat(n) + '1' + '}'.repeat(n);
}

const deepBody: fc.Arbitrary<string> = fc
	.tuple(
		fc.constantFrom(100, 5_000, 100_000),
		fc.constantFrom('array', 'open', 'object', 'docs', 'keys', 'bulkGet', 'revsDiff', 'doc')
	)
	.map(([n, shape]) => {
		switch (shape) {
			case 'array':
				return deepArray(n);
			case 'open':
				return deepArray(n, false);
			case 'object':
				return deepObject(n);
			case 'docs':
				return `{"docs":${deepArray(n)}}`;
			case 'keys':
				return `{"keys":${deepArray(n)}}`;
			case 'bulkGet':
				return `{"docs":[{"id":${deepArray(n)}}]}`;
			case 'revsDiff':
				return `{"idea:x":${deepArray(n)}}`;
			default:
				return `{"type":"idea","title":${deepObject(n)}}`;
		}
	});

const INVALID_JSON = [
	'',
	'{',
	'{"docs":',
	'nul',
	'[1,]',
	"{'a':1}",
	'{"a":1}{"b":2}',
	'\uFEFF{}',
	'{"a":"\\ud800"}',
	'{"__proto__":{"admin":true}}',
	'{"constructor":{"prototype":{"x":1}}}',
	'"just a string"',
	'12345678901234567890123456789',
	'-',
	'{"a":1,"a":2}',
	'\u0000'
];

/** Wrong shapes for each route that takes a body. */
const WRONG_SHAPES = [
	'{"docs":"x"}',
	'{"docs":[null]}',
	'{"docs":[{"id":5}]}',
	'{"docs":[{"id":null,"rev":5}]}',
	'{"docs":[{"id":"@MINE@","rev":["1-a"]}]}',
	'{"docs":[{"id":"@MINE@","atts_since":5}]}',
	'{"docs":[{"id":"_local/chair:x"}]}',
	'{"docs":[{"id":"_design/x"}]}',
	'{"docs":[{"id":{"a":1}}]}',
	'{"docs":5}',
	'{"docs":{}}',
	'{"docs":[[]]}',
	'{"docs":[5,"x",true]}',
	'{"@MINE@":"1-abc"}',
	'{"@MINE@":5}',
	'{"@MINE@":null}',
	'{"@MINE@":[null]}',
	'{"@MINE@":[{"a":1}]}',
	'{"_local/chair:x":["1-a"]}',
	'{"":["1-a"]}',
	'{"keys":5}',
	'{"keys":"x"}',
	'{"keys":[null]}',
	'{"keys":[{"a":1}]}',
	'{"keys":["_local/chair:x"]}',
	'{"doc_ids":5}',
	'{"doc_ids":[null]}',
	'{"doc_ids":["_local/chair:x"]}',
	'{"selector":5}',
	'{"selector":{"$where":"1"}}',
	'{"selector":{"_id":{"$regex":"("}}}',
	'{"new_edits":"false","docs":[]}',
	'{"new_edits":false,"docs":[null]}',
	'{"new_edits":false}',
	'{"_id":5}',
	'{"_id":"_design/x"}',
	'{"_id":"_local/x"}',
	'{"type":"idea"}',
	'[]',
	'null',
	'5',
	'"x"'
];

export const CONTENT_TYPES = [
	'application/json',
	'application/json',
	'application/json',
	'text/plain',
	'application/json; charset=utf-16',
	'application/json; charset=latin1',
	'multipart/related; boundary=x',
	'application/x-www-form-urlencoded'
];

export const body: fc.Arbitrary<string> = fc.oneof(
	{ arbitrary: fc.constantFrom(...WRONG_SHAPES), weight: 6 },
	{ arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'), weight: 3 },
	{ arbitrary: fc.constantFrom(...INVALID_JSON), weight: 2 },
	{ arbitrary: deepBody, weight: 1 },
	{ arbitrary: fc.string({ maxLength: 40 }), weight: 1 }
);

/** Any method on any `/db` path, with garbage query strings and bodies. */
export const anyRequest: fc.Arbitrary<FuzzRequest> = fc
	.record({
		principal,
		method,
		path: dbPath,
		query: queryString,
		body: fc.option(body, { nil: undefined, freq: 2 }),
		contentType: fc.constantFrom(...CONTENT_TYPES)
	})
	.map(({ principal, method, path, query, body, contentType }) =>
		described({
			principal,
			method,
			path: path + query,
			...(body === undefined || method === 'GET' || method === 'HEAD' ? {} : { body, contentType })
		})
	);

/** The replication routes, each with garbage query strings and wrong or malformed bodies. */
export const routeRequest: fc.Arbitrary<FuzzRequest> = fc
	.record({
		principal,
		route: fc.constantFrom<[string, string]>(
			['GET', '/db/network/'],
			['GET', '/db/network/_all_docs'],
			['POST', '/db/network/_all_docs'],
			['GET', '/db/network/_changes'],
			['POST', '/db/network/_changes'],
			['POST', '/db/network/_bulk_get'],
			['POST', '/db/network/_revs_diff'],
			['POST', '/db/network/_bulk_docs'],
			['GET', '/db/network/@MINE@'],
			['GET', '/db/network/@CHAIRS@'],
			['PUT', '/db/network/@MINE@'],
			['DELETE', '/db/network/@MINE@'],
			['GET', '/db/network/@ATT@/photo.png'],
			['GET', '/db/network/_local/x'],
			['PUT', '/db/network/_local/x'],
			['POST', '/db/signups/_bulk_get'],
			['GET', '/db/signups/_changes']
		),
		query: queryString,
		body,
		contentType: fc.constantFrom(...CONTENT_TYPES)
	})
	.map(({ principal, route: [method, path], query, body, contentType }) =>
		described({
			principal,
			method,
			path: path + query,
			...(method === 'GET' || method === 'DELETE' ? {} : { body, contentType })
		})
	);

const hex = (length: number) =>
	fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });

const rev: fc.Arbitrary<unknown> = fc.oneof(
	{ arbitrary: fc.tuple(fc.integer({ min: 1, max: 4 }), hex(32)).map(([n, h]) => `${n}-${h}`), weight: 3 },
	{
		arbitrary: fc.constantFrom(
			'1-abc',
			'0-x',
			'a-b',
			'',
			'1-',
			'-1-abc',
			'1-ABC',
			'99999999999999999999-abc',
			'1-a-b',
			'1'
		),
		weight: 3
	},
	{ arbitrary: fc.constantFrom(5, 0, -1, 1.5, null, true, {}, [], { start: 1 }, ['1-abc']), weight: 1 }
);

const revisionIds: fc.Arbitrary<unknown> = fc.oneof(
	{ arbitrary: fc.array(hex(32), { maxLength: 3 }), weight: 3 },
	{ arbitrary: fc.constant([]), weight: 2 },
	{
		arbitrary: fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constant(null), fc.integer()), {
			maxLength: 3
		}),
		weight: 2
	},
	{ arbitrary: fc.constantFrom(5, 'abc', null, {}, [null], [[]], ['abc']), weight: 1 }
);

const revisions: fc.Arbitrary<unknown> = fc.oneof(
	{ arbitrary: fc.constant({ start: 1, ids: [] }), weight: 2 },
	{ arbitrary: fc.constant({ start: 'a', ids: 5 }), weight: 1 },
	{
		arbitrary: fc.record(
			{
				start: fc.oneof(
					fc.integer({ min: -2, max: 5 }),
					fc.constantFrom(1e300, -0, 1.5, 'a', '1', null, [], {}, Number.MAX_SAFE_INTEGER)
				),
				ids: revisionIds
			},
			{ requiredKeys: [] }
		),
		weight: 6
	},
	{ arbitrary: fc.constantFrom(null, [], 'x', 5, true), weight: 1 }
);

const underscoreExtras: fc.Arbitrary<Record<string, unknown>> = fc.record(
	{
		_foo: fc.jsonValue({ maxDepth: 1 }),
		_conflicts: fc.oneof(fc.constant(['1-abc']), fc.jsonValue({ maxDepth: 1 })),
		_deleted_conflicts: fc.constant(['1-abc']),
		_revs_info: fc.constant([{ rev: '1-abc', status: 'available' }]),
		_local_seq: fc.constant(5),
		_attachments: fc.oneof(
			fc.constantFrom(5, 'x', null, [], {}, { a: null }, { 'a.txt': 5 }, { 'a.txt': { stub: true } }),
			fc.constant({ 'a.txt': { content_type: 'text/plain', data: 'not base64!' } }),
			fc.constant({ 'a.png': { content_type: 'image/png', stub: true, revpos: 'x', digest: 5 } }),
			fc.jsonValue({ maxDepth: 2 })
		)
	},
	{ requiredKeys: [] }
);

const deleted: fc.Arbitrary<unknown> = fc.constantFrom(true, 'true', 1, 0, 'yes', false, null, [true]);

/** A document for replication (`new_edits: false`): a valid new idea of `author` plus a generated revision tree. */
const replicatedDoc = (author: string): fc.Arbitrary<Record<string, unknown>> =>
	fc
		.record(
			{
				id: fc.oneof(
					{ arbitrary: docId('idea'), weight: 4 },
					{ arbitrary: fc.constantFrom('@MINE@', '@CHAIRS@'), weight: 2 },
					{ arbitrary: fc.constantFrom('_design/x', '_local/x', 'idea:', '', 'signup:x'), weight: 1 }
				),
				title: fc.string({ minLength: 1, maxLength: 20 }).filter((t) => t.trim().length > 0),
				rev: fc.option(rev, { freq: 5 }),
				revisions: fc.option(revisions, { freq: 6 }),
				deleted: fc.option(deleted, { freq: 2 }),
				tombstone: fc.boolean(),
				extras: fc.option(underscoreExtras, { freq: 2 })
			},
			{ requiredKeys: ['id', 'title', 'tombstone'] }
		)
		.map(({ id, title, rev, revisions, deleted, tombstone, extras }) => {
			const at = '2026-01-02T03:04:05.000Z';
			const doc: Record<string, unknown> = tombstone
				? { _id: id, _deleted: true }
				: {
						_id: id,
						type: 'idea',
						schemaVersion: 1,
						author,
						createdAt: at,
						updatedAt: at,
						title,
						details: ''
					};
			if (rev !== null && rev !== undefined) doc._rev = rev;
			if (revisions !== null && revisions !== undefined) doc._revisions = revisions;
			if (deleted !== null && deleted !== undefined) doc._deleted = deleted;
			return { ...doc, ...(extras ?? {}) };
		});

/** `_bulk_docs` with `new_edits: false`, and `PUT …?new_edits=false`, carrying generated revision trees. */
export const revisionTreeRequest: fc.Arbitrary<FuzzRequest> = principal.chain((who) => {
	const author = who === 'anonymous' ? 'member' : who;
	return fc.oneof(
		fc
			.tuple(
				fc.array(replicatedDoc(author), { minLength: 1, maxLength: 3 }),
				fc.constantFrom(false, false, 'false', 0, undefined)
			)
			.map(([docs, newEdits]) =>
				described({
					principal: who,
					method: 'POST',
					path: '/db/network/_bulk_docs',
					body: JSON.stringify({ docs, ...(newEdits === undefined ? {} : { new_edits: newEdits }) })
				})
			),
		fc
			.tuple(
				replicatedDoc(author),
				fc.constantFrom('?new_edits=false', '?new_edits=false&rev=1-abc', '?new_edits=0', '')
			)
			.map(([doc, query]) =>
				described({
					principal: who,
					method: 'PUT',
					path: `/db/network/${String(doc._id).startsWith('@') ? String(doc._id) : encodeURIComponent(String(doc._id))}${query}`,
					body: JSON.stringify(doc)
				})
			)
	);
});
