import PouchDB from 'pouchdb-node';
import memoryAdapter from 'pouchdb-adapter-memory';
import { makeIdea } from '../factories';
import { percentile } from './stats';

PouchDB.plugin(memoryAdapter);

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
	const fail = (message: string) => {
		errors++;
		if (errorSamples.length < 10) errorSamples.push(message);
	};

	// Sign in first (scrypt makes each sign-in deliberately slow): the load below is sync only.
	const owners = Array.from({ length: devices }, (_, i) => accounts[i % accounts.length] as DeviceAccount);
	const cookies = await inParallel(owners, 4, (account) =>
		signInCookie(baseUrl, account.name, account.password)
	);

	let retries = 0;
	const timedFetch =
		(cookie: string) =>
		async (url: string | Request, init: RequestInit = {}): Promise<Response> => {
			const headers = new Headers(init.headers);
			headers.set('cookie', cookie);
			const started = performance.now();
			for (let attempt = 1; ; attempt++) {
				try {
					const response = await fetch(url, { ...init, headers });
					const body = await response.arrayBuffer();
					durations.push(performance.now() - started);
					if (response.status >= 500) fail(`${init.method ?? 'GET'} ${String(url)}: ${response.status}`);
					return new Response(body, {
						status: response.status,
						statusText: response.statusText,
						headers: response.headers
					});
				} catch (error) {
					// A kept-alive connection the server closed just as it was reused: browsers send the request
					// again on a new connection, and so does this (counted, so a server that resets is seen).
					if (attempt === 1 && isConnectionReset(error)) {
						retries++;
						continue;
					}
					durations.push(performance.now() - started);
					fail(`${init.method ?? 'GET'} ${String(url)}: ${describe(error)}`);
					throw error;
				}
			}
		};

	// PouchDB lets some request failures escape as unhandled rejections: count them rather than crash.
	const escaped = (reason: unknown) => fail(`unhandled: ${describe(reason)}`);
	process.on('unhandledRejection', escaped);

	const tick = options.onTick ? setInterval(options.onTick, 200) : undefined;
	let pulled = 0;
	let pushed = 0;
	const started = performance.now();
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
					await local.destroy();
				}
			})
		);
	} finally {
		if (tick) clearInterval(tick);
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
