import { z } from 'zod';
import { accountNameSchema } from './accounts';
import {
	baseDocShape,
	docIdSchema,
	isoTimestamp,
	optionalText as text,
	requiredText as required,
	easyReadSummary
} from './common';
import { ULID_PATTERN } from './ids';
import { PERSON_KINDS } from './meetings';
import type { TypeRule } from './type-rules';

/**
 * Co-production projects, as a network proves its work with them: a SMART aim, who was involved and how
 * deeply ("Big I" or "little i", from ELFT), from which stage members were involved, the team and its role
 * descriptions, PDSA cycles (Plan, Do, Study, Act) and measures whose data points make run charts.
 *
 * Shaped so that people writing at once rarely collide: the project itself (details, team, measures) is
 * changed only by its lead and coordinators; each PDSA cycle and each data point is a document of its own
 * that anyone on the team adds; a member asking to join writes their own request.
 */

export const PROJECT_STATUSES = ['proposed', 'active', 'completed', 'stopped'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
	proposed: 'Proposed',
	active: 'Active',
	completed: 'Completed',
	stopped: 'Stopped'
};

export const AIM_OUTCOMES = ['yes', 'partly', 'no', 'too-early'] as const;
export type AimOutcome = (typeof AIM_OUTCOMES)[number];
export const AIM_OUTCOME_LABELS: Record<AimOutcome, string> = {
	yes: 'Yes, the aim was reached',
	partly: 'Partly',
	no: 'No',
	'too-early': 'Too early to say'
};

export const AIM_DIRECTIONS = ['increase', 'reduce'] as const;
export type AimDirection = (typeof AIM_DIRECTIONS)[number];

/** How deeply members are involved, in the words ELFT uses. */
export const INVOLVEMENT_LEVELS = ['big-i', 'little-i'] as const;
export type InvolvementLevel = (typeof INVOLVEMENT_LEVELS)[number];
export const INVOLVEMENT_LABELS: Record<InvolvementLevel, { label: string; hint: string }> = {
	'big-i': {
		label: 'Big I',
		hint: 'Directly in the project, its development and delivery: a full and continuous partnership'
	},
	'little-i': {
		label: 'little i',
		hint: 'Asked for ideas from time to time (a survey, a focus group): a periodic partnership'
	}
};

/** The stages of a project, in order: the stage at which members were first involved is measured. */
export const PROJECT_STAGES = [
	'problem',
	'planning',
	'designing',
	'testing',
	'rolling-out',
	'evaluating'
] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];
export const PROJECT_STAGE_LABELS: Record<ProjectStage, string> = {
	problem: 'Identifying the problem',
	planning: 'Planning',
	designing: 'Designing changes',
	testing: 'Testing changes',
	'rolling-out': 'Rolling out',
	evaluating: 'Evaluating'
};

export const PDSA_DECISIONS = ['adapt', 'adopt', 'abandon'] as const;
export type PdsaDecision = (typeof PDSA_DECISIONS)[number];
export const PDSA_DECISION_LABELS: Record<PdsaDecision, string> = {
	adapt: 'Adapt: change it and test again',
	adopt: 'Adopt: keep the change',
	abandon: 'Abandon: stop this change'
};

export const MEASURE_DIRECTIONS = ['higher', 'lower'] as const;
export type MeasureDirection = (typeof MEASURE_DIRECTIONS)[number];

const isoDate = (empty: string) => z.iso.date({ error: empty });

// ——— The project ———

/** A SMART aim: "By <date>, <increase|reduce> <measure> from <baseline> to <target>". */
export const aimSchema = z.object({
	direction: z.enum(AIM_DIRECTIONS, { error: 'Choose whether the aim is to increase or reduce' }),
	measure: required(120, 'What is measured', 'Say what the aim changes'),
	baseline: required(40, 'Where it is now', 'Say where it is now'),
	target: required(40, 'The target', 'Say what the target is'),
	by: isoDate('Enter the date the aim should be reached by')
});
export type Aim = z.infer<typeof aimSchema>;

/** The aim in one sentence, e.g. "By 31 March 2027, reduce handover time from 45 minutes to 30 minutes". */
export function aimSentence(aim: Aim): string {
	const by = new Date(`${aim.by}T00:00:00Z`).toLocaleDateString('en-GB', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	});
	return `By ${by}, ${aim.direction} ${aim.measure} from ${aim.baseline} to ${aim.target}`;
}

