/** Query strings for the gateway's fuzzing: known parameters with garbage values, repeats, bad escapes. */
import fc from 'fast-check';
import { asciiChar } from './paths';

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
