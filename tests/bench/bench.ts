/**
 * The benchmark (`npm run bench`, see run.ts). Starts the real server (built app + gateway + embedded store) with a fresh data directory, seeds it with
 * `--docs` ideas through the gateway, and measures in Debian's Chromium: the first sync against a bare
 * PouchDB replication of the same database, save latency, the ideas list and search, an offline cold start
 * with the CPU slowed four times, the first load's bytes, and then the server under `--devices` Node
 * PouchDB clients syncing at once. Writes the figures as JSON.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
	chromium,
	type Browser,
	type BrowserContext,
	type BrowserContextOptions,
	type Page
} from '@playwright/test';
import { MainNav } from '../e2e/pages/app';
import { makeIdea } from '../factories';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import { addPouchDB } from '../support/pouch-in-page';
import { Random } from '../support/random';
import { DEMO_PASSWORD, ServerProcess } from '../support/server';
import { signInCookie, simulateDevices, type DeviceAccount } from './devices';
import { measuresPage, type MeasuresResults } from './measures';
import { median, percentile, round } from './stats';

/** The app's replication batch size (src/lib/sync/engine.ts); the bare replication uses the same. */
export const BATCH_SIZE = 250;
const SEED_BATCH = 1000;
const CPU_THROTTLE = 4;
/**
 * tsx (esbuild's keepNames) wraps named functions in `__name(…)`; functions sent to the page with
 * `page.evaluate` carry those calls, so every benchmark page gets a harmless `__name`.
 */
const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;';

async function newContext(browser: Browser, baseURL: string, options: BrowserContextOptions = {}) {
	const context = await browser.newContext({ baseURL, ...options });
	await context.addInitScript(NAME_SHIM);
	return context;
}
const SEED_AUTHOR = 'member';
const SYLLABLES = ['ba', 'ke', 'lo', 'mi', 'nu', 'pa', 're', 'si', 'to', 'vu', 'da', 'fe', 'go', 'hi', 'ju'];
/** 225 made-up four-letter words: each idea's title has one, so a search finds about 1 idea in 225. */
const TOPICS = SYLLABLES.flatMap((a) => SYLLABLES.map((b) => a + b));

export interface BenchOptions {
	docs: number;
	devices: number;
	saves: number;
	/** Ideas each simulated device pushes. */
	pushPerDevice: number;
	/** Times the first sync is measured: each time a bare replication and two of the app's (see SyncRun). */
	syncRuns: number;
	out: string;
	log?: (line: string) => void;
}

export interface BenchResults {
	date: string;
	/** `loadAverage`: the machine's 1-minute load average at the start and the end (others' work shows here). */
	machine: { cpus: number; node: string; chromium: string; loadAverage: [number, number] };
	docs: number;
	/**
	 * Medians of `runs`. `appSeconds` is signed in once the app has installed itself (a person typing their
	 * name and password gives it that time); `installingSeconds` is signed in at once, while it installs.
	 */
	sync: {
		/** From the server accepting the sign-in until up to date with every idea listed (see appFirstSync). */
		appSeconds: number;
		/** From the form's submit until the server accepted the password (scrypt, deliberately slow). */
		signInSeconds: number;
		/** From the server accepting the sign-in until the app's replication asked the server for anything. */
		startSeconds: number;
		rawPouchSeconds: number;
		/** The median of the runs' own ratios (each run's syncs ran within a minute or so of each other). */
		ratio: number;
		/** The same, signed in while the app was still installing itself (its service worker). */
		installingSeconds: number;
		installingRatio: number;
		runs: SyncRun[];
		batchSize: number;
		ideasOnDevice: number;
		/** The desk's projection of the whole ledger on its own (Sync page → Rebuild lists). */
		projectionSeconds: number;
	};
	/**
	 * From the tap on "Save" (the click event's time): `p50Ms`/`p95Ms` until the save is over (the document
	 * committed in the ledger and the lists' transaction with its rows open: the app moves on, and every read
	 * of the lists from then on sees it), `committed…` until the ledger's IndexedDB transaction has committed
	 * the document, `listed…` until the lists' transaction has committed too.
	 */
	save: {
		p50Ms: number;
		p95Ms: number;
		samples: number[];
		committedP50Ms: number;
		committedP95Ms: number;
		committedSamples: number[];
		listedP50Ms: number;
		listedP95Ms: number;
	};
	list: {
		firstRowsMs: number;
		searchMs: number;
		searchWord: string;
		/** The first search after the first sync, while the search index may still be catching up. */
		searchFirstMs: number;
		searchFirstIndexPending: boolean;
		firstRowsSamples: number[];
		searchSamples: number[];
	};
	coldStartMs: number;
	coldStartSamples: number[];
	/** The measures page, a coordinator's, with a big network on the device (measures.ts). */
	measures: MeasuresResults;
	cpuThrottle: number;
	firstLoadJsGzipBytes: number;
	firstLoadCssGzipBytes: number;
	firstLoadFiles: { url: string; type: string; bytes: number; gzipBytes: number }[];
	server: {
		devices: number;
		errors: number;
		errorSamples: string[];
		requests: number;
		retries: number;
		p50Ms: number;
		p95Ms: number;
		maxMs: number;
		seconds: number;
		docsPushed: number;
		rssMb: number;
		peakRssMb: number;
		startRssMb: number;
	};
}

