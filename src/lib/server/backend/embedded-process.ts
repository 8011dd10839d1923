/**
 * The embedded database in a process of its own, started by embedded.ts with `child_process.fork`: PouchDB
 * can throw outside any promise (a poisoned revision history read by the changes feed), and then only this
 * process dies; the server logs it and starts another.
 *
 * - express-pouchdb over LevelDB in the given directory, on 127.0.0.1 and a random port, answering only
 *   requests that carry the server's secret header. Only its `minimumForPouchDB` mode is used: the full mode
 *   lets anyone create server admins and write config (pouchdb-server issues #407/#415).
 * - Databases are opened through the PouchDB API, never with `PUT /<db>` (it crashes express-pouchdb 4.2
 *   when not made by an admin). `PouchDB.allDbs` is ours: it lists exactly the databases opened here, so
 *   express-pouchdb answers 404 for any other name and never installs `pouchdb-all-dbs`.
 * - Each database opened is scanned for poisoned documents (store-check.ts) and they are reported, so the
 *   server can say what to repair; the database is served all the same.
 * - It exits when the server says `close`, or when the IPC channel closes (the server is gone). It ignores
 *   SIGINT and SIGTERM, which a terminal or service manager sends to the server too: the server stops it
 *   once it has finished with it.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import express from 'express';
import type { RequestHandler } from 'express';
import PouchDB from 'pouchdb-node';
import { BACKEND_SECRET_HEADER, isMessage, type FromStore, type ToStore } from './embedded-protocol';
import { findPoisonedIds, type PoisonedDatabase } from './store-check';
import { messageOf } from '../errors';

const require = createRequire(import.meta.url);

/** The parts of express-pouchdb 4.2 this module uses (the package ships no types). */
interface ExpressPouchApp extends RequestHandler {
	setPouchDB(pouch: PouchDB.Static): Promise<void>;
}
type ExpressPouchFactory = (options: {
	mode: 'minimumForPouchDB';
	inMemoryConfig: boolean;
	configPath: string;
	logPath: string;
}) => ExpressPouchApp;

const expressPouchDB = require('express-pouchdb') as ExpressPouchFactory;

interface Store {
	Pouch: PouchDB.Static;
	opened: Map<string, PouchDB.Database>;
	server?: Server;
}

let store: Store | undefined;
let exiting = false;

function send(message: FromStore): Promise<void> {
	return new Promise((resolve) => {
		if (!process.send || !process.connected) {
			resolve();
			return;
		}
		process.send(message, undefined, {}, () => resolve());
	});
}

/** One line for the server's log: the message and where it was thrown. */
function describe(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	const where = error.stack
		?.split('\n')
		.find((line) => line.trim().startsWith('at '))
		?.trim();
	return `${error.name}: ${error.message}${where ? ` ${where}` : ''}`;
}

/**
 * Whether closing a handle failed only because its store is closed already: the second handle on a store
 * (ours and express-pouchdb's) finds it so, which is the expected end.
 */
function closedAlready(error: unknown): boolean {
	const { status, message } = (error ?? {}) as { status?: unknown; message?: unknown };
	return status === 412 || message === 'database is closed';
}

async function fail(error: unknown): Promise<void> {
	if (exiting) return;
	exiting = true;
	const message = describe(error);
	if (process.connected) await send({ type: 'fatal', message });
	else process.stderr.write(`The embedded database stopped: ${message}\n`);
	process.exit(1);
}

function secretGuard(secret: string): RequestHandler {
	const secretBytes = new TextEncoder().encode(secret);
	return (req, res, next) => {
		const given = new TextEncoder().encode(req.get(BACKEND_SECRET_HEADER) ?? '');
		if (given.length !== secretBytes.length || !timingSafeEqual(given, secretBytes)) {
			res.status(401).json({ error: 'unauthorized', reason: 'Not for you' });
			return;
		}
		next();
	};
}

/** Opens (creating if need be) one database and lists its poisoned documents. */
async function open(target: Store, name: string): Promise<string[]> {
	const db = target.opened.get(name) ?? new target.Pouch(name);
	await db.info();
	target.opened.set(name, db);
	return findPoisonedIds(db);
}

async function listen(app: express.Express): Promise<Server> {
	return new Promise<Server>((resolve, reject) => {
		const server = app.listen(0, '127.0.0.1', () => resolve(server));
		server.once('error', reject);
	});
}

async function start(directory: string, secret: string, databases: string[]): Promise<void> {
	const opened = new Map<string, PouchDB.Database>();
	const Pouch = PouchDB.defaults({ prefix: directory + '/' }) as unknown as PouchDB.Static;
	Object.assign(Pouch, { allDbs: () => Promise.resolve([...opened.keys()]) });

	const pouchApp = expressPouchDB({
		mode: 'minimumForPouchDB',
		inMemoryConfig: true,
		configPath: join(directory, 'express-pouchdb-config.json'),
		logPath: join(directory, 'express-pouchdb.log')
	});
	await pouchApp.setPouchDB(Pouch);

	const app = express();
	app.disable('x-powered-by');
	app.use(secretGuard(secret));
	app.use(pouchApp);

	const opening: Store = { Pouch, opened };
	const poisoned: PoisonedDatabase[] = [];
	for (const name of databases) {
		const ids = await open(opening, name);
		if (ids.length > 0) poisoned.push({ database: name, ids });
	}
	const server = await listen(app);
	store = { ...opening, server };
	await send({ type: 'ready', port: (server.address() as AddressInfo).port, poisoned });
}

async function ensure(id: number, name: string): Promise<void> {
	if (!store) throw new Error('ensure before start');
	try {
		await send({ type: 'ensured', id, poisoned: await open(store, name) });
	} catch (error) {
		await send({ type: 'refused', id, message: messageOf(error) });
	}
}

/** Stops serving and closes every database, then exits. */
async function close(): Promise<void> {
	if (exiting) return;
	exiting = true;
	if (store) {
		const { server, Pouch, opened } = store;
		if (server) {
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		}
		// express-pouchdb keeps its own handle per database; both share one LevelDB store per name.
		const cache = (Pouch as unknown as { __dbCacheMap?: Map<string, PouchDB.Database> }).__dbCacheMap;
		const handles = [...opened.values(), ...(cache ? [...cache.values()] : [])];
		for (const db of handles) {
			await db.close().catch((error: unknown) => {
				if (!closedAlready(error)) process.stderr.write(`Could not close a database: ${describe(error)}\n`);
			});
		}
	}
	process.exit(0);
}

async function handle(message: unknown): Promise<void> {
	if (!isMessage<ToStore>(message)) return;
	if (message.type === 'start') await start(message.directory, message.secret, message.databases);
	else if (message.type === 'ensure') await ensure(message.id, message.name);
	else await close();
}

if (!process.send) {
	process.stderr.write('This is the embedded database process: the Coproduce server starts it.\n');
	process.exit(2);
}
process.on('uncaughtException', (error) => void fail(error));
process.on('unhandledRejection', (reason) => void fail(reason));
process.on('message', (message) => void handle(message).catch(fail));
process.on('disconnect', () => void close().catch(fail));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		// Sent to the whole process group: the server decides when this process stops.
	});
}
