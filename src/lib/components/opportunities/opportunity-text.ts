import {
	formatPence,
	OPPORTUNITY_KINDS,
	type OpportunityKind,
	type RateUnit,
	type SelectionOutcome,
	type TimeKind
} from '$lib/domain';
import { m } from '$lib/paraglide/messages';
import { choices } from '$lib/state/profile.svelte';

/**
 * An opportunity's kinds, answers and rates in the person's language (the domain keeps its English labels
 * for the server). Each is a message looked up when it is shown, so it follows a change of language.
 */

const KINDS: Record<OpportunityKind, () => string> = {
	'interview-panel': m.inv_kind_interview_panel,
	'mock-patient': m.inv_kind_mock_patient,
	'qi-project-team': m.inv_kind_qi_project_team,
	'audit-or-inspection': m.inv_kind_audit_or_inspection,
	'focus-group': m.inv_kind_focus_group,
	'survey-design': m.inv_kind_survey_design,
	'bid-writing': m.inv_kind_bid_writing,
	research: m.inv_kind_research,
	'public-event': m.inv_kind_public_event
};

const TIME_KINDS: Record<TimeKind, () => string> = {
	preparation: m.inv_time_kind_preparation,
	'taking-part': m.inv_time_kind_taking_part,
	travel: m.inv_time_kind_travel,
	'follow-up': m.inv_time_kind_follow_up
};

const OUTCOMES: Record<SelectionOutcome, () => string> = {
	selected: m.inv_outcome_selected,
	'not-selected': m.inv_outcome_not_selected
};

const RATES: Record<RateUnit, (inputs: { amount: string }) => string> = {
	hour: m.inv_rate_hour,
	session: m.inv_rate_session,
	day: m.inv_rate_day
};

export const kindLabel = (kind: OpportunityKind) => KINDS[kind]();
export const timeKindLabel = (kind: TimeKind) => TIME_KINDS[kind]();
export const outcomeLabel = (outcome: SelectionOutcome) => OUTCOMES[outcome]();

/** The kinds of opportunity as a field's choices. */
export const kindOptions = () => choices(OPPORTUNITY_KINDS, kindLabel);

/** "£25.00 a session". */
export const rateSentence = (pence: number, unit: RateUnit) => RATES[unit]({ amount: formatPence(pence) });
