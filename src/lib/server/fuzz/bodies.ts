/** Bodies for the gateway's fuzzing: wrong shapes for each route, invalid and deeply nested JSON. */
import fc from 'fast-check';

/** n levels of `[` (and the matching `]` when `closed`), built without recursion. */
function deepArray(n: number, closed = true): string {
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
