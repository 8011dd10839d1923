import type { DocOf } from '$lib/domain';
import type { Desk } from './desk';

interface Stored {
	rev: string;
	conflicts: string[];
}

/** How events and coordinators' public keys land in the desk (spread into read-models.ts `writers`). */
export const recruitmentWriters = {
	async event(desk: Desk, doc: DocOf<'event'>, { rev, conflicts }: Stored): Promise<undefined> {
		await desk.events.put({
			id: doc._id,
			rev,
			name: doc.name,
			date: doc.date,
			place: doc.place,
			kind: doc.kind,
			communities: doc.communities,
			author: doc.author,
			createdAt: doc.createdAt,
			updatedAt: doc.updatedAt,
			conflicts
		});
		return undefined;
	},
	async coordinatorKey(desk: Desk, doc: DocOf<'coordinatorKey'>): Promise<undefined> {
		await desk.coordinatorKeys.put({
			id: doc._id,
			keyId: doc.keyId,
			publicKey: doc.publicKey,
			coordinatorName: doc.coordinatorName,
			author: doc.author,
			createdAt: doc.createdAt
		});
		return undefined;
	}
};