/**
 * One bare replication and, right after it, two first syncs of the same database by the app: signed in
 * at once, while the app installs itself for offline use, then signed in once it has.
 */
export interface SyncRun {
	rawPouchSeconds: number;
	appSeconds: number;
	signInSeconds: number;
	startSeconds: number;
	ratio: number;
	installingSeconds: number;
	installingRatio: number;
}

interface Budget {
	label: string;
	value: (r: BenchResults) => number;
	unit: string;
	goal: number;
	/** Only meaningful at the full size. */
	fullSizeOnly?: boolean;
}

export const BUDGETS: Budget[] = [
	{ label: 'Sign-in (password check)', value: (r) => r.sync.signInSeconds, unit: 's', goal: Infinity },
	{ label: 'Sign-in → replication starts', value: (r) => r.sync.startSeconds, unit: 's', goal: Infinity },
	{
		label: 'First sync, app (installed first)',
		value: (r) => r.sync.appSeconds,
		unit: 's',
		goal: 15,
		fullSizeOnly: true
	},
	{ label: 'First sync, bare PouchDB', value: (r) => r.sync.rawPouchSeconds, unit: 's', goal: Infinity },
	{
		label: 'Lists rebuilt from the ledger',
		value: (r) => r.sync.projectionSeconds,
		unit: 's',
		goal: Infinity
	},
	{ label: 'App ÷ bare PouchDB', value: (r) => r.sync.ratio, unit: '×', goal: 1.2 },
	{
		label: 'First sync, app while it installs',
		value: (r) => r.sync.installingSeconds,
		unit: 's',
		goal: Infinity
	},
	{ label: 'The same ÷ bare PouchDB', value: (r) => r.sync.installingRatio, unit: '×', goal: Infinity },
	{ label: 'Save p50 (tap → saved)', value: (r) => r.save.p50Ms, unit: 'ms', goal: Infinity },
	{ label: 'Save p95 (tap → saved)', value: (r) => r.save.p95Ms, unit: 'ms', goal: 30 },
	{
		label: 'Save p95 (tap → in the ledger)',
		value: (r) => r.save.committedP95Ms,
		unit: 'ms',
		goal: Infinity
	},
	{ label: 'Save p95 (tap → lists committed)', value: (r) => r.save.listedP95Ms, unit: 'ms', goal: Infinity },
	{ label: 'Ideas list, first rows', value: (r) => r.list.firstRowsMs, unit: 'ms', goal: 100 },
	{ label: 'Search results', value: (r) => r.list.searchMs, unit: 'ms', goal: 100 },
	{
		label: 'First search after sync',
		value: (r) => r.list.searchFirstMs,
		unit: 'ms',
		goal: Infinity
	},
	{
		label: 'Measures page, first chart',
		value: (r) => r.measures.firstChartMs,
		unit: 'ms',
		goal: 200,
		fullSizeOnly: true
	},
	{ label: 'Measures page, every chart', value: (r) => r.measures.everyChartMs, unit: 'ms', goal: Infinity },
	{ label: `Offline cold start (${CPU_THROTTLE}× CPU)`, value: (r) => r.coldStartMs, unit: 'ms', goal: 1000 },
	{ label: 'First load JS (gzip)', value: (r) => r.firstLoadJsGzipBytes / 1024, unit: 'KB', goal: 150 },
	{
		label: 'First load CSS (gzip)',
		value: (r) => r.firstLoadCssGzipBytes / 1024,
		unit: 'KB',
		goal: Infinity
	},
	{ label: 'Server: errors', value: (r) => r.server.errors, unit: '', goal: 0 },
	{ label: 'Server: request p95', value: (r) => r.server.p95Ms, unit: 'ms', goal: Infinity },
	{ label: 'Server: peak RSS', value: (r) => r.server.peakRssMb, unit: 'MB', goal: Infinity }
];

export const FULL_SIZE = 10_000;

