import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../domain/accounts';
import { readersOfId } from '../domain/private';
import type { StoredDoc } from './couch';
import { absentSibling, memberPrivateDocs, opportunityDoc, posterPrivateDocs } from './fuzz/private-docs';
import { PASSWORD, useTestGateway, type Json } from '../../../tests/support/gateway';
import { TEST_BACKENDS } from '../../../tests/support/test-backends';

/**
 * The proof that private documents reach nobody but their readers: every read path × a member, another
 * member, the staff member who posted the opportunity, another staff member and a coordinator. The
 * expectations are written out by hand, not worked out with `mayReadId`.
 */

const PEOPLE = ['pat', 'bob', 'staff1', 'staff2', 'coordinator'] as const;
type Person = (typeof PEOPLE)[number];
const NEW_ACCOUNTS: Array<[Exclude<Person, 'coordinator'>, Role[]]> = [
	['pat', ['member']],
	['bob', ['member']],
	['staff1', ['staff']],
	['staff2', ['staff']]
];

/** Each group of planted documents, the text they carry and who may read them. */
const GROUPS = {
	"pat's own": { secret: 'PRIVATE-pat-5e1d', readers: ['pat', 'coordinator'] },
	"bob's own": { secret: 'PRIVATE-bob-c0a7', readers: ['bob', 'coordinator'] },
	'between pat and staff1': { secret: 'BETWEEN-pat-staff1-88b2', readers: ['pat', 'staff1', 'coordinator'] },
	'between bob and staff1': { secret: 'BETWEEN-bob-staff1-2f94', readers: ['bob', 'staff1', 'coordinator'] }
} as const satisfies Record<string, { secret: string; readers: readonly Person[] }>;
type Group = keyof typeof GROUPS;

