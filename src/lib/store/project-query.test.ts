import { describe, expect, it } from 'vitest';
import { makeIdea, makeStatus } from '../../../tests/factories';
import { makeGroup, makeMeeting } from '../../../tests/meeting-factories';
import { makeProject, makeProjectRequest } from '../../../tests/project-factories';
import { useTestStore } from '../../../tests/support/test-store';
import { loadProject, loadProjects, loadTeamOf } from './project-query';

const store = useTestStore('projects');
const LEAD = { name: 'member', displayName: 'Mo Member' };

describe('project read models', () => {
	it('bring a project together: requests from people not on the team, and the ideas and meetings that name it', async () => {
		const project = makeProject({
			team: [
				{ name: 'member', kind: 'member', level: 'big-i', joinedAt: 'problem' },
				{ name: 'chair', kind: 'member', level: 'little-i', joinedAt: 'testing' }
			]
		});
		const idea = makeIdea({ title: 'Shorter waits to hand over' });
		const group = makeGroup({ name: 'North', chairs: ['chair'] });
		await store.ledger.db.bulkDocs([
			project,
			idea,
			makeStatus(idea._id, { to: 'taken-forward', projectId: project._id }),
			makeStatus(idea._id, { to: 'under-discussion' }),
			group,
			makeMeeting(group._id, { title: 'Handover working group', projectId: project._id }),
			makeMeeting(group._id, { title: 'Something else' }),
			makeProjectRequest(project._id, 'chair', 'Please'),
			makeProjectRequest(project._id, 'someone', 'Me too')
		]);
		await store.projector.catchUp();

		const view = await loadProject(store.desk, project._id, LEAD);
		expect(view?.ideas.map((link) => link.title)).toEqual(['Shorter waits to hand over']);
		expect(view?.meetings.map((link) => link.title)).toEqual(['Handover working group']);
		expect(view?.pending.map((request) => request.row.author)).toEqual(['someone']);
		expect(view?.mine).toBeUndefined();
		const theirs = await loadProject(store.desk, project._id, { name: 'chair', displayName: 'Charlie' });
		expect(theirs?.mine?.row.doc.note).toBe('Please');
		expect(await loadTeamOf(store.desk, 'chair')).toEqual([project._id]);
	});

	it('list every project, or those with a status, each with its lead and sync status', async () => {
		const proposed = makeProject({ title: 'Proposed one' });
		const active = makeProject({ title: 'Active one', status: 'active', startDate: '2026-10-01' });
		await store.ledger.db.bulkDocs([proposed, active]);
		await store.projector.catchUp();

		const all = await loadProjects(store.desk, '', LEAD);
		expect(all.map((item) => [item.row.title, item.leadName, item.status.kind])).toEqual([
			['Active one', 'Mo Member', 'synced'],
			['Proposed one', 'Mo Member', 'synced']
		]);
		expect((await loadProjects(store.desk, 'active')).map((item) => item.row.title)).toEqual(['Active one']);
	});
});