/** Runs every measurement and writes the results file. */
export async function runBench(options: BenchOptions): Promise<BenchResults> {
	const log = options.log ?? ((line: string) => console.log(line));
	const loadAtStart = loadavg()[0] ?? Number.NaN;
	const random = new Random(20261001);
	const server = await ServerProcess.start();
	// Ctrl-C (or a kill) stops the server and removes its data directory too.
	const interrupted = () => void server.stop().finally(() => process.exit(130));
	process.once('SIGINT', interrupted);
	process.once('SIGTERM', interrupted);
	const memory = new MemoryWatch(server);
	let browser: Browser | undefined;
	try {
		log(`Server at ${server.url}; seeding ${options.docs.toLocaleString('en-GB')} ideas…`);
		const ideasOnServer = await seed(server.url, options.docs, random);
		await memory.sample();

		browser = await chromium.launch({
			executablePath: CHROMIUM_PATH,
			args: CHROMIUM_ARGS
		});
		const runs: SyncRun[] = [];
		let app: { context: BrowserContext; page: Page } | undefined;
		for (let run = 1; run <= options.syncRuns; run++) {
			log(`First sync ${run} of ${options.syncRuns}: bare PouchDB, the app while it installs, the app…`);
			// The last run's app goes on syncing live and indexing: closed first, so no sync shares the CPU.
			await app?.context.close();
			const rawPouchSeconds = await rawReplication(browser, server.url);
			const installing = await appContext(browser, server.url, log);
			const whileInstalling = await appFirstSync(installing.page, ideasOnServer, 'at once');
			await installing.context.close();
			app = await appContext(browser, server.url, log);
			const timing = await appFirstSync(app.page, ideasOnServer, 'once installed');
			runs.push({
				rawPouchSeconds,
				...timing,
				ratio: timing.appSeconds / rawPouchSeconds,
				installingSeconds: whileInstalling.appSeconds,
				installingRatio: whileInstalling.appSeconds / rawPouchSeconds
			});
			log(
				`  bare ${rawPouchSeconds.toFixed(2)} s, app ${timing.appSeconds.toFixed(2)} s, ` +
					`app while installing ${whileInstalling.appSeconds.toFixed(2)} s`
			);
		}
		if (!app) throw new Error('--sync-runs must be at least 1');
		const { context, page } = app;
		log('Ideas list and search…');
		const list = await listAndSearch(page, random);
		log('Save latency…');
		const save = await saveLatency(page, options.saves);
		log('Rebuilding the lists (projection alone)…');
		const projectionSeconds = await rebuildLists(page);
		log('Offline cold start…');
		const cold = await coldStart(context, page);
		await context.close();
		log('Measures page with a big network…');
		const measures = await measuresPage(server.url, ideasOnServer, random, async () => {
			const opened = await appContext(browser as Browser, server.url, log);
			return { page: opened.page, close: () => opened.context.close() };
		});
		log('First load bytes…');
		const firstLoad = await firstLoadBytes(browser, server.url);
		const chromiumVersion = browser.version();
		await browser.close();
		browser = undefined;

		log(`${options.devices} simulated devices syncing at once…`);
		const accounts = await deviceAccounts(
			server.url,
			Math.min(20, Math.max(1, Math.ceil(options.devices / 10)))
		);
		const startRssMb = await memory.sample();
		const logBefore = server.log.length;
		const load = await simulateDevices({
			baseUrl: server.url,
			devices: options.devices,
			accounts,
			pushPerDevice: options.pushPerDevice,
			batchSize: BATCH_SIZE,
			onTick: () => void memory.sample(),
			log
		});
		const rssMb = await memory.sample();
		const serverErrors = server.log
			.slice(logBefore)
			.split('\n')
			.filter((line) => /\bError\b|Refused/.test(line));

		const results: BenchResults = {
			date: new Date().toISOString(),
			machine: {
				cpus: cpus().length,
				node: process.version,
				chromium: chromiumVersion,
				loadAverage: [round(loadAtStart, 2), round(loadavg()[0] ?? Number.NaN, 2)]
			},
			docs: options.docs,
			sync: {
				appSeconds: medianOf(runs, 'appSeconds'),
				signInSeconds: medianOf(runs, 'signInSeconds'),
				startSeconds: medianOf(runs, 'startSeconds'),
				rawPouchSeconds: medianOf(runs, 'rawPouchSeconds'),
				ratio: medianOf(runs, 'ratio'),
				runs: runs.map((run) => ({
					rawPouchSeconds: round(run.rawPouchSeconds, 2),
					appSeconds: round(run.appSeconds, 2),
					signInSeconds: round(run.signInSeconds, 2),
					startSeconds: round(run.startSeconds, 2),
					ratio: round(run.ratio, 2),
					installingSeconds: round(run.installingSeconds, 2),
					installingRatio: round(run.installingRatio, 2)
				})),
				installingSeconds: medianOf(runs, 'installingSeconds'),
				installingRatio: medianOf(runs, 'installingRatio'),
				batchSize: BATCH_SIZE,
				ideasOnDevice: ideasOnServer,
				projectionSeconds: round(projectionSeconds, 2)
			},
			save: {
				p50Ms: round(percentile(save.saved, 50)),
				p95Ms: round(percentile(save.saved, 95)),
				samples: save.saved.map((ms) => round(ms)),
				committedP50Ms: round(percentile(save.committed, 50)),
				committedP95Ms: round(percentile(save.committed, 95)),
				committedSamples: save.committed.map((ms) => round(ms)),
				listedP50Ms: round(percentile(save.listed, 50)),
				listedP95Ms: round(percentile(save.listed, 95))
			},
			list,
			coldStartMs: round(median(cold)),
			coldStartSamples: cold.map((ms) => round(ms)),
			measures,
			cpuThrottle: CPU_THROTTLE,
			firstLoadJsGzipBytes: firstLoad.js,
			firstLoadCssGzipBytes: firstLoad.css,
			firstLoadFiles: firstLoad.files,
			server: {
				devices: load.devices,
				errors: load.errors + serverErrors.length,
				errorSamples: [...load.errorSamples, ...serverErrors.slice(0, 5)],
				requests: load.requests,
				retries: load.retries,
				p50Ms: round(load.p50Ms),
				p95Ms: round(load.p95Ms),
				maxMs: round(load.maxMs),
				seconds: round(load.seconds, 1),
				docsPushed: load.docsPushed,
				rssMb: round(rssMb),
				peakRssMb: round(Math.max(memory.peakMb, memory.highWaterMb)),
				startRssMb: round(startRssMb)
			}
		};
		await mkdir(dirname(options.out), { recursive: true });
		await writeFile(options.out, JSON.stringify(results, null, '\t') + '\n');
		return results;
	} finally {
		process.off('SIGINT', interrupted);
		process.off('SIGTERM', interrupted);
		await browser?.close();
		await server.stop();
	}
}

