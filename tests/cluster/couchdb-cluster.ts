/**
 * A three-node Apache CouchDB 3 cluster on this machine, for `npm run test:cluster`: the project's shared
 * CouchDB build (`../shared/couchdb`) unpacked once into a temporary directory, then three Erlang nodes
 * started from it, each with its own ini file, vm.args, data directory, HTTP port and distribution port,
 * all on 127.0.0.1 and sharing one cookie, admin, `[couchdb] uuid` and `[chttpd_auth] secret`.
 *
 * Joining: each node is started with `[cluster] n = 3` (not single-node); node 1 then adds the others to
 * the cluster's `_nodes` database and `POST /_cluster_setup {"action":"finish_cluster"}` syncs the admin,
 * uuid and secret and creates the system databases. (`_cluster_setup`'s `enable_cluster` and `add_node`
 * refuse a node bound to 127.0.0.1, which is what this harness must keep to; on real servers, bound to
 * their private addresses, docs/COUCHDB-CLUSTER.md uses them.)
 *
 * Only processes this module started are ever stopped: each node runs in its own process group, killed
 * by its id. epmd (Erlang's port mapper, which the first node starts when none runs) is asked to stop
 * only when this module found none running, and epmd itself refuses while any other node is registered.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, openSync, closeSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../support/server';
import { couchVmArgs } from '../support/couchdb-vm-args';

const run = promisify(execFile);

export const SHARED_COUCHDB_DIR = resolve(import.meta.dirname, '../../../shared/couchdb');
export const ADMIN = { user: 'admin', password: 'secret' };
const HOST = '127.0.0.1';

export interface ClusterNode {
	/** 1-based, as in "node 2". */
	readonly index: number;
	/** The Erlang node name, as `/_membership` and `/<db>/_shards` list it. */
	readonly name: string;
	readonly port: number;
	readonly distPort: number;
	readonly dir: string;
	/** http://admin:secret@127.0.0.1:<port> */
	readonly adminUrl: string;
}

interface NodeState extends ClusterNode {
	child?: ChildProcess;
}

/** The tarball beside start-couchdb.sh, or undefined when this machine has no shared CouchDB build. */
export function findCouchdbTarball(): string | undefined {
	if (process.env.COUCHDB_TARBALL) return process.env.COUCHDB_TARBALL;
	if (!existsSync(SHARED_COUCHDB_DIR)) return undefined;
	const name = readdirSync(SHARED_COUCHDB_DIR).find((file) => /^apache-couchdb-.*\.tar\.gz$/.test(file));
	return name ? join(SHARED_COUCHDB_DIR, name) : undefined;
}

