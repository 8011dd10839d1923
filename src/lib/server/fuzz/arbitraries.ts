/**
 * Whole requests for gateway.fuzz.test.ts: any method on any `/db` path, the replication routes and the
 * measures' counts (`/api/measures/people`), with the paths (paths.ts), query strings (queries.ts) and
 * bodies (bodies.ts) generated; revision trees are in revision-trees.ts.
 */
import fc from 'fast-check';
import { body, CONTENT_TYPES } from './bodies';
import { dbPath, measuresPath, method, principal } from './paths';
import { queryString } from './queries';
import { described, type FuzzRequest } from './request';

/** Any method on the paths `paths` generates, with garbage query strings and bodies. */
function anyMethodOn(paths: fc.Arbitrary<string>): fc.Arbitrary<FuzzRequest> {
	return fc
		.record({
			principal,
			method,
			path: paths,
			query: queryString,
			body: fc.option(body, { nil: undefined, freq: 2 }),
			contentType: fc.constantFrom(...CONTENT_TYPES)
		})
		.map(({ principal, method, path, query, body, contentType }) =>
			described({
				principal,
				method,
				path: path + query,
				...(body === undefined || method === 'GET' || method === 'HEAD' ? {} : { body, contentType })
			})
		);
}

/** Any method on any `/db` path, with garbage query strings and bodies. */
export const anyRequest = anyMethodOn(dbPath);

/** The measures' counts route and paths around it, by anyone but those who may read it, with garbage. */
export const measuresRequest = anyMethodOn(measuresPath);

/** The replication routes, each with garbage query strings and wrong or malformed bodies. */
export const routeRequest: fc.Arbitrary<FuzzRequest> = fc
	.record({
		principal,
		route: fc.constantFrom<[string, string]>(
			['GET', '/db/network/'],
			['GET', '/db/network/_all_docs'],
			['POST', '/db/network/_all_docs'],
			['GET', '/db/network/_changes'],
			['POST', '/db/network/_changes'],
			['POST', '/db/network/_bulk_get'],
			['POST', '/db/network/_revs_diff'],
			['POST', '/db/network/_bulk_docs'],
			['GET', '/db/network/@MINE@'],
			['GET', '/db/network/@CHAIRS@'],
			['GET', '/db/network/@PROJECT@'],
			['PUT', '/db/network/@PROJECT@'],
			['PUT', '/db/network/@MINE@'],
			['DELETE', '/db/network/@MINE@'],
			['GET', '/db/network/@ATT@/photo.png'],
			['GET', '/db/network/_local/x'],
			['PUT', '/db/network/_local/x'],
			['POST', '/db/signups/_bulk_get'],
			['GET', '/db/signups/_changes']
		),
		query: queryString,
		body,
		contentType: fc.constantFrom(...CONTENT_TYPES)
	})
	.map(({ principal, route: [method, path], query, body, contentType }) =>
		described({
			principal,
			method,
			path: path + query,
			...(method === 'GET' || method === 'DELETE' ? {} : { body, contentType })
		})
	);