/** One person on a project's team and their role description (ELFT's "Project Role Description"). */
export const teamMemberSchema = z
	.object({
		name: accountNameSchema,
		kind: z.enum(PERSON_KINDS, { error: 'Choose whether they are a member or staff' }),
		/** How deeply a member is involved; staff have none. */
		level: z.enum(INVOLVEMENT_LEVELS).nullable().default(null),
		/** The stage at which they joined the project. */
		joinedAt: z.enum(PROJECT_STAGES, { error: 'Choose the stage at which they joined' }),
		role: text(500, 'What they do').default(''),
		time: text(200, 'Time commitment').default(''),
		support: text(500, 'Support').default(''),
		supervisor: text(120, 'Supervisor').default(''),
		skillsBring: text(500, 'Skills they bring').default(''),
		skillsDevelop: text(500, 'Skills they want to develop').default('')
	})
	.superRefine((person, context) => {
		if (person.kind === 'member' && !person.level) {
			context.addIssue({
				code: 'custom',
				path: ['level'],
				message: 'Choose Big I or little i for a member'
			});
		}
	});
export type TeamMember = z.infer<typeof teamMemberSchema>;
export type TeamMemberInput = z.input<typeof teamMemberSchema>;

/** Something the project counts over time, with the direction that means better. */
export const measureSchema = z.object({
	id: z.string().regex(ULID_PATTERN, { error: 'Not a measure id' }),
	name: required(80, 'Name of the measure', 'Enter a name for the measure'),
	unit: text(30, 'Unit').default(''),
	better: z.enum(MEASURE_DIRECTIONS, { error: 'Choose whether higher or lower is better' })
});
export type Measure = z.infer<typeof measureSchema>;

/** One change to who is involved and how, kept in the project's history. */
export const involvementChangeSchema = z.object({
	at: isoTimestamp,
	by: accountNameSchema,
	what: z.string().max(300)
});
export type InvolvementChange = z.infer<typeof involvementChangeSchema>;

export const projectFieldsSchema = z.object({
	title: required(120, 'Title', 'Enter a title for the project'),
	problem: required(2_000, 'The problem', 'Describe the problem the project works on'),
	/** What the project is about, in easy read. */
	easyRead: easyReadSummary(),
	aim: aimSchema.nullable().default(null),
	serviceArea: text(120, 'Service area').default(''),
	lead: accountNameSchema,
	leadKind: z.enum(PERSON_KINDS, { error: 'Choose whether the lead is a member or staff' }),
	status: z.enum(PROJECT_STATUSES).default('proposed'),
	stopReason: text(1_000, 'Reason').default(''),
	startDate: isoDate('Enter the date the project started').nullable().default(null),
	endDate: isoDate('Enter the date the project ended').nullable().default(null),
	aimReached: z.enum(AIM_OUTCOMES).nullable().default(null),
	aimEvidence: text(2_000, 'What shows it').default(''),
	/** The stage at which members were first involved; null while no member is. */
	membersFirstInvolved: z.enum(PROJECT_STAGES).nullable().default(null),
	team: z.array(teamMemberSchema).max(40, { error: 'A project team can have up to 40 people' }).default([]),
	measures: z.array(measureSchema).max(10, { error: 'A project can have up to 10 measures' }).default([])
});
export type ProjectFields = z.infer<typeof projectFieldsSchema>;

/** Checks across a project's fields, with each problem at the field a person would change. */
function checkProject(project: ProjectFields, context: z.core.$RefinementCtx): void {
	const issue = (path: string, message: string) =>
		context.addIssue({ code: 'custom', path: [path], message });
	if (project.status === 'stopped' && !project.stopReason) issue('stopReason', 'Say why the project stopped');
	if ((project.status === 'completed' || project.status === 'stopped') && !project.endDate) {
		issue('endDate', 'Enter the date the project ended');
	}
	if (project.status !== 'proposed' && !project.startDate)
		issue('startDate', 'Enter the date the project started');
	if (project.startDate && project.endDate && project.endDate < project.startDate) {
		issue('endDate', 'The end date must be on or after the start date');
	}
	if (project.aimReached && project.aimReached !== 'too-early' && !project.aimEvidence) {
		issue('aimEvidence', 'Say what shows whether the aim was reached');
	}
	const names = project.team.map((person) => person.name);
	if (new Set(names).size !== names.length) issue('team', 'Each person can be on the team once');
	const ids = project.measures.map((measure) => measure.id);
	if (new Set(ids).size !== ids.length) issue('measures', 'Each measure needs its own id');
	const earliest = earliestMemberStage(project.team);
	if (earliest && stageIndex(earliest) < stageIndex(project.membersFirstInvolved)) {
		issue(
			'membersFirstInvolved',
			`A member on the team joined at “${PROJECT_STAGE_LABELS[earliest].toLowerCase()}”, so members were involved by then`
		);
	}
}

