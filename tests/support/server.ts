import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DEMO_PASSWORD = 'correct horse battery staple';

/** The real server (built app + gateway + embedded store) as a child process, so tests can kill it. */
export class ServerProcess {
	private child: ChildProcess | undefined;
	private output = '';

	private constructor(
		readonly port: number,
		readonly dataDir: string,
		/** The built app it serves (the repository's `build` unless a test gives its own copy). */
		readonly buildDir?: string,
		/** A CouchDB 3 to use instead of the embedded store, with databases of this server's own. */
		readonly couchdb?: { url: string; prefix: string }
	) {}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** The server process's id while it runs (benchmarks read its memory from /proc). */
	get pid(): number | undefined {
		const child = this.child;
		return child && child.exitCode === null && child.signalCode === null ? child.pid : undefined;
	}

	/** What the server printed since it last booted. */
	get log(): string {
		return this.output;
	}

	static async start(options: { buildDir?: string; couchdbUrl?: string } = {}): Promise<ServerProcess> {
		const port = await freePort();
		const server = new ServerProcess(
			port,
			await mkdtemp(join(tmpdir(), 'coproduce-e2e-')),
			options.buildDir,
			options.couchdbUrl ? { url: options.couchdbUrl, prefix: `e2e-${port}-${Date.now()}-` } : undefined
		);
		await server.boot();
		return server;
	}

	async boot(): Promise<void> {
		this.output = '';
		const child = spawn(process.execPath, ['--import', 'tsx', 'src/lib/server/main.ts'], {
			env: {
				...process.env,
				PORT: String(this.port),
				HOST: '127.0.0.1',
				DATA_DIR: this.dataDir,
				...(this.buildDir ? { BUILD_DIR: this.buildDir } : {}),
				...(this.couchdb ? { COUCHDB_URL: this.couchdb.url, COUCHDB_DB_PREFIX: this.couchdb.prefix } : {}),
				DEMO_PASSWORD,
				NODE_ENV: 'test'
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
		this.child = child;
		const deadline = Date.now() + 20_000;
		while (Date.now() < deadline) {
			if (child.exitCode !== null) throw new Error(`Server exited early:\n${this.output}`);
			const healthy = await fetch(`${this.url}/api/health`).then(
				(response) => response.ok,
				() => false
			);
			if (healthy) return;
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		throw new Error(`Server did not start in time:\n${this.output}`);
	}

	/** SIGKILL: no graceful shutdown, as when the machine loses power. */
	async kill(): Promise<void> {
		const child = this.child;
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGKILL');
		await exited;
	}

	async stop(): Promise<void> {
		await this.kill();
		await rm(this.dataDir, { recursive: true, force: true });
	}
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() =>
				typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))
			);
		});
	});
}
