import {
	contentOf,
	editDoc,
	IDEA_PHOTOS_MAX,
	ideaInputSchema,
	ideaSchema,
	invalid,
	mayChange,
	newDoc,
	newDocId,
	refused,
	success,
	type Actor,
	type Failure,
	type IdeaContent,
	type IdeaOrigin,
	type Result
} from '$lib/domain';
import { say } from '$lib/domain-words.svelte';
import { m } from '$lib/paraglide/messages';
import { reportProblem } from '$lib/report';
import type { DraftRow } from '$lib/store/desk';
import { loadIdeaSeed, loadPhotos } from '$lib/store/idea-query';
import { isConflict } from '$lib/store/ledger';
import { whyNotSaved } from '$lib/store/save-errors';
import type { Workspace } from '$lib/store/workspace';
import { checkedBy } from './draft-form.svelte';
import { photoLoader, photoOf, PhotoDraftForm, PhotoSet } from './photos.svelte';

/**
 * The idea form (new or edited): a draft form whose draft also holds the photos chosen and the revision an
 * edit started from, so a killed tab or a failed save never loses what was typed; and an edit's conflicts.
 */

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

/** The idea's draft: with its photos (`PhotoDraftForm`), the revision an edit started from. */
class IdeaDraft extends PhotoDraftForm<IdeaFormValues, IdeaContent> {
	/** The revision an edit started from: a Save over a newer one is an edit conflict. */
	baseRev: string | undefined;

	protected override extra(): Partial<DraftRow> {
		return { baseRev: this.baseRev };
	}

	protected override restore(draft: DraftRow | undefined): void {
		if (draft?.baseRev) this.baseRev = draft.baseRev;
	}
}

/**
 * The create/edit form's state: the form (`form`), its photos, the documents the idea links to, and the id
 * a new idea is saved under.
 */
export class IdeaEditor {
	readonly photos: PhotoSet;
	readonly form: IdeaDraft;
	/** Why this person cannot edit this idea (not theirs, or not on this device). */
	unavailable = $state<Failure>();
	/** Observations (or meetings) this idea came from. */
	links = $state<string[]>([]);
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
		const key = editing ? `idea:edit:${editing}` : seed ? `idea:new:${seed.from}` : 'idea:new';
		this.form = new IdeaDraft(
			workspace.desk,
			key,
			EMPTY,
			(values) =>
				checkedBy(ideaInputSchema.safeParse({ ...values, tags: tagsOf(values.tags), links: this.links })),
			this.photos
		);
		if (seed) this.links = [seed.from];
	}

	/**
	 * A form for a new idea; `from` (an observation's id, "turn into an idea") starts it from that
	 * observation's text when the observation is on this device.
	 */
	static async startNew(workspace: Workspace, actor: Actor, from: string | null): Promise<IdeaEditor> {
		const seed = from ? await loadIdeaSeed(workspace.desk, from) : undefined;
		return new IdeaEditor(
			workspace,
			actor,
			undefined,
			seed && { from: seed.from, values: { title: seed.title, details: seed.details } }
		);
	}

	/** Loads the idea being edited (or the seed), then any unsaved draft over it. */
	async load(): Promise<void> {
		const initial = await this.initial();
		if (initial) await this.form.load(initial);
	}

	/** Forgets the draft and starts again from the idea as it is now (or the seed). */
	async discardDraft(): Promise<void> {
		const initial = await this.initial();
		if (initial) await this.form.discardDraft(initial);
	}

	/** Writes the photos, then the idea; answers the idea's id, or why it was not saved (shown on the form). */
	async save(): Promise<Result<string>> {
		const id = this.editing ?? (this.pendingId ??= newDocId('idea'));
		let failure: Failure | undefined;
		const saved = await this.form.submit(
			async (input) => {
				try {
					// The photos first: the idea, written last, is what shows them.
					await this.photos.save(this.workspace, photoOf(this.actor, id));
					await this.write(id, input);
				} catch (error) {
					failure = await this.failed(error);
					return failure;
				}
			},
			{ what: m.ideas_what_idea(), after: 'keep' }
		);
		if (!saved) return failure ?? invalid(this.form.summary);
		this.pendingId = undefined;
		return success(id);
	}

	/**
	 * The values the form starts from: the idea being edited (with its revision and saved photos) or the
	 * seed; undefined when this person cannot edit it here (`unavailable` says why).
	 */
	private async initial(): Promise<Partial<IdeaFormValues> | undefined> {
		if (!this.editing) return { ...this.seed?.values };
		const current = await this.workspace.ledger.get(this.editing);
		const author = typeof current?.author === 'string' ? current.author : undefined;
		if (!current) {
			this.unavailable = refused(m.ideas_edit_not_here());
			return undefined;
		}
		if (!mayChange(this.actor, author)) {
			this.unavailable = refused(
				author ? m.ideas_edit_not_yours({ name: author }) : m.ideas_edit_not_yours_unknown()
			);
			return undefined;
		}
		const { title, details, area, tags, origin, links } = ideaInputSchema.parse(current);
		this.links = links;
		this.form.baseRev = current._rev;
		this.photos.saved = await loadPhotos(this.workspace.desk, this.editing);
		return { title, details, area, tags: tags.join(', '), origin };
	}

	/** Writes the idea `id`: new, or this editor's idea edited over the revision the edit started from. */
	private async write(id: string, input: IdeaContent): Promise<void> {
		const { ledger, writer } = this.workspace;
		if (!this.editing) {
			await writer.save(newDoc('idea', this.actor.name, input, { id }));
			return;
		}
		const existing = await ledger.get(this.editing);
		if (!existing) throw new Error('this idea is no longer on this device');
		const idea = ideaSchema.parse(contentOf(existing));
		await writer.save(editDoc('idea', idea, input), this.form.baseRev ?? existing._rev);
	}

	/** Why a Save failed, for the form; the draft is kept as it now is (photos written leave it). */
	private async failed(thrown: unknown): Promise<Failure> {
		let failure: Failure;
		if (isConflict(thrown) && this.editing) {
			this.form.baseRev = (await this.workspace.ledger.get(this.editing))?._rev;
			failure = refused(m.ideas_edit_conflict());
		} else {
			failure = this.photos.keptWith({
				ok: false,
				reason: 'not-saved',
				message: m.ideas_not_saved({ why: say(whyNotSaved(thrown)) })
			});
		}
		try {
			await this.form.set({});
		} catch (error) {
			reportProblem('the idea’s draft was not kept after a failed save', error);
		}
		return failure;
	}
}
