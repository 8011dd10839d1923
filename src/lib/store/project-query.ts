/** Reading co-production projects from the desk. */
import { projectsOf } from '$lib/domain';
import type { Desk } from './desk';

/** The projects `name` leads or is on the team of, from this device's copy (the app's `Actor.teamOf`). */
export async function loadTeamOf(desk: Desk, name: string): Promise<string[]> {
	return projectsOf(await desk.projects.toArray(), name);
}
