import {
	accountUpdateSchema,
	fieldErrors,
	newAccountSchema,
	passwordProblem,
	type AccountSummary,
	type Role
} from '$lib/domain';
import { AccountsApi } from '$lib/sync/accounts-api';
import type { Result } from '$lib/domain';

export const ROLE_LABELS: Record<Role, { label: string; hint: string }> = {
	member: { label: 'Member', hint: 'Shares ideas, joins visits and meetings' },
	chair: { label: 'Chair', hint: 'Chairs a group: edits its meeting documents and approves minutes' },
	recruiter: { label: 'Recruiter', hint: 'Signs up new members at events' },
	coordinator: { label: 'Coordinator (staff)', hint: 'Runs the network: manages people, reads sign-ups' }
};

/** Form state shared by the account forms: field messages, a whole-form problem, a busy flag. */
class FormState {
	errors = $state<Record<string, string>>({});
	problem = $state<string>();
	attempt = $state(0);
	busy = $state(false);
	done = $state<string>();

	protected fail(errors: Record<string, string>, problem?: string): void {
		this.errors = errors;
		this.problem = problem;
		this.done = undefined;
		this.attempt += 1;
	}

	protected async run<T>(request: () => Promise<Result<T>>, done: string): Promise<T | undefined> {
		this.busy = true;
		this.done = undefined;
		const result = await request();
		this.busy = false;
		if (!result.ok) {
			this.fail(result.fields ?? {}, result.fields ? undefined : result.message);
			return undefined;
		}
		this.errors = {};
		this.problem = undefined;
		this.done = done;
		return result.value;
	}

	/** Errors for an error summary: fields first, then the whole-form problem. */
	get summary(): Record<string, string> {
		return this.problem ? { ...this.errors, form: this.problem } : this.errors;
	}
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

export class NewAccountForm extends FormState {
	values = $state({ name: '', displayName: '', roles: ['member'] as Role[], password: '' });

	constructor(private readonly api = new AccountsApi()) {
		super();
	}

	async submit(): Promise<AccountSummary | undefined> {
		const parsed = newAccountSchema.safeParse(this.values);
		const errors = parsed.success ? {} : fieldErrors(parsed.error.issues);
		const weak = passwordProblem(this.values.password, this.values.name);
		if (weak && !errors.password) errors.password = weak;
		if (!parsed.success || weak) {
			this.fail(errors);
			return undefined;
		}
		return this.run(() => this.api.create(parsed.data), 'Account created');
	}
}

/** A coordinator changing someone's details, roles, access or password. */
export class AccountEditor extends FormState {
	account = $state<AccountSummary>();
	displayName = $state('');
	roles = $state<Role[]>([]);
	newPassword = $state('');
	missing = $state(false);

	constructor(
		readonly name: string,
		private readonly api = new AccountsApi()
	) {
		super();
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
		const parsed = accountUpdateSchema.safeParse({ displayName: this.displayName, roles: this.roles });
		if (!parsed.success) return this.fail(fieldErrors(parsed.error.issues));
		const account = await this.run(() => this.api.update(this.name, parsed.data), 'Changes saved');
		if (account) this.show(account);
	}

	async setActive(active: boolean): Promise<void> {
		const account = await this.run(
			() => this.api.update(this.name, { active }),
			active ? 'Account switched back on' : 'Account switched off. Their sessions have ended.'
		);
		if (account) this.show(account);
	}

	async resetPassword(): Promise<void> {
		const weak = passwordProblem(this.newPassword, this.name);
		if (weak) return this.fail({ 'new-password': weak });
		await this.run(
			() => this.api.changePassword(this.name, { password: this.newPassword }),
			'Password changed. Tell them the new password in person or by phone.'
		);
		if (this.done) this.newPassword = '';
	}

	private show(account: AccountSummary): void {
		this.account = account;
		this.displayName = account.displayName;
		this.roles = [...account.roles];
	}
}

/** Anyone changing their own password. */
export class OwnPasswordForm extends FormState {
	currentPassword = $state('');
	password = $state('');

	constructor(
		private readonly name: string,
		private readonly api = new AccountsApi()
	) {
		super();
	}

	async submit(): Promise<void> {
		const errors: Record<string, string> = {};
		if (!this.currentPassword) errors.currentPassword = 'Enter your current password';
		const weak = passwordProblem(this.password, this.name);
		if (weak) errors.password = weak;
		if (Object.keys(errors).length > 0) return this.fail(errors);
		await this.run(
			() =>
				this.api.changePassword(this.name, {
					currentPassword: this.currentPassword,
					password: this.password
				}),
			'Your password has been changed.'
		);
		if (this.done) {
			this.currentPassword = '';
			this.password = '';
		}
	}
}
