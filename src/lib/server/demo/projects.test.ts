import { describe, expect, it } from 'vitest';
import type { Role } from '../../domain/accounts';
import { parseDocument, type AppDoc } from '../../domain/documents';
import { coproducedFromStart, hasBigI, projectsOf, type Project } from '../../domain/project';
import { decideWrite } from '../../domain/rules';
import { demoDiscussion } from './discussion';
import { demoMeetings } from './meetings';
import { DEMO_ACCOUNTS } from './accounts';
import { demoIdeas } from './network';
import { demoProjects } from './projects';
import { demoVisits } from './visits';

const now = Date.now();
const projects = demoProjects(now);
const { ideas, docs: discussion } = demoDiscussion(demoIdeas(now), projects.ids);
const everything: AppDoc[] = [
	...ideas,
	...discussion,
	...demoVisits(projects.ids, now),
	...demoMeetings(ideas, projects.ids, now),
	...projects.docs
];
const projectDocs = projects.docs.filter((doc): doc is Project => doc.type === 'project');
const roles = (name: string): readonly Role[] =>
	DEMO_ACCOUNTS.find((account) => account.name === name)?.roles ?? [];

describe('demo projects', () => {
	it('are valid documents their authors could have written, none dated after now', () => {
		for (const doc of projects.docs) {
			expect(parseDocument(doc), doc._id).toMatchObject({ ok: true });
			const actor = {
				name: doc.author,
				roles: roles(doc.author),
				teamOf: projectsOf(projectDocs, doc.author)
			};
			expect(decideWrite(actor, doc, undefined), doc._id).toMatchObject({ ok: true });
			expect(doc.createdAt <= new Date(now).toISOString(), doc._id).toBe(true);
			if (doc.type === 'data-point' || doc.type === 'pdsa') {
				expect(projectDocs.map((project) => project._id)).toContain(doc.projectId);
			}
		}
	});

	it('span every status, Big I and little i, members from the start and later, and leads of both kinds', () => {
		expect(new Set(projectDocs.map((project) => project.status))).toEqual(
			new Set(['proposed', 'active', 'completed', 'stopped'])
		);
		expect(projectDocs.some(hasBigI)).toBe(true);
		expect(projectDocs.some((project) => project.team.some((p) => p.level === 'little-i'))).toBe(true);
		expect(projectDocs.some(coproducedFromStart)).toBe(true);
		expect(projectDocs.some((project) => project.membersFirstInvolved === 'testing')).toBe(true);
		expect(new Set(projectDocs.map((project) => project.leadKind))).toEqual(new Set(['member', 'staff']));
		expect(projectDocs.every((project) => project.history.length > 0)).toBe(true);
		expect(projects.docs.filter((doc) => doc.type === 'project-request')).toMatchObject([
			{ author: 'recruiter', projectId: projects.ids.handover }
		]);
	});

	it('give each active project a run chart of 20 or more past figures and its PDSA cycles', () => {
		const today = new Date(now).toISOString().slice(0, 10);
		for (const key of ['handover', 'script'] as const) {
			const id = projects.ids[key];
			const project = projectDocs.find((doc) => doc._id === id);
			const figures = projects.docs.filter((doc) => doc.type === 'data-point' && doc.projectId === id);
			expect(project?.measures).toHaveLength(1);
			expect(figures.length, key).toBeGreaterThanOrEqual(20);
			expect(figures.every((doc) => doc.type === 'data-point' && doc.date < today)).toBe(true);
			expect(
				projects.docs.filter((doc) => doc.type === 'pdsa' && doc.projectId === id).length
			).toBeGreaterThanOrEqual(2);
		}
	});

	it('are what the demo ideas taken forward, an observation and a meeting link to', () => {
		const ids = new Set(Object.values(projects.ids));
		const linked = (type: AppDoc['type']) =>
			everything.filter((doc) => doc.type === type && 'projectId' in doc && doc.projectId !== null);
		const statuses = linked('status');
		expect(statuses.length).toBeGreaterThanOrEqual(2);
		for (const doc of [...statuses, ...linked('observation'), ...linked('meeting')]) {
			expect('projectId' in doc && ids.has(String(doc.projectId)), doc._id).toBe(true);
		}
		expect(linked('observation')).toHaveLength(1);
		expect(linked('meeting')).toHaveLength(1);
		expect(everything.every((doc) => doc.type !== 'status' || doc.qiProject === '')).toBe(true);
		for (const doc of everything) expect(parseDocument(doc), doc._id).toMatchObject({ ok: true });
	});
});
