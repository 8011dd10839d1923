import {
	coordinatorKeySchema,
	generateCoordinatorKeyPair,
	keyPassphraseProblem,
	newDocId,
	openSignup,
	protectPrivateKey,
	SealError,
	SIGNUP_STATUS_LABELS,
	suggestAccountName,
	unlockPrivateKey,
	type EqualityAnswers,
	type PublicJwk,
	type SessionInfo,
	type SignupPlaintext,
	type SignupStatus
} from '$lib/domain';
import { nowIso } from '$lib/format';
import type { InboxRow, KeyringRow } from '$lib/store/recruitment';
import { replaceInbox, updateInboxStatus } from '$lib/store/recruitment';
import type { Workspace } from '$lib/store/workspace';
import { SignupsApi } from '$lib/sync/signups-api';
import { Live } from './live.svelte';
import { NewAccountForm } from './people.svelte';

export function signupPath(id: string): string {
	return `/signups/${encodeURIComponent(id.replace(/^signup:/, ''))}`;
}

export function signupIdFromParam(param: string): string {
	return `signup:${param}`;
}

interface UnlockedKey {
	keyId: string;
	publicKey: PublicJwk;
	privateKey: CryptoKey;
}

/**
 * A coordinator's unlocked private keys, in this tab's memory only (non-extractable CryptoKeys). Never
 * stored: a reload, "Lock" or another account locks them again.
 */
class KeyVault {
	account = $state<string>();
	keys = $state.raw<UnlockedKey[]>([]);

	forAccount(name: string): void {
		if (this.account !== name) this.lock();
		this.account = name;
	}

	add(key: UnlockedKey): void {
		this.keys = [...this.keys.filter((k) => k.keyId !== key.keyId), key];
	}

	lock(): void {
		this.keys = [];
	}

	get unlocked(): boolean {
		return this.keys.length > 0;
	}
}

export const vault = new KeyVault();

/** Opens every sign-up the unlocked keys can open; answers id → plaintext (or why it could not be opened). */
export async function openAll(rows: readonly InboxRow[]): Promise<Record<string, SignupPlaintext | string>> {
	const opened: Record<string, SignupPlaintext | string> = {};
	for (const row of rows) {
		const key = vault.keys.find((k) => row.sealed.recipients.some((r) => r.keyId === k.keyId));
		if (!key) {
			opened[row.id] = 'Not sealed for your key';
			continue;
		}
		try {
			opened[row.id] = await openSignup(row.sealed, key);
		} catch (error) {
			opened[row.id] = error instanceof SealError ? error.message : 'Could not be opened';
		}
	}
	return opened;
}

export type KeyState = 'loading' | 'none' | 'locked' | 'unlocked';

/** Setting up, recovering and unlocking a coordinator's sign-up key. */
export class KeyManager {
	state = $state<KeyState>('loading');
	errors = $state<Record<string, string>>({});
	attempt = $state(0);
	busy = $state(false);
	problem = $state<string>();
	private saved: KeyringRow[] = [];

	constructor(
		private readonly workspace: Workspace,
		private readonly session: SessionInfo,
		private readonly api = new SignupsApi()
	) {
		vault.forAccount(session.name);
	}

	/** Finds this coordinator's protected keys: on the server when online, else the copy on this device. */
	async load(): Promise<void> {
		const { desk } = this.workspace;
		const fresh = await this.api.keyring();
		if (fresh.ok) {
			await desk.transaction('rw', desk.keyring, async () => {
				await desk.keyring.where('owner').equals(this.session.name).delete();
				await desk.keyring.bulkPut(fresh.value);
			});
		}
		this.saved = await desk.keyring.where('owner').equals(this.session.name).toArray();
		this.state = vault.unlocked ? 'unlocked' : this.saved.length > 0 ? 'locked' : 'none';
		if (!fresh.ok && this.saved.length === 0) this.problem = fresh.message;
	}

	async unlock(passphrase: string): Promise<boolean> {
		if (!passphrase) return this.fail({ passphrase: 'Enter your passphrase' });
		this.busy = true;
		let opened = 0;
		for (const entry of this.saved) {
			try {
				const privateKey = await unlockPrivateKey(entry.protectedKey, passphrase);
				vault.add({ keyId: entry.keyId, publicKey: entry.publicKey, privateKey });
				opened += 1;
			} catch {
				// Another key of this coordinator, with another passphrase.
			}
		}
		this.busy = false;
		if (opened === 0) return this.fail({ passphrase: 'That passphrase does not open your sign-up key' });
		this.errors = {};
		this.state = 'unlocked';
		return true;
	}

	/**
	 * Makes a key pair on this device. The private key is protected with the passphrase here and stored on
	 * the server (so another device can recover it); the public key goes to every device through `network`.
	 */
	async create(passphrase: string, confirm: string): Promise<boolean> {
		const problem = keyPassphraseProblem(passphrase, confirm);
		if (problem) {
			return this.fail(problem.includes('match') ? { confirm: problem } : { passphrase: problem });
		}
		this.busy = true;
		try {
			const pair = await generateCoordinatorKeyPair();
			const protectedKey = await protectPrivateKey(pair.privateKey, pair.keyId, passphrase);
			const stored = await this.api.storeKey(pair.keyId, { publicKey: pair.publicKey, protectedKey });
			if (!stored.ok) return this.fail({}, stored.message);
			const entry: KeyringRow = {
				keyId: pair.keyId,
				owner: this.session.name,
				publicKey: pair.publicKey,
				protectedKey,
				createdAt: nowIso()
			};
			await this.workspace.desk.keyring.put(entry);
			const at = nowIso();
			await this.workspace.writer.save(
				coordinatorKeySchema.parse({
					_id: newDocId('coordinatorKey'),
					type: 'coordinatorKey',
					schemaVersion: 1,
					author: this.session.name,
					createdAt: at,
					updatedAt: at,
					keyId: pair.keyId,
					publicKey: pair.publicKey,
					coordinatorName: this.session.displayName
				})
			);
			this.saved = [entry];
			vault.add({
				keyId: pair.keyId,
				publicKey: pair.publicKey,
				privateKey: await unlockPrivateKey(protectedKey, passphrase)
			});
			this.errors = {};
			this.state = 'unlocked';
			return true;
		} finally {
			this.busy = false;
		}
	}

