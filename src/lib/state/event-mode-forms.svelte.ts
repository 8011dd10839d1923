import { invalid, success, type Result } from '$lib/domain';
import { hashPin, pinMatches, pinProblem, pinWait } from '$lib/domain/pin';
import { nowIso } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { Form } from './draft-form.svelte';
import type { EventLock } from './event-mode.svelte';

/**
 * Starting and leaving event mode. Both are plain `Form`s (a PIN is never kept as a draft); the lock keeps
 * only the PIN's salted hash (domain/pin.ts).
 */

export interface StartValues {
	pin: string;
	confirm: string;
}

function checkStart({ pin, confirm }: StartValues): Result<string> {
	const fields: Record<string, string> = {};
	const problem = pinProblem(pin);
	if (problem) fields.pin = problem;
	if (confirm === '') fields.confirm = m.ppl_event_mode_pin_again();
	else if (!problem && confirm !== pin) fields.confirm = m.ppl_event_mode_pins_differ();
	return Object.keys(fields).length > 0 ? invalid(fields) : success(pin);
}

/** The recruiter chooses the PIN that alone leaves event mode, and the phone locks to `eventId`. */
export function eventModeStart(lock: EventLock, eventId: string) {
	const form = new Form<StartValues, string>({ pin: '', confirm: '' }, checkStart);
	return {
		form,
		start: () =>
			form.submit(
				async (pin) => lock.hold({ eventId, pin: await hashPin(pin), startedAt: nowIso(), failures: 0 }),
				{ what: m.ppl_event_mode_what() }
			)
	};
}

/**
 * Leaving event mode: the right PIN releases the lock; a wrong one is refused and counted (after five in a
 * row, each try waits a minute, kept with the lock so a reload does not reset it).
 */
export function eventModeExit(lock: EventLock, now: () => number = Date.now) {
	const form = new Form<{ pin: string }, string>({ pin: '' }, ({ pin }) =>
		pin ? success(pin) : invalid({ pin: m.event_mode_pin_missing() })
	);

	async function check(pin: string): Promise<Result<void>> {
		const row = lock.row;
		if (!row) return success(undefined);
		const wait = pinWait(row.failures, row.lastFailureAt, now());
		if (wait > 0) {
			return invalid({ pin: m.event_mode_pin_wait({ seconds: Math.ceil(wait / 1000) }) });
		}
		if (await pinMatches(pin, row.pin)) {
			await lock.release();
			return success(undefined);
		}
		await lock.hold({ ...row, failures: row.failures + 1, lastFailureAt: now() });
		return invalid({ pin: m.event_mode_pin_wrong() });
	}

	return {
		form,
		/** Answers whether event mode was left; a refused PIN is cleared from the field. */
		async exit(): Promise<boolean> {
			const left = await form.submit(check, { what: m.ppl_event_mode_leaving_what() });
			if (!left) form.values = { pin: '' };
			return left;
		}
	};
}
