/**
 * Where to go after signing in: only a same-site path is followed. Apart from `$lib/paths`, which brings
 * the schemas (zod) that the first page does without.
 */
export function safeNext(next: string | null): string {
	return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
