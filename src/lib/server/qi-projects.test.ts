import { beforeAll, describe, expect, it } from 'vitest';
import { newDocId } from '../domain/ids';
import { useTestGateway, type Json } from '../../../tests/support/gateway';
import { idea } from '../../../tests/support/raw-docs';
import { TEST_BACKENDS } from '../../../tests/support/test-backends';

/** The start-up migration of free-text QI project names to project documents (qi-projects.ts). */
describe.each(TEST_BACKENDS)('the QI project migration over the $kind backend', ({ kind }) => {
	const gateway = useTestGateway(kind, 'qi-projects');
	const store = () => ({
		couch: gateway.server.internals.couch,
		db: gateway.server.internals.names.backendName('network')
	});
	const planted = idea('chair', 'Updates for patients waiting outside A&E');

	/** A status change as the app wrote it before projects were documents. */
	function legacy(qiProject: string, at: string, author = 'coordinator'): Json {
		return {
			_id: newDocId('status', Date.parse(at)),
			type: 'status',
			schemaVersion: 1,
			author,
			createdAt: at,
			updatedAt: at,
			ideaId: planted._id,
			to: 'taken-forward',
			reason: '',
			outcome: '',
			qiProject
		};
	}

	const first = legacy('Hospital handover improvement', '2026-03-02T10:00:00.000Z');
	const second = legacy('  hospital HANDOVER improvement ', '2026-03-09T10:00:00.000Z', 'chair');
	const existing = legacy('faster handovers at eastfield general', '2026-03-10T10:00:00.000Z');
	const none = legacy('', '2026-03-11T10:00:00.000Z');

	async function all(prefix: string): Promise<Json[]> {
		const { couch, db } = store();
		const rows = await couch.allDocsWithPrefix<Json>(db, prefix);
		return rows.flatMap((row) => (row.doc ? [row.doc] : []));
	}
	const byId = async (prefix: string) =>
		new Map((await all(prefix)).map((doc) => [String(doc._id), doc] as const));

	beforeAll(async () => {
		const { couch, db } = store();
		const docs = [planted, first, second, existing, none].map((doc) => ({ ...doc, _id: String(doc._id) }));
		await couch.bulkDocs(db, docs);
		await gateway.restart();
	});

	it('links each named project at start-up, making one per title and reusing one of the same title', async () => {
		const statuses = await byId('status:');
		const projects = await byId('project:');
		const [a, b, c, d] = [first, second, existing, none].map((doc) => statuses.get(String(doc._id))!);
		expect(a).toMatchObject({ qiProject: '', projectId: expect.stringMatching(/^project:/) });
		expect(b).toMatchObject({ qiProject: '', projectId: a?.projectId });
		const handover = [...projects.values()].find((p) => p.title === 'Faster handovers at Eastfield General');
		expect(c).toMatchObject({ qiProject: '', projectId: handover?._id });
		expect(d?._rev).toMatch(/^1-/);
		expect(d).not.toHaveProperty('projectId');

		const made = projects.get(String(a?.projectId));
		expect(made).toMatchObject({
			type: 'project',
			title: 'Hospital handover improvement',
			problem: 'Taken forward from the idea “Updates for patients waiting outside A&E”.',
			author: 'coordinator',
			lead: 'coordinator',
			leadKind: 'staff',
			status: 'active',
			startDate: '2026-03-02',
			createdAt: first.createdAt
		});
		expect(gateway.logs).toContain(
			'Linked 3 status change(s) to their projects, 1 project(s) made from their names.'
		);
		// Devices read the linked status changes and the new project like any other.
		const res = await gateway.request(`/db/network/${encodeURIComponent(String(made?._id))}`, {
			cookie: gateway.cookies.member
		});
		expect(res.status).toBe(200);
	});

	it('changes nothing when run again', async () => {
		const revs = async (prefix: string) =>
			Object.fromEntries((await all(prefix)).map((doc) => [doc._id, doc._rev]));
		const before = { statuses: await revs('status:'), projects: await revs('project:') };
		const logged = gateway.logs.length;
		await gateway.restart();
		expect({ statuses: await revs('status:'), projects: await revs('project:') }).toEqual(before);
		expect(gateway.logs.slice(logged).join('\n')).not.toContain('Linked');
	});
});
