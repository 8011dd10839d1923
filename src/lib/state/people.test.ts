import { describe, expect, it } from 'vitest';
import { success, type AccountSummary, type AccountUpdate, type Failure, type Result } from '$lib/domain';
import type { AccountsApi } from '$lib/sync/accounts-api';
import { AccountEditor, NewAccountForm, OwnPasswordForm } from './people.svelte';

const sam: AccountSummary = {
	name: 'sam.patel',
	displayName: 'Sam Patel',
	roles: ['member'],
	active: true,
	createdAt: '2026-01-01T00:00:00.000Z'
};

const offline: Failure = {
	ok: false,
	reason: 'offline',
	message: 'You need a connection to manage accounts. Try again when you have signal.'
};

/** A stand-in for the accounts API: one account, and a switch to answer as if offline. */
class FakeAccounts {
	account = { ...sam };
	online = true;
	passwords: string[] = [];

	private answer<T>(value: () => T): Promise<Result<T>> {
		return Promise.resolve(this.online ? success(value()) : offline);
	}

	list() {
		return this.answer(() => [this.account]);
	}

	create(input: { name: string; displayName: string }) {
		return this.answer(() => ({ ...sam, ...input }));
	}

	update(_name: string, update: AccountUpdate) {
		return this.answer(() => (this.account = { ...this.account, ...update }));
	}

	changePassword(_name: string, change: { password: string }) {
		return this.answer(() => void this.passwords.push(change.password));
	}
}

const api = (fake: FakeAccounts) => fake as unknown as AccountsApi;

describe('adding a person', () => {
	it('refuses a weak first password at its field, and says when the server cannot be reached', async () => {
		const fake = new FakeAccounts();
		const adding = new NewAccountForm(api(fake));
		await adding.form.update('displayName', 'Sam Patel');
		await adding.form.update('name', 'sam.patel');
		await adding.form.update('password', 'password1');
		expect(await adding.submit()).toBeUndefined();
		expect(adding.form.errors.password).toMatch(/too easy to guess/);

		await adding.form.update('password', 'harbour lantern kettle violin');
		fake.online = false;
		expect(await adding.submit()).toBeUndefined();
		expect(adding.form.problem).toBe(offline.message);
		expect(adding.form.values.name).toBe('sam.patel');

		fake.online = true;
		expect(await adding.submit()).toMatchObject({ name: 'sam.patel', displayName: 'Sam Patel' });
	});
});

describe('changing an account', () => {
	it('saves details, resets a password and switches access, one message at a time', async () => {
		const fake = new FakeAccounts();
		const editor = new AccountEditor('sam.patel', api(fake));
		await editor.load();
		expect(editor.details.values).toEqual({ displayName: 'Sam Patel', roles: ['member'] });

		await editor.details.update('displayName', 'Samira Patel');
		await editor.saveDetails();
		expect(editor.done).toBe('Changes saved');
		expect(editor.account?.displayName).toBe('Samira Patel');

		await editor.password.update('new-password', 'short');
		await editor.resetPassword();
		expect(editor.password.errors['new-password']).toMatch(/characters or more/);
		expect(editor.done).toBeUndefined();

		fake.online = false;
		await editor.setActive(false);
		expect(editor.problem).toBe(offline.message);
		expect(editor.password.errors).toEqual({});

		fake.online = true;
		await editor.password.update('new-password', 'harbour lantern kettle violin');
		await editor.resetPassword();
		expect(fake.passwords).toEqual(['harbour lantern kettle violin']);
		expect(editor.password.values['new-password']).toBe('');
		expect(editor.problem).toBeUndefined();
	});

	it('asks for the current password before changing your own', async () => {
		const fake = new FakeAccounts();
		const own = new OwnPasswordForm('sam.patel', api(fake));
		await own.form.update('password', 'harbour lantern kettle violin');
		await own.submit();
		expect(own.form.errors).toEqual({ currentPassword: 'Enter your current password' });
		await own.form.update('currentPassword', 'correct horse battery staple');
		await own.submit();
		expect(own.done).toBe('Your password has been changed.');
		expect(own.form.values).toEqual({ currentPassword: '', password: '' });
	});
});
