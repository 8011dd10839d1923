/**
 * The gateway tests' set-up: one gateway for a test file, over one of the test stores, started with the
 * demo network before the file's tests and stopped (its data removed) after them, with the helpers the
 * gateway tests share; and, for tests of the gateway's parts, a fresh directory or an embedded store.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PouchDB from 'pouchdb-node';
import { afterAll, beforeAll, expect } from 'vitest';
import { startServer, type RunningServer, type ServerOptions } from '../../src/lib/server/app';
import type { Backend } from '../../src/lib/server/backend';
import { embeddedBackend } from '../../src/lib/server/backend/embedded';
import { CouchClient } from '../../src/lib/server/couch';
import { backendOptions, dropTestDatabases, type BackendKind } from './test-backends';

/** The demo accounts' password in gateway tests. */
export const PASSWORD = 'test-demo-password';

export type Json = Record<string, unknown>;

export type DemoAccount = 'member' | 'coordinator' | 'chair' | 'recruiter' | 'staff';

/** The `name=value` of a session cookie, checked for its shape. */
export function cookieOf(res: Response): string {
	const header = res.headers.get('set-cookie') ?? '';
	const pair = header.split(';')[0] ?? '';
	expect(pair).toMatch(/^coproduce_session=[A-Za-z0-9_-]{43}$/);
	return pair;
}

/** A request to the gateway: `cookie` is sent as the session cookie, `json` as the body. */
export type GatewayRequest = RequestInit & { cookie?: string | undefined; json?: unknown };

export interface TestGateway {
	kind: BackendKind;
	/** Set once the gateway has started (in `beforeAll`). */
	options: ServerOptions;
	server: RunningServer;
	base: string;
	/** What the server has logged. */
	logs: string[];
	/** Session cookies of the demo accounts signed in at start (`signIn`); '' for the others. */
	cookies: Record<DemoAccount, string>;
	request(path: string, init?: GatewayRequest): Promise<Response>;
	signIn(name: string, password?: string): Promise<string>;
	/** PouchDB's http adapter on the gateway, sending the session cookie with every request. */
	remote(cookie: string, name?: string): PouchDB.Database;
	/** A device's database. */
	local(name: string): PouchDB.Database;
	replicate(
		source: PouchDB.Database,
		target: PouchDB.Database
	): Promise<{ result: PouchDB.Replication.ReplicationResultComplete<object>; denied: Json[] }>;
	/** Stops the server and starts it again on the same store. */
	restart(options?: Partial<ServerOptions>): Promise<void>;
}

export interface TestGatewayOptions {
	/** The demo accounts signed in at start; member and coordinator unless given. */
	signIn?: readonly DemoAccount[];
	/** Server options over the tests' own; a function is first given the work directory (to write a build). */
	server?: Partial<ServerOptions> | ((workDir: string) => Promise<Partial<ServerOptions>>);
}

/** A fresh directory for the calling file's tests (`dir.path`, set in `beforeAll`), removed after them. */
export function useTempDir(name: string): { path: string } {
	const dir = { path: '' };
	beforeAll(async () => {
		dir.path = await mkdtemp(join(tmpdir(), `coproduce-${name}-test-`));
	});
	afterAll(async () => {
		if (dir.path) await rm(dir.path, { recursive: true, force: true });
	});
	return dir;
}

/** The embedded store in a fresh directory for the calling file's tests, holding `databases`. */
export function useEmbeddedStore(
	name: string,
	databases: readonly string[]
): { backend: Backend; couch: CouchClient } {
	const dir = useTempDir(name);
	const store = {} as { backend: Backend; couch: CouchClient };
	beforeAll(async () => {
		store.backend = await embeddedBackend(dir.path);
		for (const db of databases) await store.backend.ensureDatabase(db);
		store.couch = new CouchClient(store.backend);
	});
	afterAll(async () => {
		await store.backend?.close();
	});
	return store;
}

/** `const gateway = useTestGateway(kind, 'sessions')` in a `describe`: its server runs for that block's tests. */
export function useTestGateway(
	kind: BackendKind,
	name: string,
	{ signIn = ['member', 'coordinator'], server = {} }: TestGatewayOptions = {}
): TestGateway {
	const workDir = useTempDir(name);
	const openedDbs: PouchDB.Database[] = [];

	const gateway: TestGateway = {
		kind,
		options: undefined as unknown as ServerOptions,
		server: undefined as unknown as RunningServer,
		base: '',
		logs: [],
		cookies: { member: '', coordinator: '', chair: '', recruiter: '', staff: '' },

		request(path, { cookie, json, ...init } = {}) {
			const headers = new Headers(init.headers);
			if (cookie) headers.set('cookie', cookie);
			const body = json === undefined ? init.body : JSON.stringify(json);
			if (typeof body === 'string' && !headers.has('content-type')) {
				headers.set('content-type', 'application/json');
			}
			return fetch(gateway.base + path, { ...init, headers, body });
		},

		async signIn(name, password = PASSWORD) {
			const res = await gateway.request('/api/session', { method: 'POST', json: { name, password } });
			expect(res.status, `${name} signs in`).toBe(200);
			return cookieOf(res);
		},

		remote(cookie, name = 'network') {
			const db = new PouchDB(`${gateway.base}/db/${name}`, {
				skip_setup: true,
				fetch: async (url, opts) => {
					const headers = new Headers(opts?.headers);
					headers.set('cookie', cookie);
					const response = await fetch(url, { ...opts, headers });
					// PouchDB in Node reads an attachment with node-fetch's `buffer()`, else as a Blob its store cannot keep.
					return Object.assign(response, {
						buffer: async () => Buffer.from(await response.arrayBuffer())
					});
				}
			});
			openedDbs.push(db);
			return db;
		},

		local(name) {
			const db = new PouchDB(join(workDir.path, 'client-' + name));
			openedDbs.push(db);
			return db;
		},

		async replicate(source, target) {
			const denied: Json[] = [];
			const replication = PouchDB.replicate(source, target);
			void replication.on('denied', (error) => denied.push(error as Json));
			const result = await replication;
			return { result, denied };
		},

		async restart(options = {}) {
			await gateway.server.close();
			gateway.server = await startServer({ ...gateway.options, ...options });
			gateway.base = gateway.server.url;
		}
	};

	beforeAll(async () => {
		gateway.options = {
			port: 0,
			dataDir: join(workDir.path, 'data'),
			seedDemo: true,
			demoPassword: PASSWORD,
			buildDir: join(workDir.path, 'no-build-here'),
			log: (message) => gateway.logs.push(message),
			...backendOptions(kind),
			...(typeof server === 'function' ? await server(workDir.path) : server)
		};
		gateway.server = await startServer(gateway.options);
		gateway.base = gateway.server.url;
		for (const account of signIn) gateway.cookies[account] = await gateway.signIn(account);
	});

	afterAll(async () => {
		// A test may have closed or destroyed a database already: closing it again fails, and that is fine.
		for (const db of openedDbs) await db.close().catch(() => undefined);
		await gateway.server?.close();
		if (gateway.options) await dropTestDatabases(gateway.options);
	});

	return gateway;
}
