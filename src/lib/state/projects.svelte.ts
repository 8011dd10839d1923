import {
	decideWrite,
	earliestMemberStage,
	involvementChanges,
	PROJECT_STAGES,
	newDoc,
	projectRequestId,
	type Actor,
	type ContentOf,
	type Project,
	type ProjectFields,
	type ProjectStatus,
	type SessionInfo,
	type TeamMember
} from '$lib/domain';
import {
	loadProject,
	loadProjectRow,
	loadProjects,
	loadTeamOf,
	type ProjectListItem,
	type ProjectView
} from '$lib/store/project-query';
import { m } from '$lib/paraglide/messages';
import { loadPeopleNames, type Person } from '$lib/store/meeting-query';
import type { ProjectRow } from '$lib/store/project-rows';
import type { Workspace } from '$lib/store/workspace';
import { Attempt } from './attempt.svelte';
import { Live } from './live.svelte';

/** Rune state for projects: what pages read (live from the desk) and what people do (written offline). */

/** The signed-in person as the rules see them, with the projects they lead or are on the team of. */
export class ProjectActor {
	readonly actor: Live<Actor>;

	constructor(workspace: Workspace, session: SessionInfo) {
		const base: Actor = { name: session.name, roles: session.roles, teamOf: [] };
		this.actor = new Live(
			() => undefined,
			async () => ({ ...base, teamOf: await loadTeamOf(workspace.desk, session.name) }),
			base
		);
	}

	/** Whether the projects this person is on have been read from the device. */
	get loaded(): boolean {
		return this.actor.loaded;
	}

	/** Whether the server would let this person change or delete `doc` (a PDSA cycle, a figure). */
	mayChange(doc: Record<string, unknown>): boolean {
		return decideWrite(this.actor.value, { ...doc, _deleted: true }, doc).ok;
	}

	get coordinator(): boolean {
		return this.actor.value.roles.includes('coordinator');
	}

	/** Whether this person may change the project (as `decideWrite` judges a `project`: its lead or a coordinator). */
	leads(project: Pick<ProjectRow, 'lead'>): boolean {
		return this.coordinator || project.lead === this.actor.value.name;
	}

	/** Whether this person may add PDSA cycles and figures (its team, lead, or a coordinator). */
	contributes(project: Pick<ProjectRow, 'id'>): boolean {
		return this.coordinator || (this.actor.value.teamOf ?? []).includes(project.id);
	}
}

/** Every project on the device, with the status `filter` gives ('' for all). */
export function projectList(
	workspace: Workspace,
	me: SessionInfo,
	filter: () => ProjectStatus | ''
): Live<ProjectListItem[] | undefined, ProjectStatus | ''> {
	return new Live(filter, (status) => loadProjects(workspace.desk, status, me), undefined);
}

/** One project with what links to it: undefined until read and when it is not on this device. */
export function projectDetail(
	workspace: Workspace,
	me: SessionInfo,
	id: () => string
): Live<ProjectView | undefined, string> {
	return new Live(id, (projectId) => loadProject(workspace.desk, projectId, me), undefined);
}

/** A project's own row, for its forms: null when it is not on this device, undefined until read. */
export function projectRecord(
	workspace: Workspace,
	id: () => string
): Live<ProjectRow | null | undefined, string> {
	return new Live(id, (projectId) => loadProjectRow(workspace.desk, projectId), undefined);
}

/** When a change is recorded in a project's history. */
const now = (): Date => new Date();

type Involvement = Pick<ProjectFields, 'membersFirstInvolved' | 'team'>;

/** Everything people do with projects, written on this device first. */
export class ProjectWrites {
	readonly me: string;

	constructor(
		private readonly workspace: Workspace,
		private readonly person: Person
	) {
		this.me = person.name;
	}

