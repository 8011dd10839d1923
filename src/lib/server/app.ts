/** The server process's one app: the built app, `/api` and `/db` on one origin, over the store. */
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
import { migrateQiProjects } from './qi-projects';
import { allBackendNames, databaseNames, type GatewayContext } from './context';
import { dbRouter } from './routes/db';
import { jsonErrorHandler } from './http';
import { originCheck, securityHeaders } from './security';
import { SessionStore } from './sessions';
import { staticApp } from './static';
import { messageOf } from './errors';

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
	/** Passphrase of the demo coordinator's sign-up key when it is first made; random (and logged once) if unset. */
	demoKeyPassphrase?: string | undefined;
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

type Log = (message: string) => void;

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

/**
 * Opens the store's databases and the gateway's view of them, seeding the demo network if asked and
 * migrating what an older version stored (qi-projects.ts).
 */
async function openGateway(backend: Backend, options: ServerOptions, log: Log): Promise<GatewayContext> {
	const names = databaseNames(options.databasePrefix);
	for (const name of allBackendNames(names)) {
		await backend.ensureDatabase(name);
	}
	const couch = new CouchClient(backend);
	const accounts = new AccountStore(couch, names.accounts);
	const sessions = new SessionStore(couch, accounts, { db: names.sessions, log });
	const serverId = await loadServerId(couch, names.accounts);
	if (options.seedDemo) {
		await seedDemoNetwork({
			accounts,
			couch,
			networkDb: names.backendName('network'),
			password: options.demoPassword,
			keyPassphrase: options.demoKeyPassphrase,
			log
		});
	}
	await migrateQiProjects(couch, names.backendName('network'), log);
	if (!(await accounts.hasAny())) {
		log(
			'There are no accounts yet. Create the first coordinator with: npm run users -- create <name> --roles coordinator (with the embedded database, stop this server first)'
		);
	}
	return { backend, couch, accounts, sessions, names, serverId, log };
}

/** Purges expired sessions now and then twice a day; answers the timer. */
async function purgeSessions({ sessions, log }: GatewayContext): Promise<NodeJS.Timeout> {
	const purge = () =>
		sessions.purgeExpired().catch((error: unknown) => {
			log(`Could not purge expired sessions: ${messageOf(error)}`);
			return 0;
		});
	await purge();
	const timer = setInterval(() => void purge(), PURGE_INTERVAL_MS);
	timer.unref();
	return timer;
}

/** The app, `/api` and `/db` behind the browser hardening, and an error page that gives nothing away. */
function gatewayApp(ctx: GatewayContext, options: ServerOptions): express.Express {
	const app = express();
	app.disable('x-powered-by');
	app.set('etag', false);
	if (options.trustProxy !== undefined) app.set('trust proxy', options.trustProxy);
	app.use(securityHeaders);
	app.use(originCheck(ctx.log));
	app.use('/api', apiRouter(ctx));
	app.use('/db', dbRouter(ctx));
	app.use(['/api', '/db'], jsonErrorHandler(ctx.log));
	app.use(staticApp(options.buildDir ?? 'build'));
	app.use(lastResort(ctx.log));
	return app;
}

/** Never Express's default error page (it shows stack traces outside production). */
function lastResort(log: Log): express.ErrorRequestHandler {
	return (err: unknown, _req, res, next) => {
		if (res.headersSent) return next(err);
		log(`Error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
		res.status(500).type('text').send('Something went wrong on the server.');
	};
}

function listen(app: express.Express, port: number, host: string): Promise<Server> {
	return new Promise<Server>((resolve, reject) => {
		const server = app.listen(port, host, () => resolve(server));
		server.once('error', reject);
	});
}

/** Stops taking connections, giving requests under way (long polls included) a moment to finish. */
function stopListening(server: Server): Promise<void> {
	return new Promise<void>((resolve) => {
		const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
		server.close(() => {
			clearTimeout(force);
			resolve();
		});
		server.closeIdleConnections();
	});
}

/** Starts the app server and gateway: one process, one origin for the app, `/api` and `/db`. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
	const log = options.log ?? ((message: string) => console.log(message));
	const host = options.host ?? '127.0.0.1';
	await mkdir(options.dataDir, { recursive: true });
	const backend = await createBackend({ dataDir: options.dataDir, couchdbUrl: options.couchdbUrl, log });
	let ctx: GatewayContext | undefined;
	let server: Server | undefined;
	let purgeTimer: NodeJS.Timeout | undefined;

	const close = async () => {
		if (purgeTimer) clearInterval(purgeTimer);
		if (server) await stopListening(server);
		await ctx?.sessions.flush();
		await backend.close();
	};

	try {
		ctx = await openGateway(backend, options, log);
		purgeTimer = await purgeSessions(ctx);
		server = await listen(gatewayApp(ctx, options), options.port, host);
		const { port } = server.address() as AddressInfo;
		const { couch, names, accounts, sessions } = ctx;
		return { url: displayUrl(host, port), close, internals: { couch, names, accounts, sessions } };
	} catch (error) {
		// The failure to start is what the caller hears about; one to stop what had started is logged.
		await close().catch((closeError: unknown) =>
			log(`Could not stop after a failed start: ${messageOf(closeError)}`)
		);
		throw error;
	}
}