/**
 * Only the measures page (`npm run bench -- --only measures`): the server seeded with `docs` ideas and
 * the measures' network, one coordinator's device, `samples` timings.
 */
export async function runMeasuresBench(
	docs: number,
	samples: number,
	log: (line: string) => void = (line) => console.log(line)
): Promise<MeasuresResults> {
	const random = new Random(20261001);
	const server = await ServerProcess.start();
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
	try {
		log(`Server at ${server.url}; seeding ${docs.toLocaleString('en-GB')} ideas…`);
		const ideasOnServer = await seed(server.url, docs, random);
		log('Measures page with a big network…');
		return await measuresPage(
			server.url,
			ideasOnServer,
			random,
			async () => {
				const opened = await appContext(browser, server.url, log);
				return { page: opened.page, close: () => opened.context.close() };
			},
			samples
		);
	} finally {
		await browser.close();
		await server.stop();
	}
}

function medianOf(runs: SyncRun[], key: keyof SyncRun): number {
	return round(median(runs.map((run) => run[key])), 2);
}

/** A fresh phone-sized browser context for the app, its page's console passed on with `BENCH_DEBUG`. */
async function appContext(
	browser: Browser,
	baseUrl: string,
	log: (line: string) => void
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await newContext(browser, baseUrl, { viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	if (process.env.BENCH_DEBUG) {
		page.on('console', (message) => log(`  [page ${message.type()}] ${message.text()}`));
		page.on('pageerror', (error) => log(`  [page error] ${error.message}`));
	}
	return { context, page };
}

/** Seeds `count` ideas as `member` through the gateway's `_bulk_docs`; answers how many ideas the server has. */
async function seed(baseUrl: string, count: number, random: Random): Promise<number> {
	const cookie = await signInCookie(baseUrl, SEED_AUTHOR, DEMO_PASSWORD);
	for (let done = 0; done < count; done += SEED_BATCH) {
		const docs = Array.from({ length: Math.min(SEED_BATCH, count - done) }, (_, i) =>
			makeIdea({
				author: SEED_AUTHOR,
				title: `${random.pick(TOPICS)} ${random.words(3)} (${done + i + 1})`,
				details: `${random.words(12)}. ${random.words(10)}.`
			})
		);
		const response = await fetch(`${baseUrl}/db/network/_bulk_docs`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie },
			body: JSON.stringify({ docs })
		});
		const body = (await response.json()) as { error?: string }[];
		const failed = Array.isArray(body) ? body.filter((row) => row.error) : [body];
		if (!response.ok || failed.length > 0)
			throw new Error(`Seeding failed (${response.status}): ${JSON.stringify(failed[0])}`);
	}
	const response = await fetch(
		`${baseUrl}/db/network/_all_docs?startkey=${encodeURIComponent('"idea:"')}&endkey=${encodeURIComponent('"idea:\ufff0"')}`,
		{ headers: { cookie } }
	);
	return ((await response.json()) as { rows: unknown[] }).rows.length;
}

