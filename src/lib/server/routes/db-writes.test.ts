import { describe, expect, it } from 'vitest';
import { supportId } from '../../domain/discussion';
import { newDoc } from '../../domain/envelope';
import { useTestGateway, type Json } from '../../../../tests/support/gateway';
import { idea } from '../../../../tests/support/raw-docs';
import { TEST_BACKENDS } from '../../../../tests/support/test-backends';

/** Writing through `/db` over both stores (`TEST_BACKENDS`): by replication, `_bulk_docs` and single documents. */
describe.each(TEST_BACKENDS)('/db writes over the $kind backend', ({ kind }) => {
	const gateway = useTestGateway(kind, 'db-writes', { signIn: ['member', 'coordinator', 'chair'] });
	const { request, remote, local, replicate, cookies } = gateway;

	describe('/db', () => {
		it('pushes by replication: valid docs land, refused ones are denied per doc and replication completes', async () => {
			const client = local('push');
			const good = idea('member', 'Braille labels on ambulance doors');
			const empty = idea('member', '');
			const notMine = idea('chair', 'Written in the name of someone else');
			await client.bulkDocs([good, empty, notMine]);

			const { result, denied } = await replicate(client, remote(cookies.member));
			expect(result.ok).toBe(true);
			expect(result.status).toBe('complete');
			expect(result.docs_written).toBe(1);
			expect(result.doc_write_failures).toBe(2);
			const reasons = Object.fromEntries(denied.map((d) => [d.id, String(d.reason)]));
			expect(Object.keys(reasons).sort()).toEqual([empty._id, notMine._id].sort());
			expect(reasons[String(empty._id)]).toMatch(/title/i);
			expect(reasons[String(notMine._id)]).toBe('You can only write documents in your own name');

			const server = remote(cookies.coordinator);
			expect((await server.get<Json>(String(good._id))).title).toBe('Braille labels on ambulance doors');
			await expect(server.get(String(empty._id))).rejects.toMatchObject({ status: 404 });
			await expect(server.get(String(notMine._id))).rejects.toMatchObject({ status: 404 });
		});

		it("refuses edits to another member's idea; a coordinator may make them", async () => {
			const asChair = remote(cookies.chair);
			const written = idea('chair', 'Feedback kiosks in emergency departments');
			await asChair.put(written);

			const asMember = remote(cookies.member);
			const current = await asMember.get<Json>(String(written._id));
			await expect(asMember.put({ ...current, title: 'Hijacked' })).rejects.toMatchObject({
				status: 403,
				name: 'forbidden',
				message: 'Only chair or a coordinator can change this'
			});
			await expect(asMember.remove(String(written._id), String(current._rev))).rejects.toMatchObject({
				status: 403
			});

			const bulk = await request('/db/network/_bulk_docs', {
				method: 'POST',
				cookie: cookies.member,
				body: JSON.stringify({
					docs: [
						{ ...current, title: 'Hijacked again' },
						{ _id: '_design/evil', views: {} },
						{
							...idea('member', 'With a file'),
							_attachments: { 'a.txt': { content_type: 'text/plain', data: 'aGk=' } }
						},
						idea('member', 'Fine one')
					]
				})
			});
			expect(bulk.status).toBe(201);
			const results = (await bulk.json()) as Json[];
			expect(results.map((r) => r.error ?? 'ok')).toEqual(['forbidden', 'forbidden', 'forbidden', 'ok']);
			expect(results[1]?.reason).toBe('Design documents cannot be written');
			expect(results[2]?.reason).toBe('Attachments are not allowed');
			// Deleting your own idea is fine.
			const own = results[3] as { id: string; rev: string };
			expect((await asMember.remove(own.id, own.rev)).ok).toBe(true);

			const asCoordinator = remote(cookies.coordinator);
			const edited = await asCoordinator.put({ ...current, title: 'Feedback kiosks in every A&E' });
			expect(edited.ok).toBe(true);
			const now = await asMember.get<Json>(String(written._id));
			expect(now.title).toBe('Feedback kiosks in every A&E');
			expect(now.author).toBe('chair');
		});

		it("refuses, through replication, edits of others' ideas and changes to author, createdAt and type", async () => {
			const chairs = idea('chair', 'Quiet rooms for families in A&E');
			await remote(cookies.chair).put(chairs);
			const mine = [1, 2, 3].map((n) => idea('member', `My idea ${n}`));
			const client = local('tamper');
			await client.bulkDocs(mine);
			const first = await replicate(client, remote(cookies.member));
			expect(first.result.docs_written).toBe(3);
			await replicate(remote(cookies.member), client);

			const stored = async (id: unknown) => client.get<Json>(String(id));
			await client.put({ ...(await stored(chairs._id)), title: 'Taken over' });
			await client.put({ ...(await stored(mine[0]?._id)), author: 'chair' });
			await client.put({ ...(await stored(mine[1]?._id)), createdAt: '2020-01-01T00:00:00.000Z' });
			await client.put({ ...(await stored(mine[2]?._id)), type: 'comment' });
			const { result, denied } = await replicate(client, remote(cookies.member));
			expect(result.ok).toBe(true);
			expect(result.docs_written).toBe(0);
			expect(result.doc_write_failures).toBe(4);
			const reasons = Object.fromEntries(denied.map((d) => [String(d.id), String(d.reason)]));
			expect(reasons[String(chairs._id)]).toBe('Only chair or a coordinator can change this');
			expect(reasons[String(mine[0]?._id)]).toBe('The author of a document cannot be changed');
			expect(reasons[String(mine[1]?._id)]).toBe('The createdAt of a document cannot be changed');
			expect(reasons[String(mine[2]?._id)]).toMatch(/type/);

			const server = remote(cookies.coordinator);
			expect((await server.get<Json>(String(chairs._id))).title).toBe('Quiet rooms for families in A&E');
			expect((await server.get<Json>(String(mine[0]?._id))).author).toBe('member');
			expect((await server.get<Json>(String(mine[2]?._id))).type).toBe('idea');
		});

		it('accepts a support taken back and given again, and one given on two phones of the same member', async () => {
			const target = idea('chair', 'Hearing loops at every station');
			await remote(cookies.chair).put(target);
			const id = supportId(String(target._id), 'member');
			const support = (at: string) =>
				newDoc('support', 'member', { ideaId: String(target._id) }, { id, now: new Date(at) });
			const phoneA = local('support-a');
			const phoneB = local('support-b');
			const phoneC = local('support-c');
			await phoneA.put(support('2026-01-01T10:00:00.000Z'));
			expect((await replicate(phoneA, remote(cookies.member))).result.docs_written).toBe(1);
			await replicate(remote(cookies.member), phoneB);
			// Phone B, offline: takes the support back, then gives it again (a new document under the same id).
			await phoneB.remove(await phoneB.get(id));
			await phoneB.put(support('2026-01-02T10:00:00.000Z'));
			// Phone C never saw phone A's support and gives its own.
			await phoneC.put(support('2026-01-03T10:00:00.000Z'));
			for (const phone of [phoneB, phoneC]) {
				const { result, denied } = await replicate(phone, remote(cookies.member));
				expect(denied).toEqual([]);
				expect(result.doc_write_failures).toBe(0);
			}
			const onServer = await remote(cookies.member).get<Json>(id, { revs: true, open_revs: 'all' });
			const leaves = (onServer as unknown as { ok: Json }[]).map((leaf) => leaf.ok.createdAt).sort();
			expect(leaves).toEqual(['2026-01-02T10:00:00.000Z', '2026-01-03T10:00:00.000Z']);
		});

		it('keeps a deleted id for its owner: nobody else writes a new document there, its owner may', async () => {
			const mine = idea('member', 'Taken back later');
			const id = String(mine._id);
			const put = await remote(cookies.member).put(mine);
			const removed = await remote(cookies.member).remove(id, put.rev);
			// The tombstone keeps its owner, from the store's copy.
			const { couch, names } = gateway.server.internals;
			const path = `${encodeURIComponent(id)}?rev=${removed.rev}`;
			const tombstone = await couch.request('GET', couch.url(names.backendName('network'), path));
			expect(tombstone.body).toMatchObject({ _deleted: true, author: 'member', type: 'idea' });
			const taken = { ...idea('chair', 'Under your old id'), _id: id };
			const phone = local('deleted-id');
			await phone.put(taken);
			const { denied } = await replicate(phone, remote(cookies.chair));
			expect(denied).toEqual([expect.objectContaining({ id, name: 'forbidden' })]);
			expect(String(denied[0]?.reason ?? denied[0]?.message)).toMatch(/belonged to a document of member/);
			const again = await remote(cookies.member).put({ ...idea('member', 'Written again'), _id: id });
			expect(again.ok).toBe(true);
		});
	});
});
