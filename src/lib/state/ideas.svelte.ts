import {
	commentInputSchema,
	commentSchema,
	fieldErrors,
	mayChange,
	newDocId,
	statusChangeInputSchema,
	statusChangeSchema,
	supportId,
	supportSchema,
	type Actor,
	type StatusChangeInput
} from '$lib/domain';
import { nowIso, today } from '$lib/format';
import type { CommentRow, IdeaRow, PhotoRow, StatusRow } from '$lib/store/desk';
import { queryIdeas, type IdeaQuery, type IdeaSort } from '$lib/store/idea-query';
import { loadIdeaActions, type ActionView } from '$lib/store/meeting-query';
import { statusOf, type DocSyncStatus } from '$lib/store/status';
import { whyNotSaved } from '$lib/store/save-errors';
import type { Workspace } from '$lib/store/workspace';
import { Attempt } from './attempt.svelte';
import { Live } from './live.svelte';

export interface IdeaItem {
	row: IdeaRow;
	status: DocSyncStatus;
}

const PAGE = 50;

async function withStatus(workspace: Workspace, rows: IdeaRow[]): Promise<IdeaItem[]> {
	const statuses = await workspace.desk.docStatus.bulkGet(rows.map((row) => row.id));
	return rows.map((row, i) => ({ row, status: statusOf(row.rev, statuses[i]) }));
}

/** Ideas from the desk: filtered, sorted and searched on the device, a page at a time. */
export class IdeaList {
	text = $state('');
	status = $state<IdeaQuery['status']>();
	area = $state('');
	tag = $state('');
	mine = $state(false);
	supported = $state(false);
	sort = $state<IdeaSort>('newest');
	limit = $state(PAGE);
	readonly page: Live<{ items: IdeaItem[]; total: number; indexPending: boolean }, IdeaQuery>;

	constructor(workspace: Workspace, me: string) {
		this.page = new Live(
			() => ({
				text: this.text,
				status: this.status,
				area: this.area || undefined,
				tag: this.tag.trim().toLowerCase() || undefined,
				mine: this.mine,
				supported: this.supported,
				sort: this.sort,
				limit: this.limit
			}),
			async (query) => {
				const page = await queryIdeas(workspace.desk, me, query);
				const items = await withStatus(workspace, page.rows);
				return { items, total: page.total, indexPending: page.indexPending ?? false };
			},
			{ items: [], total: 0, indexPending: false }
		);
	}

	showMore(): void {
		this.limit += PAGE;
	}

	clear(): void {
		this.text = '';
		this.status = undefined;
		this.area = '';
		this.tag = '';
		this.mine = false;
		this.supported = false;
		this.limit = PAGE;
	}
}

export interface CommentItem {
	row: CommentRow;
	status: DocSyncStatus;
	replies: { row: CommentRow; status: DocSyncStatus }[];
}

export interface IdeaView {
	item: IdeaItem;
	comments: CommentItem[];
	history: StatusRow[];
	photos: PhotoRow[];
	supportedByMe: boolean;
	/** Visits whose observations this idea came from. */
	sources: { observationId: string; visitId: string; siteName: string }[];
	/** What meetings agreed to do about it, with where each action has got to. */
	actions: ActionView[];
}

/** One idea with everything about it, following the desk. */
export class IdeaDetail {
	readonly view: Live<IdeaView | undefined, string>;

	constructor(workspace: Workspace, me: string, id: () => string) {
		const { desk } = workspace;
		this.view = new Live(
			id,
			async (ideaId) => {
				const row = await desk.ideas.get(ideaId);
				if (!row) return undefined;
				const [item] = await withStatus(workspace, [row]);
				const [comments, history, photos, mySupport, actions] = await Promise.all([
					desk.comments.where('ideaId').equals(ideaId).sortBy('createdAt'),
					desk.statuses.where('ideaId').equals(ideaId).sortBy('createdAt'),
					desk.photos.where('subject').equals(ideaId).sortBy('createdAt'),
					desk.supports.get(supportId(ideaId, me)),
					loadIdeaActions(desk, ideaId, today())
				]);
				const statuses = await desk.docStatus.bulkGet(comments.map((comment) => comment.id));
				const withStatuses = comments.map((comment, i) => ({
					row: comment,
					status: statusOf(comment.rev, statuses[i])
				}));
				const threads: CommentItem[] = withStatuses
					.filter((comment) => comment.row.parentId === null)
					.map((top) => ({
						...top,
						replies: withStatuses.filter((reply) => reply.row.parentId === top.row.id)
					}));
				const observations = await desk.observations.bulkGet(
					row.links.filter((link) => link.startsWith('observation:'))
				);
				const visits = await desk.visits.bulkGet(observations.map((o) => o?.visitId ?? ''));
				const sources = observations.flatMap((o, i) => {
					const visit = visits[i];
					return o && visit ? [{ observationId: o.id, visitId: visit.id, siteName: visit.siteName }] : [];
				});
				return item
					? {
							item,
							comments: threads,
							history,
							photos,
							supportedByMe: Boolean(mySupport),
							sources,
							actions
						}
					: undefined;
			},
			undefined
		);
	}
}

