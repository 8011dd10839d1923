import type { DocOf } from '$lib/domain';
import type { Projected, Stored } from './read-models';

/** How events and coordinators' public keys land in the desk (spread into read-models.ts `writers`). */
export const recruitmentWriters = {
	event(doc: DocOf<'event'>, { rev, conflicts }: Stored): Projected {
		return {
			rows: {
				events: {
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
				}
			}
		};
	},
	coordinatorKey(doc: DocOf<'coordinatorKey'>): Projected {
		return {
			rows: {
				coordinatorKeys: {
					id: doc._id,
					keyId: doc.keyId,
					publicKey: doc.publicKey,
					coordinatorName: doc.coordinatorName,
					author: doc.author,
					createdAt: doc.createdAt
				}
			}
		};
	}
};
