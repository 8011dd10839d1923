/**
 * The default backend: express-pouchdb over LevelDB files in `dataDir`, run in a process of its own
 * (embedded-process.ts) that this module starts, watches and starts again, so that PouchDB throwing outside
 * any promise can no longer take the server down.
 *
 * - The store listens on 127.0.0.1 on a random port and answers only requests carrying this server's random
 *   secret header; `url` follows it to a new port after a restart. The secret goes over IPC, never argv.
 * - `ensureDatabase` asks the store process to open the database with the PouchDB API (never `PUT /<db>`).
 *   A restarted store opens every database ensured so far before it answers requests.
 * - When the store process dies, one line is logged and it is started again after 0.5 s, doubling up to
 *   30 s while it keeps dying, back to 0.5 s once it has stayed up a minute. Meanwhile `url` points at port
 *   0, so requests fail to connect (the gateway answers 502) rather than reach whatever took the old port.
 * - Poisoned documents found when a database is opened (store-check.ts) are logged, one line per database.
 * - The store process exits when the server closes the backend or exits (its IPC channel closes).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BACKEND_SECRET_HEADER, isMessage, type FromStore, type ToStore } from './embedded-protocol';
import { poisonedWarning, type PoisonedDatabase } from './store-check';
import type { Backend } from './types';
import { messageOf } from '../errors';

export { BACKEND_SECRET_HEADER } from './embedded-protocol';

/**
 * Whether an error is LevelDB refusing to open a database another process holds (LevelDB is
 * single-process). The store process reports it with its message, which this recognises.
 */
export function isLockError(error: unknown): boolean {
	return error instanceof Error && /IO error: lock .*LOCK/i.test(error.message);
}

export interface EmbeddedOptions {
	/** Where the store process stopping and poisoned documents are reported, a line each (console.error). */
	log?: (message: string) => void;
}

const ENTRY = fileURLToPath(new URL('./embedded-process.ts', import.meta.url));
/** tsx by absolute URL: `--import tsx` would resolve from the working directory, which may be elsewhere. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

const FIRST_RESTART_MS = 500;
const MAX_RESTART_MS = 30_000;
const STABLE_MS = 60_000;
const STOP_GRACE_MS = 10_000;

type StartMessage = Extract<ToStore, { type: 'start' }>;
type Ready = Extract<FromStore, { type: 'ready' }>;
interface Answer {
	resolve(poisoned: string[]): void;
	reject(error: Error): void;
}

/** One store process: its IPC requests, its readiness and its end. */
class StoreProcess {
	/** Resolves when it has opened its databases and listens; rejects with its last words if it dies first. */
	readonly ready: Promise<Ready>;
	/** Resolves, once it has exited, with why it stopped. */
	readonly exited: Promise<string>;
	private readonly child: ChildProcess;
	private readonly answers = new Map<number, Answer>();
	private nextId = 1;
	private lastWords: string | undefined;

	constructor(start: StartMessage) {
		this.child = fork(ENTRY, [], {
			execArgv: ['--import', TSX_LOADER],
			stdio: ['ignore', 'inherit', 'inherit', 'ipc']
		});
		this.exited = new Promise((resolve) => {
			const finish = (reason: string) => {
				for (const answer of this.answers.values()) answer.reject(new Error(reason));
				this.answers.clear();
				resolve(reason);
			};
			this.child.once('exit', (code, signal) =>
				finish(this.lastWords ?? (signal ? `stopped by ${signal}` : `exit code ${code}`))
			);
			this.child.on('error', (error) => {
				this.lastWords ??= error.message;
				// A process that could not be started never emits 'exit'.
				if (this.child.pid === undefined) finish(error.message);
			});
		});
		this.ready = new Promise((resolve, reject) => {
			this.child.on('message', (message) => {
				if (isMessage<FromStore>(message)) this.receive(message, resolve);
			});
			void this.exited.then((reason) => reject(new Error(reason)));
		});
		this.post(start);
	}

	ensure(name: string): Promise<string[]> {
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			this.answers.set(id, { resolve, reject });
			this.post({ type: 'ensure', id, name });
		});
	}

	/** Asks it to close its databases and exit; kills it if it has not within STOP_GRACE_MS. */
	async stop(): Promise<void> {
		if (this.child.exitCode !== null || this.child.signalCode !== null) return;
		if (this.child.connected) this.post({ type: 'close' });
		const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_GRACE_MS);
		await this.exited;
		clearTimeout(timer);
	}

	private post(message: ToStore): void {
		this.child.send(message, (error) => {
			// The channel is closing: the process is exiting, and `exited` says why.
			if (error) this.lastWords ??= `could not talk to it: ${error.message}`;
		});
	}

	private receive(message: FromStore, ready: (ready: Ready) => void): void {
		if (message.type === 'ready') {
			ready(message);
		} else if (message.type === 'fatal') {
			this.lastWords = message.message;
		} else {
			const answer = this.answers.get(message.id);
			this.answers.delete(message.id);
			if (message.type === 'ensured') answer?.resolve(message.poisoned);
			else answer?.reject(new Error(message.message));
		}
	}
}

