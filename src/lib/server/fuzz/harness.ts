/**
 * For gateway.fuzz.test.ts: runs the gateway in a child process (server-process.ts) and sends requests
 * with raw paths over `node:http`, so `..`, `%2E%2E`, `//`, backslashes and bad escapes reach it exactly as
 * written (`fetch` would normalise them).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEMO_PASSWORD = 'test-demo-password';
export type Principal = 'anonymous' | 'member' | 'recruiter';
export type BackendKind = 'embedded' | 'couchdb';

export interface RawAnswer {
	status: number;
	headers: IncomingHttpHeaders;
	body: string;
	/** The answer had begun but did not end in time (a long poll), and was cut off. */
	cutOff?: boolean;
	/**
	 * The server closed the connection while a large body was still being sent: it answered (a 401, a 400
	 * for the query) without reading a body it would not take. Node's client then loses the answer.
	 */
	closedEarly?: boolean;
}

/** Bodies at least this large may be left unread by a server that refuses the request first. */
export const LARGE_BODY = 64 * 1024;

export interface SendOptions {
	method: string;
	/** Sent as is, not normalised nor encoded. */
	path: string;
	body?: string | undefined;
	contentType?: string | undefined;
	cookie?: string | undefined;
	/** How long to wait for the end of an answer once it has begun. */
	bodyTimeoutMs?: number;
	/** How long to wait for an answer to begin. */
	headersTimeoutMs?: number;
}

/** One request over a fresh connection; rejects if the connection fails or no answer begins in time. */
export function send(port: number, options: SendOptions): Promise<RawAnswer> {
	return new Promise((resolve, reject) => {
		const headers: Record<string, string> = { connection: 'close' };
		if (options.cookie) headers.cookie = options.cookie;
		if (options.body !== undefined) {
			headers['content-type'] = options.contentType ?? 'application/json';
			headers['content-length'] = String(Buffer.byteLength(options.body));
		}
		const req = request({ host: '127.0.0.1', port, method: options.method, path: options.path, headers });
		const noAnswer = setTimeout(() => {
			req.destroy(new Error(`no answer within ${options.headersTimeoutMs ?? 15_000} ms`));
		}, options.headersTimeoutMs ?? 15_000);
		let answered = false;
		req.on('error', (error: NodeJS.ErrnoException) => {
			clearTimeout(noAnswer);
			if (answered) return;
			const unread = error.code === 'EPIPE' || error.code === 'ECONNRESET';
			if (unread && Buffer.byteLength(options.body ?? '') >= LARGE_BODY) {
				resolve({ status: 0, headers: {}, body: '', closedEarly: true });
			} else reject(error);
		});
		req.on('response', (res) => {
			answered = true;
			clearTimeout(noAnswer);
			const chunks: Uint8Array[] = [];
			let cutOff = false;
			const finish = () => {
				clearTimeout(slow);
				resolve({
					status: res.statusCode ?? 0,
					headers: res.headers,
					body: Buffer.concat(chunks).toString('utf8'),
					...(cutOff ? { cutOff } : {})
				});
			};
			const slow = setTimeout(() => {
				cutOff = true;
				res.destroy();
				finish();
			}, options.bodyTimeoutMs ?? 15_000);
			res.on('data', (chunk: Buffer) =>
				chunks.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
			);
			res.on('end', finish);
			res.on('error', () => {
				if (!cutOff) {
					clearTimeout(slow);
					reject(new Error(`the answer (${res.statusCode}) broke off`));
				}
			});
		});
		req.end(options.body);
	});
}

export interface SeededIds {
	/** A network idea (by chair) with photo.png and page.html attached. */
	withAttachments: string;
	/** A sign-up in `signups`. */
	signup: string;
	/** Private documents of chair's (a profile, a claim, its step and receipt, an interest): no fuzzing principal's. */
	othersPrivate: string[];
}

/** The gateway running in a child process, over a fresh data directory or CouchDB prefix. */
export class GatewayProcess {
	readonly output: string[] = [];
	exit: { code: number | null; signal: string | null } | undefined;
	cookies: Record<Principal, string> = { anonymous: '', member: '', recruiter: '' };

