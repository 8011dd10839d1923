import { meetingIdOf, MEETING_SCHEMAS, typeOfId } from '$lib/domain';

/** Meetings are addressed by the ULID part of their id: `/meetings/01J…` for `meeting:01J…`. */
export function meetingPath(id: string, page?: 'agenda' | 'notes' | 'minutes' | 'edit'): string {
	const base = `/meetings/${encodeURIComponent(id.replace(/^meeting:/, ''))}`;
	return page ? `${base}/${page}` : base;
}

export function meetingIdFromParam(param: string): string {
	return `meeting:${param}`;
}

export function groupPath(id: string): string {
	return `/meetings/groups/${encodeURIComponent(id.replace(/^group:/, ''))}`;
}

export function groupIdFromParam(param: string): string {
	return `group:${param}`;
}

export function isMeetingDocId(id: string): boolean {
	const type = typeOfId(id);
	return type !== undefined && Object.hasOwn(MEETING_SCHEMAS, type);
}

/**
 * Where a meeting document is shown: its meeting when the id names it or the document gives its `meetingId`,
 * else the meetings page.
 */
export function meetingDocPath(id: string, content?: Record<string, unknown>): string {
	if (id.startsWith('group:')) return groupPath(id);
	const named = content?.meetingId;
	const meetingId =
		meetingIdOf(id) ?? (typeof named === 'string' && named.startsWith('meeting:') ? named : undefined);
	if (!meetingId) return '/meetings';
	return meetingPath(meetingId, id.startsWith('meeting-note:') ? 'notes' : undefined);
}
