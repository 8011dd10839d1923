import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newDoc } from '../domain/envelope';
import { anyRequest, measuresRequest, routeRequest } from './fuzz/arbitraries';
import type { FuzzRequest } from './fuzz/request';
import { revisionTreeRequest } from './fuzz/revision-trees';
import { GatewayProcess, send, type BackendKind, type Principal, type RawAnswer } from './fuzz/harness';
import { glossaryDoc } from './fuzz/glossary-docs';
import { projectDoc } from './fuzz/project-docs';
import { privateRequest } from './fuzz/private-ids';
import { FORBIDDEN_TEXT } from './fuzz/secrets';

/**
 * Property-based fuzzing of the `/db` gateway (and the measures' counts under `/api`), over the embedded backend and (with COUCHDB_TEST_URL) CouchDB:
 * generated malformed requests (raw paths with dot segments and bad escapes, garbage query strings, wrong
 * bodies, replication revision trees) never get a 5xx, a non-JSON answer, a stack trace or anything the
 * principal may not read, and the server stays up and keeps serving replication.
 *
 * The gateway runs in a child process (fuzz/server-process.ts), so a request that crashes it fails the
 * test with that request instead of killing the test worker. FUZZ_RUNS sets the runs per property (default
 * 100; the first two properties run twice as many; `FUZZ_RUNS=1000 npx vitest run src/lib/server/gateway.fuzz.test.ts` for a long run); FUZZ_SEED replays a run (fast-check prints the seed and path of a failure).
 */

const couchdbTestUrl = process.env.COUCHDB_TEST_URL;
const backends: Array<{ kind: BackendKind }> = [
	{ kind: 'embedded' },
	...(couchdbTestUrl ? [{ kind: 'couchdb' as const }] : [])
];
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const TIMEOUT = 10 * 60_000;
const SHRINK_LIMIT_MS = 45_000;

