import { describe, expect, it } from 'vitest';
import { involvementChanges } from '../domain/project';
import { makeDataPoint, makeProject, measureId } from '../../../tests/project-factories';
import { useTestGateway, type Json } from '../../../tests/support/gateway';

/**
 * Who chairs which group and who is on which project's team (directory.ts), as the gateway reads them from
 * the group and project documents at each write.
 */
describe('the gateway decides who chairs and who is on a team from the documents', () => {
	const { request, cookies } = useTestGateway('embedded', 'chairs', {
		signIn: ['member', 'chair', 'coordinator']
	});

	async function docs(prefix: string): Promise<Json[]> {
		const params = new URLSearchParams({
			include_docs: 'true',
			startkey: JSON.stringify(prefix),
			endkey: JSON.stringify(`${prefix}\ufff0`)
		});
		const res = await request(`/db/network/_all_docs?${params}`, { cookie: cookies.member });
		const body = (await res.json()) as { rows: { doc: Json }[] };
		return body.rows.map((row) => row.doc);
	}

	async function put(
		as: 'member' | 'chair' | 'coordinator',
		doc: Json
	): Promise<{ status: number; body: Json }> {
		const res = await request(`/db/network/${encodeURIComponent(String(doc._id))}`, {
			method: 'PUT',
			json: doc,
			cookie: cookies[as]
		});
		return { status: res.status, body: (await res.json()) as Json };
	}

	it('refuses a member approving minutes, accepts the chair, and follows a change of chairs at once', async () => {
		const groups = await docs('group:');
		const north = groups.find((group) => (group.chairs as string[]).includes('chair'))!;
		const meetings = await docs('meeting:');
		const upcoming = meetings.find((m) => m.group === north._id && m.status === 'planned')!;
		const held = { ...upcoming, status: 'held' };
		const approval = { ...held, approvedBy: 'member', approvedAt: new Date().toISOString() };

		const forged = await put('member', approval);
		expect(forged.status).toBe(403);
		expect(forged.body.reason).toBe(
			"Only the group's chairs or a coordinator can set up, change or approve a meeting"
		);
		// The same through replication's _bulk_docs: refused per document, the batch goes on.
		const bulk = await request('/db/network/_bulk_docs', {
			method: 'POST',
			json: { docs: [approval] },
			cookie: cookies.member
		});
		expect(await bulk.json()).toEqual([
			expect.objectContaining({ id: upcoming._id, error: 'forbidden', reason: forged.body.reason })
		]);

		const marked = await put('chair', held);
		expect(marked.status).toBe(201);
		const approved = await put('chair', {
			...held,
			_rev: marked.body.rev,
			approvedBy: 'chair',
			approvedAt: new Date().toISOString()
		});
		expect(approved.status).toBe(201);

		// The coordinator removes the chair from the group: their very next write is refused.
		const removed = await put('coordinator', { ...north, chairs: [] });
		expect(removed.status).toBe(201);
		const after = await put('chair', {
			...held,
			_rev: approved.body.rev,
			title: 'Renamed by a former chair'
		});
		expect(after.status).toBe(403);
		// And back again.
		expect((await put('coordinator', { ...north, _rev: removed.body.rev })).status).toBe(201);
		expect(
			(await put('chair', { ...held, _rev: approved.body.rev, title: 'Renamed by the chair' })).status
		).toBe(201);
	});

	it('lets only coordinators change who chairs a group', async () => {
		const [group] = await docs('group:');
		const res = await put('chair', { ...group, chairs: ['chair', 'member'] });
		expect(res.status).toBe(403);
		expect(res.body.reason).toBe('Only coordinators can change a group or its chairs');
	});

	it("follows a project's team: a member taken off it cannot add a figure at their very next write", async () => {
		const measure = measureId();
		const team = [
			{ name: 'member', kind: 'member' as const, level: 'big-i' as const, joinedAt: 'problem' as const },
			{ name: 'chair', kind: 'member' as const, level: 'little-i' as const, joinedAt: 'testing' as const }
		];
		const project = makeProject({
			author: 'member',
			team,
			measures: [{ id: measure, name: 'Median handover time', unit: 'minutes', better: 'lower' }]
		});
		const created = await put('member', project);
		expect(created.status).toBe(201);
		const figure = (value: number) => makeDataPoint(project._id, measure, { author: 'chair', value });
		expect((await put('chair', figure(41))).status).toBe(201);

		const without = project.team.slice(0, 1);
		const history = involvementChanges(project, { ...project, team: without }, 'member', new Date());
		const changed = { ...project, _rev: created.body.rev, team: without, history };
		expect((await put('member', changed)).status).toBe(201);
		const refused = await put('chair', figure(39));
		expect(refused.status).toBe(403);
		expect(refused.body.reason).toBe("Only the project's team can add or change its figures");
	});
});
