import {
	mayChange,
	newDoc,
	newDocId,
	observationInputSchema,
	refused,
	visitDetailsSchema,
	type Actor,
	type Failure,
	type KeyQuestion,
	type ObservationDetails,
	type ObservationKind,
	type Result,
	type Visit,
	type VisitDetails
} from '$lib/domain';
import { m } from '$lib/paraglide/messages';
import { reportProblem } from '$lib/report';
import type { VisitRow } from '$lib/store/desk';
import { saveFailure } from '$lib/store/save-errors';
import { loadVisit, loadVisitRow, loadVisits, type VisitView } from '$lib/store/visit-query';
import type { Workspace } from '$lib/store/workspace';
import type { NameOf } from '$lib/visit-report';
import { loadPeopleNames, type Person } from '$lib/store/meeting-query';
import { checkedBy, DraftForm } from './draft-form.svelte';
import { Live } from './live.svelte';
import { photoLoader, photoOf, PhotoDraftForm, PhotoSet } from './photos.svelte';

/**
 * Site visits: the list, one visit's timeline, planning (or changing) a visit, starting and finishing it,
 * and the one-thumb screen that captures observations with their photos.
 */

export type { ObservationItem, VisitView } from '$lib/store/visit-query';

/** Photos per observation. */
export const OBSERVATION_PHOTOS_MAX = 3;

/** All visits, the latest date first (the page splits planned and in progress from done). */
export function visitList(workspace: Workspace): Live<VisitRow[]> {
	return new Live(
		() => undefined,
		() => loadVisits(workspace.desk),
		[]
	);
}

/** A visit with its timeline of observations, photos and the ideas that came from them. */
export function visitDetail(workspace: Workspace, id: () => string): Live<VisitView | undefined, string> {
	return new Live(id, (visitId) => loadVisit(workspace.desk, visitId), undefined);
}

/**
 * People's names as this device knows them (`loadPeopleNames`: the person signed in, and everyone who
 * recorded themselves at a meeting); anyone else by their user name.
 */
export function peopleNames(workspace: Workspace, me: Person): Live<NameOf> {
	const own: NameOf = (account) => (account === me.name && me.displayName ? me.displayName : account);
	return new Live(
		() => undefined,
		async () => {
			const names = await loadPeopleNames(workspace.desk, me);
			return (account: string) => names.get(account) ?? account;
		},
		own
	);
}

export interface VisitFormValues {
	siteType: string;
	siteName: string;
	date: string;
	purpose: string;
	template: string;
	visitors: string;
}

const EMPTY_VISIT: VisitFormValues = {
	siteType: '',
	siteName: '',
	date: '',
	purpose: '',
	template: 'general',
	visitors: ''
};

function checkVisit(values: VisitFormValues): Result<VisitDetails> {
	return checkedBy(
		visitDetailsSchema.safeParse({
			...values,
			siteType: values.siteType || undefined,
			visitors: values.visitors
				.split(',')
				.map((name) => name.trim().toLowerCase())
				.filter(Boolean)
		})
	);
}

/**
 * Planning (or changing) a visit. Typing is kept as a draft on the device; a change is written over the
 * visit as it is when saved, so starting or finishing it meanwhile (here or elsewhere) is kept.
 */
export class VisitEditor {
	readonly form: DraftForm<VisitFormValues, VisitDetails>;
	/** Why this visit cannot be changed here (not on this device, or not this person's). */
	unavailable = $state<Failure>();
	/** The details the form started from, to tell when another device changed them meanwhile. */
	private startedFrom: string | undefined;

	constructor(
		private readonly workspace: Workspace,
		private readonly actor: Actor,
		private readonly editing?: string
	) {
		this.form = new DraftForm(
			workspace.desk,
			editing ? `visit:edit:${editing}` : 'visit:new',
			EMPTY_VISIT,
			checkVisit
		);
	}

	async load(): Promise<void> {
		try {
			const initial = await this.initial();
			if (initial) await this.form.load(initial);
		} catch (error) {
			reportProblem('the visit form could not be opened', error);
			this.unavailable = refused(m.vis_form_unavailable());
		}
	}

	/** What the form starts from: the visit being changed, or the person planning it as a visitor. */
	private async initial(): Promise<Partial<VisitFormValues> | undefined> {
		if (!this.editing) return { visitors: this.actor.name };
		const visit = await loadVisitRow(this.workspace.desk, this.editing);
		if (!visit) this.unavailable = refused(m.vis_not_on_device());
		else if (!mayChange(this.actor, visit.author))
			this.unavailable = refused(m.vis_only_owner({ owner: visit.author }));
		else {
			this.startedFrom = detailsKey(visit);
			const { siteType, siteName, date, purpose, template, visitors } = visit;
			return { siteType, siteName, date, purpose, template, visitors: visitors.join(', ') };
		}
		return undefined;
	}

