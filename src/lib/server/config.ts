import type { ServerOptions } from './app';

export type Config = Required<Pick<ServerOptions, 'port' | 'host' | 'dataDir' | 'seedDemo' | 'buildDir'>> &
	Pick<ServerOptions, 'couchdbUrl' | 'demoPassword' | 'trustProxy'>;

type Env = Record<string, string | undefined>;

function nonEmpty(value: string | undefined): string | undefined {
	const trimmed = value?.trim();
	return trimmed ? trimmed : undefined;
}

/** TRUST_PROXY: `true`, a hop count, or anything Express's `trust proxy` accepts (`loopback`, addresses). */
export function parseTrustProxy(value: string | undefined): boolean | number | string | undefined {
	const v = nonEmpty(value);
	if (v === undefined || v === 'false' || v === '0') return undefined;
	if (v === 'true') return true;
	if (/^\d+$/.test(v)) return Number(v);
	return v;
}

/**
 * Settings from the environment:
 * PORT (3000), HOST (0.0.0.0), DATA_DIR (./data), BUILD_DIR (./build: the built app), COUCHDB_URL (embedded
 * database if unset),
 * DEMO_PASSWORD (random if unset), NODE_ENV (the demo network is seeded unless `production`),
 * TRUST_PROXY (unset: X-Forwarded-* headers are ignored).
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
		demoPassword: nonEmpty(env.DEMO_PASSWORD),
		seedDemo: env.NODE_ENV !== 'production',
		trustProxy: parseTrustProxy(env.TRUST_PROXY)
	};
}
