import { describe, expect, it } from 'vitest';
import { confinedUrl, PathEscapeError } from './confine';

const ORIGIN = 'http://127.0.0.1:5984';

describe('confinedUrl', () => {
	it('passes paths inside the database as they are', () => {
		expect(confinedUrl(ORIGIN, '/network', '/network')).toBe(`${ORIGIN}/network`);
		expect(confinedUrl(ORIGIN, '/network', '/network/_changes', 'since=0')).toBe(
			`${ORIGIN}/network/_changes?since=0`
		);
		expect(confinedUrl(ORIGIN, '/t1-network', '/t1-network/idea%3A1/photo%2F1.jpg')).toBe(
			`${ORIGIN}/t1-network/idea%3A1/photo%2F1.jpg`
		);
	});

	it('refuses any path that normalisation would move, or that starts elsewhere', () => {
		for (const path of [
			'/network/../signups/_all_docs',
			'/network/./_all_docs',
			'/network/x/../../_node/_local/_config/admins',
			'/network/%2e%2e/signups',
			'/network/.%2E/signups',
			'/networkx/_all_docs',
			'/signups/_all_docs',
			'/network\\..\\signups',
			'/network/..'
		]) {
			expect(() => confinedUrl(ORIGIN, '/network', path), path).toThrow(PathEscapeError);
		}
	});

	it('refuses a scope that is not one database', () => {
		expect(() => confinedUrl(ORIGIN, '/', '/network')).toThrow(PathEscapeError);
		expect(() => confinedUrl(ORIGIN, '/a/b', '/a/b/c')).toThrow(PathEscapeError);
	});
});
