/**
 * What the access matrix tests share (matrix.test.ts, matrix-measures.test.ts): the principals every route
 * is tried as, and a request as one of them.
 */
import type { TestGateway } from './gateway';

export const PRINCIPALS = ['anonymous', 'member', 'chair', 'recruiter', 'coordinator'] as const;
export type Principal = (typeof PRINCIPALS)[number];

/** The demo accounts a matrix signs in: every principal but anonymous. */
export const SIGNED_IN = ['member', 'chair', 'recruiter', 'coordinator'] as const;

/** A request to the gateway as `principal` (no session cookie for anonymous). */
export function requestAs(
	gateway: TestGateway,
	path: string,
	principal: Principal,
	init: RequestInit = {}
): Promise<Response> {
	const cookie = principal === 'anonymous' ? undefined : gateway.cookies[principal];
	return gateway.request(path, { ...init, cookie });
}
