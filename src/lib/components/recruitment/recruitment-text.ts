import type { EventKind, SignupStatus } from '$lib/domain';
import { m } from '$lib/paraglide/messages';

/**
 * The kinds of event and the states of a sign-up in the person's language. The domain keeps the English
 * labels (`EVENT_KIND_LABELS`, `SIGNUP_STATUS_LABELS`) for the figures and reports.
 */

const KINDS: Record<EventKind, () => string> = {
	pride: m.ppl_event_kind_pride,
	community: m.ppl_event_kind_community,
	'focus-group': m.ppl_event_kind_focus_group,
	'gp-surgery': m.ppl_event_kind_gp_surgery,
	'support-group': m.ppl_event_kind_support_group,
	other: m.ppl_event_kind_other
};

const STATUSES: Record<SignupStatus, () => string> = {
	new: m.ppl_signup_status_new,
	contacted: m.ppl_signup_status_contacted,
	joined: m.ppl_signup_status_joined,
	declined: m.ppl_signup_status_declined
};

export const eventKindLabel = (kind: EventKind): string => KINDS[kind]();

export const signupStatusLabel = (status: SignupStatus): string => STATUSES[status]();
