import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';

/**
 * `npm run test:cluster`: Coproduce over a three-node CouchDB 3 cluster (couchdb-cluster.ts), one node
 * stopped mid-sync. Not part of `npm test`: it starts three CouchDB nodes, a server and two phones.
 */
export default defineConfig({
	testDir: '.',
	testMatch: '**/*.spec.ts',
	outputDir: '../../test-results/cluster',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	// The whole journey, cluster start to catch-up, normally takes under a minute; the cap keeps a hang short.
	timeout: 240_000,
	expect: { timeout: 20_000 },
	reporter: [['list']],
	use: {
		browserName: 'chromium',
		launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
		trace: 'retain-on-failure',
		serviceWorkers: 'allow'
	}
});
