import type { KeyQuestion, ObservationKind, Visit, VisitTemplate } from '$lib/domain';
import { m } from '$lib/paraglide/messages';

/**
 * A visit's kinds of site, statuses, templates, observation kinds and the CQC's key questions in the
 * person's language, told by value. The domain keeps its English labels for the server; the screens and
 * the report use these.
 */

const SITE_TYPES: Record<Visit['siteType'], () => string> = {
	'999-control-room': m.vis_site_999_control_room,
	'111-centre': m.vis_site_111_centre,
	'ambulance-station': m.vis_site_ambulance_station,
	'hospital-handover': m.vis_site_hospital_handover,
	vehicle: m.vis_site_vehicle,
	other: m.vis_site_other
};

const STATUSES: Record<Visit['status'], () => string> = {
	planned: m.vis_status_planned,
	'in-progress': m.vis_status_in_progress,
	done: m.vis_status_done
};

const TEMPLATES: Record<VisitTemplate, { label: () => string; hint: () => string }> = {
	general: { label: m.vis_template_general, hint: m.vis_template_general_hint },
	'mock-cqc': { label: m.vis_template_mock_cqc, hint: m.vis_template_mock_cqc_hint }
};

const KINDS: Record<ObservationKind, () => string> = {
	'good-practice': m.vis_kind_good_practice,
	concern: m.vis_kind_concern,
	idea: m.vis_kind_idea,
	question: m.vis_kind_question
};

const KEY_QUESTIONS: Record<KeyQuestion, { label: () => string; prompt: () => string }> = {
	safe: { label: m.vis_key_safe, prompt: m.vis_key_safe_prompt },
	effective: { label: m.vis_key_effective, prompt: m.vis_key_effective_prompt },
	caring: { label: m.vis_key_caring, prompt: m.vis_key_caring_prompt },
	responsive: { label: m.vis_key_responsive, prompt: m.vis_key_responsive_prompt },
	'well-led': { label: m.vis_key_well_led, prompt: m.vis_key_well_led_prompt }
};

export const siteTypeLabel = (siteType: Visit['siteType']) => SITE_TYPES[siteType]();
export const visitStatusLabel = (status: Visit['status']) => STATUSES[status]();
export const templateLabel = (template: VisitTemplate) => TEMPLATES[template].label();
export const templateHint = (template: VisitTemplate) => TEMPLATES[template].hint();
export const observationKindLabel = (kind: ObservationKind) => KINDS[kind]();
export const keyQuestionLabel = (question: KeyQuestion) => KEY_QUESTIONS[question].label();
export const keyQuestionPrompt = (question: KeyQuestion) => KEY_QUESTIONS[question].prompt();
