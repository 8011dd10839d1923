/** Ideas are addressed by the ULID part of their id: `/ideas/01J…` for `idea:01J…`. */
export function ideaPath(id: string): string {
	return `/ideas/${encodeURIComponent(id.replace(/^idea:/, ''))}`;
}

export function ideaIdFromParam(param: string): string {
	return `idea:${param}`;
}

/** Only same-site paths are followed after signing in. */
export function safeNext(next: string | null): string {
	return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Where a document of any type is shown. */
export function docPath(id: string): string {
	return id.startsWith('idea:') ? ideaPath(id) : '/sync';
}

/** The page to settle a document's conflicting versions. */
export function conflictPath(id: string): string {
	return `/conflicts/${encodeURIComponent(id)}`;
}
