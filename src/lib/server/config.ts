/** The server's settings, read from the environment and checked at start. */
import { isIP } from 'node:net';
import type { ServerOptions } from './app';

export type Config = Required<Pick<ServerOptions, 'port' | 'host' | 'dataDir' | 'seedDemo' | 'buildDir'>> &
	Pick<ServerOptions, 'couchdbUrl' | 'databasePrefix' | 'demoPassword' | 'demoKeyPassphrase' | 'trustProxy'>;

type Env = Record<string, string | undefined>;

function nonEmpty(value: string | undefined): string | undefined {
	const trimmed = value?.trim();
	return trimmed ? trimmed : undefined;
}

/** Express's names for address ranges: loopback (127.0.0.1/8, ::1), link-local and unique-local ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address (`10.0.0.5`), or one with a prefix length (`10.0.0.0/8`, `fd00::/8`). */
function isAddressOrSubnet(entry: string): boolean {
	const [address = '', prefix, ...extra] = entry.split('/');
	const family = isIP(address);
	if (family === 0 || extra.length > 0) return false;
	if (prefix === undefined) return true;
	const bits = Number(prefix);
	return /^[0-9]{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: the addresses of the proxies in front of this server, comma-separated (`loopback`,
 * `10.0.0.5`, `10.0.0.0/8`). Only a request that comes from one of them has its `X-Forwarded-For` and
 * `X-Forwarded-Proto` believed. `true` or a hop count would believe any client that reaches the port
 * directly, letting it pick its own address (and escape the per-address sign-in throttle): refused.
 */
export function parseTrustProxy(value: string | undefined): string | undefined {
	const v = nonEmpty(value);
	if (v === undefined || v === 'false' || v === '0') return undefined;
	const entries = v.split(',').map((entry) => entry.trim());
	const wrong = entries.find((entry) => !RANGE_NAMES.has(entry) && !isAddressOrSubnet(entry));
	if (wrong !== undefined) {
		throw new Error(
			`TRUST_PROXY must list the proxies' addresses (for example loopback, or 10.0.0.5 or 10.0.0.0/8), not "${wrong}": anything wider would let a client choose its own address`
		);
	}
	return entries.join(',');
}

/** COUCHDB_DB_PREFIX: lower-case letters, digits, `_` and `-`, starting with a letter (CouchDB's rule). */
export function parseDatabasePrefix(value: string | undefined): string | undefined {
	const v = nonEmpty(value);
	if (v === undefined) return undefined;
	if (!/^[a-z][a-z0-9_-]{0,63}$/.test(v)) {
		throw new Error(
			`COUCHDB_DB_PREFIX must start with a lower-case letter and hold only lower-case letters, digits, _ and -, not "${v}"`
		);
	}
	return v;
}

/**
 * Settings from the environment:
 * PORT (3000), HOST (0.0.0.0), DATA_DIR (./data), BUILD_DIR (./build: the built app), COUCHDB_URL (embedded
 * database if unset),
 * DEMO_PASSWORD and DEMO_KEY_PASSPHRASE (random if unset), NODE_ENV (the demo network is seeded unless `production`),
 * TRUST_PROXY (unset: X-Forwarded-* headers are ignored), COUCHDB_DB_PREFIX (none: the databases'
 * names are prefixed, so several networks can share one CouchDB).
 */
export function readConfig(env: Env = process.env): Config {
	const portText = nonEmpty(env.PORT) ?? '3000';
	const port = Number(portText);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		throw new Error(`PORT must be a number from 0 to 65535, not "${portText}"`);
	}
	return {
		port,
		host: nonEmpty(env.HOST) ?? '0.0.0.0',
		dataDir: nonEmpty(env.DATA_DIR) ?? './data',
		buildDir: nonEmpty(env.BUILD_DIR) ?? 'build',
		couchdbUrl: nonEmpty(env.COUCHDB_URL),
		databasePrefix: parseDatabasePrefix(env.COUCHDB_DB_PREFIX),
		demoPassword: nonEmpty(env.DEMO_PASSWORD),
		demoKeyPassphrase: nonEmpty(env.DEMO_KEY_PASSPHRASE),
		seedDemo: env.NODE_ENV !== 'production',
		trustProxy: parseTrustProxy(env.TRUST_PROXY)
	};
}