export const projectInputSchema = projectFieldsSchema.superRefine(checkProject);
export type ProjectInput = z.input<typeof projectInputSchema>;

export const projectSchema = z
	.strictObject({
		...baseDocShape('project'),
		...projectFieldsSchema.shape,
		/** Every change to who is involved and how, oldest first: only ever added to. */
		history: z.array(involvementChangeSchema).max(1_000).default([])
	})
	.superRefine(checkProject);
export type Project = z.infer<typeof projectSchema>;

function stageIndex(stage: ProjectStage | null): number {
	return stage ? PROJECT_STAGES.indexOf(stage) : PROJECT_STAGES.length;
}

/** The earliest stage at which someone of kind `member` on `team` joined, if any did. */
export function earliestMemberStage(
	team: readonly Pick<TeamMember, 'kind' | 'joinedAt'>[]
): ProjectStage | null {
	let earliest: ProjectStage | null = null;
	for (const person of team) {
		if (person.kind === 'member' && stageIndex(person.joinedAt) < stageIndex(earliest))
			earliest = person.joinedAt;
	}
	return earliest;
}

/** Whether members were involved from the first stage (identifying the problem): the bid's measure. */
export function coproducedFromStart(project: Pick<ProjectFields, 'membersFirstInvolved'>): boolean {
	return project.membersFirstInvolved === PROJECT_STAGES[0];
}

/** "Members involved from the start", "Members joined at testing changes" or "No members involved yet". */
export function involvementSentence(project: Pick<ProjectFields, 'membersFirstInvolved'>): string {
	const stage = project.membersFirstInvolved;
	if (!stage) return 'No members involved yet';
	if (coproducedFromStart(project)) return 'Members involved from the start';
	return `Members joined at ${PROJECT_STAGE_LABELS[stage].toLowerCase()}`;
}

/** Whether any member on the team is involved as Big I. */
export function hasBigI(project: Pick<ProjectFields, 'team'>): boolean {
	return project.team.some((person) => person.kind === 'member' && person.level === 'big-i');
}

/**
 * The history entries a change from `before` to `after` adds: the stage members were first involved at,
 * people joining or leaving the team, and a member's level of involvement. A new project (`before`
 * undefined) records where it started. People are named by `nameOf` (their display names, where known).
 */
export function involvementChanges(
	before: Pick<ProjectFields, 'membersFirstInvolved' | 'team'> | undefined,
	after: Pick<ProjectFields, 'membersFirstInvolved' | 'team'>,
	by: string,
	now: Date,
	nameOf: (account: string) => string = (account) => account
): InvolvementChange[] {
	const at = now.toISOString();
	const changes: string[] = [];
	if (before?.membersFirstInvolved !== after.membersFirstInvolved && (before || after.membersFirstInvolved)) {
		changes.push(`Members first involved: ${involvementSentence(after).toLowerCase()}`);
	}
	const old = new Map((before?.team ?? []).map((person) => [person.name, person]));
	for (const person of after.team) {
		const was = old.get(person.name);
		const level = person.level ? ` (${INVOLVEMENT_LABELS[person.level].label})` : '';
		if (!was) {
			changes.push(
				`${nameOf(person.name)} joined as ${person.kind}${level} at ${PROJECT_STAGE_LABELS[person.joinedAt].toLowerCase()}`
			);
		} else if (was.level !== person.level && person.level) {
			changes.push(`${nameOf(person.name)} is now ${INVOLVEMENT_LABELS[person.level].label}`);
		}
		old.delete(person.name);
	}
	for (const name of old.keys()) changes.push(`${nameOf(name)} left the team`);
	return changes.map((what) => ({ at, by, what: what.slice(0, 300) }));
}

/** The projects `name` leads or is on the team of (what the gateway and the app give `Actor.teamOf`). */
export function projectsOf(
	projects: Iterable<{ _id?: string; id?: string; lead: string; team: readonly { name: string }[] }>,
	name: string
): string[] {
	const ids: string[] = [];
	for (const project of projects) {
		const id = project._id ?? project.id;
		if (id && (project.lead === name || project.team.some((person) => person.name === name))) ids.push(id);
	}
	return ids;
}

// ——— Asking to join ———

/** A member's request to join a project: one per person per project, its id made from both. */
export function projectRequestId(projectId: string, member: string): string {
	return `project-request:${projectId.slice('project:'.length)}:${member}`;
}

export const projectRequestInputSchema = z.object({
	note: text(1_000, 'Your note').default('')
});

