import {
	inboxEntrySchema,
	keyringEntrySchema,
	type InboxEntry,
	type KeyringEntry,
	type KeyringUpload,
	type SealedSignup,
	type SignupStatusChange
} from '$lib/domain';
import type { Result } from '$lib/domain';
import { call } from './http';

/** What happened to one delivery attempt of a sealed sign-up. */
export type Delivery =
	| { kind: 'delivered' }
	| { kind: 'refused'; reason: string }
	| { kind: 'signed-out' }
	| { kind: 'retry'; reason: string };

const OFFLINE = 'You need a connection for this. Try again when you have signal.';

function api<T>(path: string, init: RequestInit, read: (body: unknown) => T): Promise<Result<T>> {
	return call(path, init, read, OFFLINE);
}

/** The gateway's sign-up inbox and keyring API (`/api/signups`, `/api/keyring`). */
export class SignupsApi {
	constructor(private readonly base = '') {}

	/** Delivers a sealed sign-up. Safe to repeat: the server keeps one copy. */
	async deliver(sealed: SealedSignup): Promise<Delivery> {
		const answer = await api(
			`${this.base}/api/signups/${encodeURIComponent(sealed.id)}`,
			{ method: 'PUT', body: JSON.stringify(sealed) },
			() => undefined
		);
		if (answer.ok) return { kind: 'delivered' };
		if (answer.reason === 'signed-out') return { kind: 'signed-out' };
		if (['offline', 'server', 'throttled'].includes(answer.reason))
			return { kind: 'retry', reason: answer.message };
		return { kind: 'refused', reason: answer.message };
	}

	inbox(): Promise<Result<InboxEntry[]>> {
		return api(`${this.base}/api/signups`, { method: 'GET' }, (body) => inboxEntrySchema.array().parse(body));
	}

	setStatus(id: string, change: SignupStatusChange): Promise<Result<InboxEntry>> {
		return api(
			`${this.base}/api/signups/${encodeURIComponent(id)}`,
			{ method: 'PATCH', body: JSON.stringify(change) },
			(body) => inboxEntrySchema.parse(body)
		);
	}

	remove(id: string): Promise<Result<void>> {
		return api(`${this.base}/api/signups/${encodeURIComponent(id)}`, { method: 'DELETE' }, () => undefined);
	}

	keyring(): Promise<Result<KeyringEntry[]>> {
		return api(`${this.base}/api/keyring`, { method: 'GET' }, (body) =>
			keyringEntrySchema.array().parse(body)
		);
	}

	storeKey(keyId: string, upload: KeyringUpload): Promise<Result<void>> {
		return api(
			`${this.base}/api/keyring/${encodeURIComponent(keyId)}`,
			{ method: 'PUT', body: JSON.stringify(upload) },
			() => undefined
		);
	}
}
