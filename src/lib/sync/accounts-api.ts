import {
	accountSummarySchema,
	type AccountSummary,
	type AccountUpdate,
	type NewAccountInput,
	type PasswordChange
} from '$lib/domain';

/** An answer from the gateway's account API, with field-level messages when the input was refused. */
export type ApiResult<T> =
	{ ok: true; value: T } | { ok: false; message: string; fields?: Record<string, string> };

const OFFLINE = 'You need a connection to manage accounts. Try again when you have signal.';

async function call<T>(path: string, init: RequestInit, read: (body: unknown) => T): Promise<ApiResult<T>> {
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
	if (response.ok) return { ok: true, value: read(body) };
	const problem = (body ?? {}) as { reason?: string; fields?: Record<string, string> };
	if (response.status === 401) return { ok: false, message: 'Your session has ended. Sign in again.' };
	if (response.status >= 500)
		return { ok: false, message: 'The server had a problem. Try again in a minute.' };
	return { ok: false, message: problem.reason ?? 'That was not accepted.', fields: problem.fields };
}

/** Coordinators' account management (`/api/accounts`). Online only: accounts live on the server. */
export class AccountsApi {
	list(): Promise<ApiResult<AccountSummary[]>> {
		return call('/api/accounts', { method: 'GET' }, (body) => accountSummarySchema.array().parse(body));
	}

	create(input: NewAccountInput): Promise<ApiResult<AccountSummary>> {
		return call('/api/accounts', { method: 'POST', body: JSON.stringify(input) }, (body) =>
			accountSummarySchema.parse(body)
		);
	}

	update(name: string, update: AccountUpdate): Promise<ApiResult<AccountSummary>> {
		return call(
			`/api/accounts/${encodeURIComponent(name)}`,
			{ method: 'PATCH', body: JSON.stringify(update) },
			(body) => accountSummarySchema.parse(body)
		);
	}

	changePassword(name: string, change: PasswordChange): Promise<ApiResult<void>> {
		return call(
			`/api/accounts/${encodeURIComponent(name)}/password`,
			{ method: 'POST', body: JSON.stringify(change) },
			() => undefined
		);
	}
}
