import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { involvementChanges, type Project, type TeamMember } from '../domain/project';
import { makeDataPoint, makePdsa, makeProject, measureId } from '../../../tests/project-factories';
import { useTestGateway, type DemoAccount, type Json } from '../../../tests/support/gateway';
import { TEST_BACKENDS } from '../../../tests/support/test-backends';

const LEAD_ONLY = "Only the project's lead or a coordinator can set up or change a project";
const TEAM_CYCLES = "Only the project's team can add or change its PDSA cycles";
const TEAM_FIGURES = "Only the project's team can add or change its figures";
const HISTORY = "A project's history of involvement can only be added to";

/**
 * Who may write a project and its cycles and figures, as the gateway decides it (docs/SECURITY.md): the
 * lead (judged on the server's copy) and coordinators change a project; its team (read from the project
 * documents at each write) adds cycles and figures; nobody else, through PUT or replication.
 */
describe.each(TEST_BACKENDS)('project writes over the $kind backend', ({ kind }) => {
	const gateway = useTestGateway(kind, 'project-writes', {
		signIn: ['member', 'chair', 'recruiter', 'coordinator']
	});
	const measure = measureId();
	const team: TeamMember[] = makeProject({
		team: [
			{ name: 'member', kind: 'member', level: 'big-i', joinedAt: 'problem' },
			{ name: 'chair', kind: 'member', level: 'little-i', joinedAt: 'testing' }
		]
	}).team;
	let project: Project & { _rev?: string };

	async function put(as: DemoAccount, doc: Json): Promise<{ status: number; body: Json }> {
		const res = await gateway.request(`/db/network/${encodeURIComponent(String(doc._id))}`, {
			method: 'PUT',
			json: doc,
			cookie: gateway.cookies[as]
		});
		return { status: res.status, body: (await res.json()) as Json };
	}

	/** Sends `doc` as replication does (`new_edits: false`, a revision made on the device). */
	async function replicate(as: DemoAccount, doc: Json): Promise<Json[]> {
		const rev = `1-${randomBytes(16).toString('hex')}`;
		const res = await gateway.request('/db/network/_bulk_docs', {
			method: 'POST',
			json: { docs: [{ ...doc, _rev: rev }], new_edits: false },
			cookie: gateway.cookies[as]
		});
		expect(res.status).toBe(201);
		return (await res.json()) as Json[];
	}

	/** The project as the lead (or whoever) changes it: on the server's latest revision. */
	async function change(as: DemoAccount, fields: Partial<Project>): Promise<{ status: number; body: Json }> {
		const answer = await put(as, { ...project, ...fields });
		if (answer.status === 201) project = { ...project, ...fields, _rev: String(answer.body.rev) };
		return answer;
	}

	beforeAll(async () => {
		project = makeProject({
			author: 'member',
			team,
			measures: [{ id: measure, name: 'Median handover time', unit: 'minutes', better: 'lower' }]
		});
		project = { ...project, history: involvementChanges(undefined, project, 'member', new Date()) };
		const created = await put('member', project);
		expect(created.status).toBe(201);
		project._rev = String(created.body.rev);
	});

	const cycle = (author: string) => makePdsa(project._id, { author });
	const figure = (author: string) => makeDataPoint(project._id, measure, { author, value: 40 });

	it('refuses a cycle or a figure from someone not on the team, through PUT and replication', async () => {
		for (const [doc, reason] of [
			[cycle('recruiter'), TEAM_CYCLES],
			[figure('recruiter'), TEAM_FIGURES]
		] as const) {
			const refused = await put('recruiter', doc);
			expect(refused).toEqual({ status: 403, body: { error: 'forbidden', reason } });
			expect(await replicate('recruiter', doc)).toEqual([{ id: doc._id, error: 'forbidden', reason }]);
		}
		expect(gateway.logs.some((line) => line.includes(`from recruiter: ${TEAM_FIGURES}`))).toBe(true);
	});

	it('accepts cycles and figures from the team, through PUT and replication', async () => {
		expect((await put('chair', cycle('chair'))).status).toBe(201);
		expect((await put('member', figure('member'))).status).toBe(201);
		expect(await replicate('chair', figure('chair'))).toEqual([]);
		expect(await replicate('member', cycle('member'))).toEqual([]);
	});

	it('lets only the lead change the project, and the lead handing over loses the right', async () => {
		const onTeam = await change('chair', { serviceArea: 'Changed by a team member' });
		expect(onTeam).toEqual({ status: 403, body: { error: 'forbidden', reason: LEAD_ONLY } });
		expect(await replicate('chair', { ...project, serviceArea: 'Replicated' })).toEqual([
			{ id: project._id, error: 'forbidden', reason: LEAD_ONLY }
		]);
		expect((await change('member', { serviceArea: 'Emergency department' })).status).toBe(201);

		expect((await change('member', { lead: 'chair' })).status).toBe(201);
		expect(await change('member', { serviceArea: 'Changed by the lead before' })).toMatchObject({
			status: 403,
			body: { reason: LEAD_ONLY }
		});
		expect((await change('chair', { serviceArea: 'Changed by the new lead' })).status).toBe(201);
	});

	it('refuses rewriting the history of involvement, and accepts adding to it', async () => {
		const lead = project.lead as DemoAccount;
		const rewritten = project.history.map((entry) => ({ ...entry, what: 'Members involved from the start' }));
		expect(await change(lead, { history: rewritten })).toMatchObject({
			status: 403,
			body: { reason: HISTORY }
		});
		expect(await change(lead, { history: [] })).toMatchObject({ status: 403, body: { reason: HISTORY } });
		const without = project.team.filter((person) => person.name !== 'member');
		const added = involvementChanges(project, { ...project, team: without }, lead, new Date());
		expect((await change(lead, { team: without, history: [...project.history, ...added] })).status).toBe(201);
		// Taken off the team: the former member's next figure is refused.
		expect(await put('member', figure('member'))).toMatchObject({
			status: 403,
			body: { reason: TEAM_FIGURES }
		});
	});

	it('lets a coordinator change the project and add cycles and figures, but not rewrite its history', async () => {
		expect((await change('coordinator', { status: 'active', startDate: '2026-09-01' })).status).toBe(201);
		expect((await change('coordinator', { lead: 'coordinator', leadKind: 'staff' })).status).toBe(201);
		expect((await put('coordinator', cycle('coordinator'))).status).toBe(201);
		expect(await replicate('coordinator', figure('coordinator'))).toEqual([]);
		expect(await change('coordinator', { history: [] })).toMatchObject({
			status: 403,
			body: { reason: HISTORY }
		});
	});
});
