import type { liveQuery as LiveQuery } from 'dexie';
import { reportProblem } from '$lib/report';

/** Dexie's `liveQuery`, once loaded: Dexie comes with the stores, not with the first page (app.svelte.ts). */
let loadedLiveQuery: typeof LiveQuery | undefined;

export async function dexieLiveQuery(): Promise<typeof LiveQuery> {
	loadedLiveQuery ??= (await import('dexie')).liveQuery;
	return loadedLiveQuery;
}

/**
 * A Dexie `liveQuery` as rune state: `value` follows the database. `deps` is read in an effect, so the
 * query re-subscribes when rune state it depends on (a filter, a route id) changes. Create it while a
 * component initialises. While `idle(deps)` holds (no account open yet), `value` stays `initial` and
 * nothing is watched.
 */
export class Live<T, A = void> {
	value = $state() as T;
	loaded = $state(false);
	error = $state<unknown>();

	constructor(
		deps: () => A,
		query: (args: A) => Promise<T>,
		initial: T,
		idle: (args: A) => boolean = () => false
	) {
		this.value = initial;
		$effect(() => {
			const args = deps();
			if (idle(args)) {
				this.value = initial;
				return;
			}
			let subscription: { unsubscribe(): void } | undefined;
			let stopped = false;
			const watch = (liveQuery: typeof LiveQuery): void => {
				subscription = liveQuery(() => query(args)).subscribe({
					next: (value) => {
						this.value = value;
						this.loaded = true;
						this.error = undefined;
					},
					error: (error: unknown) => {
						this.error = error;
						this.loaded = true;
					}
				});
			};
			if (loadedLiveQuery) watch(loadedLiveQuery);
			else
				void dexieLiveQuery().then(
					(liveQuery) => !stopped && watch(liveQuery),
					(error: unknown) => {
						reportProblem('the database code could not be loaded', error);
						this.error = error;
						this.loaded = true;
					}
				);
			return () => {
				stopped = true;
				subscription?.unsubscribe();
			};
		});
	}
}
