/**
 * Every URL the gateway sends to its store stays inside one database: the path it built is the path
 * `fetch` will send (no `.` or `..` segment for URL normalisation to fold away), and it starts with that
 * database's own base path. A path that would leave it is a client's doing, so it is a 400, never a
 * request to the store.
 */

export class PathEscapeError extends Error {
	readonly status = 400;
	constructor(path: string) {
		super(`A path that leaves its database was refused: ${path.slice(0, 200)}`);
		this.name = 'PathEscapeError';
	}
}

/**
 * `origin + path (+ ? + query)`, checked: `path` must be `scope` or below it, exactly as given, after the
 * URL is parsed. `scope` is a database's base path, e.g. `/network`.
 */
export function confinedUrl(origin: string, scope: string, path: string, query = ''): string {
	const url = origin + path + (query ? '?' + query : '');
	const parsed = new URL(url);
	const inside = path === scope || path.startsWith(scope + '/');
	if (!inside || parsed.pathname !== path || scope.length < 2 || scope.slice(1).includes('/')) {
		throw new PathEscapeError(path);
	}
	return url;
}
