import { newDoc, type Actor, type AppDoc, type Failure, type Result } from '$lib/domain';
import { say } from '$lib/domain-words.svelte';
import { nowIso } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import type { Desk, DraftRow, PhotoRow } from '$lib/store/desk';
import { reportProblem } from '$lib/report';
import { compressPhoto } from '$lib/store/images';
import type { Workspace } from '$lib/store/workspace';
import { DraftForm } from './draft-form.svelte';

/**
 * Photos being added to something (an idea, an observation, a claim's line): chosen, kept with the draft,
 * written as documents of their own on save (a `photo`, a `receipt`). Components get a `PhotoSet` or a
 * `PhotoLoader`, never the ledger.
 */

/** Reads a saved photo's image from this device (undefined when it has not arrived yet). */
export type PhotoLoader = (id: string) => Promise<Blob | undefined>;

export function photoLoader(workspace: Workspace): PhotoLoader {
	return (id) => workspace.ledger.attachment(id, 'image');
}

/** The photos a draft form keeps with its draft, and takes back when the draft is read. */
export interface DraftPhotos {
	/** The photos not saved yet, and (for a form with several sets) the set each one belongs to. */
	drafted(): Pick<DraftRow, 'photos' | 'photoSets'>;
	/** Takes back the photos a draft kept. */
	restoreDrafted(draft: Pick<DraftRow, 'photos' | 'photoSets'> | undefined): void;
}

/** The document a new photo is written as, made when it is written. */
export type PhotoDoc = () => AppDoc;

/** A `photo` document about `subject` (an idea, an observation). */
export function photoOf(actor: Actor, subject: string): PhotoDoc {
	return () => newDoc('photo', actor.name, { subject, alt: '' });
}

/**
 * Photos being added to something: new ones are compressed at once (location removed) and kept with the
 * draft; saved ones can be removed. Each becomes a photo document on save, and a save waits for the photos
 * chosen before it that are still being made smaller, so a photo always goes where it was chosen.
 */
export class PhotoSet implements DraftPhotos {
	/** New photos, compressed and stripped of location, waiting for Save. */
	added = $state.raw<Blob[]>([]);
	/** Photos already saved with the subject. */
	saved = $state.raw<PhotoRow[]>([]);
	/** Saved photos the person chose to remove (removed on Save). */
	removed = $state.raw<string[]>([]);
	/** How many chosen photos are still being made smaller (not in `added` yet). */
	preparing = $state(0);
	error = $state<string>();
	/** The choices still being made smaller, each answering the photos it adds. */
	private batches: Promise<Blob[]>[] = [];

	constructor(
		readonly max: number,
		/** Reads a saved photo's image from this device. */
		readonly image: PhotoLoader
	) {}

	/** The photos the subject will have: kept, new, and those still being prepared. */
	get count(): number {
		return this.saved.length - this.removed.length + this.added.length + this.preparing;
	}

	get kept(): PhotoRow[] {
		return this.saved.filter((photo) => !this.removed.includes(photo.id));
	}

	/** Makes the chosen photos smaller and adds them; answers once they are in `added` (or refused). */
	async add(files: FileList | File[]): Promise<void> {
		const room = Math.max(0, this.max - this.count);
		const chosen = [...files].slice(0, room);
		this.error = files.length > room ? m.vis_photos_max({ count: this.max }) : undefined;
		if (chosen.length === 0) return;
		const batch = this.prepare(chosen);
		this.batches.push(batch);
		try {
			await batch;
		} finally {
			this.batches = this.batches.filter((other) => other !== batch);
		}
	}

	private async prepare(chosen: File[]): Promise<Blob[]> {
		this.preparing += chosen.length;
		try {
			const compressed = await Promise.all(chosen.map((file) => compressPhoto(file)));
			this.added = [...this.added, ...compressed];
			return compressed;
		} catch {
			// Shown to the person: the file they chose is not a photo this browser can read.
			this.error = m.vis_photo_unreadable();
			return [];
		} finally {
			this.preparing -= chosen.length;
		}
	}

