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

const OFFLINE = 'You need a connection for this. Try again when you have signal.';

const signupAt = (id: string) => `/api/signups/${encodeURIComponent(id)}`;
const withJson = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });
const nothing = () => undefined;

/** The gateway's sign-up inbox and keyring API (`/api/signups`, `/api/keyring`). */
export class SignupsApi {
	constructor(private readonly base = '') {}

	/** One request to `path` under this client's base; every answer is a `Result`. */
	private send<T>(path: string, init: RequestInit, read: (body: unknown) => T): Promise<Result<T>> {
		return call(`${this.base}${path}`, init, read, OFFLINE);
	}

	/** Delivers a sealed sign-up. Safe to repeat: the server keeps one copy. */
	deliver(sealed: SealedSignup): Promise<Result<void>> {
		return this.send(signupAt(sealed.id), withJson('PUT', sealed), nothing);
	}

	inbox(): Promise<Result<InboxEntry[]>> {
		return this.send('/api/signups', { method: 'GET' }, (body) => inboxEntrySchema.array().parse(body));
	}

	setStatus(id: string, change: SignupStatusChange): Promise<Result<InboxEntry>> {
		return this.send(signupAt(id), withJson('PATCH', change), (body) => inboxEntrySchema.parse(body));
	}

	remove(id: string): Promise<Result<void>> {
		return this.send(signupAt(id), { method: 'DELETE' }, nothing);
	}

	keyring(): Promise<Result<KeyringEntry[]>> {
		return this.send('/api/keyring', { method: 'GET' }, (body) => keyringEntrySchema.array().parse(body));
	}

	storeKey(keyId: string, upload: KeyringUpload): Promise<Result<void>> {
		return this.send(`/api/keyring/${encodeURIComponent(keyId)}`, withJson('PUT', upload), nothing);
	}
}
