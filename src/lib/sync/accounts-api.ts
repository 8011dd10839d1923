import {
	accountSummarySchema,
	type AccountSummary,
	type AccountUpdate,
	type NewAccountInput,
	type PasswordChange
} from '$lib/domain';
import type { Result } from '$lib/domain';
import { call } from './http';

const OFFLINE = 'You need a connection to manage accounts. Try again when you have signal.';

function api<T>(path: string, init: RequestInit, read: (body: unknown) => T): Promise<Result<T>> {
	return call(path, init, read, OFFLINE);
}

/** Coordinators' account management (`/api/accounts`). Online only: accounts live on the server. */
export class AccountsApi {
	list(): Promise<Result<AccountSummary[]>> {
		return api('/api/accounts', { method: 'GET' }, (body) => accountSummarySchema.array().parse(body));
	}

	create(input: NewAccountInput): Promise<Result<AccountSummary>> {
		return api('/api/accounts', { method: 'POST', body: JSON.stringify(input) }, (body) =>
			accountSummarySchema.parse(body)
		);
	}

	update(name: string, update: AccountUpdate): Promise<Result<AccountSummary>> {
		return api(
			`/api/accounts/${encodeURIComponent(name)}`,
			{ method: 'PATCH', body: JSON.stringify(update) },
			(body) => accountSummarySchema.parse(body)
		);
	}

	changePassword(name: string, change: PasswordChange): Promise<Result<void>> {
		return api(
			`/api/accounts/${encodeURIComponent(name)}/password`,
			{ method: 'POST', body: JSON.stringify(change) },
			() => undefined
		);
	}
}
