import {
	INVOLVEMENT_LEVELS,
	PROJECT_STAGES,
	type Aim,
	type AimOutcome,
	type InvolvementLevel,
	type PdsaDecision,
	type ProjectFields,
	type ProjectStage,
	type ProjectStatus
} from '$lib/domain';
import { formatter } from '$lib/format';
import { m } from '$lib/paraglide/messages';

/**
 * A project's enumerated values and sentences in the person's language. The domain keeps its English
 * labels and sentences (reports and the history use them); the screens say them with these.
 */

type Words = () => string;

const STATUSES: Record<ProjectStatus, Words> = {
	proposed: m.prj_status_proposed,
	active: m.prj_status_active,
	completed: m.prj_status_completed,
	stopped: m.prj_status_stopped
};

const OUTCOMES: Record<AimOutcome, Words> = {
	yes: m.prj_outcome_yes,
	partly: m.prj_outcome_partly,
	no: m.prj_outcome_no,
	'too-early': m.prj_outcome_too_early
};

const LEVELS: Record<InvolvementLevel, { label: Words; hint: Words }> = {
	'big-i': { label: m.prj_level_big_i, hint: m.prj_level_big_i_hint },
	'little-i': { label: m.prj_level_little_i, hint: m.prj_level_little_i_hint }
};

const STAGES: Record<ProjectStage, { label: Words; hint: Words }> = {
	problem: { label: m.prj_stage_problem, hint: m.prj_stage_problem_hint },
	planning: { label: m.prj_stage_planning, hint: m.prj_stage_planning_hint },
	designing: { label: m.prj_stage_designing, hint: m.prj_stage_designing_hint },
	testing: { label: m.prj_stage_testing, hint: m.prj_stage_testing_hint },
	'rolling-out': { label: m.prj_stage_rolling_out, hint: m.prj_stage_rolling_out_hint },
	evaluating: { label: m.prj_stage_evaluating, hint: m.prj_stage_evaluating_hint }
};

const DECISIONS: Record<PdsaDecision, Words> = {
	adapt: m.prj_decision_adapt,
	adopt: m.prj_decision_adopt,
	abandon: m.prj_decision_abandon
};

export const statusLabel = (status: ProjectStatus) => STATUSES[status]();

export const outcomeLabel = (outcome: AimOutcome) => OUTCOMES[outcome]();

export const levelLabel = (level: InvolvementLevel) => LEVELS[level].label();

export const levelHint = (level: InvolvementLevel) => LEVELS[level].hint();

export const stageLabel = (stage: ProjectStage) => STAGES[stage].label();

/** A stage inside a sentence ("Members joined at testing changes"). */
const stageInSentence = (stage: ProjectStage) => stageLabel(stage).toLowerCase();

export const decisionLabel = (decision: PdsaDecision) => DECISIONS[decision]();

/** The stages as choices, each with what it means, for a project or for one person joining it. */
export const stageOptions = () =>
	PROJECT_STAGES.map((value) => ({ value, label: stageLabel(value), hint: STAGES[value].hint() }));

/** Big I or little i, with what each means. */
export const levelOptions = () =>
	INVOLVEMENT_LEVELS.map((value) => ({ value, label: levelLabel(value), hint: levelHint(value) }));

/** "Joined at planning", of one person on the team. */
export const joinedAt = (stage: ProjectStage) => m.prj_team_joined_at({ stage: stageInSentence(stage) });

/** "Members involved from the start", "Members joined at testing changes" or "No members involved yet". */
export function involvementText({
	membersFirstInvolved: stage
}: Pick<ProjectFields, 'membersFirstInvolved'>) {
	if (!stage) return m.prj_involvement_none();
	if (stage === PROJECT_STAGES[0]) return m.prj_involvement_start();
	return m.prj_involvement_joined({ stage: stageInSentence(stage) });
}

// An aim's date is a calendar date: said in UTC, so it is the same day wherever the device is.
const aimDate = formatter(
	(tag) => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
);

/** The aim in one sentence, e.g. "By 31 March 2027, reduce handover time from 45 minutes to 30 minutes". */
export function aimText(aim: Aim): string {
	const parts = {
		date: aimDate().format(new Date(`${aim.by}T00:00:00Z`)),
		measure: aim.measure,
		baseline: aim.baseline,
		target: aim.target
	};
	return aim.direction === 'increase' ? m.prj_aim_increase(parts) : m.prj_aim_reduce(parts);
}
