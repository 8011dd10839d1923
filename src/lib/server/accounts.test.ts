import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS_DB, AccountExistsError, AccountStore, PasswordRefusedError } from './accounts';
import { useEmbeddedStore } from '../../../tests/support/gateway';

describe('AccountStore', () => {
	const store = useEmbeddedStore('accounts', [ACCOUNTS_DB]);
	let accounts: AccountStore;

	beforeAll(() => {
		accounts = new AccountStore(store.couch);
	});

	it('creates, lists, updates and sets passwords under the password rules', async () => {
		await expect(
			accounts.create({ name: 'bea', displayName: 'Bea', roles: ['member'], password: 'password1' })
		).rejects.toBeInstanceOf(PasswordRefusedError);
		await expect(
			accounts.create({ name: 'bea', displayName: 'Bea', roles: ['member'], password: 'bea-is-best-1' })
		).rejects.toThrow('Password must not contain your user name');
		const bea = await accounts.create({
			name: 'bea',
			displayName: 'Bea',
			roles: ['member'],
			password: 'lantern meadow'
		});
		expect(bea.active).toBe(true);
		await expect(
			accounts.create({ name: 'bea', displayName: 'Bea 2', roles: ['member'], password: 'lantern meadow' })
		).rejects.toBeInstanceOf(AccountExistsError);

		const updated = await accounts.update('bea', { roles: ['member', 'chair', 'member'], active: false });
		expect(updated).toMatchObject({ roles: ['member', 'chair'], active: false, displayName: 'Bea' });
		expect((await accounts.get('bea'))?.active).toBe(false);
		expect(await accounts.update('nobody', { active: false })).toBeUndefined();

		await expect(accounts.setPassword('bea', 'short')).rejects.toBeInstanceOf(PasswordRefusedError);
		await accounts.update('bea', { active: true });
		await accounts.setPassword('bea', 'orchard kestrel');
		expect((await accounts.authenticate('bea', 'lantern meadow')).ok).toBe(false);
		expect((await accounts.authenticate('bea', 'orchard kestrel')).ok).toBe(true);
		expect((await accounts.list()).map((a) => a.name)).toEqual(['bea']);
	});
});
