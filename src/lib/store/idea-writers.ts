/**
 * How ideas, their discussion (comments, supports, status changes) and photos land in the desk. An idea's
 * counts, status and last activity start empty here: the `ideaCounts` rollup (idea-counts.ts) works them
 * out before its row is stored.
 */
import { contentRow, createdRow, type Writers } from './read-models';

export const ideaWriters: Writers<'idea' | 'comment' | 'support' | 'status' | 'photo'> = {
	idea: (doc, { rev, conflicts }) => ({
		rows: {
			ideas: {
				...contentRow(doc),
				rev,
				conflicts,
				status: 'new',
				supportCount: 0,
				commentCount: 0,
				lastActivityAt: doc.updatedAt
			}
		}
	}),
	comment: (doc, { rev, conflicts }) => ({ rows: { comments: { ...contentRow(doc), rev, conflicts } } }),
	support: (doc) => ({ rows: { supports: createdRow(doc) } }),
	status: (doc) => ({ rows: { statuses: createdRow(doc) } }),
	photo: (doc, { rev }) => ({ rows: { photos: { ...createdRow(doc), rev } } })
};
