import {
	inboxEntrySchema,
	keyringEntrySchema,
	type InboxEntry,
	type KeyringEntry,
	type KeyringUpload,
	type SealedSignup,
	type SignupStatusChange
} from '$lib/domain';

/** What happened to one delivery attempt of a sealed sign-up. */
export type Delivery =
	| { kind: 'delivered' }
	| { kind: 'refused'; reason: string }
	| { kind: 'signed-out' }
	| { kind: 'retry'; reason: string };

export type Answer<T> = { ok: true; value: T } | { ok: false; message: string; status?: number };

const OFFLINE = 'You need a connection for this. Try again when you have signal.';

async function call<T>(path: string, init: RequestInit, read: (body: unknown) => T): Promise<Answer<T>> {
	let response: Response;
	try {
		response = await fetch(path, {
			...init,
			headers: { 'content-type': 'application/json', ...init.headers },
			cache: 'no-store'
		});
	} catch {
		return { ok: false, message: OFFLINE };
	}
	const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
	if (response.ok) {
		try {
			return { ok: true, value: read(body) };
		} catch {
			return { ok: false, message: 'The server answered in a way this app does not understand.' };
		}
	}
	const reason = (body as { reason?: unknown } | undefined)?.reason;
	if (response.status === 401)
		return { ok: false, status: 401, message: 'Your session has ended. Sign in again.' };
	if (response.status >= 500) {
		return {
			ok: false,
			status: response.status,
			message: 'The server had a problem. Try again in a minute.'
		};
	}
	return {
		ok: false,
		status: response.status,
		message: typeof reason === 'string' ? reason : 'That was not accepted.'
	};
}

/** The gateway's sign-up inbox and keyring API (`/api/signups`, `/api/keyring`). */
export class SignupsApi {
	constructor(private readonly base = '') {}

	/** Delivers a sealed sign-up. Safe to repeat: the server keeps one copy. */
	async deliver(sealed: SealedSignup): Promise<Delivery> {
		const answer = await call(
			`${this.base}/api/signups/${encodeURIComponent(sealed.id)}`,
			{ method: 'PUT', body: JSON.stringify(sealed) },
			() => undefined
		);
		if (answer.ok) return { kind: 'delivered' };
		if (answer.status === 401) return { kind: 'signed-out' };
		if (answer.status === undefined || answer.status >= 500 || answer.status === 429) {
			return { kind: 'retry', reason: answer.message };
		}
		return { kind: 'refused', reason: answer.message };
	}

	inbox(): Promise<Answer<InboxEntry[]>> {
		return call(`${this.base}/api/signups`, { method: 'GET' }, (body) =>
			inboxEntrySchema.array().parse(body)
		);
	}

	setStatus(id: string, change: SignupStatusChange): Promise<Answer<InboxEntry>> {
		return call(
			`${this.base}/api/signups/${encodeURIComponent(id)}`,
			{ method: 'PATCH', body: JSON.stringify(change) },
			(body) => inboxEntrySchema.parse(body)
		);
	}

	remove(id: string): Promise<Answer<void>> {
		return call(`${this.base}/api/signups/${encodeURIComponent(id)}`, { method: 'DELETE' }, () => undefined);
	}

	keyring(): Promise<Answer<KeyringEntry[]>> {
		return call(`${this.base}/api/keyring`, { method: 'GET' }, (body) =>
			keyringEntrySchema.array().parse(body)
		);
	}

	storeKey(keyId: string, upload: KeyringUpload): Promise<Answer<void>> {
		return call(
			`${this.base}/api/keyring/${encodeURIComponent(keyId)}`,
			{ method: 'PUT', body: JSON.stringify(upload) },
			() => undefined
		);
	}
}
