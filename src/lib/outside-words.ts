import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import { LABELS } from './domain-labels';

/**
 * The dictionary behind `say` (domain-words.svelte.ts), loaded only when a language other than English is
 * chosen. Each English text it knows is a message in messages/domain/ or messages/labels/, found by its
 * English words. A message with inputs ("Only {owner} or a coordinator can change this") is found by its
 * shape, and what fills it is translated in turn, unless it is what people typed. A text it does not know
 * stays as it came.
 */

/** A compiled message. Written as a method so each message's own inputs type fits (methods compare both ways). */
export type Message = {
	say(inputs?: Record<string, unknown>, options?: { locale?: Locale }): string;
}['say'];
/** A message and the names of its inputs, in the order they appear in the English. */
export type Shaped = readonly [Message, readonly string[]];

/** Every message in messages/domain/ and messages/labels/ (the test checks none is missing). */
export const OUTSIDE: readonly (Message | Shaped)[] = [
	...LABELS,
	m.dom_user_name_missing,
	m.dom_user_name_short,
	m.dom_user_name_chars,
	m.dom_password_missing,
	m.dom_name_missing,
	m.dom_display_name_missing,
	m.dom_role_missing,
	m.dom_new_password_missing_a,
	m.dom_nothing_to_change,
	m.dom_new_password_missing,
	m.dom_claim_for,
	m.dom_cost_kind,
	m.dom_miles_missing,
	m.dom_miles_rate,
	m.dom_miles_only,
	m.dom_amount_positive,
	m.dom_activity_date,
	m.dom_cost_missing,
	m.dom_costs_max,
	m.dom_claim_choice,
	m.dom_claim_why,
	m.dom_rate_missing,
	m.dom_rate_whole,
	m.dom_rate_negative,
	m.dom_rate_max,
	m.dom_date_time,
	m.dom_comment_missing,
	m.dom_not_forward_reason,
	m.dom_you_said,
	m.dom_event_kind,
	m.dom_community_empty,
	m.dom_event_name,
	m.dom_event_date,
	m.dom_event_place,
	m.dom_communities_max,
	m.dom_term_missing,
	m.dom_term_letter,
	m.dom_meaning_missing,
	m.dom_tag_empty,
	m.dom_links,
	m.dom_idea_title,
	m.dom_tags_max,
	m.dom_https,
	m.dom_group_kind,
	m.dom_chairs_max,
	m.dom_minutes_missing,
	m.dom_minutes_min,
	m.dom_minutes_max,
	m.dom_place_missing,
	m.dom_cancel_why,
	m.dom_approve_held,
	m.dom_agenda_twice,
	m.dom_due_date,
	m.dom_reflection_score,
	m.dom_money_missing,
	m.dom_money_whole,
	m.dom_money_negative,
	m.dom_money_max,
	m.dom_opportunity_kind,
	m.dom_real_date,
	m.dom_where_choose,
	m.dom_pay_rate,
	m.dom_end_after_start,
	m.dom_where_say,
	m.dom_selected_choose,
	m.dom_date_example,
	m.dom_hours,
	m.dom_hours_min,
	m.dom_hours_max,
	m.dom_time_on,
	m.dom_travel_miles,
	m.dom_miles_whole,
	m.dom_miles_negative,
	m.dom_miles_max,
	m.dom_paid_back,
	m.dom_aim_direction,
	m.dom_member_or_staff,
	m.dom_joined_stage,
	m.dom_big_i,
	m.dom_higher_lower,
	m.dom_lead_kind,
	m.dom_team_max,
	m.dom_measures_max,
	m.dom_number,
	m.dom_smaller_number,
	m.dom_cannot_write,
	m.dom_too_large,
	m.dom_own_name,
	m.dom_history,
	[m.dom_only_owner, ['owner']],
	m.dom_only_author,
	m.dom_your_name,
	m.dom_email_format,
	m.dom_phone_format,
	m.dom_contact_how,
	m.dom_agree_contact,
	m.dom_agree_store,
	m.dom_contact_missing,
	m.dom_email_for_preferred,
	m.dom_phone_for_preferred,
	m.dom_site_kind,
	m.dom_site_name,
	m.dom_visit_date,
	m.dom_template,
	m.dom_observation_text,
	m.dom_observation_kind,
	[m.dom_too_long, ['field', 'max']],
	m.dom_password_wrong,
	m.dom_coordinator_accounts,
	m.dom_no_account,
	[m.dom_account_exists, ['name']],
	m.dom_own_roles,
	m.dom_own_deactivate,
	m.dom_others_password,
	m.dom_counts_chairs,
	m.dom_switched_off,
	m.dom_no_match,
	m.dom_signups_coordinators,
	m.dom_signup_changing,
	m.dom_cannot_send_signups,
	m.dom_no_signup,
	m.dom_own_signups,
	m.dom_key_changed,
	m.dom_key_other,
	m.dom_server_wrong,
	m.dom_server_wrong_again,
	m.dom_request_invalid,
	m.dom_db_unreachable,
	m.dom_db_refused,
	m.dom_db_no_answer,
	m.dom_other_sites,
	m.dom_too_large_request,
	[m.dom_too_many_wait, ['minutes']],
	m.dom_too_many_minute,
	m.dom_need_connection_accounts,
	m.dom_need_connection_sign_in,
	m.dom_server_sign_in,
	m.dom_server_unclear,
	m.dom_cannot_reach,
	[m.dom_confirmed_one, ['count']],
	[m.dom_confirmed_many, ['count']],
	m.dom_refused_server,
	[m.dom_not_synced, ['id', 'reason']],
	m.dom_session_ended_sync,
	m.dom_server_problem_retry,
	m.dom_sync_stopped_retry,
	m.dom_session_ended,
	m.dom_too_many_attempts,
	m.dom_server_problem_minute,
	m.dom_not_accepted,
	m.dom_need_connection_figures,
	m.dom_need_connection,
	m.dom_state_offline,
	m.dom_state_connecting,
	m.dom_state_sending,
	m.dom_state_receiving,
	m.dom_state_synced,
	m.dom_state_signed_out,
	m.dom_state_not_syncing,
	[m.dom_set_aside, ['id', 'reason']],
	[m.dom_lists_stopped, ['error']],
	[m.dom_not_saved_invalid, ['what', 'reason']],
	[m.dom_not_saved_missing, ['what']],
	[m.dom_not_saved_changed, ['what']],
	[m.dom_not_saved_device, ['what', 'why']],
	m.dom_out_of_space,
	m.dom_not_on_device,
	[m.dom_label_idea, ['name']],
	[m.dom_label_visit, ['name']],
	[m.dom_label_meeting, ['name']],
	[m.dom_label_opportunity, ['name']],
	[m.dom_label_claim, ['name']],
	[m.dom_label_event, ['name']],
	[m.dom_label_comment, ['name']],
	[m.dom_label_support, ['name']],
	[m.dom_label_status, ['name']],
	[m.dom_label_photo, ['name']],
	[m.dom_label_observation, ['name']],
	[m.dom_label_agenda_item, ['name']],
	[m.dom_label_note, ['name']],
	[m.dom_label_attendance, ['name']],
	[m.dom_label_decision, ['name']],
	[m.dom_label_action, ['name']],
	[m.dom_label_action_update, ['name']],
	[m.dom_label_reflection, ['name']],
	[m.dom_label_interest, ['name']],
	[m.dom_label_selection, ['name']],
	[m.dom_label_time_given, ['name']],
	[m.dom_label_claim_step, ['name']],
	[m.dom_label_receipt, ['name']],
	[m.dom_label_photo_n_alt, ['n', 'alt']],
	[m.dom_label_photo_n, ['n']],
	m.dom_reason_one_interest,
	[m.dom_reason_interests, ['count']],
	m.dom_reason_how,
	m.dom_reason_when,
	m.dom_label_rates,
	m.dom_label_an_opportunity
];

