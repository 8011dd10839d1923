import type {
	CommunicationNeed,
	ContactPreference,
	InterestArea,
	PaymentChoice,
	Place,
	TimeOfDay,
	Weekday
} from '$lib/domain';
import { m } from '$lib/paraglide/messages';

/**
 * A profile's choices in the person's language (the domain keeps its English labels for the server). Each
 * is a message looked up when it is shown, so it follows a change of language.
 */

const INTEREST_AREAS: Record<InterestArea, () => string> = {
	'urgent-care': m.inv_area_urgent_care,
	'mental-health': m.inv_area_mental_health,
	'calls-999-111': m.inv_area_calls_999_111,
	'patient-transport': m.inv_area_patient_transport,
	accessibility: m.inv_area_accessibility,
	equality: m.inv_area_equality,
	'children-young-people': m.inv_area_children_young_people,
	'older-people': m.inv_area_older_people,
	digital: m.inv_area_digital,
	training: m.inv_area_training,
	research: m.inv_area_research,
	'quality-improvement': m.inv_area_quality_improvement
};

const WEEKDAYS: Record<Weekday, () => string> = {
	mon: m.inv_day_mon,
	tue: m.inv_day_tue,
	wed: m.inv_day_wed,
	thu: m.inv_day_thu,
	fri: m.inv_day_fri,
	sat: m.inv_day_sat,
	sun: m.inv_day_sun
};

const TIMES_OF_DAY: Record<TimeOfDay, () => string> = {
	morning: m.inv_time_morning,
	afternoon: m.inv_time_afternoon,
	evening: m.inv_time_evening
};

const PLACES: Record<Place, () => string> = {
	online: m.inv_place_online,
	'in-person': m.inv_place_in_person
};

const COMMUNICATION_NEEDS: Record<CommunicationNeed, () => string> = {
	'large-print': m.inv_need_large_print,
	'easy-read': m.inv_need_easy_read,
	'bsl-interpreter': m.inv_need_bsl_interpreter,
	braille: m.inv_need_braille,
	audio: m.inv_need_audio,
	'hearing-loop': m.inv_need_hearing_loop,
	'support-at-meetings': m.inv_need_support_at_meetings,
	'extra-time': m.inv_need_extra_time
};

const CONTACT_PREFERENCES: Record<ContactPreference, () => string> = {
	email: m.inv_contact_email,
	phone: m.inv_contact_phone,
	text: m.inv_contact_text,
	post: m.inv_contact_post
};

const PAYMENT_CHOICES: Record<PaymentChoice, { label: () => string; hint: () => string }> = {
	payments: { label: m.inv_payment_payments, hint: m.inv_payment_payments_hint },
	'expenses-only': { label: m.inv_payment_expenses_only, hint: m.inv_payment_expenses_only_hint },
	'not-sure': { label: m.inv_payment_not_sure, hint: m.inv_payment_not_sure_hint }
};

export const interestAreaLabel = (area: InterestArea) => INTEREST_AREAS[area]();
export const weekdayLabel = (day: Weekday) => WEEKDAYS[day]();
export const timeOfDayLabel = (time: TimeOfDay) => TIMES_OF_DAY[time]();
export const placeLabel = (place: Place) => PLACES[place]();
export const communicationNeedLabel = (need: CommunicationNeed) => COMMUNICATION_NEEDS[need]();
export const contactPreferenceLabel = (way: ContactPreference) => CONTACT_PREFERENCES[way]();

/** A payment choice as a radio: its label and what it means. */
export function paymentChoice(choice: PaymentChoice): { value: PaymentChoice; label: string; hint: string } {
	const { label, hint } = PAYMENT_CHOICES[choice];
	return { value: choice, label: label(), hint: hint() };
}
