import {
	commentInputSchema,
	mayChange,
	newDoc,
	statusChangeInputSchema,
	supportId,
	type Actor,
	type CommentInput,
	type IdeaStatus,
	type Result,
	type StatusChangeInput,
	success
} from '$lib/domain';
import { today } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import type { CommentRow } from '$lib/store/desk';
import {
	loadIdeaPage,
	loadIdeaView,
	loadOutcomes,
	type IdeaListPage,
	type IdeaQuery,
	type IdeaSort,
	type IdeaView,
	type Outcome
} from '$lib/store/idea-query';
import { saveFailure } from '$lib/store/save-errors';
import type { Workspace } from '$lib/store/workspace';
import { Attempt } from './attempt.svelte';
import { checkedBy, Form, type FormFields } from './draft-form.svelte';
import { Live } from './live.svelte';

/**
 * Ideas on the device: the list with its filters, one idea with everything about it, the outcomes feed,
 * and what people do on an idea's page (support, comment, move it along). Reads are in store/idea-query.ts.
 */

const PAGE = 50;

/** The list's filters, as the filter fields edit them ('' is "any"). */
export interface IdeaFilterValues {
	search: string;
	status: IdeaStatus | '';
	area: string;
	tag: string;
	sort: IdeaSort;
	mine: boolean;
	supported: boolean;
}

const NO_FILTERS: IdeaFilterValues = {
	search: '',
	status: '',
	area: '',
	tag: '',
	sort: 'newest',
	mine: false,
	supported: false
};

/** Ideas from the desk: filtered, sorted and searched on the device, a page at a time. */
export class IdeaList implements FormFields<IdeaFilterValues> {
	values = $state<IdeaFilterValues>({ ...NO_FILTERS });
	/** Filters are never wrong (the field components ask). */
	readonly errors: Record<string, string> = {};
	limit = $state(PAGE);
	readonly page: Live<IdeaListPage, IdeaQuery>;

	constructor(workspace: Workspace, me: string, filters: Partial<IdeaFilterValues> = {}) {
		this.values = { ...NO_FILTERS, ...filters };
		this.page = new Live(
			() => this.query,
			(query) => loadIdeaPage(workspace.desk, me, query),
			{ items: [], total: 0, indexPending: false }
		);
	}

	private get query(): IdeaQuery {
		const { search, status, area, tag, sort, mine, supported } = this.values;
		return {
			text: search,
			status: status || undefined,
			area: area || undefined,
			tag: tag.trim().toLowerCase() || undefined,
			mine,
			supported,
			sort,
			limit: this.limit
		};
	}

	update<K extends keyof IdeaFilterValues>(field: K, value: IdeaFilterValues[K]): void {
		this.values[field] = value;
	}

	showMore(): void {
		this.limit += PAGE;
	}

	/** Clears the filters (the order stays). */
	clear(): void {
		this.values = { ...NO_FILTERS, sort: this.values.sort };
		this.limit = PAGE;
	}
}

/** One idea with everything about it, following the desk (undefined when it is not on this device). */
export function ideaDetail(
	workspace: Workspace,
	me: string,
	id: () => string
): Live<IdeaView | undefined, string> {
	return new Live(id, (ideaId) => loadIdeaView(workspace.desk, me, ideaId, today()), undefined);
}

/** "You said, we did": the newest endings of ideas, with what happened. */
export function outcomeFeed(workspace: Workspace, limit = 50): Live<Outcome[]> {
	return new Live(
		() => undefined,
		() => loadOutcomes(workspace.desk, limit),
		[]
	);
}

/** A comment's form (a new comment, a reply, an edit of one). */
export function commentForm(body = ''): Form<{ body: string }, CommentInput> {
	return new Form({ body }, (values) => checkedBy(commentInputSchema.safeParse(values)));
}

export interface StatusFormValues {
	to: IdeaStatus;
	reason: string;
	outcome: string;
	/** The outcome in easy read (optional). */
	easyRead: string;
	/** The project it is taken forward as ('' for none). */
	projectId: string;
}

/** The form that moves an idea on from `current`, with its reason and "You said, we did". */
export function statusChangeForm(current: IdeaStatus): Form<StatusFormValues, StatusChangeInput> {
	return new Form({ to: current, reason: '', outcome: '', easyRead: '', projectId: '' }, (values) =>
		checkedBy(
			statusChangeInputSchema.safeParse({
				...values,
				projectId: values.to === 'taken-forward' ? values.projectId || null : null
			})
		)
	);
}

/**
 * What people do on an idea's page: support it, discuss it, move it along. All offline. A write the device
 * cannot take (a full phone) comes back as a `Failure` for the form, or as the problem of `tap` for a
 * button, never as an error.
 */
export class IdeaActions {
	/** Support given or taken back, and comments hidden or shown: why the last one failed. */
	readonly tap = new Attempt(m.ideas_what_change());

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
		const { ledger, writer } = this.workspace;
		const id = supportId(this.ideaId, this.actor.name);
		const existing = await ledger.get(id);
		if (existing) {
			await writer.remove(id, existing._rev);
			return;
		}
		await writer.save(newDoc('support', this.actor.name, { ideaId: this.ideaId }, { id }));
	}

	/** Adds a comment (or a reply to a top-level comment); answers its id. */
	comment({ body }: CommentInput, parentId: string | null = null): Promise<Result<string>> {
		return this.saved(m.ideas_what_comment(), async () => {
			const comment = newDoc('comment', this.actor.name, {
				ideaId: this.ideaId,
				parentId,
				body,
				hidden: false
			});
			await this.workspace.writer.save(comment);
			return comment._id;
		});
	}

	mayEditComment(comment: CommentRow): boolean {
		return mayChange(this.actor, comment.author);
	}

	editComment(id: string, { body }: CommentInput): Promise<Result<string>> {
		return this.saved(m.ideas_what_change(), () =>
			this.workspace.writer.update('comment', id, () => ({ body }))
		);
	}

	async setHidden(id: string, hidden: boolean): Promise<void> {
		await this.tap.run(() => this.workspace.writer.update('comment', id, () => ({ hidden })));
	}

	/** Adds a step to the idea's history; answers its id. */
	changeStatus(input: StatusChangeInput): Promise<Result<string>> {
		return this.saved(m.ideas_what_status_change(), async () => {
			const change = newDoc('status', this.actor.name, { ideaId: this.ideaId, ...input });
			await this.workspace.writer.save(change);
			return change._id;
		});
	}

	/** Runs a write; a failure (`what` names the thing: "Your comment") comes back as a `Failure`. */
	private async saved<T>(what: string, write: () => Promise<T>): Promise<Result<T>> {
		try {
			return success(await write());
		} catch (error) {
			return saveFailure(error, what);
		}
	}
}
