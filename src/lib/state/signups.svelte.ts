import {
	generateCoordinatorKeyPair,
	invalid,
	keyPassphraseProblem,
	newDoc,
	openSignup,
	protectPrivateKey,
	SealError,
	success,
	suggestAccountName,
	unlockPrivateKey,
	type EqualityAnswers,
	type PublicJwk,
	type Result,
	type SessionInfo,
	type SignupPlaintext,
	type SignupStatus
} from '$lib/domain';
import { nowIso } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { reportProblem } from '$lib/report';
import type { InboxRow, KeyringRow } from '$lib/store/recruitment';
import {
	keepKeyringEntry,
	removeFromInbox,
	replaceInbox,
	replaceKeyring,
	updateInboxStatus
} from '$lib/store/recruitment';
import { loadEventNames, loadInbox, loadKeyring } from '$lib/store/recruitment-query';
import type { Workspace } from '$lib/store/workspace';
import { SignupsApi } from '$lib/sync/signups-api';
import { Attempt } from './attempt.svelte';
import { Form } from './draft-form.svelte';
import { Live } from './live.svelte';
import { NewAccountForm } from './people.svelte';
import { startProfileFromSignup } from './profile.svelte';

/**
 * A coordinator's side of sign-ups: their sign-up key (set up, recovered, unlocked in this tab's memory),
 * the inbox of sealed sign-ups opened with it, and following one up (contacted, joined with a new account,
 * declined, deleted for good).
 */

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
			opened[row.id] = m.ppl_signup_not_for_key();
			continue;
		}
		try {
			opened[row.id] = await openSignup(row.sealed, key);
		} catch (error) {
			opened[row.id] = error instanceof SealError ? error.message : m.ppl_signup_not_opened();
		}
	}
	return opened;
}

export type KeyState = 'loading' | 'none' | 'locked' | 'unlocked';

/** Setting up, recovering and unlocking a coordinator's sign-up key. */
export class KeyManager {
	state = $state<KeyState>('loading');
	readonly unlocking = new Form<{ passphrase: string }, string>({ passphrase: '' }, ({ passphrase }) =>
		passphrase ? success(passphrase) : invalid({ passphrase: m.ppl_key_passphrase_missing() })
	);
	readonly creating = new Form<{ passphrase: string; confirm: string }, string>(
		{ passphrase: '', confirm: '' },
		({ passphrase, confirm }) => {
			const problem = keyPassphraseProblem(passphrase, confirm);
			if (!problem) return success(passphrase);
			return invalid(problem.includes('match') ? { confirm: problem } : { passphrase: problem });
		}
	);
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
		if (fresh.ok) await replaceKeyring(desk, this.session.name, fresh.value);
		this.saved = await loadKeyring(desk, this.session.name);
		this.state = vault.unlocked ? 'unlocked' : this.saved.length > 0 ? 'locked' : 'none';
		if (!fresh.ok && this.saved.length === 0) this.creating.problem = fresh.message;
	}

	unlock(): Promise<boolean> {
		return this.unlocking.submit((passphrase) => this.open(passphrase));
	}

	/**
	 * Makes a key pair on this device. The private key is protected with the passphrase here and stored on
	 * the server (so another device can recover it); the public key goes to every device through `network`.
	 */
	create(): Promise<boolean> {
		return this.creating.submit((passphrase) => this.make(passphrase), { what: m.ppl_key_what() });
	}

	lock(): void {
		vault.lock();
		this.state = this.saved.length > 0 ? 'locked' : 'none';
	}

	private async open(passphrase: string): Promise<Result<void>> {
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
		if (opened === 0) return invalid({ passphrase: m.ppl_key_passphrase_wrong() });
		this.state = 'unlocked';
		return success(undefined);
	}

	private async make(passphrase: string): Promise<Result<void>> {
		const pair = await generateCoordinatorKeyPair();
		const protectedKey = await protectPrivateKey(pair.privateKey, pair.keyId, passphrase);
		const stored = await this.api.storeKey(pair.keyId, { publicKey: pair.publicKey, protectedKey });
		if (!stored.ok) return stored;
		const entry: KeyringRow = {
			keyId: pair.keyId,
			owner: this.session.name,
			publicKey: pair.publicKey,
			protectedKey,
			createdAt: nowIso()
		};
		await keepKeyringEntry(this.workspace.desk, entry);
		await this.workspace.writer.save(
			newDoc('coordinatorKey', this.session.name, {
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
		this.state = 'unlocked';
		return success(undefined);
	}
}

/** Reads the inbox from the server (sealed), replacing the copy on this device. */
async function refreshInbox(workspace: Workspace, api: SignupsApi): Promise<Result<void>> {
	const answer = await api.inbox();
	if (!answer.ok) return answer;
	await replaceInbox(workspace.desk, answer.value);
	return success(undefined);
}

/**
 * Brings the inbox copy up to date for the events pages' counts ("as of your last look at the inbox"); a
 * failure (no connection, most often) leaves the last copy's counts and goes to the log.
 */
export async function refreshSignupCounts(workspace: Workspace, api = new SignupsApi()): Promise<void> {
	const answer = await refreshInbox(workspace, api);
	if (!answer.ok) reportProblem('the sign-up counts could not be brought up to date', answer.message);
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
			() => loadInbox(desk),
			[]
		);
		this.eventNames = new Live(
			() => undefined,
			() => loadEventNames(desk),
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
			eventName: this.eventNames.value[row.eventId] ?? m.ppl_signup_event_unknown()
		}));
	}

	/** Equality answers of every opened sign-up, for counts only. */
	get equality(): EqualityAnswers[] {
		return Object.values(this.opened).flatMap((entry) => (typeof entry === 'string' ? [] : [entry.equality]));
	}

	/** Reads the inbox from the server (sealed), replacing the copy on this device. */
	async refresh(): Promise<void> {
		this.refreshing = true;
		const answer = await refreshInbox(this.workspace, this.api);
		this.refreshing = false;
		this.problem = answer.ok ? undefined : answer.message;
		if (answer.ok) this.refreshedAt = nowIso();
	}

	async setStatus(id: string, status: Exclude<SignupStatus, 'new'>, account?: string): Promise<Result<void>> {
		const answer = await this.api.setStatus(id, account ? { status, account } : { status });
		if (!answer.ok) return answer;
		const { statusBy, statusAt } = answer.value;
		await updateInboxStatus(this.workspace.desk, id, {
			status,
			statusBy: statusBy ?? '',
			statusAt: statusAt ?? nowIso(),
			...(account ? { account } : {})
		});
		return success(undefined);
	}

	/** Starts the profile of `member`, who joined from the sign-up `id`, with what they told the event (if opened). */
	async startProfile(id: string, member: string): Promise<void> {
		const opened = this.opened[id];
		if (typeof opened === 'object') await startProfileFromSignup(this.workspace, member, opened.details);
	}

	/** Deletes a sign-up for good, on the server and on this device (already gone from the server is fine). */
	async remove(id: string): Promise<Result<void>> {
		const answer = await this.api.remove(id);
		if (!answer.ok && answer.status !== 404) return answer;
		await removeFromInbox(this.workspace.desk, id);
		return success(undefined);
	}
}