/** Inputs that carry what people typed (a name, a title, a description) or an id: never said in turn. */
const AS_TYPED = new Set(['name', 'owner', 'alt', 'id']);

type Shape = { pattern: RegExp; message: Message; inputs: readonly string[] };

let exact: Map<string, Message> | undefined;
let shapes: Shape[] = [];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The English of a shaped message as a pattern: each input becomes a group, in the English's order. */
function shapeOf([message, inputs]: Shaped): Shape {
	const marks = Object.fromEntries(inputs.map((name, i) => [name, `\uE000${i}\uE000`]));
	const english = message(marks, { locale: 'en' });
	const order: string[] = [];
	const source = escape(english).replace(/\uE000(\d+)\uE000/g, (_, i: string) => {
		order.push(inputs[Number(i)] ?? '');
		return '(.+?)';
	});
	return { pattern: new RegExp(`^${source}$`, 's'), message, inputs: order };
}

function learn(): Map<string, Message> {
	const plain = OUTSIDE.filter((entry): entry is Message => typeof entry === 'function');
	shapes = OUTSIDE.filter((entry): entry is Shaped => typeof entry !== 'function').map(shapeOf);
	return new Map(plain.map((message) => [message({}, { locale: 'en' }), message]));
}

/** `text` in the chosen language, if it is one of the outside words this app translates; else `text`. */
export function translate(text: string): string {
	exact ??= learn();
	const known = exact.get(text);
	if (known) return known();
	for (const { pattern, message, inputs } of shapes) {
		const found = pattern.exec(text);
		if (!found) continue;
		const filled = inputs.map((name, i) => {
			const value = found[i + 1] ?? '';
			return [name, AS_TYPED.has(name) ? value : translate(value)];
		});
		return message(Object.fromEntries(filled));
	}
	return text;
}
