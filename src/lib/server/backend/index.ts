import { couchdbBackend } from './couchdb';
import { embeddedBackend } from './embedded';
import type { Backend } from './types';

export type { Backend } from './types';

export function createBackend(options: {
	dataDir: string;
	couchdbUrl?: string | undefined;
	/** Where the embedded store reports its process stopping and poisoned documents (console.error). */
	log?: ((message: string) => void) | undefined;
}): Promise<Backend> {
	return options.couchdbUrl
		? couchdbBackend(options.couchdbUrl)
		: embeddedBackend(options.dataDir, { log: options.log });
}
