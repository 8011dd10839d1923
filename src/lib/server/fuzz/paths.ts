/**
 * Raw `/db` paths (and `/api/measures/people` with what may follow it) for the gateway's fuzzing: real names mixed with dot segments in every spelling, encoded
 * slashes and bad escapes; methods and principals. Paths may hold placeholders (`@ATT@`, `@MINE@`,
 * `@CHAIRS@`, `@SIGNUP@`, `@PROJECT@`) that the test replaces with ids of the running server.
 */
import fc from 'fast-check';
import type { Principal } from './harness';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A well-formed document id of the given type (a ULID from fast-check, so runs replay from the seed). */
export const docId = (type: string) =>
	fc
		.string({ unit: fc.constantFrom(...ALPHABET), minLength: 16, maxLength: 16 })
		.map((random) => `${type}:01M8${'0'.repeat(6)}${random}`);

const PLACEHOLDERS = ['@ATT@', '@MINE@', '@CHAIRS@', '@SIGNUP@', '@PROJECT@'] as const;

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
export const asciiChar = fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code));

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

/** The measures' counts route as written, in other spellings, and climbing from it to other routes. */
export const measuresPath: fc.Arbitrary<string> = fc
	.tuple(
		fc.constantFrom(
			'/api/measures/people',
			'/api/measures/people',
			'/api/measures/people/',
			'/api/measures',
			'/api/measures/%70eople',
			'/api/MEASURES/people',
			'/api//measures/people'
		),
		fc.array(
			fc.oneof(
				{ arbitrary: fc.constantFrom(...DOTS), weight: 3 },
				{
					arbitrary: fc.constantFrom('accounts', 'signups', '@SIGNUP@', 'db', 'network', 'people'),
					weight: 2
				},
				{ arbitrary: segment, weight: 1 }
			),
			{ maxLength: 4 }
		)
	)
	.map(([route, rest]) => [route, ...rest].join('/'));
