import { eventInputSchema, newDoc, parseCommunities, type EventKind } from '$lib/domain';
import { m } from '$lib/paraglide/messages';
import { loadEventView, loadEvents, type EventLists, type EventView } from '$lib/store/recruitment-query';
import type { Workspace } from '$lib/store/workspace';
import { checkedBy, DraftForm } from './draft-form.svelte';
import { eventIdFromParam } from './event-mode.svelte';
import { Live } from './live.svelte';

/** Recruitment events: their addresses, who may add them, the list, one event, and the form to add one. */

export type { EventItem, EventLists, EventView } from '$lib/store/recruitment-query';

export { eventIdFromParam, eventModePath, eventPath, mayRunEvents } from './event-mode.svelte';

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
				{ what: m.ppl_event_what() }
			);
			return saved ? id : undefined;
		}
	};
}