	lock(): void {
		vault.lock();
		this.state = this.saved.length > 0 ? 'locked' : 'none';
	}

	private fail(errors: Record<string, string>, problem?: string): false {
		this.errors = errors;
		this.problem = problem;
		this.attempt += 1;
		this.busy = false;
		return false;
	}
}

export interface InboxItem {
	row: InboxRow;
	opened: SignupPlaintext | string | undefined;
	eventName: string;
}

/** The coordinator's inbox: sealed sign-ups from the server (kept sealed on this device), opened in memory. */
export class SignupInbox {
	readonly rows: Live<InboxRow[]>;
	readonly eventNames: Live<Record<string, string>>;
	opened = $state.raw<Record<string, SignupPlaintext | string>>({});
	refreshing = $state(false);
	problem = $state<string>();
	refreshedAt = $state<string>();

	constructor(
		private readonly workspace: Workspace,
		private readonly api = new SignupsApi()
	) {
		const { desk } = workspace;
		this.rows = new Live(
			() => undefined,
			async () => (await desk.inbox.orderBy('receivedAt').toArray()).reverse(),
			[]
		);
		this.eventNames = new Live(
			() => undefined,
			async () => Object.fromEntries((await desk.events.toArray()).map((event) => [event.id, event.name])),
			{}
		);
		$effect(() => {
			const rows = this.rows.value;
			if (vault.keys.length === 0) {
				this.opened = {};
				return;
			}
			void openAll(rows).then((opened) => (this.opened = opened));
		});
	}

	get items(): InboxItem[] {
		return this.rows.value.map((row) => ({
			row,
			opened: this.opened[row.id],
			eventName: this.eventNames.value[row.eventId] ?? 'An event not on this device yet'
		}));
	}

	/** Equality answers of every opened sign-up, for counts only. */
	get equality(): EqualityAnswers[] {
		return Object.values(this.opened).flatMap((entry) => (typeof entry === 'string' ? [] : [entry.equality]));
	}

	/** Reads the inbox from the server (sealed), replacing the copy on this device. */
	async refresh(): Promise<void> {
		this.refreshing = true;
		const answer = await this.api.inbox();
		this.refreshing = false;
		if (!answer.ok) {
			this.problem = answer.message;
			return;
		}
		this.problem = undefined;
		await replaceInbox(this.workspace.desk, answer.value);
		this.refreshedAt = nowIso();
	}

	async setStatus(
		id: string,
		status: Exclude<SignupStatus, 'new'>,
		account?: string
	): Promise<string | undefined> {
		const answer = await this.api.setStatus(id, account ? { status, account } : { status });
		if (!answer.ok) return answer.message;
		const { statusBy, statusAt } = answer.value;
		await updateInboxStatus(this.workspace.desk, id, {
			status,
			statusBy: statusBy ?? '',
			statusAt: statusAt ?? nowIso(),
			...(account ? { account } : {})
		});
		return undefined;
	}

	/** Deletes a sign-up for good, on the server and on this device. */
	async remove(id: string): Promise<string | undefined> {
		const answer = await this.api.remove(id);
		if (!answer.ok && answer.status !== 404) return answer.message;
		await this.workspace.desk.inbox.delete(id);
		return undefined;
	}
}

/** One sign-up being followed up: what happened, an account when they join, deleting it for good. */
export class SignupReview {
	busy = $state(false);
	problem = $state<string>();
	notice = $state<string>();
	/** The account form is open ("They joined"). */
	joining = $state(false);
	/** "Delete sign-up" was pressed and waits for "Yes, delete it for good". */
	confirmDelete = $state(false);
	readonly account = new NewAccountForm();

	constructor(
		private readonly inbox: SignupInbox,
		private readonly id: () => string
	) {}

	async mark(status: Exclude<SignupStatus, 'new'>, accountName?: string): Promise<void> {
		this.busy = true;
		this.problem = await this.inbox.setStatus(this.id(), status, accountName);
		this.busy = false;
		if (!this.problem) this.notice = `Marked as ${SIGNUP_STATUS_LABELS[status].toLowerCase()}.`;
	}

	/** Opens the account form, filled in from the name they gave at the event. */
	startJoining(name: string): void {
		this.account.values.displayName = name;
		this.account.values.name = suggestAccountName(name);
		this.account.values.roles = ['member'];
		this.joining = true;
	}

	/** Creates their account, then marks the sign-up as joined with it. */
	async createAccount(): Promise<void> {
		const created = await this.account.submit();
		if (!created) return;
		this.joining = false;
		await this.mark('joined', created.name);
		if (!this.problem)
			this.notice = `Account ${created.name} created and marked as joined. Tell them their first password in person or by phone.`;
	}

	/** Deletes the sign-up for good, here and on the server; answers whether it is gone. */
	async remove(): Promise<boolean> {
		this.busy = true;
		this.problem = await this.inbox.remove(this.id());
		this.busy = false;
		return !this.problem;
	}
}