	/** Sets up a project, its history starting with who was involved and from when; answers its id. */
	async create(content: Omit<ContentOf<'project'>, 'history'> & Involvement): Promise<string> {
		const history = involvementChanges(undefined, content, this.me, now(), await this.nameOf());
		const project = newDoc('project', this.me, { ...content, history });
		await this.workspace.writer.save(project);
		return project._id;
	}

	/**
	 * Changes a project over its current revision with `change` (a pure function of the stored project),
	 * adding to its history what the change does to who is involved and how.
	 */
	async change(id: string, change: (doc: Project) => Partial<ProjectFields>): Promise<void> {
		const nameOf = await this.nameOf();
		await this.workspace.writer.update('project', id, (doc) => {
			const fields = change(doc);
			const after = { ...doc, ...fields };
			const added = involvementChanges(doc, after, this.me, now(), nameOf);
			return { ...fields, history: [...doc.history, ...added] };
		});
	}

	/** People's display names as this device knows them, for the history (their account names otherwise). */
	private async nameOf(): Promise<(account: string) => string> {
		const names = await loadPeopleNames(this.workspace.desk, this.person);
		return (account) => names.get(account) ?? account;
	}

	/** Puts `person` on the team, or changes their place on it when they are on it already. */
	async putOnTeam(id: string, person: TeamMember): Promise<void> {
		await this.change(id, (doc) => {
			const at = doc.team.findIndex((member) => member.name === person.name);
			const team = at < 0 ? [...doc.team, person] : doc.team.with(at, person);
			return { team, membersFirstInvolved: firstInvolved(doc, team) };
		});
	}

	async takeOffTeam(id: string, name: string): Promise<void> {
		await this.change(id, (doc) => ({ team: doc.team.filter((member) => member.name !== name) }));
	}

	/** Asks to join a project, with a note for its lead. */
	async askToJoin(projectId: string, note: string): Promise<void> {
		const id = projectRequestId(projectId, this.me);
		const existing = await this.workspace.ledger.get(id);
		await this.workspace.writer.save(
			newDoc('project-request', this.me, { projectId, note }, { id }),
			existing?._rev
		);
	}

	/** Takes back this person's request to join. */
	async withdraw(projectId: string): Promise<void> {
		const id = projectRequestId(projectId, this.me);
		const existing = await this.workspace.ledger.get(id);
		if (existing) await this.workspace.writer.remove(id, existing._rev);
	}
}

/**
 * The stage members were first involved at once `team` is the team: a member joining earlier than the
 * project says moves it earlier; otherwise it stays as the lead set it.
 */
function firstInvolved(doc: Project, team: readonly TeamMember[]): Project['membersFirstInvolved'] {
	const earliest = earliestMemberStage(team);
	const current = doc.membersFirstInvolved;
	if (!earliest || !current) return current ?? earliest;
	return PROJECT_STAGES.indexOf(earliest) < PROJECT_STAGES.indexOf(current) ? earliest : current;
}

/**
 * What every page of one project starts from: the project with what links to it, who is looking (do they
 * lead it? may they add to it?), and what they can write.
 */
export class ProjectPage {
	readonly view: Live<ProjectView | undefined, string>;
	readonly actor: ProjectActor;
	readonly writes: ProjectWrites;
	/** Asking to join or taking it back: why the last one failed. */
	readonly tap = new Attempt(m.prj_what_request());

	constructor(workspace: Workspace, session: SessionInfo, id: () => string) {
		this.view = projectDetail(workspace, session, id);
		this.actor = new ProjectActor(workspace, session);
		this.writes = new ProjectWrites(workspace, session);
	}

	get project(): ProjectRow | undefined {
		return this.view.value?.project.row;
	}

	get leads(): boolean {
		return this.project ? this.actor.leads(this.project) : false;
	}

	get canContribute(): boolean {
		return this.project ? this.actor.contributes(this.project) : false;
	}

	/** Whether this person is on the team (or leads it). */
	get onTeam(): boolean {
		const project = this.project;
		const me = this.writes.me;
		return !!project && (project.lead === me || project.team.some((person) => person.name === me));
	}
}