/** Keeps one store process running until closed, and knows where it listens. */
class Supervisor {
	private current: StoreProcess | undefined;
	private starting: StoreProcess | undefined;
	private port = 0;
	private delay = FIRST_RESTART_MS;
	private timer: NodeJS.Timeout | undefined;
	private closed = false;
	private readonly ensured = new Set<string>();
	/** Callers of `ensure` waiting for a store process between two. */
	private waiters: { resume(): void; reject(error: Error): void }[] = [];

	constructor(
		private readonly directory: string,
		private readonly secret: string,
		private readonly log: (message: string) => void
	) {}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** The first start: its failure (a lock held by another process, say) reaches the caller. */
	async start(): Promise<void> {
		const store = new StoreProcess(this.startMessage());
		this.adopt(store, await store.ready);
	}

	async ensure(name: string): Promise<void> {
		if (this.ensured.has(name)) return;
		const store = await this.running();
		const poisoned = await store.ensure(name);
		this.ensured.add(name);
		if (poisoned.length > 0) this.log(poisonedWarning({ database: name, ids: poisoned }));
	}

	async close(): Promise<void> {
		this.closed = true;
		clearTimeout(this.timer);
		for (const waiter of this.waiters.splice(0)) waiter.reject(new Error('The embedded database is closed'));
		const stores = [this.current, this.starting].filter((store) => store !== undefined);
		await Promise.all(stores.map((store) => store.stop()));
	}

	private startMessage(): StartMessage {
		return { type: 'start', directory: this.directory, secret: this.secret, databases: [...this.ensured] };
	}

	private running(): Promise<StoreProcess> {
		if (this.closed) return Promise.reject(new Error('The embedded database is closed'));
		if (this.current) return Promise.resolve(this.current);
		return new Promise((resolve, reject) => {
			this.waiters.push({ resume: () => resolve(this.running()), reject });
		});
	}

	private adopt(store: StoreProcess, ready: Ready): void {
		this.current = store;
		this.port = ready.port;
		this.report(ready.poisoned);
		const since = Date.now();
		void store.exited.then((reason) => this.onExit(store, reason, since));
		for (const waiter of this.waiters.splice(0)) waiter.resume();
	}

	private report(poisoned: PoisonedDatabase[]): void {
		for (const database of poisoned) this.log(poisonedWarning(database));
	}

	private onExit(store: StoreProcess, reason: string, since: number): void {
		if (this.current !== store) return;
		this.current = undefined;
		this.port = 0;
		if (this.closed) return;
		if (Date.now() - since >= STABLE_MS) this.delay = FIRST_RESTART_MS;
		this.log(`The embedded database process stopped (${reason}); starting it again in ${this.wait()}.`);
	}

	/** Schedules the next start and says in how long, doubling the delay for the one after. */
	private wait(): string {
		const delay = this.delay;
		this.delay = Math.min(delay * 2, MAX_RESTART_MS);
		this.timer = setTimeout(() => void this.restart(), delay);
		return `${delay / 1000} s`;
	}

	private async restart(): Promise<void> {
		if (this.closed) return;
		const store = new StoreProcess(this.startMessage());
		this.starting = store;
		try {
			const ready = await store.ready;
			if (this.closed) return;
			this.adopt(store, ready);
			this.log('The embedded database process is running again.');
		} catch (error) {
			if (this.closed) return;
			this.log(
				`The embedded database process did not start (${messageOf(error)}); trying again in ${this.wait()}.`
			);
		} finally {
			this.starting = undefined;
		}
	}
}

export async function embeddedBackend(dataDir: string, options: EmbeddedOptions = {}): Promise<Backend> {
	const directory = resolvePath(dataDir);
	await mkdir(directory, { recursive: true });
	const secret = randomBytes(32).toString('hex');
	const supervisor = new Supervisor(directory, secret, options.log ?? ((message) => console.error(message)));
	await supervisor.start();
	return {
		get url() {
			return supervisor.url;
		},
		headers: { [BACKEND_SECRET_HEADER]: secret },
		kind: 'embedded',
		ensureDatabase: (name) => supervisor.ensure(name),
		close: () => supervisor.close()
	};
}