	private constructor(
		readonly child: ChildProcess,
		readonly port: number,
		readonly ids: SeededIds,
		readonly workDir: string,
		readonly databasePrefix: string | undefined
	) {}

	get alive(): boolean {
		return this.exit === undefined;
	}

	/** The last lines the server printed (its log, and a crash's stack trace). */
	tail(lines = 30): string {
		return this.output.join('').split('\n').slice(-lines).join('\n');
	}

	static async start(kind: BackendKind, couchdbUrl?: string): Promise<GatewayProcess> {
		const workDir = await mkdtemp(join(tmpdir(), 'coproduce-fuzz-'));
		const databasePrefix = kind === 'couchdb' ? `fz${randomBytes(4).toString('hex')}-` : undefined;
		const options = {
			dataDir: join(workDir, 'data'),
			seedDemo: true,
			demoPassword: DEMO_PASSWORD,
			buildDir: join(workDir, 'no-build'),
			...(kind === 'couchdb' ? { couchdbUrl, databasePrefix } : {})
		};
		const child = fork(fileURLToPath(new URL('./server-process.ts', import.meta.url)), [], {
			execArgv: ['--import', 'tsx'],
			env: { ...process.env, FUZZ_SERVER: JSON.stringify(options) },
			stdio: ['ignore', 'pipe', 'pipe', 'ipc']
		});
		const output: string[] = [];
		const keep = (chunk: Buffer) => {
			output.push(chunk.toString('utf8'));
			if (output.length > 400) output.splice(0, 200);
		};
		child.stdout?.on('data', keep);
		child.stderr?.on('data', keep);
		const ready = await new Promise<{ url: string; ids: SeededIds }>((resolve, reject) => {
			child.once('message', (message) => resolve(message as { url: string; ids: SeededIds }));
			child.once('exit', (code) =>
				reject(new Error(`The gateway process exited (${code}) before it was ready:\n${output.join('')}`))
			);
		});
		const gateway = new GatewayProcess(
			child,
			Number(new URL(ready.url).port),
			ready.ids,
			workDir,
			databasePrefix
		);
		gateway.output.push(...output);
		child.stdout?.off('data', keep);
		child.stderr?.off('data', keep);
		const record = (chunk: Buffer) => {
			gateway.output.push(chunk.toString('utf8'));
			if (gateway.output.length > 400) gateway.output.splice(0, 200);
		};
		child.stdout?.on('data', record);
		child.stderr?.on('data', record);
		child.once('exit', (code, signal) => {
			gateway.exit = { code, signal };
		});
		for (const name of ['member', 'recruiter'] as const) {
			const res = await send(gateway.port, {
				method: 'POST',
				path: '/api/session',
				body: JSON.stringify({ name, password: DEMO_PASSWORD })
			});
			const cookie = String(res.headers['set-cookie'] ?? '').split(';')[0] ?? '';
			if (res.status !== 200 || !cookie)
				throw new Error(`Could not sign in ${name}: ${res.status} ${res.body}`);
			gateway.cookies[name] = cookie;
		}
		return gateway;
	}

	/** Stops the process and deletes its data (and its CouchDB databases). */
	async stop(couchdbUrl?: string): Promise<void> {
		if (this.alive) {
			const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
			this.child.send('close');
			const force = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
			await exited;
			clearTimeout(force);
		}
		if (couchdbUrl && this.databasePrefix) {
			const parsed = new URL(couchdbUrl);
			const auth =
				'Basic ' + btoa(`${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`);
			parsed.username = '';
			parsed.password = '';
			const base = parsed.toString().replace(/\/+$/, '');
			for (const name of ['coproduce-accounts', 'coproduce-sessions', 'network', 'signups']) {
				const res = await fetch(`${base}/${this.databasePrefix}${name}`, {
					method: 'DELETE',
					headers: { authorization: auth }
				});
				await res.body?.cancel();
			}
		}
		await rm(this.workDir, { recursive: true, force: true });
	}
}