/** What a coordinator's mark says once it is saved. */
const MARKED: Record<Exclude<SignupStatus, 'new'>, () => string> = {
	contacted: m.ppl_signup_marked_contacted,
	joined: m.ppl_signup_marked_joined,
	declined: m.ppl_signup_marked_declined
};

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
	/** Their profile, started from the sign-up once they joined. */
	private readonly profile = new Attempt(m.ppl_signup_profile_what());

	constructor(
		private readonly inbox: SignupInbox,
		private readonly id: () => string
	) {}

	async mark(status: Exclude<SignupStatus, 'new'>, accountName?: string): Promise<boolean> {
		const marked = await this.act(() => this.inbox.setStatus(this.id(), status, accountName));
		if (marked) this.notice = MARKED[status]();
		return marked;
	}

	/** Opens the account form, filled in from the name they gave at the event. */
	startJoining(name: string): void {
		const { form } = this.account;
		form.values = { ...form.values, displayName: name, name: suggestAccountName(name), roles: ['member'] };
		this.joining = true;
	}

	/** Creates their account, then marks the sign-up as joined with it. */
	async createAccount(): Promise<void> {
		const created = await this.account.submit();
		if (!created) return;
		this.joining = false;
		if (!(await this.mark('joined', created.name))) return;
		this.notice = m.ppl_signup_account_created({ name: created.name });
		await this.profile.run(() => this.inbox.startProfile(this.id(), created.name));
		this.problem = this.profile.problem;
	}

	/** Deletes the sign-up for good, here and on the server; answers whether it is gone. */
	remove(): Promise<boolean> {
		return this.act(() => this.inbox.remove(this.id()));
	}

	/** Runs a change to the sign-up, showing why it failed; answers whether it worked. */
	private async act(change: () => Promise<Result<void>>): Promise<boolean> {
		this.busy = true;
		try {
			const answer = await change();
			this.problem = answer.ok ? undefined : answer.message;
			return answer.ok;
		} finally {
			this.busy = false;
		}
	}
}
