import { m } from '$lib/paraglide/messages';
import type { SyncPhase } from '$lib/sync/status';

/**
 * Where sync is, in the person's language. The sync engine keeps its English `PHASE_LABELS` (its journal
 * lines use them); the screen tells the phase by value. "Synced" only ever means the server confirmed.
 */
const PHASES: Record<SyncPhase, () => string> = {
	offline: m.shell_phase_offline,
	connecting: m.shell_phase_connecting,
	pushing: m.shell_phase_pushing,
	pulling: m.shell_phase_pulling,
	'up-to-date': m.shell_phase_up_to_date,
	'signed-out': m.shell_phase_signed_out,
	error: m.shell_phase_error
};

export const phaseLabel = (phase: SyncPhase): string => PHASES[phase]();