describe.each(TEST_BACKENDS)('private documents over the $kind backend', ({ kind }) => {
	const gateway = useTestGateway(kind, 'private-reads', { signIn: ['coordinator'] });
	const cookies = {} as Record<Person, string>;
	const planted = {} as Record<Group, StoredDoc[]>;

	const store = () => gateway.server.internals.names.backendName('network');
	const may = (person: Person, group: Group) => (GROUPS[group].readers as readonly Person[]).includes(person);
	const as = (person: Person, path: string, json?: unknown) =>
		gateway.request(`/db/network${path}`, {
			cookie: cookies[person],
			...(json === undefined ? {} : { method: 'POST', json })
		});

	beforeAll(async () => {
		const { accounts, couch } = gateway.server.internals;
		for (const [name, roles] of NEW_ACCOUNTS) {
			await accounts.create({ name, displayName: name, roles, password: PASSWORD });
			cookies[name] = await gateway.signIn(name);
		}
		cookies.coordinator = gateway.cookies.coordinator;
		const opportunity = opportunityDoc('staff1');
		planted["pat's own"] = memberPrivateDocs('pat', 'coordinator', GROUPS["pat's own"].secret);
		planted["bob's own"] = memberPrivateDocs('bob', 'coordinator', GROUPS["bob's own"].secret);
		planted['between pat and staff1'] = posterPrivateDocs(
			opportunity,
			'pat',
			GROUPS['between pat and staff1'].secret
		);
		planted['between bob and staff1'] = posterPrivateDocs(
			opportunity,
			'bob',
			GROUPS['between bob and staff1'].secret
		);
		const docs = [opportunity, ...Object.values(planted).flat()];
		const results = (await couch.bulkDocs(store(), docs)) as Json[];
		expect(
			results.every((result) => result.ok === true),
			JSON.stringify(results)
		).toBe(true);
	});

	/** What `person` must never be shown: the text and ids of the groups they may not read. */
	function unreadable(person: Person): string[] {
		return (Object.keys(GROUPS) as Group[])
			.filter((group) => !may(person, group))
			.flatMap((group) => [GROUPS[group].secret, ...planted[group].map((doc) => String(doc._id))]);
	}

	async function expectNothingOf(person: Person, res: Response, where: string): Promise<string> {
		const body = await res.text();
		for (const text of unreadable(person))
			expect(body, `${where}: ${body.slice(0, 300)}`).not.toContain(text);
		return body;
	}

	it('answers a document hidden from the reader the same whether or not it exists, on every path to it', async () => {
		for (const person of PEOPLE) {
			for (const [group, docs] of Object.entries(planted) as Array<[Group, StoredDoc[]]>) {
				for (const doc of docs) {
					const id = String(doc._id);
					const paths = ['', '?revs_info=true', '?conflicts=true', '?open_revs=all', '?revs=true', '/image'];
					for (const suffix of paths) {
						const where = `${person} GET ${id}${suffix}`;
						const res = await as(person, `/${encodeURIComponent(id)}${suffix}`);
						const body = await expectNothingOf(person, res, where);
						if (may(person, group)) {
							if (suffix !== '/image' || doc.type === 'receipt') expect(res.status, where).toBe(200);
							continue;
						}
						const absent = await as(person, `/${encodeURIComponent(absentSibling(id))}${suffix}`);
						expect([res.status, body], where).toEqual([404, await absent.text()]);
						expect(absent.status).toBe(404);
					}
				}
			}
		}
	});

	it('leaves hidden documents out of _changes and _all_docs, and refuses asking for them by id', async () => {
		for (const person of PEOPLE) {
			const whole = [
				'/_changes?include_docs=true&style=all_docs&conflicts=true',
				'/_changes?feed=longpoll&since=0&include_docs=true',
				'/_all_docs?include_docs=true&conflicts=true'
			];
			for (const path of whole) {
				const res = await as(person, path);
				expect(res.status).toBe(200);
				const body = await expectNothingOf(person, res, `${person} ${path}`);
				for (const [group, docs] of Object.entries(planted) as Array<[Group, StoredDoc[]]>) {
					if (may(person, group)) for (const doc of docs) expect(body).toContain(String(doc._id));
				}
			}
			for (const [group, docs] of Object.entries(planted) as Array<[Group, StoredDoc[]]>) {
				for (const doc of docs) {
					const id = String(doc._id);
					const ids = encodeURIComponent(JSON.stringify([id]));
					const byId: Array<[string, unknown?]> = [
						[`/_all_docs?keys=${ids}`],
						[`/_all_docs?key=${encodeURIComponent(JSON.stringify(id))}`],
						['/_all_docs', { keys: [id] }],
						[`/_changes?filter=_doc_ids&doc_ids=${ids}`],
						['/_changes?filter=_doc_ids', { doc_ids: [id] }],
						['/_bulk_get?revs=true', { docs: [{ id }] }]
					];
					for (const [path, json] of byId) {
						const where = `${person} ${path} ${JSON.stringify(json ?? '')}`;
						const res = await as(person, path, json);
						await expectNothingOf(person, res, where);
						expect(res.status, where).toBe(may(person, group) ? 200 : 403);
					}
					const diff = await as(person, '/_revs_diff', { [id]: ['1-abc'] });
					expect(await diff.json()).toEqual(may(person, group) ? { [id]: { missing: ['1-abc'] } } : {});
				}
			}
		}
	});

	// staff2 reads none of the planted documents: more of them in a row than a page has rows to spare.
	it('pages _changes and _all_docs past hidden rows as though they were not there', async () => {
		for (const person of ['pat', 'staff2'] as const) {
			const seen: string[] = [];
			let since = '0';
			for (let page = 0; page < 1000; page++) {
				const res = await as(person, `/_changes?limit=3&since=${encodeURIComponent(since)}`);
				const body = (await res.json()) as { results: Json[]; last_seq: unknown };
				if (body.results.length === 0) break;
				expect(body.results.length, `${person}: a short page before the end`).toBeLessThanOrEqual(3);
				seen.push(...body.results.map((row) => String(row.id)));
				since = String(body.last_seq);
			}
			const all = (await (await as(person, '/_all_docs')).json()) as { rows: Json[] };
			const ids = all.rows.map((row) => String(row.id));
			expect([...seen].sort()).toEqual([...ids].sort());
			// The rows of _all_docs by limit and skip, a few at a time.
			for (let skip = 0; skip < ids.length; skip += 3) {
				const page = (await (await as(person, `/_all_docs?limit=4&skip=${skip}`)).json()) as { rows: Json[] };
				expect(page.rows.map((row) => row.id)).toEqual(ids.slice(skip, skip + 4));
			}
		}
	}, 120_000);

	it('wakes a long poll for a hidden change with no rows and the new last_seq', async () => {
		const now = (await (await as('staff2', '/_changes?since=now')).json()) as Json;
		const since = encodeURIComponent(String(now.last_seq));
		const poll = as('staff2', `/_changes?feed=longpoll&since=${since}&timeout=20000&include_docs=true`);
		await new Promise((resolve) => setTimeout(resolve, 300));
		// A claim of someone with no account: nobody's device but coordinators' holds it.
		const [, claim] = memberPrivateDocs('dana', 'coordinator', 'PRIVATE-dana');
		if (claim) await gateway.server.internals.couch.put(store(), claim);
		const woken = (await (await poll).json()) as Json;
		expect(woken.results).toEqual([]);
		expect(woken.last_seq).not.toEqual(now.last_seq);
	});

	it('refuses a write to a hidden id the same way whether or not it exists, before the store is asked', async () => {
		const id = String(planted["bob's own"][1]?._id);
		const rev = `1-${'a'.repeat(32)}`;
		const doc = (of: string) => ({ ...planted["bob's own"][1], _id: of, author: 'pat', _rev: rev });
		const answers = [];
		for (const of of [id, absentSibling(id)]) {
			const read = await as('pat', `/${encodeURIComponent(of)}`);
			const attempts = [
				gateway.request(`/db/network/${encodeURIComponent(of)}`, {
					method: 'PUT',
					cookie: cookies.pat,
					json: doc(of)
				}),
				gateway.request(`/db/network/${encodeURIComponent(of)}?rev=${rev}`, {
					method: 'DELETE',
					cookie: cookies.pat
				}),
				as('pat', '/_bulk_docs', { docs: [doc(of)] }),
				as('pat', '/_bulk_docs', { docs: [doc(of)], new_edits: false }),
				as('pat', '/_bulk_docs', { docs: [{ _id: of, _rev: rev, _deleted: true }] })
			];
			const texts = [];
			for (const res of [read, ...(await Promise.all(attempts))]) texts.push([res.status, await res.text()]);
			answers.push(texts.map(([status, text]) => [status, String(text).replaceAll(of, '<id>')]));
		}
		expect(answers[0]).toEqual(answers[1]);
		expect(answers[0]?.slice(1).map(([status]) => status)).toEqual([403, 403, 201, 201, 201]);
		expect(JSON.stringify(answers[0])).toContain('forbidden');
	});

	it('replicates to each device exactly the private documents its account may read', async () => {
		const { couch } = gateway.server.internals;
		const stored = await couch.request<{ rows: Json[] }>('GET', couch.url(store(), '_all_docs'));
		const everyPrivate = stored.body.rows.map((row) => String(row.id)).filter((id) => readersOfId(id));
		for (const person of ['pat', 'bob', 'coordinator'] as const) {
			const device = gateway.local(`${kind}-${person}`);
			const { result } = await gateway.replicate(gateway.remote(cookies[person]), device);
			expect(result.ok).toBe(true);
			const held = (await device.allDocs()).rows.map((row) => row.id).filter((id) => readersOfId(id));
			const expected =
				person === 'coordinator'
					? everyPrivate
					: (Object.keys(GROUPS) as Group[])
							.filter((group) => may(person, group))
							.flatMap((group) => planted[group].map((doc) => String(doc._id)));
			expect(held.sort(), person).toEqual([...expected].sort());
		}
	});

	it('makes a member made coordinator pull the private documents they could not read before', async () => {
		const device = gateway.local(`${kind}-bob-promoted`);
		const remote = gateway.remote(cookies.bob);
		await gateway.replicate(remote, device);
		const patsProfile = 'profile:pat';
		await expect(device.get(patsProfile)).rejects.toMatchObject({ status: 404 });
		const promote = await gateway.request('/api/accounts/bob', {
			method: 'PATCH',
			cookie: cookies.coordinator,
			json: { roles: ['member', 'coordinator'] }
		});
		expect(promote.status).toBe(200);
		await gateway.replicate(remote, device);
		expect((await device.get(patsProfile))._id).toBe(patsProfile);
		expect(gateway.logs.join('\n')).toContain('bob may now read other private documents');
	});
});
