import type { AppDoc, DocOf, DocType } from '$lib/domain';
import type { Desk } from './desk';
import { meetingWriters } from './meeting-writers';
import { recruitmentWriters } from './recruitment-writers';
import { words } from './words';

export interface Stored {
	rev: string;
	conflicts: string[];
}

/**
 * How each document type lands in the desk. A writer returns the idea whose counts (supports, comments,
 * status, last activity) need working out again, if any.
 */
const writers: {
	[K in DocType]: (desk: Desk, doc: DocOf<K>, stored: Stored) => Promise<string | undefined>;
} = {
	async idea(desk, doc, { rev, conflicts }) {
		const existing = await desk.ideas.get(doc._id);
		await desk.ideas.put({
			id: doc._id,
			rev,
			title: doc.title,
			details: doc.details,
			author: doc.author,
			createdAt: doc.createdAt,
			updatedAt: doc.updatedAt,
			area: doc.area,
			tags: doc.tags,
			origin: doc.origin,
			links: doc.links,
			conflicts,
			status: existing?.status ?? 'new',
			supportCount: existing?.supportCount ?? 0,
			commentCount: existing?.commentCount ?? 0,
			lastActivityAt: existing?.lastActivityAt ?? doc.updatedAt
		});
		await desk.search.put({
			id: doc._id,
			ideaId: doc._id,
			words: words(doc.title, doc.details, doc.area, ...doc.tags)
		});
		return doc._id;
	},
	async comment(desk, doc, { rev, conflicts }) {
		await desk.comments.put({
			id: doc._id,
			rev,
			ideaId: doc.ideaId,
			parentId: doc.parentId,
			author: doc.author,
			body: doc.body,
			hidden: doc.hidden,
			createdAt: doc.createdAt,
			updatedAt: doc.updatedAt,
			conflicts
		});
		if (doc.hidden) await desk.search.delete(doc._id);
		else await desk.search.put({ id: doc._id, ideaId: doc.ideaId, words: words(doc.body) });
		return doc.ideaId;
	},
	async support(desk, doc) {
		await desk.supports.put({
			id: doc._id,
			ideaId: doc.ideaId,
			author: doc.author,
			createdAt: doc.createdAt
		});
		return doc.ideaId;
	},
	async status(desk, doc) {
		await desk.statuses.put({
			id: doc._id,
			ideaId: doc.ideaId,
			author: doc.author,
			to: doc.to,
			reason: doc.reason,
			outcome: doc.outcome,
			qiProject: doc.qiProject,
			createdAt: doc.createdAt
		});
		return doc.ideaId;
	},
	async photo(desk, doc, { rev }) {
		await desk.photos.put({
			id: doc._id,
			rev,
			subject: doc.subject,
			alt: doc.alt,
			author: doc.author,
			createdAt: doc.createdAt
		});
		return doc.subject.startsWith('idea:') ? doc.subject : undefined;
	},
	async visit(desk, doc, { rev, conflicts }) {
		await desk.visits.put({
			id: doc._id,
			rev,
			siteType: doc.siteType,
			siteName: doc.siteName,
			date: doc.date,
			visitors: doc.visitors,
			purpose: doc.purpose,
			status: doc.status,
			template: doc.template,
			author: doc.author,
			createdAt: doc.createdAt,
			conflicts
		});
		return undefined;
	},
	async observation(desk, doc, { rev, conflicts }) {
		await desk.observations.put({
			id: doc._id,
			rev,
			visitId: doc.visitId,
			text: doc.text,
			kind: doc.kind,
			keyQuestion: doc.keyQuestion,
			author: doc.author,
			createdAt: doc.createdAt,
			updatedAt: doc.updatedAt,
			conflicts
		});
		return undefined;
	},
	...meetingWriters,
	...recruitmentWriters
};

export function writeRow(desk: Desk, doc: AppDoc, stored: Stored): Promise<string | undefined> {
	const write = writers[doc.type] as (desk: Desk, doc: AppDoc, stored: Stored) => Promise<string | undefined>;
	return write(desk, doc, stored);
}

/** Removes a document's rows from every read model; answers the idea it belonged to, if any. */
export async function removeRows(desk: Desk, id: string): Promise<string | undefined> {
	const [comment, support, status, photo] = await Promise.all([
		desk.comments.get(id),
		desk.supports.get(id),
		desk.statuses.get(id),
		desk.photos.get(id)
	]);
	await Promise.all(desk.readModels.map((table) => table.delete(id)));
	return (
		comment?.ideaId ??
		support?.ideaId ??
		status?.ideaId ??
		photo?.subject ??
		(id.startsWith('idea:') ? id : undefined)
	);
}

/** Works out an idea's counts, current status and last activity from the rows about it. */
export async function recountIdea(desk: Desk, ideaId: string): Promise<void> {
	const idea = await desk.ideas.get(ideaId);
	if (!idea) return;
	const [supports, comments, statuses] = await Promise.all([
		desk.supports.where('ideaId').equals(ideaId).toArray(),
		desk.comments.where('ideaId').equals(ideaId).toArray(),
		desk.statuses.where('ideaId').equals(ideaId).sortBy('createdAt')
	]);
	const visible = comments.filter((comment) => !comment.hidden);
	const latest = statuses.at(-1);
	const times = [
		idea.updatedAt,
		...visible.map((comment) => comment.createdAt),
		...supports.map((support) => support.createdAt),
		...statuses.map((status) => status.createdAt)
	];
	await desk.ideas.update(ideaId, {
		supportCount: supports.length,
		commentCount: visible.length,
		status: latest?.to ?? 'new',
		lastActivityAt: times.reduce((a, b) => (a > b ? a : b))
	});
}
