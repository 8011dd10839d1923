/** Reading members' profiles from the desk (only the signed-in member's own, or everyone's for a coordinator). */
import { profileId } from '$lib/domain';
import type { Desk } from './desk';
import type { ProfileRow } from './involvement-rows';
import type { Synced } from './meeting-query';
import { withStatuses } from './status';

/** A member's profile with its sync status, or null when there is none on this device. */
export async function loadProfile(desk: Desk, member: string): Promise<Synced<ProfileRow> | null> {
	const row = await desk.profiles.get(profileId(member));
	if (!row) return null;
	const [synced] = await withStatuses(desk, [row]);
	return synced ?? null;
}
