import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/support/chromium';
import { couchdbAvailable } from './tests/setup/couchdb';

/**
 * Every journey over the embedded store; the core offline journeys, a refused write and private documents
 * kept from other members also over a real CouchDB 3 (tests/setup/couchdb.ts starts the shared one, or
 * COUCHDB_TEST_URL names one). The chaos run is its own: `npm run test:chaos`, and a short one in CI
 * (.ci/run), so `npm test` stays under 15 minutes on two cores.
 */
export default defineConfig<object, { store: 'embedded' | 'couchdb' }>({
	testDir: 'tests/e2e',
	globalSetup: './tests/setup/couchdb.ts',
	testMatch: '**/*.spec.ts',
	fullyParallel: false,
	workers: 2,
	retries: 0,
	// Generous: these tests check behaviour, not speed (budgets live in the benchmark), and some CI machines
	// run them at half the speed of others (two devices, a server and two workers on two cores).
	timeout: 180_000,
	expect: { timeout: 20_000 },
	reporter: [['list']],
	use: {
		browserName: 'chromium',
		launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
		trace: 'retain-on-failure',
		serviceWorkers: 'allow'
	},
	projects: [
		{ name: 'embedded', testIgnore: process.env.CHAOS_MS ? [] : ['chaos.spec.ts'] },
		...(couchdbAvailable()
			? [
					{
						name: 'couchdb',
						testMatch: ['offline-core.spec.ts', 'security.spec.ts', 'expenses.spec.ts'],
						// The journeys whose outcome rests on the store: sync, a write the server refuses, and
						// private documents kept from everyone else.
						grep: /offline-first core|refused by the server|expenses claims/,
						use: { store: 'couchdb' as const }
					}
				]
			: [])
	]
});
