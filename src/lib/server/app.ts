import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { AccountStore } from './accounts';
import { createBackend, type Backend } from './backend';
import { CouchClient } from './couch';
import { apiRouter } from './routes/api';
import { seedDemoNetwork } from './demo/network';
import { allBackendNames, databaseNames, type GatewayContext } from './context';
import { dbRouter } from './routes/db';
import { jsonErrorHandler } from './http';
import { originCheck, securityHeaders } from './security';
import { SessionStore } from './sessions';
import { staticApp } from './static';

export interface ServerOptions {
	/** 0 picks a free port. */
	port: number;
	/** Interface to listen on; default 127.0.0.1 (main.ts uses HOST, else 0.0.0.0). */
	host?: string;
	/** Where the embedded database keeps its files (created if missing). */
	dataDir: string;
	/** Use this CouchDB instead of the embedded database, e.g. http://admin:pw@127.0.0.1:5984. */
	couchdbUrl?: string | undefined;
	/** Password of the demo accounts when they are first created; random (and logged once) if unset. */
	demoPassword?: string | undefined;
	/** Create the demo network if there are no accounts yet. */
	seedDemo: boolean;
	/** adapter-static output; default `build`. */
	buildDir?: string;
	/** The proxies' addresses (`parseTrustProxy`): only their X-Forwarded-Proto/-For are believed. */
	trustProxy?: string | undefined;
	/** Prefix for every backend database name, so several servers (tests) can share one CouchDB. */
	databasePrefix?: string;
	log?: (message: string) => void;
}

export interface RunningServer {
	url: string;
	close(): Promise<void>;
	/** The gateway's own view of its store, for tests and tools in the same process. Never exposed over HTTP. */
	internals: Pick<GatewayContext, 'couch' | 'names' | 'accounts' | 'sessions'>;
}

const SERVER_META_ID = 'meta:server';
const PURGE_INTERVAL_MS = 12 * 60 * 60 * 1000;
/** How long in-flight requests (long polls included) get to finish when the server stops. */
const CLOSE_GRACE_MS = 1_000;

/** The uuid `/db/` reports: created once, kept with the accounts so it is stable across restarts. */
async function loadServerId(couch: CouchClient, accountsDb: string): Promise<string> {
	const existing = await couch.get<{ _id: string; uuid?: unknown }>(accountsDb, SERVER_META_ID);
	if (typeof existing?.uuid === 'string') return existing.uuid;
	const uuid = randomUUID().replaceAll('-', '');
	// `type` matches the id's prefix, as CouchDB's validate_doc_update requires of every document.
	const rev = await couch.put(accountsDb, { _id: SERVER_META_ID, type: 'meta', uuid });
	if (rev) return uuid;
	const raced = await couch.get<{ _id: string; uuid?: unknown }>(accountsDb, SERVER_META_ID);
	if (typeof raced?.uuid !== 'string') throw new Error('Could not store the server id');
	return raced.uuid;
}

function displayUrl(host: string, port: number): string {
	const name = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
	return `http://${name}:${port}`;
}

/** Starts the app server and gateway: one process, one origin for the app, `/api` and `/db`. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
	const log = options.log ?? ((message: string) => console.log(message));
	const host = options.host ?? '127.0.0.1';
	const names = databaseNames(options.databasePrefix);

	await mkdir(options.dataDir, { recursive: true });
	const backend: Backend = await createBackend({
		dataDir: options.dataDir,
		couchdbUrl: options.couchdbUrl,
		log
	});
	let server: Server | undefined;
	let purgeTimer: NodeJS.Timeout | undefined;
	let sessions: SessionStore | undefined;

	const close = async () => {
		if (purgeTimer) clearInterval(purgeTimer);
		if (server) {
			const s = server;
			await new Promise<void>((resolve) => {
				const force = setTimeout(() => s.closeAllConnections(), CLOSE_GRACE_MS);
				s.close(() => {
					clearTimeout(force);
					resolve();
				});
				s.closeIdleConnections();
			});
		}
		await sessions?.flush();
		await backend.close();
	};

	try {
		for (const name of allBackendNames(names)) {
			await backend.ensureDatabase(name);
		}
		const couch = new CouchClient(backend);
		const accounts = new AccountStore(couch, names.accounts);
		sessions = new SessionStore(couch, accounts, { db: names.sessions, log });
		const serverId = await loadServerId(couch, names.accounts);

		if (options.seedDemo) {
			await seedDemoNetwork({
				accounts,
				couch,
				networkDb: names.backendName('network'),
				password: options.demoPassword,
				log
			});
		}
		if (!(await accounts.hasAny())) {
			log(
				'There are no accounts yet. Create the first coordinator with: npm run users -- create <name> --roles coordinator (with the embedded database, stop this server first)'
			);
		}
		const store = sessions;
		const purge = () =>
			store.purgeExpired().catch((error: unknown) => {
				log(`Could not purge expired sessions: ${error instanceof Error ? error.message : String(error)}`);
				return 0;
			});
		await purge();
		purgeTimer = setInterval(() => void purge(), PURGE_INTERVAL_MS);
		purgeTimer.unref();

		const ctx: GatewayContext = { backend, couch, accounts, sessions, names, serverId, log };
		const app = express();
		app.disable('x-powered-by');
		app.set('etag', false);
		if (options.trustProxy !== undefined) app.set('trust proxy', options.trustProxy);
		app.use(securityHeaders);
		app.use(originCheck(log));
		app.use('/api', apiRouter(ctx));
		app.use('/db', dbRouter(ctx));
		app.use(['/api', '/db'], jsonErrorHandler(log));
		app.use(staticApp(options.buildDir ?? 'build'));
		// Never Express's default error page (it shows stack traces outside production).
		app.use((err: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
			if (res.headersSent) return next(err);
			log(`Error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
			res.status(500).type('text').send('Something went wrong on the server.');
		});

		server = await new Promise<Server>((resolve, reject) => {
			const s = app.listen(options.port, host, () => resolve(s));
			s.once('error', reject);
		});
		const { port } = server.address() as AddressInfo;
		return { url: displayUrl(host, port), close, internals: { couch, names, accounts, sessions } };
	} catch (error) {
		await close().catch(() => undefined);
		throw error;
	}
}
