import { newDocId, photoSchema, type Actor } from '$lib/domain';
import { nowIso } from '$lib/format';
import type { PhotoRow } from '$lib/store/desk';
import { compressPhoto } from '$lib/store/images';
import type { Workspace } from '$lib/store/workspace';

/** Reads a saved photo's image from this device (undefined when it has not arrived yet). */
export type PhotoLoader = (id: string) => Promise<Blob | undefined>;

export function photoLoader(workspace: Workspace): PhotoLoader {
	return (id) => workspace.ledger.attachment(id, 'image');
}

/**
 * Photos being added to something (an idea, an observation): new ones are compressed at once (location
 * removed) and kept with the draft; saved ones can be removed. Each becomes a photo document on save.
 */
export class PhotoSet {
	/** New photos, compressed and stripped of location, waiting for Save. */
	added = $state.raw<Blob[]>([]);
	/** Photos already saved with the subject. */
	saved = $state.raw<PhotoRow[]>([]);
	/** Saved photos the person chose to remove (removed on Save). */
	removed = $state.raw<string[]>([]);
	error = $state<string>();

	constructor(
		readonly max: number,
		/** Reads a saved photo's image from this device. */
		readonly image: PhotoLoader
	) {}

	get count(): number {
		return this.saved.length - this.removed.length + this.added.length;
	}

	get kept(): PhotoRow[] {
		return this.saved.filter((photo) => !this.removed.includes(photo.id));
	}

	async add(files: FileList | File[]): Promise<void> {
		const room = Math.max(0, this.max - this.count);
		const chosen = [...files].slice(0, room);
		this.error = files.length > room ? `You can add up to ${this.max} photos` : undefined;
		try {
			const compressed = await Promise.all(chosen.map((file) => compressPhoto(file)));
			this.added = [...this.added, ...compressed];
		} catch {
			this.error = 'That file could not be read as a photo. Choose a JPEG, PNG or WebP image.';
		}
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

	/**
	 * Writes the new photos (or the given ones, as they were when saving began) as documents about
	 * `subject`, and removes the ones taken away. Each photo leaves `added` once it is written, so a save
	 * that fails part way (a full device) leaves only the photos still to write.
	 */
	async save(
		workspace: Workspace,
		actor: Actor,
		subject: string,
		images: Blob[] = this.added
	): Promise<void> {
		const { ledger, writer } = workspace;
		for (const image of images) {
			const at = nowIso();
			const photo = photoSchema.parse({
				_id: newDocId('photo'),
				type: 'photo',
				schemaVersion: 1,
				author: actor.name,
				createdAt: at,
				updatedAt: at,
				subject,
				alt: ''
			});
			await writer.savePhoto(photo, image);
			this.added = this.added.filter((kept) => kept !== image);
		}
		for (const id of this.removed) {
			const current = await ledger.get(id);
			if (current) await writer.remove(id, current._rev);
		}
		// Photos chosen while saving stay for the next save.
		this.reset(this.added);
	}
}