	/**
	 * Puts the typed details over the visit's newest version, its status kept. If another device changed
	 * the details since the form opened, the person is told first; saving again puts theirs over it.
	 */
	private async change(id: string, details: VisitDetails): Promise<Failure | undefined> {
		const meanwhile = new Error('changed meanwhile');
		try {
			await this.workspace.writer.update('visit', id, (current) => {
				const key = detailsKey(current);
				const changed = this.startedFrom !== undefined && key !== this.startedFrom;
				this.startedFrom = key;
				if (changed) throw meanwhile;
				return details;
			});
			return undefined;
		} catch (error) {
			if (error !== meanwhile) throw error;
			return { ok: false, reason: 'refused', message: m.vis_changed_meanwhile() };
		}
	}

	/** Saves the visit; answers its id, or undefined when the form shows why it was not saved. */
	async save(): Promise<string | undefined> {
		const { workspace, actor, editing } = this;
		let id = editing;
		const saved = await this.form.submit(
			async (details) => {
				if (editing) return this.change(editing, details);
				const visit = newDoc('visit', actor.name, details);
				await workspace.writer.save(visit);
				id = visit._id;
			},
			{ what: m.vis_this_visit(), after: 'keep' }
		);
		return saved ? id : undefined;
	}
}

/** Whether two versions of a visit have the same details (its status aside). */
function detailsKey(visit: VisitDetails): string {
	const { siteType, siteName, date, purpose, template, visitors } = visit;
	return JSON.stringify([siteType ?? '', siteName, date, purpose, template, visitors]);
}

/** Starting and finishing a visit. */
export async function setVisitStatus(
	workspace: Workspace,
	id: string,
	status: Visit['status']
): Promise<void> {
	await workspace.writer.update('visit', id, () => ({ status }));
}

export interface CaptureValues {
	text: string;
	kind: ObservationKind | '';
	keyQuestion: KeyQuestion | '';
	/** The project the observation is evidence for ('' for none). */
	projectId: string;
}

const EMPTY_CAPTURE: CaptureValues = { text: '', kind: '', keyQuestion: '', projectId: '' };

function checkObservation(values: CaptureValues): Result<ObservationDetails> {
	return checkedBy(
		observationInputSchema.safeParse({
			text: values.text,
			kind: values.kind || undefined,
			keyQuestion: values.keyQuestion || null,
			projectId: values.projectId || null
		})
	);
}

/**
 * The one-thumb observation screen: every keystroke and photo is kept as a draft; Save writes the
 * observation and its photos and clears the screen for the next one, keeping the kind and key question.
 */
export class ObservationCapture {
	readonly photos: PhotoSet;
	readonly form: PhotoDraftForm<CaptureValues, ObservationDetails>;
	/** How many observations were saved from this screen since it opened. */
	savedCount = $state(0);
	/** The visit observed: undefined when it is not on this device (`loaded` says when it was read). */
	readonly visit: Live<VisitRow | undefined, string>;
	/**
	 * The id the observation on screen is saved under, kept after a Save that failed part way: its photos
	 * already written name it, and it is written after them, so trying again writes nothing twice.
	 */
	private pendingId: string | undefined;

	constructor(
		private readonly workspace: Workspace,
		private readonly actor: Actor,
		readonly visitId: string
	) {
		this.photos = new PhotoSet(OBSERVATION_PHOTOS_MAX, photoLoader(workspace));
		this.form = new PhotoDraftForm(
			workspace.desk,
			`observation:new:${visitId}`,
			EMPTY_CAPTURE,
			checkObservation,
			this.photos
		);
		this.visit = new Live(
			() => visitId,
			(id) => loadVisitRow(workspace.desk, id),
			undefined
		);
	}

	load(): Promise<void> {
		return this.form.load();
	}

	/** Saves the observation on screen; answers whether it was saved (the form shows why not). */
	async save(): Promise<boolean> {
		const typed = this.form.values.text;
		const saved = await this.form.submit((details) => this.write(details), {
			what: m.vis_this_observation(),
			after: 'keep'
		});
		if (!saved) return false;
		// Anything typed while saving belongs to the next observation: keep it.
		await this.keepDraft(this.form.values.text === typed ? { text: '' } : {});
		this.savedCount += 1;
		return true;
	}

	/** The photos first: the observation, written last, is what shows them on the visit. */
	private async write(details: ObservationDetails): Promise<Failure | undefined> {
		const { workspace, actor } = this;
		const id = (this.pendingId ??= newDocId('observation'));
		try {
			await this.photos.save(workspace, photoOf(actor, id));
			await workspace.writer.save(
				newDoc('observation', actor.name, { visitId: this.visitId, ...details }, { id })
			);
			this.pendingId = undefined;
			return undefined;
		} catch (error) {
			await this.keepDraft();
			return this.photos.keptWith(saveFailure(error, m.vis_this_observation()));
		}
	}

	/** Keeps the screen as the draft; if the device cannot, what is on screen stays and it is logged. */
	private async keepDraft(values: Partial<CaptureValues> = {}): Promise<void> {
		try {
			await this.form.set(values);
		} catch (error) {
			reportProblem('an observation could not be kept as a draft', error);
		}
	}
}
