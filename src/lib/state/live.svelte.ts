import { liveQuery } from 'dexie';

/**
 * A Dexie `liveQuery` as rune state: `value` follows the database. `deps` is read in an effect, so the
 * query re-subscribes when rune state it depends on (a filter, a route id) changes. Create it while a
 * component initialises.
 */
export class Live<T, A = void> {
	value = $state() as T;
	loaded = $state(false);
	error = $state<unknown>();

	constructor(deps: () => A, query: (args: A) => Promise<T>, initial: T) {
		this.value = initial;
		$effect(() => {
			const args = deps();
			const subscription = liveQuery(() => query(args)).subscribe({
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
			return () => subscription.unsubscribe();
		});
	}
}