/**
 * What people do on an idea's page: support it, discuss it, move it along. All offline. A write the device
 * cannot take (a full phone) comes back as a message for the form or button, never as an error.
 */
export class IdeaActions {
	/** Support given or taken back, and comments hidden or shown: why the last one failed. */
	readonly tap = new Attempt('Your change');

	constructor(
		private readonly workspace: Workspace,
		private readonly actor: Actor,
		private readonly ideaId: string
	) {}

	get canChangeStatus(): boolean {
		return this.actor.roles.includes('coordinator') || this.actor.roles.includes('chair');
	}

	async toggleSupport(): Promise<void> {
		await this.tap.run(() => this.writeSupport());
	}

	private async writeSupport(): Promise<void> {
		const id = supportId(this.ideaId, this.actor.name);
		const existing = await this.workspace.ledger.get(id);
		if (existing) {
			await this.workspace.writer.remove(id, existing._rev);
			return;
		}
		const at = nowIso();
		const support = supportSchema.parse({
			_id: id,
			type: 'support',
			schemaVersion: 1,
			author: this.actor.name,
			createdAt: at,
			updatedAt: at,
			ideaId: this.ideaId
		});
		await this.workspace.writer.save(support);
	}

	/** Adds a comment (or a reply to a top-level comment); answers field errors if the text is not right. */
	async comment(body: string, parentId: string | null = null): Promise<Record<string, string> | undefined> {
		const parsed = commentInputSchema.safeParse({ body });
		if (!parsed.success) return fieldErrors(parsed.error.issues);
		const at = nowIso();
		const comment = commentSchema.parse({
			_id: newDocId('comment'),
			type: 'comment',
			schemaVersion: 1,
			author: this.actor.name,
			createdAt: at,
			updatedAt: at,
			ideaId: this.ideaId,
			parentId,
			body: parsed.data.body,
			hidden: false
		});
		return this.saved('body', 'Your comment', () => this.workspace.writer.save(comment));
	}

	mayEditComment(comment: CommentRow): boolean {
		return mayChange(this.actor, comment.author);
	}

	async editComment(id: string, body: string): Promise<Record<string, string> | undefined> {
		const parsed = commentInputSchema.safeParse({ body });
		if (!parsed.success) return fieldErrors(parsed.error.issues);
		const edited = { body: parsed.data.body };
		return this.saved('body', 'Your change', () => this.updateComment(id, edited));
	}

	async setHidden(id: string, hidden: boolean): Promise<void> {
		await this.tap.run(() => this.updateComment(id, { hidden }));
	}

	async changeStatus(input: StatusChangeInput): Promise<Record<string, string> | undefined> {
		const parsed = statusChangeInputSchema.safeParse(input);
		if (!parsed.success) return fieldErrors(parsed.error.issues);
		const at = nowIso();
		const change = statusChangeSchema.parse({
			_id: newDocId('status'),
			type: 'status',
			schemaVersion: 1,
			author: this.actor.name,
			createdAt: at,
			updatedAt: at,
			ideaId: this.ideaId,
			...parsed.data
		});
		return this.saved('form', 'The status change', () => this.workspace.writer.save(change));
	}

	/** Runs a write; a failure becomes the message of `field` ("form": the whole form). */
	private async saved(
		field: string,
		what: string,
		write: () => Promise<unknown>
	): Promise<Record<string, string> | undefined> {
		try {
			await write();
			return undefined;
		} catch (error) {
			return { [field]: `${what} could not be saved on this device: ${whyNotSaved(error)}.` };
		}
	}

	private async updateComment(id: string, changes: { body?: string; hidden?: boolean }): Promise<void> {
		const current = await this.workspace.ledger.get(id);
		if (!current) return;
		const { _rev: rev, _conflicts: _ignored, ...content } = current;
		const comment = commentSchema.parse({ ...content, ...changes, updatedAt: nowIso() });
		await this.workspace.writer.save(comment, rev);
	}
}