function authHeader(): string {
	return `Basic ${Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether something listens on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect({ host: HOST, port });
		const answer = (open: boolean) => {
			socket.destroy();
			resolve(open);
		};
		socket.setTimeout(1_000);
		socket.once('connect', () => answer(true));
		socket.once('timeout', () => answer(false));
		socket.once('error', () => answer(false));
	});
}

export class CouchCluster {
	private readonly nodes: NodeState[];
	private epmdWasRunning = true;
	private readonly onExit = () => this.killAllNow();

	private constructor(
		readonly dir: string,
		readonly installDir: string,
		nodes: NodeState[]
	) {
		this.nodes = nodes;
	}

	get members(): readonly ClusterNode[] {
		return this.nodes;
	}

	node(index: number): ClusterNode {
		const node = this.nodes[index - 1];
		if (!node) throw new Error(`No node ${index}`);
		return node;
	}

	/** Unpacks CouchDB, starts three nodes, joins them and waits until each lists all three. */
	static async start(options: { size?: number; log?: (line: string) => void } = {}): Promise<CouchCluster> {
		const size = options.size ?? 3;
		const log = options.log ?? (() => undefined);
		const tarball = findCouchdbTarball();
		if (!tarball) throw new Error(`No CouchDB tarball in ${SHARED_COUCHDB_DIR} (or set COUCHDB_TARBALL)`);
		const dir = await mkdtemp(join(tmpdir(), 'coproduce-cluster-'));
		const installDir = join(dir, 'install');
		await mkdir(installDir);
		const started = Date.now();
		await run('tar', ['-xzf', tarball, '-C', installDir, '--strip-components=1']);
		log(`unpacked CouchDB in ${Date.now() - started} ms`);

		const cookie = randomBytes(16).toString('hex');
		const uuid = randomBytes(16).toString('hex');
		const secret = randomBytes(16).toString('hex');
		const nodes: NodeState[] = [];
		for (let index = 1; index <= size; index++) {
			const port = await freePort();
			let distPort = await freePort();
			while (distPort === port || nodes.some((n) => n.port === distPort || n.distPort === distPort)) {
				distPort = await freePort();
			}
			const nodeDir = join(dir, `node${index}`);
			await mkdir(join(nodeDir, 'data'), { recursive: true });
			const node: NodeState = {
				index,
				name: `coproduce-cluster${index}-${port}@${HOST}`,
				port,
				distPort,
				dir: nodeDir,
				adminUrl: `http://${ADMIN.user}:${ADMIN.password}@${HOST}:${port}`
			};
			await writeFile(
				join(nodeDir, 'vm.args'),
				couchVmArgs({ name: node.name, cookie, distPort: node.distPort })
			);
			await writeFile(join(nodeDir, 'cluster.ini'), clusterIni(node, { uuid, secret }), { mode: 0o600 });
			nodes.push(node);
		}

		const cluster = new CouchCluster(dir, installDir, nodes);
		cluster.epmdWasRunning = await listening(4369);
		process.once('exit', cluster.onExit);
		try {
			await Promise.all(nodes.map((node) => cluster.startNode(node.index)));
			log(`${size} nodes up in ${Date.now() - started} ms`);
			await cluster.join();
			log(`cluster joined in ${Date.now() - started} ms`);
		} catch (error) {
			await cluster.stop();
			throw error;
		}
		return cluster;
	}

	/**
	 * Every node is told of every other in its own `_nodes` database (CouchDB would copy node 1's entries
	 * to the others itself, but under load that copy was seen to take over a minute), then
	 * `_cluster_setup` finishes the cluster.
	 */
	private async join(): Promise<void> {
		const [first] = this.nodes;
		if (!first) throw new Error('A cluster needs a node');
		for (const at of this.nodes) {
			for (const node of this.nodes) {
				if (node === at) continue;
				const response = await this.request(at.index, 'PUT', `/_node/_local/_nodes/${node.name}`, {});
				// 409: already there (copied from another node meanwhile). The same empty body gives the same
				// revision on every node, so the copies never conflict.
				if (!response.ok && response.status !== 409) {
					throw new Error(
						`Adding ${node.name} on node ${at.index} failed: ${response.status} ${await response.text()}`
					);
				}
			}
		}
		await this.waitForMembership();
		const finish = await this.request(first.index, 'POST', '/_cluster_setup', { action: 'finish_cluster' });
		if (!finish.ok) throw new Error(`finish_cluster failed: ${finish.status} ${await finish.text()}`);
		// (GET /_cluster_setup says "cluster_disabled" here: it counts a node bound to 127.0.0.1 as not
		// clustered.) What finish_cluster does is there: the system databases, on every node.
		for (const node of this.nodes) {
			for (const db of ['_users', '_replicator']) await this.getJson(node.index, `/${db}`);
		}
	}

	/** An admin request to one node: path from the root, JSON body. */
	async request(index: number, method: string, path: string, body?: unknown): Promise<Response> {
		const node = this.node(index);
		return fetch(`http://${HOST}:${node.port}${path}`, {
			method,
			headers: {
				authorization: authHeader(),
				...(body === undefined ? {} : { 'content-type': 'application/json' })
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(15_000)
		});
	}

	/** GET a JSON document from one node (throws on an error status). */
	async getJson<T>(index: number, path: string): Promise<T> {
		const response = await this.request(index, 'GET', path);
		if (!response.ok)
			throw new Error(`GET ${path} on node ${index}: ${response.status} ${await response.text()}`);
		return (await response.json()) as T;
	}

	/**
	 * Waits until every running node (or those named) lists all nodes in `cluster_nodes` and the running
	 * ones in `all_nodes` (the nodes it is connected to, and itself).
	 */
	async waitForMembership(timeout = 60_000): Promise<void> {
		const all = this.nodes.map((node) => node.name).sort();
		const running = this.nodes.filter((node) => this.isRunning(node.index));
		const expectedAll = running.map((node) => node.name).sort();
		const deadline = Date.now() + timeout;
		let last = '';
		while (Date.now() < deadline) {
			const views = await Promise.all(
				running.map((node) =>
					this.getJson<{ all_nodes: string[]; cluster_nodes: string[] }>(node.index, '/_membership').catch(
						(error: unknown) => String(error)
					)
				)
			);
			const ok = views.every(
				(view) =>
					typeof view !== 'string' &&
					all.every((name) => view.cluster_nodes.includes(name)) &&
					expectedAll.every((name) => view.all_nodes.includes(name))
			);
			if (ok) return;
			last = JSON.stringify(views);
			await sleep(250);
		}
		throw new Error(`Cluster membership not complete after ${timeout} ms: ${last}`);
	}

	isRunning(index: number): boolean {
		const child = this.nodes[index - 1]?.child;
		return Boolean(child && child.exitCode === null && child.signalCode === null);
	}

	/** Starts (or starts again) one node from its own ini, vm.args and data, and waits for `/_up`. */
	async startNode(index: number, timeout = 60_000): Promise<void> {
		const node = this.nodes[index - 1];
		if (!node) throw new Error(`No node ${index}`);
		if (this.isRunning(index)) return;
		const out = openSync(join(node.dir, 'couchdb.stdout.log'), 'a');
		const child = spawn(join(this.installDir, 'bin', 'couchdb'), [], {
			cwd: this.installDir,
			env: {
				...process.env,
				COUCHDB_ARGS_FILE: join(node.dir, 'vm.args'),
				COUCHDB_INI_FILES: `${join(this.installDir, 'etc', 'default.ini')} ${join(node.dir, 'cluster.ini')}`,
				// epmd, when this node starts it, listens on loopback only.
				ERL_EPMD_ADDRESS: HOST
			},
			// Its own process group, so stopping it also stops its couchjs and disksup helpers.
			detached: true,
			stdio: ['ignore', out, out]
		});
		closeSync(out);
		node.child = child;
		const deadline = Date.now() + timeout;
		while (Date.now() < deadline) {
			if (!this.isRunning(index)) {
				throw new Error(`CouchDB node ${index} exited during start; see ${node.dir}/couchdb.log`);
			}
			const up = await fetch(`http://${HOST}:${node.port}/_up`, { signal: AbortSignal.timeout(2_000) }).then(
				(response) => response.ok,
				() => false
			);
			if (up) return;
			await sleep(200);
		}
		throw new Error(`CouchDB node ${index} did not answer /_up within ${timeout} ms`);
	}

	/** Kills one node at once (SIGKILL, as when its machine fails) and waits until it is gone. */
	async stopNode(index: number): Promise<void> {
		const child = this.nodes[index - 1]?.child;
		if (!child || !this.isRunning(index)) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		killGroup(child);
		await exited;
	}

	/** Stops every node, the epmd this cluster started (if any) and removes the temporary directory. */
	async stop(): Promise<void> {
		await Promise.all(this.nodes.map((node) => this.stopNode(node.index)));
		process.removeListener('exit', this.onExit);
		if (!this.epmdWasRunning) {
			const epmd = readdirSync(this.installDir)
				.filter((name) => name.startsWith('erts-'))
				.map((name) => join(this.installDir, name, 'bin', 'epmd'))
				.find((path) => existsSync(path));
			// epmd refuses to stop while any node (someone else's too) is registered with it.
			if (epmd) await run(epmd, ['-kill']).catch(() => undefined);
		}
		await rm(this.dir, { recursive: true, force: true });
	}

	/** Last resort when the test process exits without tearing down: no node outlives it. */
	private killAllNow(): void {
		for (const node of this.nodes) if (node.child && this.isRunning(node.index)) killGroup(node.child);
	}
}

function killGroup(child: ChildProcess): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, 'SIGKILL');
	} catch {
		child.kill('SIGKILL');
	}
}

/** The node's settings on top of CouchDB's default.ini; CouchDB writes its changes back here too. */
function clusterIni(node: ClusterNode, shared: { uuid: string; secret: string }): string {
	return `; Node ${node.index} of a Coproduce test cluster (tests/cluster/couchdb-cluster.ts).
[couchdb]
single_node = false
uuid = ${shared.uuid}
database_dir = ${node.dir}/data
view_index_dir = ${node.dir}/data

[cluster]
n = 3
q = 2

[chttpd]
bind_address = ${HOST}
port = ${node.port}

[chttpd_auth]
secret = ${shared.secret}

[log]
writer = file
file = ${node.dir}/couchdb.log
level = info

[admins]
${ADMIN.user} = ${ADMIN.password}
`;
}
