/**
 * The messages the server (embedded.ts) and its embedded database process (embedded-process.ts) exchange
 * over Node's IPC channel. The secret travels here, never in argv or the environment.
 */
import type { PoisonedDatabase } from './store-check';

/** The header that carries the server's per-process secret on every request to the embedded database. */
export const BACKEND_SECRET_HEADER = 'x-coproduce-backend-secret';

export type ToStore =
	/** The first message: what to serve, and which databases to open before answering `ready`. */
	| { type: 'start'; directory: string; secret: string; databases: string[] }
	| { type: 'ensure'; id: number; name: string }
	/** Stop serving, close the databases and exit. */
	| { type: 'close' };

export type FromStore =
	| { type: 'ready'; port: number; poisoned: PoisonedDatabase[] }
	| { type: 'ensured'; id: number; poisoned: string[] }
	| { type: 'refused'; id: number; message: string }
	/** Sent just before the process exits because of an error (the message only: one line for the log). */
	| { type: 'fatal'; message: string };

/** Whether an IPC message has the shape of a message (its sender is our own code: the type says the rest). */
export function isMessage<M extends { type: string }>(value: unknown): value is M {
	return (
		typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
	);
}
