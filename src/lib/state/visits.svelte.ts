import {
	fieldErrors,
	mayChange,
	newDocId,
	observationInputSchema,
	observationSchema,
	visitInputSchema,
	visitSchema,
	type Actor,
	type KeyQuestion,
	type ObservationKind,
	type Visit
} from '$lib/domain';
import { nowIso } from '$lib/format';
import type { IdeaRow, ObservationRow, PhotoRow, VisitRow } from '$lib/store/desk';
import { statusOf, type DocSyncStatus } from '$lib/store/status';
import { isConflict } from '$lib/store/ledger';
import { whyNotSaved } from '$lib/store/save-errors';
import type { Workspace } from '$lib/store/workspace';
import { Live } from './live.svelte';
import { photoLoader, PhotoSet } from './photos.svelte';

/** Photos per observation. */
export const OBSERVATION_PHOTOS_MAX = 3;

/** All visits, planned and in progress first, then done; each by date. */
export class VisitList {
	readonly visits: Live<VisitRow[]>;

	constructor(workspace: Workspace) {
		this.visits = new Live(
			() => undefined,
			() => workspace.desk.visits.orderBy('date').reverse().toArray(),
			[]
		);
	}
}

export interface ObservationItem {
	row: ObservationRow;
	status: DocSyncStatus;
	photos: PhotoRow[];
	/** Ideas made from this observation (they link back to it). */
	ideas: IdeaRow[];
}

export interface VisitView {
	visit: VisitRow;
	status: DocSyncStatus;
	/** Newest first: the visit's timeline. */
	observations: ObservationItem[];
}

/** A visit with its timeline of observations, photos and the ideas that came from them. */
export class VisitDetail {
	readonly view: Live<VisitView | undefined, string>;

	constructor(workspace: Workspace, id: () => string) {
		const { desk } = workspace;
		this.view = new Live(
			id,
			async (visitId) => {
				const visit = await desk.visits.get(visitId);
				if (!visit) return undefined;
				const observations = (
					await desk.observations.where('visitId').equals(visitId).sortBy('createdAt')
				).reverse();
				const ids = observations.map((o) => o.id);
				const [statuses, visitStatus, photos, ideas] = await Promise.all([
					desk.docStatus.bulkGet(ids),
					desk.docStatus.get(visitId),
					ids.length ? desk.photos.where('subject').anyOf(ids).sortBy('createdAt') : Promise.resolve([]),
					ids.length ? desk.ideas.where('links').anyOf(ids).toArray() : Promise.resolve([])
				]);
				return {
					visit,
					status: statusOf(visit.rev, visitStatus),
					observations: observations.map((row, i) => ({
						row,
						status: statusOf(row.rev, statuses[i]),
						photos: photos.filter((photo) => photo.subject === row.id),
						ideas: ideas.filter((idea) => idea.links.includes(row.id))
					}))
				};
			},
			undefined
		);
	}
}

export interface VisitFormValues {
	siteType: string;
	siteName: string;
	date: string;
	purpose: string;
	template: string;
	visitors: string;
}

/** Planning (or changing) a visit. Typing is kept as a draft on the device. */
export class VisitEditor {
	values = $state<VisitFormValues>({
		siteType: '',
		siteName: '',
		date: '',
		purpose: '',
		template: 'general',
		visitors: ''
	});
	errors = $state<Record<string, string>>({});
	attempt = $state(0);
	saving = $state(false);
	ready = $state(false);
	unavailable = $state<string>();
	/** Why the last Save failed, for the person (what they typed stays). */
	problem = $state<string>();
	private rev: string | undefined;
	private existing: Visit | undefined;

	constructor(
		private readonly workspace: Workspace,
		private readonly actor: Actor,
		private readonly editing?: string
	) {}

	private get draftKey(): string {
		return this.editing ? `visit:edit:${this.editing}` : 'visit:new';
	}

	async load(): Promise<void> {
		this.values.visitors = this.actor.name;
		const existing = await this.readExisting();
		if (existing) this.values = { ...existing, visitors: existing.visitors.join(', ') };
		const draft = await this.workspace.desk.drafts.get(this.draftKey);
		if (draft) this.values = { ...this.values, ...draft.values } as VisitFormValues;
		this.ready = true;
	}

	/** The visit being edited as the ledger holds it now (and its revision), or why it cannot be. */
	private async readExisting(): Promise<Visit | undefined> {
		if (!this.editing) return undefined;
		const current = await this.workspace.ledger.get(this.editing);
		const { _rev: _ignored, _conflicts: _alsoIgnored, ...content } = current ?? {};
		const parsed = visitSchema.safeParse(content);
		if (!current || !parsed.success) this.unavailable = 'This visit is not on this device.';
		else if (!mayChange(this.actor, parsed.data.author)) {
			this.unavailable = `Only ${parsed.data.author} or a coordinator can change this visit.`;
		} else {
			this.existing = parsed.data;
			this.rev = current._rev;
			return parsed.data;
		}
		return undefined;
	}

	async update(field: keyof VisitFormValues, value: string): Promise<void> {
		this.values[field] = value;
		await this.workspace.desk.drafts.put({
			key: this.draftKey,
			values: { ...this.values },
			updatedAt: nowIso()
		});
	}

