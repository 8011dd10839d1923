// Bundled by `pouch-in-page.ts` for tests and benchmarks: the same PouchDB build the app uses, as a global.
import PouchDB from 'pouchdb-browser';

(globalThis as unknown as { __testPouchDB: typeof PouchDB }).__testPouchDB = PouchDB;
