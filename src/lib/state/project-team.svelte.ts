import {
	invalid,
	PROJECT_STAGES,
	projectRequestInputSchema,
	teamMemberSchema,
	type ProjectStage,
	type Result,
	type TeamMember
} from '$lib/domain';
import { m } from '$lib/paraglide/messages';
import type { ProjectRow } from '$lib/store/project-rows';
import type { Workspace } from '$lib/store/workspace';
import { Attempt } from './attempt.svelte';
import { checkedBy, DraftForm } from './draft-form.svelte';
import type { ProjectWrites } from './projects.svelte';

/** The team of a project: its lead adds people, changes their place on it, takes them off; members ask to join. */

export type TeamFormValues = Record<
	| 'name'
	| 'kind'
	| 'level'
	| 'joinedAt'
	| 'role'
	| 'time'
	| 'support'
	| 'supervisor'
	| 'skillsBring'
	| 'skillsDevelop',
	string
>;

const EMPTY_PERSON: TeamFormValues = {
	name: '',
	kind: 'member',
	level: '',
	joinedAt: '',
	role: '',
	time: '',
	support: '',
	supervisor: '',
	skillsBring: '',
	skillsDevelop: ''
};

/** How far a project has got by its status, at the least. */
const STATUS_STAGES: Record<ProjectRow['status'], ProjectStage> = {
	proposed: 'problem',
	active: 'testing',
	completed: 'evaluating',
	stopped: 'evaluating'
};

/**
 * The stage a project is at now, as well as the device can tell: the later of the stage its status
 * implies and the latest stage anyone joined it at. Someone joining now joins at this stage.
 */
export function currentStage(project: Pick<ProjectRow, 'status' | 'team'>): ProjectStage {
	const latest = Math.max(
		PROJECT_STAGES.indexOf(STATUS_STAGES[project.status]),
		...project.team.map((person) => PROJECT_STAGES.indexOf(person.joinedAt))
	);
	return PROJECT_STAGES[latest] ?? 'problem';
}

function valuesOf(person: TeamMember): TeamFormValues {
	return { ...person, level: person.level ?? '' };
}

/**
 * The lead's form for one person on the team: adding someone (`add`, or `addFromRequest` for a member who
 * asked), or changing someone already on it (`change`). Each save is a change to the project.
 */
export class TeamEditor {
	readonly form: DraftForm<TeamFormValues, TeamMember>;
	/** The person being changed, when it is not someone new. */
	changing = $state<string>();
	/** Taking someone off the team: why the last one failed. */
	readonly removal = new Attempt(m.prj_what_team_change());

	constructor(
		workspace: Workspace,
		private readonly writes: ProjectWrites,
		private readonly project: () => ProjectRow
	) {
		this.form = new DraftForm(workspace.desk, `project-team:${project().id}`, EMPTY_PERSON, (values) =>
			this.check(values)
		);
	}

	private check(values: TeamFormValues): Result<TeamMember> {
		const name = values.name.trim();
		if (name !== this.changing && this.project().team.some((person) => person.name === name)) {
			return invalid({ name: m.prj_error_on_team_already({ name }) });
		}
		return checkedBy(
			teamMemberSchema.safeParse({
				...values,
				name,
				level: values.kind === 'member' ? values.level || null : null,
				joinedAt: values.joinedAt || undefined
			})
		);
	}

	/** Starts on someone new, or on who is being changed, with any draft kept over it. */
	async load(): Promise<void> {
		await this.form.load();
		this.changing = this.project().team.find((person) => person.name === this.form.values.name)?.name;
	}

	/** Starts on a member who asked to join: little i, joining at the stage the project is at now. */
	async addFromRequest(name: string): Promise<void> {
		this.changing = undefined;
		await this.form.set({
			...EMPTY_PERSON,
			name,
			kind: 'member',
			level: 'little-i',
			joinedAt: currentStage(this.project())
		});
	}

	async change(person: TeamMember): Promise<void> {
		this.changing = person.name;
		this.form.errors = {};
		await this.form.set(valuesOf(person));
	}

	async startAgain(): Promise<void> {
		this.changing = undefined;
		await this.form.discardDraft();
	}

	/** Saves the person on the team (the project's history says what changed); answers whether it worked. */
	async save(): Promise<boolean> {
		const saved = await this.form.submit((person) => this.writes.putOnTeam(this.project().id, person), {
			what: m.prj_what_team_change()
		});
		if (saved) this.changing = undefined;
		return saved;
	}

	async remove(name: string): Promise<void> {
		await this.removal.run(() => this.writes.takeOffTeam(this.project().id, name));
		if (this.changing === name) await this.startAgain();
	}
}

/** A member's request to join a project, with an optional note for its lead. */
export function joinForm(workspace: Workspace, writes: ProjectWrites, projectId: string) {
	const form = new DraftForm(workspace.desk, `project-request:${projectId}`, { note: '' }, (values) =>
		checkedBy(projectRequestInputSchema.safeParse(values))
	);
	return {
		form,
		load: () => form.load(),
		save: () => form.submit(({ note }) => writes.askToJoin(projectId, note), { what: m.prj_what_request() })
	};
}
