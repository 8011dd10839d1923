/**
 * One gateway for a test file, over one of the test stores: started with the demo network before the
 * file's tests and stopped (its data removed) after them, with the helpers the gateway tests share.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PouchDB from 'pouchdb-node';
import { afterAll, beforeAll, expect } from 'vitest';
import { startServer, type RunningServer, type ServerOptions } from '../../src/lib/server/app';
import { backendOptions, dropTestDatabases, type BackendKind } from './test-backends';

/** The demo accounts' password in gateway tests. */
export const PASSWORD = 'test-demo-password';

export type Json = Record<string, unknown>;

/** The `name=value` of a session cookie, checked for its shape. */
export function cookieOf(res: Response): string {
	const header = res.headers.get('set-cookie') ?? '';
	const pair = header.split(';')[0] ?? '';
	expect(pair).toMatch(/^coproduce_session=[A-Za-z0-9_-]{43}$/);
	return pair;
}

export interface TestGateway {
	kind: BackendKind;
	/** Set once the gateway has started (in `beforeAll`). */
	options: ServerOptions;
	server: RunningServer;
	base: string;
	/** What the server has logged. */
	logs: string[];
	/** Session cookies of the demo accounts `member` and `coordinator` (signed in at start), and `chair`. */
	cookies: { member: string; coordinator: string; chair: string };
	request(path: string, init?: RequestInit & { cookie?: string }): Promise<Response>;
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

/** `const gateway = useTestGateway(kind, 'sessions')` in a `describe`: its server runs for that block's tests. */
export function useTestGateway(kind: BackendKind, name: string): TestGateway {
	let workDir = '';
	const openedDbs: PouchDB.Database[] = [];

	const gateway: TestGateway = {
		kind,
		options: undefined as unknown as ServerOptions,
		server: undefined as unknown as RunningServer,
		base: '',
		logs: [],
		cookies: { member: '', coordinator: '', chair: '' },

		request(path, init = {}) {
			const headers = new Headers(init.headers);
			if (init.cookie) headers.set('cookie', init.cookie);
			if (typeof init.body === 'string' && !headers.has('content-type')) {
				headers.set('content-type', 'application/json');
			}
			return fetch(gateway.base + path, { ...init, headers });
		},

		async signIn(name, password = PASSWORD) {
			const res = await gateway.request('/api/session', {
				method: 'POST',
				body: JSON.stringify({ name, password })
			});
			expect(res.status).toBe(200);
			return cookieOf(res);
		},

		remote(cookie, name = 'network') {
			const db = new PouchDB(`${gateway.base}/db/${name}`, {
				skip_setup: true,
				fetch: (url, opts) => {
					const headers = new Headers(opts?.headers);
					headers.set('cookie', cookie);
					return fetch(url, { ...opts, headers });
				}
			});
			openedDbs.push(db);
			return db;
		},

		local(name) {
			const db = new PouchDB(join(workDir, 'client-' + name));
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
		workDir = await mkdtemp(join(tmpdir(), `coproduce-${name}-test-`));
		gateway.options = {
			port: 0,
			dataDir: join(workDir, 'data'),
			seedDemo: true,
			demoPassword: PASSWORD,
			buildDir: join(workDir, 'no-build-here'),
			log: (message) => gateway.logs.push(message),
			...backendOptions(kind)
		};
		gateway.server = await startServer(gateway.options);
		gateway.base = gateway.server.url;
		gateway.cookies.member = await gateway.signIn('member');
		gateway.cookies.coordinator = await gateway.signIn('coordinator');
	});

	afterAll(async () => {
		for (const db of openedDbs) await db.close().catch(() => undefined);
		await gateway.server?.close();
		if (gateway.options) await dropTestDatabases(gateway.options);
		if (workDir) await rm(workDir, { recursive: true, force: true });
	});

	return gateway;
}
