import type { SessionInfo, SignIn } from '$lib/domain';
import type { SessionCheck } from './engine';

export type SignInResult =
	| { ok: true; session: SessionInfo }
	| {
			ok: false;
			kind: 'invalid' | 'refused' | 'throttled' | 'unreachable' | 'server';
			message: string;
			fields?: Record<string, string>;
	  };

/** The gateway's session API. Same origin, so the HttpOnly cookie travels by itself. */
export class SessionApi {
	constructor(private readonly base = '') {}

	async signIn(credentials: SignIn): Promise<SignInResult> {
		let response: Response;
		try {
			response = await fetch(`${this.base}/api/session`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(credentials)
			});
		} catch {
			return {
				ok: false,
				kind: 'unreachable',
				message: 'You need a connection to sign in the first time. Try again when you have signal.'
			};
		}
		const body = (await response.json().catch(() => ({}))) as {
			reason?: string;
			fields?: Record<string, string>;
		};
		if (response.ok) {
			// Imported here so the schemas (zod) stay off the start-up path of a signed-in app.
			const { sessionInfoSchema } = await import('$lib/domain');
			const parsed = sessionInfoSchema.safeParse(body);
			if (parsed.success) return { ok: true, session: parsed.data };
			return {
				ok: false,
				kind: 'server',
				message: 'The server answered in a way this app does not understand. Try again later.'
			};
		}
		const message = body.reason ?? 'Sign in failed. Try again.';
		if (response.status === 400) return { ok: false, kind: 'invalid', message, fields: body.fields };
		if (response.status === 401) return { ok: false, kind: 'refused', message };
		if (response.status === 429) return { ok: false, kind: 'throttled', message };
		return {
			ok: false,
			kind: 'server',
			message: 'The server had a problem signing you in. Try again in a minute.'
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
		await fetch(`${this.base}/api/session`, { method: 'DELETE' }).catch(() => undefined);
	}
}
