import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/support/chromium';

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.spec.ts',
	fullyParallel: false,
	workers: 2,
	retries: 0,
	// Generous: these tests check behaviour, not speed (budgets live in the benchmark), and some CI machines
	// run them at half the speed of others (two devices, a server and two workers on two cores).
	timeout: 180_000,
	expect: { timeout: 20_000 },
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		browserName: 'chromium',
		launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
		trace: 'retain-on-failure',
		serviceWorkers: 'allow'
	}
});
