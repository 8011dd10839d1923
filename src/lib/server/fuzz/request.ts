/** A generated request for gateway.fuzz.test.ts, and how fast-check shows one in a counterexample. */
import fc from 'fast-check';
import type { Principal } from './harness';

export interface FuzzRequest {
	principal: Principal;
	method: string;
	/** Raw path and query, with placeholders. */
	path: string;
	body?: string;
	contentType?: string;
}

/** Shows a request briefly in fast-check's counterexamples (bodies can be 200 KB). */
export function described(request: FuzzRequest): FuzzRequest {
	const body =
		request.body === undefined ? '' : ` body(${request.body.length}): ${request.body.slice(0, 300)}`;
	return Object.assign(request, {
		[fc.toStringMethod]: () => `${request.principal} ${request.method} ${request.path.slice(0, 500)}${body}`
	});
}
