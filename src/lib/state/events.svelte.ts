import {
	eventInputSchema,
	fieldErrors,
	isUpcoming,
	calendarDate,
	newDocId,
	newEvent,
	parseCommunities,
	type EventKind,
	type SessionInfo
} from '$lib/domain';
import type { CoordinatorKeyRow, EventRow, EventSignupCounts, OutboxRow } from '$lib/store/recruitment';
import { allSignupCounts, refusedSignups, signupCounts } from '$lib/store/recruitment';
import { whyNotSaved } from '$lib/store/save-errors';
import type { Workspace } from '$lib/store/workspace';
import { Live } from './live.svelte';

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

const NO_COUNTS: EventSignupCounts = { sent: 0, waiting: 0, received: 0 };

export interface EventItem {
	row: EventRow;
	counts: EventSignupCounts;
}

/** Upcoming events soonest first, then past events latest first, each with its sign-up counts. */
export class EventList {
	readonly events: Live<{ upcoming: EventItem[]; past: EventItem[] }>;

	constructor(workspace: Workspace) {
		const { desk } = workspace;
		this.events = new Live(
			() => undefined,
			async () => {
				const [rows, counts] = await Promise.all([
					desk.events.orderBy('date').toArray(),
					allSignupCounts(desk)
				]);
				const now = calendarDate(Date.now());
				const items = rows.map((row) => ({ row, counts: counts.get(row.id) ?? NO_COUNTS }));
				return {
					upcoming: items.filter((item) => isUpcoming(item.row.date, now)),
					past: items.filter((item) => !isUpcoming(item.row.date, now)).reverse()
				};
			},
			{ upcoming: [], past: [] }
		);
	}
}

export interface EventView {
	row: EventRow;
	counts: EventSignupCounts;
	keys: CoordinatorKeyRow[];
	/** Sign-ups collected here that the server refused: they wait, sealed, for someone to decide. */
	refused: OutboxRow[];
}

/** One event with its counts and the coordinators' keys sign-ups would be sealed for. */
export class EventDetail {
	readonly view: Live<EventView | undefined, string>;

	constructor(workspace: Workspace, id: () => string) {
		const { desk } = workspace;
		this.view = new Live(
			id,
			async (eventId) => {
				const row = await desk.events.get(eventId);
				if (!row) return undefined;
				const [counts, keys, refused] = await Promise.all([
					signupCounts(desk, eventId),
					desk.coordinatorKeys.toArray(),
					refusedSignups(desk, eventId)
				]);
				return { row, counts, keys, refused };
			},
			undefined
		);
	}
}

/** The form to add an event (recruiters and coordinators). */
export class NewEventForm {
	values = $state({ name: '', date: '', place: '', kind: '' as EventKind | '', communities: '' });
	errors = $state<Record<string, string>>({});
	attempt = $state(0);
	saving = $state(false);
	problem = $state<string>();

	constructor(
		private readonly workspace: Workspace,
		private readonly session: SessionInfo
	) {}

	/** Saves the event on this device (it syncs like any document); answers its id, or undefined. */
	async save(): Promise<string | undefined> {
		const parsed = eventInputSchema.safeParse({
			...this.values,
			kind: this.values.kind || undefined,
			communities: parseCommunities(this.values.communities)
		});
		if (!parsed.success) {
			this.errors = fieldErrors(parsed.error.issues);
			this.attempt += 1;
			return undefined;
		}
		this.errors = {};
		this.saving = true;
		try {
			const event = newEvent(newDocId('event'), this.session.name, parsed.data);
			await this.workspace.writer.save(event);
			return event._id;
		} catch (error) {
			this.problem = `The event could not be saved on this device: ${whyNotSaved(error)}. What you typed is kept.`;
			this.attempt += 1;
			return undefined;
		} finally {
			this.saving = false;
		}
	}
}
