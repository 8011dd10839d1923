import { z } from 'zod';
import { accountNameSchema } from './accounts';
import { isoTimestamp, optionalText as text } from './common';
import { memberOfId } from './private';
import { memberIdSchema } from './private-ids';
import type { TypeRule } from './type-rules';

/**
 * A member's profile: what they are interested in, when and how they can take part, the skills they bring
 * and want to grow, how they need information (the NHS Accessible Information Standard) and whether they
 * accept involvement payments. Readable only by the member and coordinators (private.ts); one per member,
 * `profile:<member>`, written by the member or by a coordinator (from a sign-up, when they join).
 */

/** The network's list of interests (a member may add their own in words too). */
export const INTEREST_AREAS = [
	'urgent-care',
	'mental-health',
	'calls-999-111',
	'patient-transport',
	'accessibility',
	'equality',
	'children-young-people',
	'older-people',
	'digital',
	'training',
	'research',
	'quality-improvement'
] as const;
export type InterestArea = (typeof INTEREST_AREAS)[number];
export const INTEREST_AREA_LABELS: Record<InterestArea, string> = {
	'urgent-care': 'Urgent and emergency care',
	'mental-health': 'Mental health',
	'calls-999-111': '999 and 111 calls',
	'patient-transport': 'Patient transport',
	accessibility: 'Accessibility and disability',
	equality: 'Equality and seldom-heard communities',
	'children-young-people': 'Children and young people',
	'older-people': 'Older people',
	digital: 'Apps, websites and digital services',
	training: 'Training staff',
	research: 'Research',
	'quality-improvement': 'Quality improvement projects'
};

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_LABELS: Record<Weekday, string> = {
	mon: 'Monday',
	tue: 'Tuesday',
	wed: 'Wednesday',
	thu: 'Thursday',
	fri: 'Friday',
	sat: 'Saturday',
	sun: 'Sunday'
};

export const TIMES_OF_DAY = ['morning', 'afternoon', 'evening'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];
export const TIME_OF_DAY_LABELS: Record<TimeOfDay, string> = {
	morning: 'Mornings',
	afternoon: 'Afternoons',
	evening: 'Evenings'
};

/** How someone can take part, and how an opportunity happens. */
export const PLACES = ['online', 'in-person'] as const;
export type Place = (typeof PLACES)[number];
export const PLACE_LABELS: Record<Place, string> = { online: 'Online', 'in-person': 'In person' };

/** Formats and support under the Accessible Information Standard. */
export const COMMUNICATION_NEEDS = [
	'large-print',
	'easy-read',
	'bsl-interpreter',
	'braille',
	'audio',
	'hearing-loop',
	'support-at-meetings',
	'extra-time'
] as const;
export type CommunicationNeed = (typeof COMMUNICATION_NEEDS)[number];
export const COMMUNICATION_NEED_LABELS: Record<CommunicationNeed, string> = {
	'large-print': 'Large print',
	'easy-read': 'Easy read',
	'bsl-interpreter': 'British Sign Language (BSL) interpreter',
	braille: 'Braille',
	audio: 'Audio',
	'hearing-loop': 'Hearing loop',
	'support-at-meetings': 'Someone to support me at meetings',
	'extra-time': 'Extra time to read papers before meetings'
};

export const CONTACT_PREFERENCES = ['email', 'phone', 'text', 'post'] as const;
export type ContactPreference = (typeof CONTACT_PREFERENCES)[number];
export const CONTACT_PREFERENCE_LABELS: Record<ContactPreference, string> = {
	email: 'Email',
	phone: 'Phone call',
	text: 'Text message',
	post: 'Letter'
};

/** Involvement payments can affect benefits, so a member chooses. */
export const PAYMENT_CHOICES = ['payments', 'expenses-only', 'not-sure'] as const;
export type PaymentChoice = (typeof PAYMENT_CHOICES)[number];
export const PAYMENT_CHOICE_LABELS: Record<PaymentChoice, { label: string; hint: string }> = {
	payments: { label: 'I accept involvement payments', hint: 'Paid for your time where a role offers it' },
	'expenses-only': {
		label: 'Expenses only',
		hint: 'Your costs paid back, no payment for your time (for example, because of benefits)'
	},
	'not-sure': { label: 'Not sure yet', hint: 'A coordinator can talk it through with you' }
};

export const TRAVEL_MILES_MAX = 200;

export const profileInputSchema = z.object({
	interests: z.array(z.enum(INTEREST_AREAS)).max(INTEREST_AREAS.length).default([]),
	otherInterests: text(1_000, 'Other interests').default(''),
	days: z.array(z.enum(WEEKDAYS)).max(7).default([]),
	times: z.array(z.enum(TIMES_OF_DAY)).max(3).default([]),
	places: z.array(z.enum(PLACES)).max(2).default([]),
	/** How far they can travel, in miles; null when they did not say. */
	travelMiles: z
		.number({ error: 'Enter how far you can travel as a number of miles, like 10' })
		.int({ error: 'Enter a whole number of miles, like 10' })
		.min(0, { error: 'Miles cannot be less than 0' })
		.max(TRAVEL_MILES_MAX, { error: `Enter ${TRAVEL_MILES_MAX} miles or fewer` })
		.nullable()
		.default(null),
	skillsOffered: text(1_000, 'Skills you bring').default(''),
	skillsToDevelop: text(1_000, 'Skills you want to develop').default(''),
	communicationNeeds: z.array(z.enum(COMMUNICATION_NEEDS)).max(COMMUNICATION_NEEDS.length).default([]),
	communicationNote: text(1_000, 'Anything else about how you need information').default(''),
	contactBy: z.array(z.enum(CONTACT_PREFERENCES)).max(CONTACT_PREFERENCES.length).default([]),
	payment: z.enum(PAYMENT_CHOICES, { error: 'Choose how you want to be paid back' }).default('not-sure')
});
export type ProfileInput = z.input<typeof profileInputSchema>;

export const profileSchema = z
	.strictObject({
		_id: memberIdSchema('profile'),
		type: z.literal('profile'),
		schemaVersion: z.literal(1),
		author: accountNameSchema,
		createdAt: isoTimestamp,
		updatedAt: isoTimestamp,
		member: accountNameSchema,
		...profileInputSchema.shape
	})
	.refine((doc) => memberOfId(doc._id) === doc.member, { error: 'A profile is named after its member' });
export type Profile = z.infer<typeof profileSchema>;

export function profileId(member: string): string {
	return `profile:${member}`;
}

/** The member a private document is about, and only they (with coordinators) may write it. */
export const ownMemberWrites = (actor: { name: string }, doc: Record<string, unknown>): boolean =>
	typeof doc._id === 'string' && memberOfId(doc._id) === actor.name;

export const PROFILE_SCHEMAS = { profile: profileSchema } as const;

export const PROFILE_TYPE_RULES: Readonly<Record<keyof typeof PROFILE_SCHEMAS, TypeRule>> = {
	profile: {
		immutable: ['member'],
		writers: ownMemberWrites,
		writersRefusal: 'Only the member or a coordinator can change a profile'
	}
};
