import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../domain/documents';
import { decideWrite } from '../domain/rules';
import { demoIdeas } from './demo/network';
import { demoMeetings } from './demo/meetings';
import { startServer, type RunningServer } from './app';

const PASSWORD = 'test-demo-password';
type Json = Record<string, unknown>;

describe('demo meetings', () => {
	it('are valid documents their authors could have written, with actions done on time, late and open', () => {
		const docs = demoMeetings(demoIdeas());
		const groups = docs.filter((doc) => doc.type === 'group');
		expect(groups).toHaveLength(2);
		expect(groups.filter((group) => group.type === 'group' && group.chairs.includes('chair'))).toHaveLength(
			1
		);
		const chairOf = groups.flatMap((group) =>
			group.type === 'group' && group.chairs.includes('chair') ? [group._id] : []
		);
		for (const doc of docs) {
			expect(parseDocument(doc)).toMatchObject({ ok: true });
			const roles =
				doc.author === 'coordinator' ? (['coordinator'] as const) : (['chair', 'member'] as const);
			expect(decideWrite({ name: doc.author, roles, chairOf }, doc, undefined), doc._id).toMatchObject({
				ok: true
			});
		}
		const meetings = docs.filter((doc) => doc.type === 'meeting');
		expect(
			meetings.filter((m) => m.type === 'meeting' && m.approvedBy !== null).length
		).toBeGreaterThanOrEqual(2);
		expect(meetings.filter((m) => m.type === 'meeting' && m.status === 'planned')).toHaveLength(1);
		expect(docs.filter((doc) => doc.type === 'action-update' && doc.to === 'done').length).toBeGreaterThan(2);
		expect(docs.every((doc) => doc.createdAt <= new Date().toISOString())).toBe(true);
	});
});

describe('the gateway decides who chairs from the group documents', () => {
	let server: RunningServer;
	let workDir: string;
	const cookies: Record<string, string> = {};

	async function request(path: string, init: RequestInit & { as?: string } = {}): Promise<Response> {
		const headers = new Headers(init.headers);
		if (init.as) headers.set('cookie', cookies[init.as] ?? '');
		if (typeof init.body === 'string') headers.set('content-type', 'application/json');
		return fetch(server.url + path, { ...init, headers });
	}

	async function docs(prefix: string): Promise<Json[]> {
		const params = new URLSearchParams({
			include_docs: 'true',
			startkey: JSON.stringify(prefix),
			endkey: JSON.stringify(`${prefix}\ufff0`)
		});
		const res = await request(`/db/network/_all_docs?${params}`, { as: 'member' });
		const body = (await res.json()) as { rows: { doc: Json }[] };
		return body.rows.map((row) => row.doc);
	}

	async function put(as: string, doc: Json): Promise<{ status: number; body: Json }> {
		const res = await request(`/db/network/${encodeURIComponent(String(doc._id))}`, {
			method: 'PUT',
			body: JSON.stringify(doc),
			as
		});
		return { status: res.status, body: (await res.json()) as Json };
	}

	beforeAll(async () => {
		workDir = await mkdtemp(join(tmpdir(), 'coproduce-meetings-test-'));
		server = await startServer({
			port: 0,
			dataDir: join(workDir, 'data'),
			seedDemo: true,
			demoPassword: PASSWORD,
			buildDir: join(workDir, 'no-build-here'),
			log: () => undefined
		});
		for (const name of ['member', 'chair', 'coordinator']) {
			const res = await request('/api/session', {
				method: 'POST',
				body: JSON.stringify({ name, password: PASSWORD })
			});
			cookies[name] = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
		}
	});

	afterAll(async () => {
		await server?.close();
		await rm(workDir, { recursive: true, force: true });
	});

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
			body: JSON.stringify({ docs: [approval] }),
			as: 'member'
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
});
