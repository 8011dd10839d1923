/**
 * Waiting for work queued before one's own, whatever became of it: a queue (a lane of tasks run one at a
 * time) waits for the task ahead to be over, while the failure of that task belongs to whoever asked for it,
 * who awaits the task itself and reports it.
 */

/** Resolves once `task` has settled, without taking on its failure (reported by whoever awaits `task`). */
export async function settled(task: Promise<unknown> | undefined): Promise<void> {
	try {
		await task;
	} catch {
		// Not this waiter's to report: see above.
	}
}
