import { z } from 'zod';
import { baseDocShape } from './common';

/** The kinds of event where recruiters meet people. */
export const EVENT_KINDS = [
	'pride',
	'community',
	'focus-group',
	'gp-surgery',
	'support-group',
	'other'
] as const;
export const eventKindSchema = z.enum(EVENT_KINDS, { error: 'Choose what kind of event it is' });
export type EventKind = z.infer<typeof eventKindSchema>;

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
	pride: 'Pride',
	community: 'Community event',
	'focus-group': 'Focus group',
	'gp-surgery': 'GP surgery',
	'support-group': 'Support group',
	other: 'Other'
};

export const EVENT_NAME_MAX = 120;
export const EVENT_PLACE_MAX = 120;
export const EVENT_COMMUNITIES_MAX = 10;
export const EVENT_COMMUNITY_MAX = 60;

const communitySchema = z
	.string()
	.trim()
	.min(1, { error: 'A community cannot be empty' })
	.max(EVENT_COMMUNITY_MAX, { error: `Each community must be ${EVENT_COMMUNITY_MAX} characters or fewer` });

/** What a recruiter or coordinator types about an event. */
export const eventInputSchema = z.object({
	name: z
		.string()
		.trim()
		.min(1, { error: 'Enter the name of the event' })
		.max(EVENT_NAME_MAX, { error: `Name must be ${EVENT_NAME_MAX} characters or fewer` }),
	date: z.iso.date({ error: 'Enter the date of the event' }),
	place: z
		.string()
		.trim()
		.min(1, { error: 'Enter where the event is' })
		.max(EVENT_PLACE_MAX, { error: `Place must be ${EVENT_PLACE_MAX} characters or fewer` }),
	kind: eventKindSchema,
	/** The communities the event is meant to reach, e.g. "LGBTQ+ young people", "Deaf BSL users". */
	communities: z
		.array(communitySchema)
		.max(EVENT_COMMUNITIES_MAX, { error: `Name ${EVENT_COMMUNITIES_MAX} communities or fewer` })
		.transform((list) => [...new Set(list)])
		.default([])
});
export type EventInput = z.input<typeof eventInputSchema>;

/**
 * A recruitment event: a Pride stall, a community day, a focus group. An ordinary replicated document in
 * `network` (everyone may see where the network recruits); the sign-ups collected there never are.
 */
export const eventSchema = z.strictObject({
	...baseDocShape('event'),
	...eventInputSchema.shape
});
export type RecruitmentEvent = z.infer<typeof eventSchema>;

/** Splits "LGBTQ+ people, carers" into communities. */
export function parseCommunities(text: string): string[] {
	return text
		.split(/[,;\n]/)
		.map((part) => part.trim())
		.filter(Boolean);
}

/** The local calendar date (YYYY-MM-DD) at `now` (milliseconds since 1970). */
export function calendarDate(now: number, timezoneOffsetMinutes = new Date(now).getTimezoneOffset()): string {
	return new Date(now - timezoneOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Whether an event is still to come (or today), given today's date as YYYY-MM-DD. */
export function isUpcoming(eventDate: string, today: string): boolean {
	return eventDate >= today;
}