/** A bare PouchDB pulling the network database into a fresh IndexedDB database, as the app's ledger does. */
async function rawReplication(browser: Browser, baseUrl: string): Promise<number> {
	const context = await newContext(browser, baseUrl);
	try {
		const signIn = await context.request.post('/api/session', {
			data: { name: SEED_AUTHOR, password: DEMO_PASSWORD },
			headers: { origin: baseUrl }
		});
		if (!signIn.ok()) throw new Error(`Sign-in for the bare replication failed: ${signIn.status()}`);
		const page = await context.newPage();
		await page.goto('/api/health');
		await addPouchDB(page);
		const result = await page.evaluate(async (batchSize) => {
			const PouchDB = (globalThis as unknown as { __testPouchDB: PouchDB.Static }).__testPouchDB;
			const local = new PouchDB(`bench-raw-${Date.now()}`, { adapter: 'idb' });
			const remote = new PouchDB(`${location.origin}/db/network`, { skip_setup: true });
			const started = performance.now();
			const info = await local.replicate.from(remote, { batch_size: batchSize });
			return { ms: performance.now() - started, written: info.docs_written, ok: info.ok };
		}, BATCH_SIZE);
		if (!result.ok || result.written === 0) throw new Error('The bare replication did not complete');
		return result.ms / 1000;
	} finally {
		await context.close();
	}
}

/**
 * Signs in through the form and waits (in the page) until sync is up to date and the list shows every idea.
 * The sync is timed from the moment the server accepted the sign-in (the end of its response, from the
 * page's Resource Timing), like the bare replication, which is signed in before its clock starts; the
 * password check before it is timed on its own.
 */
async function appFirstSync(
	page: Page,
	ideas: number,
	signIn: 'at once' | 'once installed'
): Promise<Pick<SyncRun, 'appSeconds' | 'signInSeconds' | 'startSeconds'>> {
	await page.goto('/sign-in?next=%2Fideas');
	// The service worker installing the app (precaching ~110 files) is not sync work, but shares the CPU.
	if (signIn === 'once installed')
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await page.getByLabel('User name').fill(SEED_AUTHOR);
	await page.getByLabel('Password').fill(DEMO_PASSWORD);
	await page.evaluate(() => {
		// A first sync makes a few hundred requests; the ones timed are among the first, but keep them all.
		performance.setResourceTimingBufferSize(5000);
		document.addEventListener(
			'submit',
			() => Object.assign(globalThis, { __benchSignInAt: performance.now() }),
			{ capture: true, once: true }
		);
	});
	await page.getByRole('button', { name: 'Sign in' }).click();
	const expected = `${ideas.toLocaleString('en-GB')} ideas found`;
	const done = await page.waitForFunction(
		(text) => {
			const phase = document.querySelector('[data-testid=sync-indicator]')?.getAttribute('data-phase');
			const count = document.querySelector('[data-testid=idea-count]')?.textContent?.trim();
			return phase === 'up-to-date' && count === text ? performance.now() : false;
		},
		expected,
		{ polling: 'raf', timeout: 300_000 }
	);
	const finishedAt = (await done.jsonValue()) as number;
	const { submittedAt, acceptedAt, replicatingAt } = await page.evaluate(() => {
		const submitted = (globalThis as unknown as { __benchSignInAt: number }).__benchSignInAt;
		const requests = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
		// The first request to /api/session after the submit is the sign-in (the sync's session checks follow).
		const signIn = requests.find(
			(entry) => new URL(entry.name).pathname === '/api/session' && entry.startTime >= submitted
		);
		const replicating = requests.find((entry) => new URL(entry.name).pathname.startsWith('/db/network'));
		return { submittedAt: submitted, acceptedAt: signIn?.responseEnd, replicatingAt: replicating?.startTime };
	});
	if (acceptedAt === undefined || replicatingAt === undefined)
		throw new Error('The sign-in or the replication is not in the page’s resource timing');
	return {
		appSeconds: (finishedAt - acceptedAt) / 1000,
		signInSeconds: (acceptedAt - submittedAt) / 1000,
		startSeconds: (replicatingAt - acceptedAt) / 1000
	};
}

