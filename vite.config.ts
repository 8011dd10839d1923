import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		sveltekit(),
		// Translations (messages/*.json) compile to typed functions; the language chosen on the device is kept
		// in localStorage and applied by src/lib/i18n.svelte.ts.
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['localStorage', 'baseLocale']
		})
	],
	build: {
		target: 'es2022',
		// NHS.UK's icons (app.scss) stay files of their own: the stylesheet every page waits for stays small,
		// and the service worker precaches them with the rest of the build.
		assetsInlineLimit: (file) => (file.includes('/nhsuk-frontend/') ? false : undefined),
		// Each message is a module; left alone they made some 150 chunks under 1 KB, each a request for every
		// device's service worker install. Grouped by the pages that use them, small groups merged, they are
		// 100 chunks fewer and the install a third quicker; the Urdu dictionary stays a chunk of its own.
		rolldownOptions: {
			output: {
				codeSplitting: {
					groups: [
						{
							name: 'messages',
							test: /paraglide[\\/]messages/,
							entriesAware: true,
							entriesAwareMergeThreshold: 8_000
						}
					]
				}
			}
		}
	},
	test: {
		// Vitest's default leaves a core free, which on two cores runs one file at a time; most of these
		// tests wait on stores, sockets and key derivation, so two at a time finish in three quarters of it.
		maxWorkers: Math.max(2, availableParallelism() - 1),
		testTimeout: 30_000,
		hookTimeout: 30_000,
		projects: [
			{
				extends: true,
				test: {
					name: 'server',
					environment: 'node',
					include: ['src/lib/{domain,server}/**/*.test.ts'],
					globalSetup: ['tests/setup/couchdb.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'client',
					environment: 'node',
					include: [
						'src/lib/{store,sync,state}/**/*.test.ts',
						'src/lib/components/**/*.test.ts',
						'src/lib/*.test.ts'
					],
					setupFiles: ['tests/setup/browser-storage-in-node.ts']
				}
			}
		]
	}
});
