import {
	accountUpdateSchema,
	fieldErrors,
	invalid,
	newAccountSchema,
	passwordProblem,
	success,
	type AccountSummary,
	type AccountUpdate,
	type NewAccountInput,
	type PasswordChange,
	type Result,
	type Role
} from '$lib/domain';
import { m } from '$lib/paraglide/messages';
import { AccountsApi } from '$lib/sync/accounts-api';
import { checkedBy, Form } from './draft-form.svelte';

/**
 * People and accounts, which live on the server: the coordinators' directory, adding a person, changing
 * someone's details, roles, access or password, and changing your own password. The forms hold passwords,
 * so they are `Form`s (nothing kept as a draft); each write is an API call answering a `Result`.
 */

/** A role's name and what it lets someone do, read when shown (so they follow the language chosen). */
function role(label: () => string, hint: () => string): { readonly label: string; readonly hint: string } {
	return {
		get label() {
			return label();
		},
		get hint() {
			return hint();
		}
	};
}

export const ROLE_LABELS: Record<Role, { readonly label: string; readonly hint: string }> = {
	member: role(m.ppl_role_member, m.ppl_role_member_hint),
	chair: role(m.ppl_role_chair, m.ppl_role_chair_hint),
	recruiter: role(m.ppl_role_recruiter, m.ppl_role_recruiter_hint),
	staff: role(m.ppl_role_staff, m.ppl_role_staff_hint),
	coordinator: role(m.ppl_role_coordinator, m.ppl_role_coordinator_hint)
};

/** An API write for `Form.submit` that hands the server's answer to `then` when it succeeds. */
function onSuccess<T, R>(
	write: (value: T) => Promise<Result<R>>,
	then: (value: R) => void
): (value: T) => Promise<Result<R>> {
	return async (value) => {
		const answer = await write(value);
		if (answer.ok) then(answer.value);
		return answer;
	};
}

/** Everyone in the network, for coordinators. */
export class PeopleDirectory {
	accounts = $state<AccountSummary[]>([]);
	loaded = $state(false);
	problem = $state<string>();

	constructor(private readonly api = new AccountsApi()) {}

	async load(): Promise<void> {
		const result = await this.api.list();
		this.loaded = true;
		if (result.ok) this.accounts = result.value;
		else this.problem = result.message;
	}
}

export interface NewAccountValues {
	name: string;
	displayName: string;
	roles: Role[];
	password: string;
}

function checkNewAccount(values: NewAccountValues): Result<NewAccountInput> {
	const parsed = newAccountSchema.safeParse(values);
	const errors = parsed.success ? {} : fieldErrors(parsed.error.issues);
	const weak = passwordProblem(values.password, values.name);
	if (weak && !errors.password) errors.password = weak;
	if (!parsed.success || weak) return invalid(errors);
	return success(parsed.data);
}

/** A coordinator adds a person (or makes the account of someone who signed up at an event). */
export class NewAccountForm {
	readonly form = new Form<NewAccountValues, NewAccountInput>(
		{ name: '', displayName: '', roles: ['member'], password: '' },
		checkNewAccount
	);

	constructor(private readonly api = new AccountsApi()) {}

	/** Creates the account; answers it, or undefined (the form shows why). */
	async submit(): Promise<AccountSummary | undefined> {
		let created: AccountSummary | undefined;
		await this.form.submit(
			onSuccess(
				(input) => this.api.create(input),
				(account) => (created = account)
			)
		);
		return created;
	}
}

export interface AccountDetailsValues {
	displayName: string;
	roles: Role[];
}

export interface PasswordResetValues {
	'new-password': string;
}

/** A coordinator changing someone's details, roles, access or password. */
export class AccountEditor {
	account = $state<AccountSummary>();
	missing = $state(false);
	/** A problem loading the account, or switching it off or on (the forms show their own). */
	problem = $state<string>();
	attempt = $state(0);
	busy = $state(false);
	/** What the last change did. */
	done = $state<string>();
	readonly details: Form<AccountDetailsValues, AccountUpdate>;
	readonly password: Form<PasswordResetValues, PasswordChange>;

	constructor(
		readonly name: string,
		private readonly api = new AccountsApi()
	) {
		this.details = new Form<AccountDetailsValues, AccountUpdate>({ displayName: '', roles: [] }, (values) =>
			checkedBy(accountUpdateSchema.safeParse(values))
		);
		this.password = new Form<PasswordResetValues, PasswordChange>({ 'new-password': '' }, (values) => {
			const weak = passwordProblem(values['new-password'], name);
			return weak ? invalid({ 'new-password': weak }) : success({ password: values['new-password'] });
		});
	}

	async load(): Promise<void> {
		const result = await this.api.list();
		if (!result.ok) {
			this.problem = result.message;
			return;
		}
		const account = result.value.find((candidate) => candidate.name === this.name);
		this.missing = !account;
		if (account) this.show(account);
	}

	async saveDetails(): Promise<void> {
		this.start();
		const write = onSuccess(
			(update: AccountUpdate) => this.api.update(this.name, update),
			(account) => this.show(account)
		);
		if (await this.details.submit(write, { after: 'keep' })) this.done = m.ppl_account_changes_saved();
	}

	async setActive(active: boolean): Promise<void> {
		this.start();
		this.busy = true;
		const answer = await this.api.update(this.name, { active });
		this.busy = false;
		if (!answer.ok) {
			this.problem = answer.message;
			this.attempt += 1;
			return;
		}
		this.show(answer.value);
		this.done = active ? m.ppl_account_switched_on() : m.ppl_account_switched_off();
	}

	async resetPassword(): Promise<void> {
		this.start();
		if (await this.password.submit((change) => this.api.changePassword(this.name, change)))
			this.done = m.ppl_account_password_reset();
	}

	/** A new change: the last one's messages go (one error summary on the page at a time). */
	private start(): void {
		this.done = undefined;
		this.problem = undefined;
		for (const form of [this.details, this.password]) {
			form.errors = {};
			form.problem = undefined;
		}
	}

	private show(account: AccountSummary): void {
		this.account = account;
		this.details.values = { displayName: account.displayName, roles: [...account.roles] };
	}
}

export interface OwnPasswordValues {
	currentPassword: string;
	password: string;
}

/** Anyone changing their own password. */
export class OwnPasswordForm {
	readonly form: Form<OwnPasswordValues, PasswordChange>;
	done = $state<string>();

	constructor(
		private readonly name: string,
		private readonly api = new AccountsApi()
	) {
		this.form = new Form<OwnPasswordValues, PasswordChange>(
			{ currentPassword: '', password: '' },
			(values) => {
				const errors: Record<string, string> = {};
				if (!values.currentPassword) errors.currentPassword = m.ppl_own_password_missing();
				const weak = passwordProblem(values.password, name);
				if (weak) errors.password = weak;
				if (Object.keys(errors).length > 0) return invalid(errors);
				return success({ currentPassword: values.currentPassword, password: values.password });
			}
		);
	}

	async submit(): Promise<void> {
		this.done = undefined;
		if (await this.form.submit((change) => this.api.changePassword(this.name, change)))
			this.done = m.ppl_own_password_changed();
	}
}