/** Resolves in the page when `ready()` holds, checked on every DOM change, at the frame after it became true. */
const IN_PAGE_HELPERS = `
globalThis.__benchWhen = (ready) => new Promise((resolve, reject) => {
	const timeout = setTimeout(() => reject(new Error('Timed out waiting for the page: ' + ready)), 120000);
	const done = () => requestAnimationFrame(() => {
		clearTimeout(timeout);
		resolve(performance.now());
	});
	if (ready()) return done();
	const observer = new MutationObserver(() => {
		if (!ready()) return;
		observer.disconnect();
		done();
	});
	observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
});`;

type InPage = typeof globalThis & {
	__benchWhen: (ready: () => boolean) => Promise<number>;
	__benchTiming?: Promise<number>;
};

/** Client-side navigation to /ideas until the first row shows; typing a search word until the count changes. */
async function listAndSearch(page: Page, random: Random): Promise<BenchResults['list']> {
	await page.evaluate(IN_PAGE_HELPERS);
	const mainNav = new MainNav(page);
	const firstRowsSamples: number[] = [];
	for (let i = 0; i < 5; i++) {
		await mainNav.go('Home');
		await page.getByRole('heading', { level: 1, name: /Hello/ }).waitFor();
		// On a phone the links wait behind "Menu": opened before the timed click.
		await mainNav.open();
		await page.evaluate(() => {
			const w = globalThis as InPage;
			w.__benchTiming = new Promise((resolve, reject) => {
				document.addEventListener(
					'click',
					() => {
						const started = performance.now();
						w.__benchWhen(() => document.querySelector('[data-testid=idea-list] li') !== null)
							.then((at) => resolve(at - started))
							.catch(reject);
					},
					{ capture: true, once: true }
				);
			});
		});
		await mainNav.link('Ideas').click();
		firstRowsSamples.push(await page.evaluate(() => (globalThis as InPage).__benchTiming as Promise<number>));
	}

	const search = page.getByLabel('Search ideas and comments');
	const pending = page.getByTestId('search-index-pending');
	/** Types `word` into the search field: from its input event until the count changes, at the next frame. */
	const timeSearch = async (word: string): Promise<number> => {
		await search.fill('');
		await page.getByTestId('idea-count').filter({ hasNotText: 'Loading' }).waitFor();
		await page.waitForTimeout(100);
		await page.evaluate(() => {
			const w = globalThis as InPage;
			w.__benchTiming = new Promise((resolve, reject) => {
				const timeout = setTimeout(() => reject(new Error('No input event from the search field')), 20_000);
				document.addEventListener(
					'input',
					() => {
						clearTimeout(timeout);
						const started = performance.now();
						const count = () => document.querySelector('[data-testid=idea-count]')?.textContent ?? '';
						const before = count();
						w.__benchWhen(() => count() !== before)
							.then((at) => resolve(at - started))
							.catch(reject);
					},
					{ capture: true, once: true }
				);
			});
		});
		await search.fill(word);
		if (process.env.BENCH_DEBUG) console.log(`  search: typed ${word}`);
		return page.evaluate(() => (globalThis as InPage).__benchTiming as Promise<number>);
	};

	// Right after a first sync the search index is still catching up and searches read the lists instead:
	// one sample of that, then wait for the index and measure the usual case.
	const searchWord = random.pick(TOPICS);
	const searchFirstMs = await timeSearch(searchWord);
	const searchFirstIndexPending = await pending.isVisible();
	for (let waited = 0; (await pending.isVisible()) && waited < 120_000; waited += 1_000) {
		await page.waitForTimeout(1_000);
		await timeSearch(random.pick(TOPICS));
	}
	const searchSamples: number[] = [];
	for (let i = 0; i < 5; i++)
		searchSamples.push(await timeSearch(i === 0 ? searchWord : random.pick(TOPICS)));
	await search.fill('');
	return {
		firstRowsMs: round(median(firstRowsSamples)),
		searchMs: round(median(searchSamples)),
		searchWord,
		searchFirstMs: round(searchFirstMs),
		searchFirstIndexPending,
		firstRowsSamples: firstRowsSamples.map((ms) => round(ms)),
		searchSamples: searchSamples.map((ms) => round(ms))
	};
}

/**
 * Saves new ideas through the form, each timed from the tap on "Save" (the click event's own time) to the
 * write path's marks: the document committed in the ledger, the save over, the lists' transaction committed.
 */