/** The measures' counts (`/api/measures/people`), which no fuzzing principal may read. */
const COUNTS = /"members":\[|"signups":\[/;

/** Bodies and logs that give away the server's insides. */
const LEAKS = /\n\s+at |\s{4}at \S|node_modules|\/work\/|\/tmp\/|\/home\/|\/usr\/lib|<html|[A-Z]:\\\\/i;

function decodedSegments(rawPath: string): string[] | undefined {
	try {
		return rawPath.split('/').map((segment) => decodeURIComponent(segment));
	} catch {
		return undefined;
	}
}

/**
 * Whether a request is a plain attachment read (`/db/network/<docid>/<name>`), whose answer is the
 * attachment's bytes rather than JSON.
 */
function isAttachmentRead(request: { principal: Principal; method: string }, rawPath: string): boolean {
	if (request.principal === 'anonymous' || !['GET', 'HEAD'].includes(request.method)) return false;
	const path = rawPath.split('?')[0] ?? '';
	if (!path.startsWith('/db/network/')) return false;
	const segments = decodedSegments(path.slice('/db/network/'.length));
	if (!segments || segments.length < 2) return false;
	const [id = '', ...names] = segments;
	const plain = (s: string) => s !== '' && s !== '.' && s !== '..' && !/[/\\]/.test(s);
	return !id.startsWith('_') && plain(id) && names.every(plain);
}

describe.each(backends)('gateway fuzz over the $kind backend', ({ kind }) => {
	let gateway: GatewayProcess;
	/** Set when a request may have left the server broken: the next run starts a fresh one. */
	let suspect = false;
	/** Ids on the running server that requests name through placeholders. */
	let ids: Record<string, string> = {};
	const stopped: Array<Promise<void>> = [];

	async function startGateway(): Promise<void> {
		gateway = await GatewayProcess.start(kind, couchdbTestUrl);
		suspect = false;
		const mine = `idea:01M8${'0'.repeat(6)}MEMBERS000000000`;
		const put = await send(gateway.port, {
			method: 'PUT',
			path: `/db/network/${mine}`,
			cookie: gateway.cookies.member,
			body: JSON.stringify(newDoc('idea', 'member', { title: 'My own idea', details: '' }, { id: mine }))
		});
		expect(put.status, put.body).toBe(201);
		const docs = await allDocs();
		const chairs = docs.find((doc) => doc._id.startsWith('idea:') && doc.author === 'chair')?._id;
		// A demo project the member is on the team of (and the recruiter not), and its measure.
		const project = docs.find(
			(doc) =>
				doc.type === 'project' && doc.team?.some((person) => person.name === 'member') && doc.measures?.length
		);
		expect(project, 'a demo project with the member on its team').toBeDefined();
		ids = {
			'@ATT@': gateway.ids.withAttachments,
			'@MINE@': mine,
			'@CHAIRS@': chairs ?? 'idea:none',
			'@SIGNUP@': gateway.ids.signup,
			'@PROJECT@': project?._id ?? 'project:none',
			'@PROJECTKEY@': project?._id.slice('project:'.length) ?? 'none',
			'@MEASURE@': project?.measures?.[0]?.id ?? 'none',
			...Object.fromEntries(gateway.ids.othersPrivate.map((id, i) => [`@PRIVATE${i}@`, id]))
		};
	}

	type DemoDoc = {
		_id: string;
		type?: string;
		author?: string;
		team?: { name: string }[];
		measures?: { id: string }[];
	};

	async function allDocs(): Promise<DemoDoc[]> {
		const res = await send(gateway.port, {
			method: 'GET',
			path: '/db/network/_all_docs?include_docs=true',
			cookie: gateway.cookies.member
		});
		const rows = (JSON.parse(res.body) as { rows: Array<{ doc?: DemoDoc }> }).rows;
		return rows.flatMap((row) => (row.doc ? [row.doc] : []));
	}

	/** Replaces the placeholders (`@MINE@`…) with ids of the running server. */
	function resolved(text: string): string {
		return text
			.replace(
				/@(ATT|MINE|CHAIRS|SIGNUP|PROJECT|PROJECTKEY|MEASURE|PRIVATE\d)@/g,
				(placeholder) => ids[placeholder] ?? placeholder
			)
			.replace(/%40PRIVATE(\d)%40/g, (placeholder, i: string) =>
				encodeURIComponent(ids[`@PRIVATE${i}@`] ?? placeholder)
			);
	}

	/** Starts a fresh server if the last one died or may have been left broken. */
	async function ensureGateway(): Promise<void> {
		if (gateway.alive && !suspect) return;
		const old = gateway;
		// A server that died or broke may not stop cleanly; the next one starts regardless.
		stopped.push(
			old.stop(couchdbTestUrl).catch((error: unknown) => console.warn('old gateway did not stop', error))
		);
		await startGateway();
	}

	function describeRequest(request: FuzzRequest, path: string, body: string | undefined): string {
		const shown = body === undefined ? '' : `\n  body (${body.length} chars): ${body.slice(0, 300)}`;
		return `${request.principal} ${request.method} ${path.slice(0, 600)}${shown}`;
	}

	function describeAnswer(answer: RawAnswer): string {
		return `answered ${answer.status} (${answer.headers['content-type'] ?? 'no content-type'}): ${answer.body.slice(0, 500)}`;
	}

	/** Waits briefly for the child's exit event after a refused connection, then describes the crash. */
	async function crashReport(): Promise<string> {
		for (let i = 0; i < 20 && gateway.alive; i++) await new Promise((resolve) => setTimeout(resolve, 50));
		if (gateway.alive) return 'the server is still running';
		return `the server process exited (${JSON.stringify(gateway.exit)}); its last output:\n${gateway.tail()}`;
	}

	/** Sends one generated request and checks every property of its answer; throws with the request on failure. */
	async function check(request: FuzzRequest): Promise<void> {
		const path = resolved(request.path);
		const body = request.body === undefined ? undefined : resolved(request.body);
		const where = describeRequest(request, path, body);
		let answer: RawAnswer;
		try {
			answer = await send(gateway.port, {
				method: request.method,
				path,
				body,
				contentType: request.contentType,
				cookie: gateway.cookies[request.principal],
				bodyTimeoutMs: 3_000
			});
		} catch (error) {
			suspect = true;
			throw new Error(`No answer (${String(error)}) to\n  ${where}\n${await crashReport()}`);
		}
		const fail = (what: string) => {
			throw new Error(`${what}\n  ${where}\n  ${describeAnswer(answer)}`);
		};
		// Refused before its large body was read: the batch's liveness check still runs.
		if (answer.closedEarly) return;
		const leaked = [...FORBIDDEN_TEXT, gateway.ids.signup].filter((text) => answer.body.includes(text));
		if (leaked.length > 0)
			fail(`An answer to ${request.principal} with what it may not read: ${leaked.join(', ')}`);
		// Another's private document by its id, unless the request named it (a refusal may say which it was).
		const asked = `${decodedSegments(path)?.join('/') ?? path} ${body ?? ''}`;
		const named = gateway.ids.othersPrivate.filter((id) => answer.body.includes(id) && !asked.includes(id));
		if (named.length > 0) fail(`An answer naming private documents of chair's: ${named.join(', ')}`);
		if (COUNTS.test(answer.body)) fail(`The measures' counts answered to ${request.principal}`);
		if (LEAKS.test(answer.body)) fail('An answer that shows the server’s insides (stack trace, paths, HTML)');
		if (answer.status >= 500) fail(`A 5xx answer to a malformed request`);
		if (answer.cutOff && !(answer.status === 200 && /longpoll/i.test(path))) {
			fail('An answer that did not end within 3 s (not a long poll)');
		}
		const type = String(answer.headers['content-type'] ?? '');
		if (!/^application\/json\b/.test(type) && !(answer.status < 300 && isAttachmentRead(request, path))) {
			fail(`A non-JSON answer (${type || 'no content-type'})`);
		}
	}

	/** The server still serves: health, and a member's database info and changes. */
	async function liveness(after: string): Promise<void> {
		const probes: Array<[string, Principal]> = [
			['/api/health', 'anonymous'],
			['/db/network/', 'member'],
			['/db/network/_changes?style=all_docs', 'member']
		];
		for (const [path, who] of probes) {
			let answer: RawAnswer;
			try {
				answer = await send(gateway.port, { method: 'GET', path, cookie: gateway.cookies[who] });
			} catch (error) {
				suspect = true;
				throw new Error(
					`GET ${path} got no answer (${String(error)}) after\n${after}\n${await crashReport()}`
				);
			}
			if (answer.status !== 200) {
				suspect = true;
				throw new Error(`GET ${path} as ${who} ${describeAnswer(answer)}\nafter\n${after}`);
			}
		}
	}

	async function runBatch(batch: FuzzRequest[]): Promise<void> {
		await ensureGateway();
		for (const request of batch) await check(request);
		await liveness(
			batch.map((r) => '  ' + describeRequest(r, resolved(r.path), r.body && resolved(r.body))).join('\n')
		);
	}

	function assertProperty(arbitrary: fc.Arbitrary<FuzzRequest>, numRuns: number) {
		return fc.assert(fc.asyncProperty(fc.array(arbitrary, { minLength: 1, maxLength: 3 }), runBatch), {
			numRuns,
			...(SEED === undefined ? {} : { seed: SEED }),
			// Shrinking a crash restarts the server for every smaller failing batch: bound it.
			plugins: [fc.interruptAfterTimeLimit(SHRINK_LIMIT_MS)]
		});
	}

	beforeAll(startGateway, 60_000);

	afterEach(async () => {
		// A test that failed may have left the server broken: the next one gets a fresh server.
		await liveness('the previous test').catch(() => {
			suspect = true;
		});
	});

	afterAll(async () => {
		await gateway?.stop(couchdbTestUrl);
		await Promise.all(stopped);
	});

	describe('known critical requests', () => {
		const traversals: Array<[string, string]> = [
			['GET', '/db/network/../signups/_all_docs?include_docs=true'],
			['GET', '/db/network/%2E%2E/signups/_all_docs?include_docs=true'],
			['GET', '/db/network/%2e%2e/signups/_all_docs?include_docs=true'],
			['HEAD', '/db/network/../signups/_all_docs?include_docs=true'],
			['GET', '/db/network/x/../../_node/_local/_config/admins'],
			['GET', '/db/network/../coproduce-accounts/_all_docs'],
			['GET', '/db/network/../_all_dbs'],
			['GET', '/db/network/../_session']
		];
		for (const principal of ['member', 'recruiter'] as const) {
			it.each(traversals)(`refuses %s %s as ${principal} with a JSON 400`, async (method, path) => {
				await ensureGateway();
				const answer = await send(gateway.port, { method, path, cookie: gateway.cookies[principal] });
				const where = `${method} ${path} ${describeAnswer(answer)}`;
				expect(answer.status, where).toBe(400);
				expect(String(answer.headers['content-type']), where).toMatch(/^application\/json\b/);
				if (method !== 'HEAD') expect(JSON.parse(answer.body), where).toHaveProperty('error');
				for (const text of [...FORBIDDEN_TEXT, gateway.ids.signup])
					expect(answer.body, where).not.toContain(text);
			});
		}

		const badInput: Array<[string, string, number, string | undefined]> = [
			['POST', '/db/network/_revs_diff', 400, '{"idea:01M8000000MEMBERS000000000":null}'],
			[
				'POST',
				'/db/network/_bulk_docs',
				400,
				'{"docs":[{"_id":"idea:01M8000000MEMBERS000000000","_deleted":"true"}]}'
			],
			['POST', '/db/network/_bulk_docs', 400, `{"docs":[${'['.repeat(100_000)}]}`],
			['POST', '/db/network/_bulk_get', 400, '{"docs":"x"}'],
			['POST', '/db/network/_bulk_get', 400, '{"docs":[null]}'],
			['POST', '/db/network/_changes?filter=_doc_ids', 400, '{"doc_ids":5}'],
			['GET', '/db/network/idea:01M8000000MEMBERS000000000?open_revs=garbage', 400, undefined],
			['PATCH', '/api/accounts/%E0%A4%A', 400, '{}'],
			['POST', '/api/session', 413, JSON.stringify({ name: 'member', password: 'x'.repeat(30_000) })]
		];
		it.each(badInput)('answers %s %s with a JSON %i', async (method, path, status, body) => {
			await ensureGateway();
			const answer = await send(gateway.port, { method, path, body, cookie: gateway.cookies.member });
			const where = `${method} ${path} ${describeAnswer(answer)}`;
			expect(answer.status, where).toBe(status);
			expect(String(answer.headers['content-type']), where).toMatch(/^application\/json\b/);
			expect(LEAKS.test(answer.body), where).toBe(false);
		});

		it.each(['pdsa', 'data-point'] as const)(
			'refuses a replicated %s from someone not on the project team, and takes it from the team',
			async (type) => {
				await ensureGateway();
				const ref = { projectId: ids['@PROJECT@'] ?? '', measureId: ids['@MEASURE@'] ?? '' };
				const answers = [];
				for (const [who, suffix] of [
					['recruiter', 'RECRUITER'],
					['member', 'MEMBER']
				] as const) {
					const id = `${type}:01M8${'0'.repeat(6)}${suffix.padEnd(16, '0')}`;
					const doc = { ...projectDoc(type, who, id, ref), _rev: `1-${'a'.repeat(32)}` };
					const answer = await send(gateway.port, {
						method: 'POST',
						path: '/db/network/_bulk_docs',
						cookie: gateway.cookies[who],
						body: JSON.stringify({ new_edits: false, docs: [doc] })
					});
					expect(answer.status, describeAnswer(answer)).toBe(201);
					answers.push(JSON.parse(answer.body) as unknown);
				}
				expect(answers).toEqual([[expect.objectContaining({ error: 'forbidden' })], []]);
			}
		);

		it('refuses a replicated glossary term from a member and a recruiter: only coordinators keep it', async () => {
			await ensureGateway();
			for (const [who, suffix] of [
				['recruiter', 'RECRUITER'],
				['member', 'MEMBER']
			] as const) {
				const id = `glossary-term:01M8${'0'.repeat(6)}${suffix.padEnd(16, '0')}`;
				const doc = { ...glossaryDoc(who, id), _rev: `1-${'a'.repeat(32)}` };
				const answer = await send(gateway.port, {
					method: 'POST',
					path: '/db/network/_bulk_docs',
					cookie: gateway.cookies[who],
					body: JSON.stringify({ new_edits: false, docs: [doc] })
				});
				expect(answer.status, describeAnswer(answer)).toBe(201);
				expect(JSON.parse(answer.body)).toEqual([expect.objectContaining({ error: 'forbidden' })]);
			}
		});

		it.each([
			['anonymous', 401],
			['member', 403],
			['recruiter', 403]
		] as const)('refuses the measures counts to %s with a JSON %i', async (principal, status) => {
			await ensureGateway();
			const answer = await send(gateway.port, {
				method: 'GET',
				path: '/api/measures/people',
				cookie: gateway.cookies[principal]
			});
			expect(answer.status, describeAnswer(answer)).toBe(status);
			expect(String(answer.headers['content-type'])).toMatch(/^application\/json\b/);
			expect(answer.body).not.toMatch(COUNTS);
		});

		it('refuses a replicated revision whose _revisions has no ids, and keeps serving _changes', async () => {
			await ensureGateway();
			const doc = {
				...newDoc(
					'idea',
					'member',
					{ title: 'A revision tree with no ids', details: '' },
					{ id: `idea:01M8${'0'.repeat(6)}EMPTYREVS0000000` }
				),
				_rev: '1-abc',
				_revisions: { start: 1, ids: [] }
			};
			const answer = await send(gateway.port, {
				method: 'POST',
				path: '/db/network/_bulk_docs',
				cookie: gateway.cookies.member,
				body: JSON.stringify({ new_edits: false, docs: [doc] })
			});
			suspect = true;
			let changes: RawAnswer | string;
			try {
				changes = await send(gateway.port, {
					method: 'GET',
					path: '/db/network/_changes',
					cookie: gateway.cookies.member
				});
			} catch (error) {
				changes = `no answer (${String(error)}); ${await crashReport()}`;
			}
			expect(answer.status, describeAnswer(answer)).toBe(400);
			expect(String(answer.headers['content-type'])).toMatch(/^application\/json\b/);
			expect(typeof changes === 'string' ? changes : changes.status, String(changes)).toBe(200);
			suspect = false;
		});
	});

	it(
		'answers any method on any /db path, query and body without a 5xx, a leak or going down',
		() => assertProperty(anyRequest, RUNS * 2),
		TIMEOUT
	);

	it(
		'answers the replication routes with wrong bodies and query strings without a 5xx, a leak or going down',
		() => assertProperty(routeRequest, RUNS * 2),
		TIMEOUT
	);

	it(
		'answers the measures counts route and paths around it without a 5xx, a leak or going down',
		() => assertProperty(measuresRequest, RUNS),
		TIMEOUT
	);

	it(
		"never shows another member's private documents on a path that names or walks past them",
		() => assertProperty(privateRequest, RUNS),
		TIMEOUT
	);

	it(
		'answers replicated revision trees (new_edits: false) without a 5xx, a leak or going down',
		() => assertProperty(revisionTreeRequest, RUNS),
		TIMEOUT
	);
});