export const projectRequestSchema = z
	.strictObject({
		...baseDocShape('project-request'),
		_id: z.string(),
		projectId: docIdSchema('project'),
		...projectRequestInputSchema.shape
	})
	.refine((doc) => doc._id === projectRequestId(doc.projectId, doc.author), {
		error: 'A request to join must be named after its project and its member',
		path: ['_id']
	});
export type ProjectRequest = z.infer<typeof projectRequestSchema>;

// ——— PDSA cycles and data points ———

export const pdsaInputSchema = z.object({
	title: required(120, 'The change', 'Say what change you tried'),
	startedOn: isoDate('Enter the date the test started'),
	prediction: text(2_000, 'The prediction').default(''),
	happened: text(2_000, 'What happened').default(''),
	learned: text(2_000, 'What you learned').default(''),
	decision: z.enum(PDSA_DECISIONS).nullable().default(null)
});
export type PdsaInput = z.input<typeof pdsaInputSchema>;

/** One Plan–Do–Study–Act cycle: a change tried, what was predicted, what happened and what was decided. */
export const pdsaSchema = z.strictObject({
	...baseDocShape('pdsa'),
	projectId: docIdSchema('project'),
	...pdsaInputSchema.shape
});
export type Pdsa = z.infer<typeof pdsaSchema>;

export const dataPointInputSchema = z.object({
	date: isoDate('Enter the date the figure is for'),
	value: z
		.number({ error: 'Enter a number' })
		.finite({ error: 'Enter a number' })
		.min(-1e12, { error: 'Enter a smaller number' })
		.max(1e12, { error: 'Enter a smaller number' }),
	note: text(300, 'Note').default('')
});
export type DataPointInput = z.input<typeof dataPointInputSchema>;

/** One figure of one of a project's measures. */
export const dataPointSchema = z.strictObject({
	...baseDocShape('data-point'),
	projectId: docIdSchema('project'),
	measureId: z.string().regex(ULID_PATTERN, { error: 'Not a measure id' }),
	...dataPointInputSchema.shape
});
export type DataPoint = z.infer<typeof dataPointSchema>;

// ——— Registry, rules ———

/** Spread into `documentSchemas` (documents.ts). */
export const PROJECT_SCHEMAS = {
	project: projectSchema,
	'project-request': projectRequestSchema,
	pdsa: pdsaSchema,
	'data-point': dataPointSchema
} as const;
export type ProjectDocType = keyof typeof PROJECT_SCHEMAS;

const onTeam: TypeRule['writers'] = (actor, doc) =>
	typeof doc.projectId === 'string' && (actor.teamOf ?? []).includes(doc.projectId);

/** Spread into `TYPE_RULES` (type-rules.ts). */
export const PROJECT_TYPE_RULES: Readonly<Record<ProjectDocType, TypeRule>> = {
	project: {
		writers: (actor, doc) => doc.lead === actor.name,
		writersRefusal: "Only the project's lead or a coordinator can set up or change a project",
		check: (incoming, existing) => historyProblem(incoming.history, existing?.history)
	},
	'project-request': { immutable: ['projectId'], onePerPerson: true },
	pdsa: {
		immutable: ['projectId'],
		writers: onTeam,
		writersRefusal: "Only the project's team can add or change its PDSA cycles"
	},
	'data-point': {
		immutable: ['projectId', 'measureId'],
		writers: onTeam,
		writersRefusal: "Only the project's team can add or change its figures"
	}
};

/** Why a project's new history is not the old one with entries added, if it is not. */
function historyProblem(incoming: unknown, existing: unknown): string | undefined {
	const before = Array.isArray(existing) ? existing : [];
	const after = Array.isArray(incoming) ? incoming : [];
	const kept = before.every((entry, i) => JSON.stringify(entry) === JSON.stringify(after[i]));
	return kept && after.length >= before.length
		? undefined
		: "A project's history of involvement can only be added to";
}

/** Plain names of project fields, for the conflict page (spread into its FIELD_LABELS). */
export const PROJECT_FIELD_LABELS: Readonly<Record<string, string>> = {
	problem: 'The problem',
	easyRead: 'In easy read',
	aim: 'Aim',
	serviceArea: 'Service area',
	lead: 'Lead',
	leadKind: 'Lead is a member or staff',
	stopReason: 'Why it stopped',
	startDate: 'Started',
	endDate: 'Ended',
	aimReached: 'Aim reached',
	aimEvidence: 'What shows it',
	membersFirstInvolved: 'Members first involved at',
	team: 'Team',
	measures: 'Measures',
	history: 'History of involvement',
	prediction: 'Prediction',
	happened: 'What happened',
	learned: 'What was learned',
	decision: 'Decision',
	startedOn: 'Test started',
	value: 'Value',
	note: 'Note',
	projectId: 'Project'
};
