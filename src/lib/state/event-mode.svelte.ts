import { createContext } from 'svelte';
import type { SessionInfo } from '$lib/domain';
import { today } from '$lib/format';
import { reportProblem } from '$lib/report';
import { clearEventLock, writeEventLock, type EventLockRow } from '$lib/store/event-lock';
import { eventsOn, readEventLock } from '$lib/store/event-mode-query';
import type { EventRow } from '$lib/store/recruitment';
import type { Workspace } from '$lib/store/workspace';
import { dexieLiveQuery, Live } from './live.svelte';

/**
 * Event mode as a kiosk: events' addresses, the lock the root layout enforces, and the way in from Home.
 * Loaded with the layout and the home page, before the ledger: no schemas (zod) here. The PIN forms are in
 * event-mode-forms.svelte.ts, loaded with the event mode page.
 */

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

/** Recruiters and coordinators add events and run event mode. */
export function mayRunEvents(session: SessionInfo): boolean {
	return session.roles.some((role) => role === 'recruiter' || role === 'coordinator');
}

/**
 * The lock of the signed-in account's device, followed live (another tab starting or ending event mode
 * counts at once). `path` is where every page must lead while it is held; the layout shows nothing of a
 * page until the lock is `known`, so no other page flashes up after a reload.
 */
export class EventLock {
	private read = $state.raw<{ workspace: Workspace; row: EventLockRow | undefined }>();
	/** The lock could not be read: the layout shows no page rather than guess. */
	error = $state.raw<unknown>();

	constructor(private readonly workspace: () => Workspace | undefined) {
		$effect(() => {
			const current = workspace();
			if (!current) return;
			let subscription: { unsubscribe(): void } | undefined;
			let stopped = false;
			const failed = (error: unknown) => {
				reportProblem('event mode’s lock could not be read', error);
				this.error = error;
			};
			// Dexie loads with the stores, never with the sign-in page (live.svelte.ts).
			const watch = (liveQuery: Awaited<ReturnType<typeof dexieLiveQuery>>): void => {
				if (stopped) return;
				subscription = liveQuery(() => readEventLock(current.desk)).subscribe({
					next: (row) => {
						this.read = { workspace: current, row };
						this.error = undefined;
					},
					error: failed
				});
			};
			void dexieLiveQuery().then(watch, failed);
			return () => {
				stopped = true;
				subscription?.unsubscribe();
			};
		});
	}

	get known(): boolean {
		return this.read !== undefined && this.read.workspace === this.workspace();
	}

	get row(): EventLockRow | undefined {
		return this.known ? this.read?.row : undefined;
	}

	/** The locked event mode's address, or undefined when nothing is locked (or not known yet). */
	get path(): string | undefined {
		const row = this.row;
		return row && eventModePath(row.eventId);
	}

	/** Whether `pathname` may be shown now: anything when unlocked, only the locked event mode when locked. */
	allows(pathname: string): boolean {
		const path = this.path;
		return this.known && (path === undefined || path === pathname);
	}

	/** Locks (or updates the lock of) this device; in force for every page at once. */
	async hold(row: EventLockRow): Promise<void> {
		const workspace = this.ready();
		await writeEventLock(workspace.desk, row);
		this.read = { workspace, row };
	}

	async release(): Promise<void> {
		const workspace = this.ready();
		await clearEventLock(workspace.desk);
		this.read = { workspace, row: undefined };
	}

	private ready(): Workspace {
		const workspace = this.workspace();
		if (!workspace) throw new Error('The app is not ready yet');
		return workspace;
	}
}

export const [getEventLock, setEventLock] = createContext<EventLock>();

/** Events on today's date, for a recruiter's or coordinator's Home ("Start event mode for …"); none for others. */
export function eventsToday(workspace: Workspace, session: SessionInfo): Live<EventRow[]> {
	return new Live(
		() => undefined,
		() => (mayRunEvents(session) ? eventsOn(workspace.desk, today()) : Promise.resolve([])),
		[]
	);
}
