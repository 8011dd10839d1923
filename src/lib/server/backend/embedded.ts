import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join, resolve as resolvePath } from 'node:path';
import express from 'express';
import type { RequestHandler } from 'express';
import PouchDB from 'pouchdb-node';
import type { Backend } from './types';

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

export const BACKEND_SECRET_HEADER = 'x-coproduce-backend-secret';

/**
 * Whether an error is LevelDB refusing to open a database another process holds (LevelDB is
 * single-process). levelup raises it outside any promise, so callers catch it as an uncaught exception.
 */
export function isLockError(error: unknown): boolean {
	return error instanceof Error && /IO error: lock .*LOCK/i.test(error.message);
}

type DatabaseHandle = PouchDB.Database;

/**
 * The default backend: express-pouchdb over LevelDB files in `dataDir`, listening on 127.0.0.1 on a random
 * port, answering only requests that carry this process's random secret header.
 *
 * - Only express-pouchdb's `minimumForPouchDB` mode is used: its full mode lets anyone create server admins
 *   and write config (pouchdb-server issues #407/#415). Nothing is written to the working directory.
 * - Databases are created through the PouchDB API (`ensureDatabase`), never with `PUT /<db>`, which crashes
 *   express-pouchdb 4.2 when not made by an admin. `PouchDB.allDbs` is ours: it lists exactly the
 *   databases this process created or opened, so express-pouchdb answers 404 for any other name and the
 *   `pouchdb-all-dbs` plugin (a global 'created' listener and an extra database) is never installed.
 */
export async function embeddedBackend(dataDir: string): Promise<Backend> {
	const directory = resolvePath(dataDir);
	await mkdir(directory, { recursive: true });

	const known = new Set<string>();
	const opened = new Map<string, DatabaseHandle>();
	const Pouch = PouchDB.defaults({ prefix: directory + '/' }) as unknown as PouchDB.Static;
	Object.assign(Pouch, { allDbs: () => Promise.resolve([...known]) });

	const pouchApp = expressPouchDB({
		mode: 'minimumForPouchDB',
		inMemoryConfig: true,
		configPath: join(directory, 'express-pouchdb-config.json'),
		logPath: join(directory, 'express-pouchdb.log')
	});
	await pouchApp.setPouchDB(Pouch);

	const secret = randomBytes(32).toString('hex');
	const secretBytes = new TextEncoder().encode(secret);
	const app = express();
	app.disable('x-powered-by');
	app.use((req, res, next) => {
		const given = new TextEncoder().encode(req.get(BACKEND_SECRET_HEADER) ?? '');
		if (given.length !== secretBytes.length || !timingSafeEqual(given, secretBytes)) {
			res.status(401).json({ error: 'unauthorized', reason: 'Not for you' });
			return;
		}
		next();
	});
	app.use(pouchApp);

	const server = await new Promise<Server>((resolve, reject) => {
		const s = app.listen(0, '127.0.0.1', () => resolve(s));
		s.once('error', reject);
	});
	const { port } = server.address() as AddressInfo;

	return {
		url: `http://127.0.0.1:${port}`,
		headers: { [BACKEND_SECRET_HEADER]: secret },
		kind: 'embedded',
		async ensureDatabase(name) {
			if (opened.has(name)) return;
			const db = new Pouch(name);
			await db.info();
			opened.set(name, db);
			known.add(name);
		},
		async close() {
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
			// express-pouchdb keeps its own handle per database; both share one LevelDB store per name.
			const cache = (Pouch as unknown as { __dbCacheMap?: Map<string, DatabaseHandle> }).__dbCacheMap;
			const handles = [...opened.values(), ...(cache ? [...cache.values()] : [])];
			cache?.clear();
			opened.clear();
			for (const db of handles) {
				// The second handle on a store finds it closed already: that is fine.
				await db.close().catch(() => undefined);
			}
		}
	};
}
