import {
	newDoc,
	RECEIPTS_PER_LINE_MAX,
	CLAIM_LINES_MAX,
	success,
	sumPence,
	ulid,
	invalid,
	type Actor,
	type Failure,
	type Result
} from '$lib/domain';
import { m } from '$lib/paraglide/messages';
import type { DraftRow } from '$lib/store/desk';
import { loadClaimForChoices, loadMileageRate, type ClaimForChoice } from '$lib/store/claim-query';
import { saveFailure } from '$lib/store/save-errors';
import type { Workspace } from '$lib/store/workspace';
import {
	checkClaim,
	EMPTY_CLAIM,
	EMPTY_LINE,
	linePence,
	type ClaimContent,
	type ClaimFormValues,
	type ClaimLineValues
} from './claim-lines';
import { photoLoader, PhotoDraftForm, PhotoSet, type DraftPhotos, type PhotoLoader } from './photos.svelte';

/**
 * Writing an expenses claim: a draft kept on every keystroke, with each line's receipt photos kept in the
 * same draft, so a reload or a killed tab loses nothing. Sending writes the receipts, then the claim; the
 * claim is never changed after that (what happens to it is its steps, claims.svelte.ts).
 */

/** The receipt photos of each line of a claim, kept with the claim's draft (one set per line). */
export class ReceiptSets implements DraftPhotos {
	lines = $state.raw<PhotoSet[]>([]);

	constructor(private readonly image: PhotoLoader) {}

	/** The receipts of line `index` (made when it is first asked for, never while a page is drawn). */
	of(index: number): PhotoSet {
		while (this.lines.length <= index) {
			this.lines = [...this.lines, new PhotoSet(RECEIPTS_PER_LINE_MAX, this.image)];
		}
		return this.lines[index] as PhotoSet;
	}

	/** Forgets line `index`'s receipts (the line was removed); the lines after it move up. */
	remove(index: number): void {
		this.lines = this.lines.filter((_, i) => i !== index);
	}

	drafted(): Pick<DraftRow, 'photos' | 'photoSets'> {
		const photos = this.lines.flatMap((set) => set.added);
		const photoSets = this.lines.flatMap((set, index) => set.added.map(() => index));
		return { photos, photoSets };
	}

	restoreDrafted(draft: Pick<DraftRow, 'photos' | 'photoSets'> | undefined): void {
		this.lines = [];
		const sets = draft?.photoSets ?? [];
		(draft?.photos ?? []).forEach((photo, i) => {
			const set = this.of(sets[i] ?? 0);
			set.reset([...set.added, photo]);
		});
	}
}

export class ClaimEditor {
	readonly receipts: ReceiptSets;
	readonly form: PhotoDraftForm<ClaimFormValues, ClaimContent, ReceiptSets>;
	/** The network's mileage rate in pence a mile, as this device knows it. */
	rate = $state(0);
	/** What the claim can be for: meetings, visits, events and opportunities on this device. */
	choices = $state.raw<ClaimForChoice[]>([]);

	constructor(
		private readonly workspace: Workspace,
		private readonly actor: Actor
	) {
		this.receipts = new ReceiptSets(photoLoader(workspace));
		this.form = new PhotoDraftForm(
			workspace.desk,
			'claim:new',
			EMPTY_CLAIM,
			(values) => checkClaim(values, actor.name, this.rate),
			this.receipts
		);
	}

	async load(): Promise<void> {
		const { desk } = this.workspace;
		[this.rate, this.choices] = await Promise.all([
			loadMileageRate(desk),
			loadClaimForChoices(desk, this.actor.name)
		]);
		await this.form.load();
		if (!this.form.values.claimId) await this.form.set({ claimId: this.newClaimId() });
		this.receipts.of(this.lines.length - 1);
	}

	async discardDraft(): Promise<void> {
		await this.form.discardDraft();
		await this.form.set({ claimId: this.newClaimId() });
		this.receipts.of(this.lines.length - 1);
	}

	get lines(): ClaimLineValues[] {
		return this.form.values.lines;
	}

	/** The claim's total in pence, counting the lines typed so far. */
	get totalPence(): number {
		return sumPence(this.lines.map((line) => linePence(line, this.rate) ?? 0));
	}

	get mayAddLine(): boolean {
		return this.lines.length < CLAIM_LINES_MAX;
	}

	/** Chooses what the claim is for: the choice's name and date fill in (the date only when empty). */
	async chooseFor(id: string): Promise<void> {
		const choice = this.choices.find((option) => option.id === id);
		await this.form.set({
			forId: choice?.id ?? '',
			forLabel: choice?.label ?? '',
			on: this.form.values.on || choice?.on || ''
		});
	}

	async setLine(index: number, change: Partial<ClaimLineValues>): Promise<void> {
		await this.form.update(
			'lines',
			this.lines.map((line, i) => (i === index ? { ...line, ...change } : line))
		);
	}

	async addLine(): Promise<void> {
		if (!this.mayAddLine) return;
		this.receipts.of(this.lines.length);
		await this.form.update('lines', [...this.lines, { ...EMPTY_LINE }]);
	}

	async removeLine(index: number): Promise<void> {
		this.receipts.remove(index);
		await this.form.update(
			'lines',
			this.lines.filter((_, i) => i !== index)
		);
	}

	/** Sends the claim: its receipts, then the claim itself. Answers its id, or why it was not sent. */
	async send(): Promise<Result<string>> {
		const { workspace, actor } = this;
		const claimId = this.form.values.claimId;
		let failure: Failure | undefined;
		const sent = await this.form.submit(
			async (content) => {
				try {
					for (const [line, set] of this.receipts.lines.entries()) {
						await set.save(workspace, () =>
							newDoc(
								'receipt',
								actor.name,
								// The description is written in the claimant's language, as words they typed would be.
								{ claimId, line, alt: m.inv_receipt_for_cost({ number: line + 1 }) },
								{ id: `receipt:${actor.name}:${ulid()}` }
							)
						);
					}
					await workspace.writer.save(newDoc('claim', actor.name, content, { id: claimId }));
				} catch (error) {
					failure = saveFailure(error, m.inv_what_claim());
					return failure;
				}
			},
			{ what: m.inv_what_claim(), after: 'keep' }
		);
		return sent ? success(claimId) : (failure ?? invalid(this.form.summary));
	}

	private newClaimId(): string {
		return `claim:${this.actor.name}:${ulid()}`;
	}
}
