import { eventInputSchema, newDoc, parseCommunities, type EventKind, type SessionInfo } from '$lib/domain';
import { loadEventView, loadEvents, type EventLists, type EventView } from '$lib/store/recruitment-query';
import type { Workspace } from '$lib/store/workspace';
import { checkedBy, DraftForm } from './draft-form.svelte';
import { Live } from './live.svelte';

/** Recruitment events: their addresses, who may add them, the list, one event, and the form to add one. */

export type { EventItem, EventLists, EventView } from '$lib/store/recruitment-query';

/** Events are addressed by the ULID part of their id: `/events/01J…` for `event:01J…`. */
export function eventPath(id: string): string {
	return `/events/${encodeURIComponent(id.replace(/^event:/, ''))}`;
}

export function eventIdFromParam(param: string): string {
	return `event:${param}`;
}

/** Event mode: the sign-up form for one event, for the public. */
export function eventModePath(id: string): string {
	return `/event-mode/${encodeURIComponent(id.replace(/^event:/, ''))}`;
}

export function mayAddEvents(session: SessionInfo): boolean {
	return session.roles.some((role) => role === 'recruiter' || role === 'coordinator');
}

/** Upcoming events soonest first, then past events latest first, each with its sign-up counts. */
export function eventList(workspace: Workspace): Live<EventLists> {
	return new Live(
		() => undefined,
		() => loadEvents(workspace.desk),
		{ upcoming: [], past: [] }
	);
}

/**
 * One event with its counts and the coordinators' keys sign-ups would be sealed for, by the route's
 * parameter (the ULID part of its id).
 */
export function eventDetail(workspace: Workspace, param: () => string): Live<EventView | undefined, string> {
	return new Live(
		() => eventIdFromParam(param()),
		(id) => loadEventView(workspace.desk, id),
		undefined
	);
}

export interface EventFormValues {
	name: string;
	date: string;
	place: string;
	kind: EventKind | '';
	communities: string;
}

/** The form to add an event (recruiters and coordinators), kept as a draft on this device until saved. */
export function newEventForm(workspace: Workspace, author: string) {
	const form = new DraftForm<EventFormValues, ReturnType<typeof eventInputSchema.parse>>(
		workspace.desk,
		'event:new',
		{ name: '', date: '', place: '', kind: '', communities: '' },
		(values) =>
			checkedBy(
				eventInputSchema.safeParse({
					...values,
					kind: values.kind || undefined,
					communities: parseCommunities(values.communities)
				})
			)
	);
	return {
		form,
		load: () => form.load(),
		discard: () => form.discardDraft(),
		/** Saves the event on this device (it syncs like any document); answers its id, or undefined. */
		async save(): Promise<string | undefined> {
			let id: string | undefined;
			const saved = await form.submit(
				async (input) => {
					const event = newDoc('event', author, input);
					await workspace.writer.save(event);
					id = event._id;
				},
				{ what: 'The event' }
			);
			return saved ? id : undefined;
		}
	};
}