async function saveLatency(
	page: Page,
	saves: number
): Promise<{ saved: number[]; committed: number[]; listed: number[] }> {
	const saved: number[] = [];
	const committed: number[] = [];
	const listed: number[] = [];
	for (let i = 0; i < saves; i++) {
		await page.getByRole('link', { name: 'Share an idea' }).first().click({ timeout: 120_000 });
		await page.getByLabel('Title').fill(`Benchmark idea ${i + 1}`);
		await page.evaluate(() => {
			performance.clearMarks();
			performance.clearMeasures();
			document.addEventListener(
				'click',
				(event) => performance.mark('bench:tap', { startTime: event.timeStamp }),
				{
					capture: true,
					once: true
				}
			);
		});
		await page.getByRole('button', { name: 'Save idea' }).click();
		await page.getByRole('heading', { level: 1, name: `Benchmark idea ${i + 1}` }).waitFor();
		await page.getByRole('link', { name: 'Back to ideas' }).click();
		const times = await page.evaluate(() => {
			const [tap] = performance.getEntriesByName('bench:tap', 'mark');
			const [inLedger] = performance.getEntriesByName('coproduce:save:committed', 'mark');
			const [save] = performance.getEntriesByName('coproduce:save', 'measure');
			const [inLists] = performance.getEntriesByName('coproduce:save:listed', 'measure');
			if (!tap || !inLedger || !save || !inLists) return undefined;
			return {
				committed: inLedger.startTime - tap.startTime,
				saved: save.startTime + save.duration - tap.startTime,
				listed: inLists.startTime + inLists.duration - tap.startTime
			};
		});
		if (!times) throw new Error(`Save ${i + 1} left no tap, commit, save or lists timing in the page`);
		saved.push(times.saved);
		committed.push(times.committed);
		listed.push(times.listed);
	}
	const sorted = (samples: number[]) => samples.sort((a, b) => a - b);
	return { saved: sorted(saved), committed: sorted(committed), listed: sorted(listed) };
}

/** Sync page → "Rebuild lists": how long projecting every ledger document into the desk takes by itself. */
async function rebuildLists(page: Page): Promise<number> {
	await page.getByRole('link', { name: 'Sync details' }).click();
	const button = page.getByRole('button', { name: 'Rebuild lists' });
	await button.waitFor();
	await page.evaluate(() => {
		const w = globalThis as InPage;
		w.__benchTiming = new Promise((resolve, reject) => {
			document.addEventListener(
				'click',
				() => {
					const started = performance.now();
					w.__benchWhen(() => /Rebuilt the lists/.test(document.querySelector('main')?.textContent ?? ''))
						.then((at) => resolve(at - started))
						.catch(reject);
				},
				{ capture: true, once: true }
			);
		});
	});
	await button.click();
	const ms = await page.evaluate(() => (globalThis as InPage).__benchTiming as Promise<number>);
	return ms / 1000;
}

/** Offline reloads of the installed app with the CPU slowed, until the home page and sync indicator render. */
async function coldStart(context: BrowserContext, page: Page): Promise<number[]> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (navigator.serviceWorker.controller) return;
		await new Promise((resolve) =>
			navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })
		);
	});
	await new MainNav(page).go('Home');
	await page.getByRole('heading', { level: 1, name: /Hello/ }).waitFor();
	await context.addInitScript(() => {
		const ready = () =>
			/Hello/.test(document.querySelector('h1')?.textContent ?? '') &&
			document.querySelector('[data-testid=sync-indicator]') !== null;
		const observer = new MutationObserver(() => {
			if (!ready()) return;
			observer.disconnect();
			requestAnimationFrame(() => Object.assign(globalThis, { __benchColdReady: performance.now() }));
		});
		observer.observe(document, { subtree: true, childList: true, characterData: true });
	});
	await context.setOffline(true);
	const cdp = await context.newCDPSession(page);
	const samples: number[] = [];
	try {
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
		for (let i = 0; i < 3; i++) {
			const response = await page.reload({ waitUntil: 'commit' });
			if (!response?.fromServiceWorker())
				throw new Error('The offline reload did not come from the service worker');
			const ready = await page.waitForFunction(
				() => (globalThis as unknown as { __benchColdReady?: number }).__benchColdReady,
				undefined,
				{ timeout: 30_000 }
			);
			samples.push((await ready.jsonValue()) as number);
		}
	} finally {
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
		await cdp.detach();
		await context.setOffline(false);
	}
	return samples;
}