	/**
	 * The new photos chosen until now, once those still being made smaller are ready (those removed
	 * meanwhile left out). Photos chosen after this is called are not among them.
	 */
	async ready(): Promise<Blob[]> {
		const ready = [...this.added];
		const chosen = [...ready, ...(await Promise.all([...this.batches])).flat()];
		return this.added.filter((photo) => chosen.includes(photo));
	}

	removeAdded(index: number): void {
		this.added = this.added.filter((_, i) => i !== index);
	}

	removeSaved(id: string): void {
		this.removed = [...this.removed, id];
	}

	reset(added: Blob[] = []): void {
		this.added = added;
		this.removed = [];
		this.error = undefined;
	}

	drafted(): Pick<DraftRow, 'photos'> {
		return { photos: this.added };
	}

	restoreDrafted(draft: Pick<DraftRow, 'photos'> | undefined): void {
		this.reset(draft?.photos ?? []);
	}

	/**
	 * Writes the new photos chosen before the save began (waiting for any still being made smaller), each
	 * as the document `doc` makes (a photo about an idea, a receipt), and removes the ones taken away. Each photo leaves `added` once it is
	 * written, so a save that fails part way (a full device) leaves only the photos still to write.
	 */
	async save(workspace: Workspace, doc: PhotoDoc): Promise<void> {
		const { ledger, writer } = workspace;
		for (const image of await this.ready()) {
			await writer.savePhoto(doc(), image);
			this.added = this.added.filter((kept) => kept !== image);
		}
		for (const id of this.removed) {
			const current = await ledger.get(id);
			if (current) await writer.remove(id, current._rev);
		}
		// Photos chosen while saving stay for the next save.
		this.reset(this.added);
	}

	/**
	 * A failed save's `failure`, saying that the photos not yet written are kept too (when the device
	 * refused the write part way through them), in the language chosen: the store's words are said first.
	 */
	keptWith(failure: Failure): Failure {
		if (failure.reason !== 'not-saved' || this.added.length === 0) return failure;
		const message = say(failure.message).replace(/[.۔]$/, '');
		return { ...failure, message: m.vis_photos_kept({ message }) };
	}
}

/**
 * A draft form whose draft also holds the photos chosen but not yet saved (`photos.drafted()`), in the same
 * draft row, so a killed tab or a failed save loses none of them either. A form that keeps more with its
 * draft (an edit's revision) says what in `extra` and takes it back in `restore`.
 */
export class PhotoDraftForm<V extends object, T, P extends DraftPhotos = PhotoSet> extends DraftForm<V, T> {
	constructor(
		private readonly device: Desk,
		key: string,
		empty: V,
		check: (values: V) => Result<T>,
		readonly photos: P
	) {
		super(device, key, empty, check);
	}

	/** Starts from `initial`, then the draft kept over it, with its photos. */
	override async load(initial: Partial<V> = {}): Promise<void> {
		const draft = await this.device.drafts.get(this.key);
		this.photos.restoreDrafted(draft);
		this.restore(draft);
		await super.load(initial);
	}

	/** Keeps the draft after photos were added or removed (the photos stay on screen if it cannot). */
	async photosChanged(): Promise<void> {
		try {
			await this.set({});
		} catch (error) {
			reportProblem('the photos chosen could not be kept with the draft', error);
		}
	}

	/** What else to keep with the draft. */
	protected extra(): Partial<DraftRow> {
		return {};
	}

	/** Takes back what `extra` kept, from the draft read on load (undefined when there is none). */
	protected restore(_draft: DraftRow | undefined): void {}

	protected override async kept(): Promise<void> {
		await this.device.drafts.put({
			...this.extra(),
			key: this.key,
			values: $state.snapshot(this.values) as Record<string, unknown>,
			...this.photos.drafted(),
			updatedAt: nowIso()
		});
	}
}