	async save(): Promise<string | undefined> {
		const parsed = visitInputSchema.safeParse({
			...this.values,
			siteType: this.values.siteType || undefined,
			visitors: this.values.visitors
				.split(',')
				.map((name) => name.trim().toLowerCase())
				.filter(Boolean)
		});
		if (!parsed.success) {
			this.errors = fieldErrors(parsed.error.issues);
			this.attempt += 1;
			return undefined;
		}
		this.errors = {};
		this.problem = undefined;
		this.saving = true;
		try {
			const at = nowIso();
			const visit = visitSchema.parse(
				this.existing
					? { ...this.existing, ...parsed.data, status: this.existing.status, updatedAt: at }
					: {
							_id: newDocId('visit'),
							type: 'visit',
							schemaVersion: 1,
							author: this.actor.name,
							createdAt: at,
							updatedAt: at,
							...parsed.data
						}
			);
			await this.workspace.writer.save(visit, this.rev);
			await this.workspace.desk.drafts.delete(this.draftKey);
			return visit._id;
		} catch (error) {
			if (isConflict(error) && this.editing) {
				// Saving again puts the form over the newest version (its status included), not the one read first.
				await this.readExisting();
				this.problem =
					'This visit was changed on another device while you were editing. What you typed is still here: save again to put your changes over the newest version.';
			} else {
				this.problem = `This visit could not be saved on this device: ${whyNotSaved(error)}. What you typed is kept.`;
			}
			this.attempt += 1;
			return undefined;
		} finally {
			this.saving = false;
		}
	}
}

/** Starting and finishing a visit. */
export async function setVisitStatus(
	workspace: Workspace,
	id: string,
	status: Visit['status']
): Promise<void> {
	const current = await workspace.ledger.get(id);
	if (!current) return;
	const { _rev: rev, _conflicts: _ignored, ...content } = current;
	await workspace.writer.save(visitSchema.parse({ ...content, status, updatedAt: nowIso() }), rev);
}

export interface CaptureValues {
	text: string;
	kind: ObservationKind | '';
	keyQuestion: KeyQuestion | '';
}

/**
 * The one-thumb observation screen: every keystroke and photo is kept as a draft; Save writes the
 * observation and its photos and clears the screen for the next one, keeping the kind and key question.
 */
export class ObservationCapture {
	values = $state<CaptureValues>({ text: '', kind: '', keyQuestion: '' });
	readonly photos: PhotoSet;
	errors = $state<Record<string, string>>({});
	attempt = $state(0);
	saving = $state(false);
	ready = $state(false);
	/** How many observations were saved from this screen since it opened. */
	savedCount = $state(0);
	/** Why the last Save failed, for the person (what they typed and the photos not yet written stay). */
	problem = $state<string>();
	/**
	 * The id the observation on screen is saved under, kept after a Save that failed part way: its photos
	 * already written name it, and it is written after them, so trying again writes nothing twice.
	 */
	private pendingId: string | undefined;
	/** The visit observed: undefined when it is not on this device (`loaded` says when it was read). */
	readonly visit: Live<VisitRow | undefined, string>;

	constructor(
		private readonly workspace: Workspace,
		private readonly actor: Actor,
		readonly visitId: string
	) {
		this.photos = new PhotoSet(OBSERVATION_PHOTOS_MAX, photoLoader(workspace));
		this.visit = new Live(
			() => visitId,
			(id) => workspace.desk.visits.get(id),
			undefined
		);
	}

	private get draftKey(): string {
		return `observation:new:${this.visitId}`;
	}

	async load(): Promise<void> {
		const draft = await this.workspace.desk.drafts.get(this.draftKey);
		if (draft) {
			this.values = { ...this.values, ...draft.values } as CaptureValues;
			this.photos.reset(draft.photos ?? []);
		}
		this.ready = true;
	}

	async update<K extends keyof CaptureValues>(field: K, value: CaptureValues[K]): Promise<void> {
		this.values[field] = value;
		if (this.errors[field]) delete this.errors[field];
		await this.keepDraft();
	}

	keepDraft(): Promise<unknown> {
		return this.workspace.desk.drafts.put({
			key: this.draftKey,
			values: { ...this.values },
			photos: this.photos.added,
			updatedAt: nowIso()
		});
	}

	async save(): Promise<boolean> {
		const parsed = observationInputSchema.safeParse({
			text: this.values.text,
			kind: this.values.kind || undefined,
			keyQuestion: this.values.keyQuestion || null
		});
		if (!parsed.success) {
			this.errors = fieldErrors(parsed.error.issues);
			this.attempt += 1;
			return false;
		}
		this.errors = {};
		this.problem = undefined;
		this.saving = true;
		const typed = this.values.text;
		const photos = this.photos.added;
		const id = (this.pendingId ??= newDocId('observation'));
		try {
			// The photos first: the observation, written last, is what shows them on the visit.
			await this.photos.save(this.workspace, this.actor, id, photos);
			const at = nowIso();
			const observation = observationSchema.parse({
				_id: id,
				type: 'observation',
				schemaVersion: 1,
				author: this.actor.name,
				createdAt: at,
				updatedAt: at,
				visitId: this.visitId,
				...parsed.data
			});
			await this.workspace.writer.save(observation);
			this.pendingId = undefined;
			// Anything typed while saving belongs to the next observation: keep it.
			if (this.values.text === typed) this.values = { ...this.values, text: '' };
			await this.keepDraft();
			this.savedCount += 1;
			return true;
		} catch (error) {
			this.problem = `This observation could not be saved on this device: ${whyNotSaved(error)}. What you typed is kept${this.photos.added.length > 0 ? ', with the photos not yet saved' : ''}.`;
			this.attempt += 1;
			await this.keepDraft().catch(() => undefined);
			return false;
		} finally {
			this.saving = false;
		}
	}
}
