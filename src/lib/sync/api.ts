import type { SessionInfo, SignIn } from '$lib/domain';
import type { Result } from '$lib/domain';
import { reportProblem } from '$lib/report';
import { call } from './http';
import type { SessionCheck } from './engine';

const OFFLINE = 'You need a connection to sign in the first time. Try again when you have signal.';

/** The gateway's session API. Same origin, so the HttpOnly cookie travels by itself. */
export class SessionApi {
	constructor(private readonly base = '') {}

	/** Signs in; a wrong name or password is a `refused` failure with the server's words. */
	async signIn(credentials: SignIn): Promise<Result<SessionInfo>> {
		const init = { method: 'POST', body: JSON.stringify(credentials) };
		const result = await call(`${this.base}/api/session`, init, (body) => body, OFFLINE);
		if (!result.ok) {
			if (result.reason === 'signed-out') {
				return {
					...result,
					reason: 'refused',
					message: result.said ?? 'That user name and password do not match'
				};
			}
			if (result.reason === 'server') {
				return { ...result, message: 'The server had a problem signing you in. Try again in a minute.' };
			}
			return result;
		}
		// Imported here so the schemas (zod) stay off the start-up path of a signed-in app.
		const { sessionInfoSchema } = await import('$lib/domain');
		const parsed = sessionInfoSchema.safeParse(result.value);
		if (parsed.success) return { ok: true, value: parsed.data };
		return {
			ok: false,
			reason: 'unreadable',
			message: 'The server answered in a way this app does not understand. Try again later.'
		};
	}

	async check(): Promise<SessionCheck> {
		try {
			const response = await fetch(`${this.base}/api/session`, { cache: 'no-store' });
			if (response.status === 401) return 'signed-out';
			return response.ok ? 'ok' : 'unreachable';
		} catch {
			return 'unreachable';
		}
	}

	async signOut(): Promise<void> {
		await fetch(`${this.base}/api/session`, { method: 'DELETE' }).catch((error: unknown) =>
			// Signed out on this device all the same; the server's session ends when it expires.
			reportProblem('the server could not be told of the sign-out', error)
		);
	}
}
