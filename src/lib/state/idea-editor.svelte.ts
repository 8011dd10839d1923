import {
	editIdea,
	fieldErrors,
	IDEA_PHOTOS_MAX,
	ideaInputSchema,
	mayChange,
	newDocId,
	newIdea,
	type Actor,
	type Idea,
	type IdeaContent,
	type IdeaOrigin
} from '$lib/domain';
import { nowIso } from '$lib/format';
import { isConflict } from '$lib/store/ledger';
import { whyNotSaved } from '$lib/store/save-errors';
import type { Workspace } from '$lib/store/workspace';
import { photoLoader, PhotoSet } from './photos.svelte';

/** The idea form: a draft kept on every keystroke, field errors, photos, and an edit's conflicts. */

export type SaveOutcome = { ok: true; id: string } | { ok: false };

export interface IdeaFormValues {
	title: string;
	details: string;
	area: string;
	tags: string;
	origin: IdeaOrigin;
}

const EMPTY: IdeaFormValues = { title: '', details: '', area: '', tags: '', origin: 'member' };

function tagsOf(text: string): string[] {
	return text
		.split(',')
		.map((tag) => tag.trim())
		.filter(Boolean);
}

/**
 * The create/edit form's state. Every keystroke (and every photo chosen) is kept as a draft on the
 * device, so a killed tab or a failed save never loses what was typed.
 */
export class IdeaEditor {
	values = $state<IdeaFormValues>({ ...EMPTY });
	readonly photos: PhotoSet;
	errors = $state<Record<string, string>>({});
	/** A problem with the whole form (not one field). */
	problem = $state<string>();
	restoredDraftAt = $state<string>();
	saving = $state(false);
	ready = $state(false);
	/** Set when this person cannot edit this idea (not theirs, or not on this device). */
	unavailable = $state<string>();

	/** Observations (or meetings) this idea came from. */
	links = $state<string[]>([]);
	private baseRev: string | undefined;
	private readonly draftKey: string;
	/**
	 * The id a new idea is saved under, kept after a Save that failed part way: its photos already written
	 * name it, and it is written after them, so trying again writes nothing twice.
	 */
	private pendingId: string | undefined;

	/**
	 * `seed` starts a new idea from something else, e.g. an observation on a visit: its text, and a link
	 * back to it (the link is what shows the idea on the observation, so it works both ways).
	 */
	constructor(
		private readonly workspace: Workspace,
		private readonly actor: Actor,
		private readonly editing?: string,
		private readonly seed?: { from: string; values: Partial<IdeaFormValues> }
	) {
		this.photos = new PhotoSet(IDEA_PHOTOS_MAX, photoLoader(workspace));
		this.draftKey = editing ? `idea:edit:${editing}` : seed ? `idea:new:${seed.from}` : 'idea:new';
		if (seed) {
			this.values = { ...this.values, ...seed.values };
			this.links = [seed.from];
		}
	}

	/**
	 * A loaded form for a new idea; `from` (an observation's id, "turn into an idea") starts it from that
	 * observation's text when the observation is on this device.
	 */
	static async startNew(workspace: Workspace, actor: Actor, from: string | null): Promise<IdeaEditor> {
		const observation = from?.startsWith('observation:')
			? await workspace.desk.observations.get(from)
			: undefined;
		const firstLine = observation?.text.split('\n')[0]?.slice(0, 120) ?? '';
		const editor = new IdeaEditor(
			workspace,
			actor,
			undefined,
			observation
				? { from: observation.id, values: { title: firstLine, details: observation.text } }
				: undefined
		);
		await editor.load();
		return editor;
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
				const idea = ideaInputSchema.parse(current);
				this.values = { ...idea, tags: idea.tags.join(', ') };
				this.links = idea.links;
				this.baseRev = current._rev;
				this.photos.saved = await this.workspace.desk.photos
					.where('subject')
					.equals(this.editing)
					.sortBy('createdAt');
			}
		}
		const draft = await this.workspace.desk.drafts.get(this.draftKey);
		if (draft) {
			this.values = { ...this.values, ...draft.values } as IdeaFormValues;
			this.photos.reset(draft.photos ?? []);
			this.baseRev = draft.baseRev ?? this.baseRev;
			this.restoredDraftAt = draft.updatedAt;
		}
		this.ready = true;
	}

	/** Called on every keystroke. */
	async update<K extends keyof IdeaFormValues>(field: K, value: IdeaFormValues[K]): Promise<void> {
		this.values[field] = value;
		if (this.errors[field]) this.revalidate();
		await this.keepDraft();
	}

	/** Keeps the draft after photos were added or removed. */
	photosChanged(): Promise<void> {
		return this.keepDraft();
	}

	async discardDraft(): Promise<void> {
		await this.workspace.desk.drafts.delete(this.draftKey);
		this.restoredDraftAt = undefined;
		this.values = { ...EMPTY, ...this.seed?.values };
		this.photos.reset();
		this.errors = {};
		await this.load();
	}

	async save(): Promise<SaveOutcome> {
		this.problem = undefined;
		const parsed = this.parse();
		if (!parsed.success) {
			this.errors = fieldErrors(parsed.error.issues);
			return { ok: false };
		}
		this.errors = {};
		this.saving = true;
		try {
			const id = this.editing ?? (this.pendingId ??= newDocId('idea'));
			// The photos first: the idea, written last, is what shows them.
			await this.photos.save(this.workspace, this.actor, id);
			await this.write(id, parsed.data);
			this.pendingId = undefined;
			await this.workspace.desk.drafts.delete(this.draftKey);
			return { ok: true, id };
		} catch (error) {
			if (isConflict(error) && this.editing) {
				this.baseRev = (await this.workspace.ledger.get(this.editing))?._rev;
				this.problem =
					'This idea was changed on another device while you were editing. Your text is still here. Check the latest version, then save again to replace it with yours.';
			} else {
				this.problem = `Your idea could not be saved on this device: ${whyNotSaved(error)}. What you typed is kept as a draft${this.photos.added.length > 0 ? ', with the photos not yet saved' : ''}.`;
			}
			await this.keepDraft().catch(() => undefined);
			return { ok: false };
		} finally {
			this.saving = false;
		}
	}

	private parse() {
		return ideaInputSchema.safeParse({ ...this.values, tags: tagsOf(this.values.tags), links: this.links });
	}

	private async keepDraft(): Promise<void> {
		await this.workspace.desk.drafts.put({
			key: this.draftKey,
			values: { ...this.values },
			photos: this.photos.added,
			baseRev: this.baseRev,
			updatedAt: nowIso()
		});
	}

	/** Writes the idea `id`: new, or this editor's idea edited. */
	private async write(id: string, input: IdeaContent): Promise<void> {
		const { ledger, writer } = this.workspace;
		if (!this.editing) {
			await writer.save(newIdea(id, this.actor.name, input));
			return;
		}
		const existing = await ledger.get(this.editing);
		if (!existing) throw new Error('this idea is no longer on this device');
		const { _rev: _ignored, _conflicts: _alsoIgnored, ...content } = existing;
		await writer.save(editIdea(content as unknown as Idea, input), this.baseRev ?? existing._rev);
	}

	private revalidate(): void {
		const result = this.parse();
		this.errors = result.success ? {} : fieldErrors(result.error.issues);
	}
}
