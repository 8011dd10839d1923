import { nowIso } from '$lib/format';
import {
	editIdea,
	fieldErrors,
	ideaInputSchema,
	newDocId,
	newIdea,
	mayChange,
	type Actor,
	type Idea,
	type IdeaInput
} from '$lib/domain';
import type { IdeaRow } from '$lib/store/desk';
import { isConflict } from '$lib/store/ledger';
import { statusOf, type DocSyncStatus } from '$lib/store/status';
import type { Workspace } from '$lib/store/workspace';
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

/** Newest ideas first, a page at a time, straight from the desk. */
export class IdeaList {
	limit = $state(PAGE);
	readonly items: Live<IdeaItem[], number>;
	readonly total: Live<number>;

	constructor(workspace: Workspace) {
		this.items = new Live(
			() => this.limit,
			async (limit) =>
				withStatus(
					workspace,
					await workspace.desk.ideas.orderBy('createdAt').reverse().limit(limit).toArray()
				),
			[]
		);
		this.total = new Live(
			() => undefined,
			() => workspace.desk.ideas.count(),
			0
		);
	}

	showMore(): void {
		this.limit += PAGE;
	}
}

/** One idea with its sync status, following the desk. */
export class IdeaDetail {
	readonly item: Live<IdeaItem | undefined, string>;

	constructor(workspace: Workspace, id: () => string) {
		this.item = new Live(
			id,
			async (ideaId) => {
				const row = await workspace.desk.ideas.get(ideaId);
				return row ? (await withStatus(workspace, [row]))[0] : undefined;
			},
			undefined
		);
	}
}

export type SaveOutcome = { ok: true; id: string } | { ok: false };

const EMPTY: IdeaInput = { title: '', details: '' };

/**
 * The create/edit form's state. Every keystroke is kept as a draft on the device, so a killed tab or a
 * failed save never loses what was typed.
 */
export class IdeaEditor {
	values = $state<IdeaInput>({ ...EMPTY });
	errors = $state<Record<string, string>>({});
	/** A problem with the whole form (not one field). */
	problem = $state<string>();
	restoredDraftAt = $state<string>();
	saving = $state(false);
	ready = $state(false);
	/** Set when this person cannot edit this idea (not theirs, or not on this device). */
	unavailable = $state<string>();

	private baseRev: string | undefined;
	private readonly draftKey: string;

	constructor(
		private readonly workspace: Workspace,
		private readonly actor: Actor,
		private readonly editing?: string
	) {
		this.draftKey = editing ? `idea:edit:${editing}` : 'idea:new';
	}

	/** Loads the idea being edited, then any unsaved draft over it. */
	async load(): Promise<void> {
		if (this.editing) {
			const current = await this.workspace.ledger.get(this.editing);
			const author = typeof current?.author === 'string' ? current.author : undefined;
			if (!current) {
				this.unavailable = 'This idea is not on this device. It may not have synced yet.';
			} else if (!mayChange(this.actor, author)) {
				this.unavailable = `Only ${author ?? 'its author'} or a coordinator can change this idea.`;
			} else {
				this.values = { title: String(current.title ?? ''), details: String(current.details ?? '') };
				this.baseRev = current._rev;
			}
		}
		const draft = await this.workspace.desk.drafts.get(this.draftKey);
		if (draft) {
			this.values = { ...this.values, ...draft.values };
			this.baseRev = draft.baseRev ?? this.baseRev;
			this.restoredDraftAt = draft.updatedAt;
		}
		this.ready = true;
	}

	/** Called on every keystroke. */
	async update(field: keyof IdeaInput, value: string): Promise<void> {
		this.values[field] = value;
		if (this.errors[field]) this.revalidate(field);
		await this.workspace.desk.drafts.put({
			key: this.draftKey,
			values: { ...this.values },
			baseRev: this.baseRev,
			updatedAt: nowIso()
		});
	}

	async discardDraft(): Promise<void> {
		await this.workspace.desk.drafts.delete(this.draftKey);
		this.restoredDraftAt = undefined;
		this.values = { ...EMPTY };
		this.errors = {};
		await this.load();
	}

	async save(): Promise<SaveOutcome> {
		this.problem = undefined;
		const parsed = ideaInputSchema.safeParse(this.values);
		if (!parsed.success) {
			this.errors = fieldErrors(parsed.error.issues);
			return { ok: false };
		}
		this.errors = {};
		this.saving = true;
		try {
			const id = await this.write(parsed.data);
			await this.workspace.desk.drafts.delete(this.draftKey);
			return { ok: true, id };
		} catch (error) {
			if (isConflict(error) && this.editing) {
				this.baseRev = (await this.workspace.ledger.get(this.editing))?._rev;
				this.problem =
					'This idea was changed on another device while you were editing. Your text is still here. Check the latest version, then save again to replace it with yours.';
			} else {
				this.problem = `Your idea could not be saved on this device: ${error instanceof Error ? error.message : String(error)}. What you typed is kept as a draft.`;
			}
			return { ok: false };
		} finally {
			this.saving = false;
		}
	}

	private async write(input: IdeaInput): Promise<string> {
		const { ledger, writer } = this.workspace;
		if (!this.editing) {
			const idea = newIdea(newDocId('idea'), this.actor.name, input);
			await writer.save(idea);
			return idea._id;
		}
		const existing = await ledger.get(this.editing);
		if (!existing) throw new Error('this idea is no longer on this device');
		const { _rev: _ignored, _conflicts: _alsoIgnored, ...content } = existing;
		const edited = editIdea(content as unknown as Idea, input);
		await writer.save(edited, this.baseRev ?? existing._rev);
		return edited._id;
	}

	private revalidate(field: keyof IdeaInput): void {
		const result = ideaInputSchema.shape[field].safeParse(this.values[field]);
		const next = { ...this.errors };
		if (result.success) delete next[field];
		else next[field] = result.error.issues[0]?.message ?? 'Check this answer';
		this.errors = next;
	}
}