/** Every script and stylesheet a fresh browser loads for /sign-in, gzipped here (zlib's default level). */
async function firstLoadBytes(
	browser: Browser,
	baseUrl: string
): Promise<{ js: number; css: number; files: BenchResults['firstLoadFiles'] }> {
	const context = await newContext(browser, baseUrl);
	try {
		const page = await context.newPage();
		const responses: Promise<BenchResults['firstLoadFiles'][number] | undefined>[] = [];
		page.on('response', (response) => {
			const type = response.request().resourceType();
			if (type !== 'script' && type !== 'stylesheet') return;
			responses.push(
				response.body().then(
					(body) => ({
						url: new URL(response.url()).pathname,
						type,
						bytes: body.length,
						gzipBytes: gzipSync(new Uint8Array(body)).length
					}),
					() => undefined
				)
			);
		});
		await page.goto('/sign-in', { waitUntil: 'networkidle' });
		await page.getByRole('button', { name: 'Sign in' }).waitFor();
		const files = (await Promise.all(responses)).filter((file) => file !== undefined);
		const sum = (type: string) =>
			files.filter((file) => file.type === type).reduce((total, file) => total + file.gzipBytes, 0);
		return { js: sum('script'), css: sum('stylesheet'), files };
	} finally {
		await context.close();
	}
}

/** Accounts for the simulated devices, made by a coordinator through `POST /api/accounts`. */
async function deviceAccounts(baseUrl: string, count: number): Promise<DeviceAccount[]> {
	const cookie = await signInCookie(baseUrl, 'coordinator', DEMO_PASSWORD);
	const accounts: DeviceAccount[] = [];
	for (let i = 1; i <= count; i++) {
		const account = {
			name: `device-owner-${String(i).padStart(2, '0')}`,
			password: 'quiet harbour lantern 42'
		};
		const response = await fetch(`${baseUrl}/api/accounts`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie, origin: baseUrl },
			body: JSON.stringify({ ...account, displayName: `Device owner ${i}`, roles: ['member'] })
		});
		if (!response.ok)
			throw new Error(`Creating ${account.name} failed: ${response.status} ${await response.text()}`);
		accounts.push(account);
	}
	return accounts;
}

/** The server process's resident memory, from /proc (Linux). */
class MemoryWatch {
	peakMb = 0;
	highWaterMb = 0;

	constructor(private readonly server: ServerProcess) {}

	/** The current RSS in MB (NaN when it cannot be read), remembering the highest seen. */
	async sample(): Promise<number> {
		const pid = this.server.pid;
		if (!pid) return Number.NaN;
		const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
		const rssMb = kilobytes(status, 'VmRSS') / 1024;
		if (Number.isFinite(rssMb)) this.peakMb = Math.max(this.peakMb, rssMb);
		const highWaterMb = kilobytes(status, 'VmHWM') / 1024;
		if (Number.isFinite(highWaterMb)) this.highWaterMb = Math.max(this.highWaterMb, highWaterMb);
		return rssMb;
	}
}

function kilobytes(status: string, field: string): number {
	const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
	return match ? Number(match[1]) : Number.NaN;
}

/** The results as a table, with each budget's verdict. */
export function formatTable(results: BenchResults): { table: string; missed: string[] } {
	const full = results.docs >= FULL_SIZE;
	const missed: string[] = [];
	const rows = BUDGETS.map((budget) => {
		const value = budget.value(results);
		const judged = Number.isFinite(budget.goal) && (full || !budget.fullSizeOnly);
		const ok = budget.goal === 0 ? value === 0 : value <= budget.goal;
		if (judged && !ok) missed.push(budget.label);
		const goal = Number.isFinite(budget.goal)
			? `${budget.goal === 0 ? '= ' : '≤ '}${budget.goal}${budget.unit ? ` ${budget.unit}` : ''}`
			: '';
		const shown = `${round(value, value < 10 ? 2 : 1).toLocaleString('en-GB')}${budget.unit ? ` ${budget.unit}` : ''}`;
		return [budget.label, shown, goal, judged ? (ok ? 'ok' : 'MISSED') : ''];
	});
	const header = ['measure', 'value', 'goal', ''];
	const widths = header.map((_, c) => Math.max(...[header, ...rows].map((row) => (row[c] ?? '').length)));
	const line = (row: string[]) =>
		row
			.map((cell, c) => cell.padEnd(widths[c] ?? 0))
			.join('  ')
			.trimEnd();
	const table = [
		`Coproduce benchmark: ${results.docs.toLocaleString('en-GB')} ideas, ${results.server.devices} devices, ` +
			`${results.machine.cpus} CPUs (load ${results.machine.loadAverage.join(' → ')}), ` +
			`Chromium ${results.machine.chromium}, batch size ${results.sync.batchSize}; ` +
			`first sync: medians of ${results.sync.runs.length} runs`,
		line(header),
		line(widths.map((w) => '-'.repeat(w))),
		...rows.map(line)
	].join('\n');
	return { table, missed };
}
