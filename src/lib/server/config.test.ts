import { describe, expect, it } from 'vitest';
import { parseDatabasePrefix, parseTrustProxy, readConfig } from './config';

describe('parseTrustProxy', () => {
	it("takes the proxies' addresses and ranges", () => {
		expect(parseTrustProxy(undefined)).toBeUndefined();
		expect(parseTrustProxy('false')).toBeUndefined();
		expect(parseTrustProxy('loopback')).toBe('loopback');
		expect(parseTrustProxy(' loopback, 10.0.0.5 ,10.1.0.0/16,fd00::/8 ')).toBe(
			'loopback,10.0.0.5,10.1.0.0/16,fd00::/8'
		);
	});

	it('refuses settings that would believe any client', () => {
		for (const value of ['true', '1', '2', 'everyone', '10.0.0.0/33', '10.0.0.1/8/1', '0.0.0.0/x']) {
			expect(() => parseTrustProxy(value), value).toThrow(/TRUST_PROXY must list the proxies' addresses/);
		}
		expect(() => readConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
	});
});

describe('parseDatabasePrefix', () => {
	it("takes a prefix CouchDB accepts in a database's name", () => {
		expect(parseDatabasePrefix(undefined)).toBeUndefined();
		expect(parseDatabasePrefix('north-cfn_')).toBe('north-cfn_');
		expect(readConfig({ COUCHDB_DB_PREFIX: 'e2e-1-' }).databasePrefix).toBe('e2e-1-');
		for (const value of ['1abc', 'Abc', 'a/b', 'a b', '../x']) {
			expect(() => parseDatabasePrefix(value), value).toThrow(/COUCHDB_DB_PREFIX/);
		}
	});
});
