import { isMeetingDocId, meetingDocPath } from './meeting-paths';

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

/** Visits likewise: `/visits/01J…` for `visit:01J…`. */
export function visitPath(id: string): string {
	return `/visits/${encodeURIComponent(id.replace(/^visit:/, ''))}`;
}

export function visitIdFromParam(param: string): string {
	return `visit:${param}`;
}

/** Where a document of any type is shown. */
export function docPath(id: string): string {
	if (id.startsWith('idea:')) return ideaPath(id);
	if (id.startsWith('visit:')) return visitPath(id);
	if (id.startsWith('observation:')) return '/visits';
	if (isMeetingDocId(id)) return meetingDocPath(id);
	return '/sync';
}

/** The page to settle a document's conflicting versions. */
export function conflictPath(id: string): string {
	return `/conflicts/${encodeURIComponent(id)}`;
}
