import PouchDB from 'pouchdb-node';
import memoryAdapter from 'pouchdb-adapter-memory';
import { makeIdea } from '../factories';
import { percentile } from './stats';

PouchDB.plugin(memoryAdapter);

const REQUEST_TIMEOUT_MS = 120_000;

export interface DeviceAccount {
	name: string;
	password: string;
}

export interface DeviceLoadOptions {
	baseUrl: string;
	devices: number;
	/** Devices are spread over these accounts (several phones per person, as in real life). */
	accounts: DeviceAccount[];
	/** Ideas each device writes and pushes after pulling. */
	pushPerDevice: number;
	batchSize: number;
	/** Called often while the devices run, e.g. to sample the server's memory. */
	onTick?: () => void;
	/** Progress, every 30 s. */
	log?: (line: string) => void;
}

export interface DeviceLoadResult {
	devices: number;
	seconds: number;
	requests: number;
	/** Requests sent again after a connection reset (not errors, but shown). */
	retries: number;
	errors: number;
	errorSamples: string[];
	p50Ms: number;
	p95Ms: number;
	maxMs: number;
	docsPulledPerDevice: number;
	docsPushed: number;
}

/** Signs in over the API and answers the session cookie (`name=value`). */
export async function signInCookie(baseUrl: string, name: string, password: string): Promise<string> {
	const response = await fetch(`${baseUrl}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: baseUrl },
		body: JSON.stringify({ name, password })
	});
	if (!response.ok) throw new Error(`Sign-in as ${name} failed: ${response.status} ${await response.text()}`);
	const cookie = response.headers.get('set-cookie')?.split(';')[0];
	if (!cookie) throw new Error(`Sign-in as ${name} set no cookie`);
	return cookie;
}

/** Runs `task` over `items` with at most `limit` at a time. */
export async function inParallel<T, R>(items: T[], limit: number, task: (item: T, i: number) => Promise<R>) {
	const results: R[] = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const i = next++;
			results[i] = await task(items[i] as T, i);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return results;
}

/**
 * Many phones syncing with the server at once: each is a Node PouchDB (in memory) signed in with its own
 * session cookie, pulling the whole network database and then pushing a few ideas of its own. Every HTTP
 * request is timed in the `fetch` given to PouchDB; a failed request, a 5xx answer, a refused document or a
 * replication that does not complete counts as an error.
 */
export async function simulateDevices(options: DeviceLoadOptions): Promise<DeviceLoadResult> {
	const { baseUrl, devices, accounts, batchSize } = options;
	const durations: number[] = [];
	const errorSamples: string[] = [];
	let errors = 0;
	let lastError = '';
	const fail = (message: string) => {
		errors++;
		lastError = message;
		if (errorSamples.length < 10) errorSamples.push(message);
	};

	// Sign in first (scrypt makes each sign-in deliberately slow): the load below is sync only.
	const owners = Array.from({ length: devices }, (_, i) => accounts[i % accounts.length] as DeviceAccount);
	const cookies = await inParallel(owners, 4, (account) =>
		signInCookie(baseUrl, account.name, account.password)
	);

	let retries = 0;
	/** Errors already counted where they happened (PouchDB may also let them escape as unhandled). */
	const counted = new WeakSet<Error>();
	const timedFetch =
		(cookie: string) =>
		async (url: string | Request, init: RequestInit = {}): Promise<Response> => {
			const headers = new Headers(init.headers);
			headers.set('cookie', cookie);
			const started = performance.now();
			for (let attempt = 1; ; attempt++) {
				try {
					// A request the server never answers would hang the run: two minutes, then it is an error.
					const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
					const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
					const response = await fetch(url, { ...init, headers, signal });
					const body = await response.arrayBuffer();
					durations.push(performance.now() - started);
					if (response.status >= 500) fail(`${init.method ?? 'GET'} ${String(url)}: ${response.status}`);
					return new Response(body, {
						status: response.status,
						statusText: response.statusText,
						headers: response.headers
					});
				} catch (error) {
					// A kept-alive connection the server closed just as it was reused (the idle timer of a busy
					// client lags behind the server's): browsers send the request again on a new connection, and so
					// does this, up to twice (counted in `retries`, so a server that resets is still seen).
					if (attempt < 3 && isConnectionReset(error)) {
						retries++;
						continue;
					}
					durations.push(performance.now() - started);
					fail(`${init.method ?? 'GET'} ${String(url)}: ${describe(error)}`);
					if (error instanceof Error) counted.add(error);
					throw error;
				}
			}
		};

	// PouchDB lets some request failures escape as unhandled rejections: count them rather than crash.
	const escaped = (reason: unknown) => {
		if (!(reason instanceof Error && counted.has(reason))) fail(`unhandled: ${describe(reason)}`);
	};
	process.on('unhandledRejection', escaped);

	// pouchdb-node remembers per URL, for the whole process, whether the server has `_bulk_get`, from the
	// first call. One phone's first call failing under load would switch all 200 simulated phones to fetching
	// documents one by one (a real phone only itself), so that first call is made here, before the load.
	const probe = new PouchDB<Record<string, unknown>>(`${baseUrl}/db/network`, {
		skip_setup: true,
		fetch: timedFetch(cookies[0] as string)
	} as PouchDB.Configuration.RemoteDatabaseConfiguration);
	await probe.bulkGet({ docs: [{ id: 'idea:probe' }] });
	durations.length = 0;

	const tick = options.onTick ? setInterval(options.onTick, 200) : undefined;
	let pulled = 0;
	let pushed = 0;
	let finished = 0;
	const started = performance.now();
	const progress = setInterval(() => {
		const seconds = Math.round((performance.now() - started) / 1000);
		const last = errors > 0 ? ` (latest: ${lastError})` : '';
		options.log?.(
			`  ${seconds} s: ${finished}/${devices} devices done, ${durations.length} requests, ${errors} errors${last}`
		);
	}, 30_000);
	try {
		await Promise.all(
			owners.map(async (account, i) => {
				const local = new PouchDB<Record<string, unknown>>(`bench-device-${i}-${Date.now()}`, {
					adapter: 'memory'
				});
				const remote = new PouchDB<Record<string, unknown>>(`${baseUrl}/db/network`, {
					skip_setup: true,
					fetch: timedFetch(cookies[i] as string)
				} as PouchDB.Configuration.RemoteDatabaseConfiguration);
				try {
					const pull = await local.replicate.from(remote, { batch_size: batchSize });
					if (!pull.ok || pull.doc_write_failures > 0) fail(`device ${i}: pull incomplete`);
					if (i === 0) pulled = pull.docs_written;
					const own = Array.from({ length: options.pushPerDevice }, () =>
						makeIdea({ author: account.name, title: `Written on simulated device ${i}` })
					);
					await local.bulkDocs(own);
					const push = await local.replicate.to(remote, { batch_size: batchSize });
					if (!push.ok || push.doc_write_failures > 0) {
						fail(`device ${i}: push refused ${push.doc_write_failures}: ${JSON.stringify(push.errors[0])}`);
					}
					pushed += push.docs_written;
				} catch (error) {
					fail(`device ${i}: ${error instanceof Error ? error.message : String(error)}`);
				} finally {
					finished++;
					await local.destroy();
				}
			})
		);
	} finally {
		if (tick) clearInterval(tick);
		clearInterval(progress);
		process.off('unhandledRejection', escaped);
	}
	const sorted = [...durations].sort((a, b) => a - b);
	return {
		devices,
		seconds: (performance.now() - started) / 1000,
		requests: durations.length,
		retries,
		errors,
		errorSamples,
		p50Ms: percentile(sorted, 50),
		p95Ms: percentile(sorted, 95),
		maxMs: sorted[sorted.length - 1] ?? 0,
		docsPulledPerDevice: pulled,
		docsPushed: pushed
	};
}

function describe(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
	return `${error.message}${cause}`;
}

function isConnectionReset(error: unknown): boolean {
	const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
	return ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'].includes(cause?.code ?? '');
}
