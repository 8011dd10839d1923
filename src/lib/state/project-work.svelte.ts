import {
	dataPointInputSchema,
	invalid,
	measureSchema,
	newDoc,
	pdsaInputSchema,
	ulid,
	type DataPoint,
	type Pdsa,
	type Result
} from '$lib/domain';
import { today } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import type { ProjectPartRow, ProjectRow } from '$lib/store/project-rows';
import {
	loadProjectOptions,
	loadProjectPart,
	loadProjectWork,
	type ProjectOption,
	type ProjectWork
} from '$lib/store/project-work-query';
import type { Workspace } from '$lib/store/workspace';
import { Attempt } from './attempt.svelte';
import { checkedBy, DraftForm } from './draft-form.svelte';
import { Live } from './live.svelte';

/**
 * What a project's team does, offline: PDSA cycles, measures and their figures; and the projects on the
 * device, as ideas, observations and meetings link to them.
 */

/** Every project on the device, by title (for a "which project?" choice and to name a linked project). */
export function projectOptions(workspace: Workspace): Live<ProjectOption[]> {
	return new Live(
		() => undefined,
		() => loadProjectOptions(workspace.desk),
		[]
	);
}

/** A project's cycles and measures with their figures, following the desk. */
export function projectWork(
	workspace: Workspace,
	project: () => ProjectRow
): Live<ProjectWork | undefined, ProjectRow> {
	return new Live(project, (row) => loadProjectWork(workspace.desk, row), undefined);
}

/** One cycle or figure, for its form: null when it is not on this device, undefined until read. */
export function projectPart<D extends Pdsa | DataPoint>(
	workspace: Workspace,
	type: D['type'],
	id: () => string
): Live<ProjectPartRow<D> | null | undefined, string> {
	return new Live(id, (partId) => loadProjectPart<D>(workspace.desk, type, partId), undefined);
}

/** A form's editor: its form, loaded from what it changes, and a save answering whether it saved. */
export interface WorkEditor<V extends object> {
	form: DraftForm<V, unknown>;
	load(): Promise<void>;
	discard(): Promise<void>;
	save(): Promise<boolean>;
}

function editorOf<V extends object, T>(
	form: DraftForm<V, T>,
	initial: Partial<V>,
	write: (input: T) => Promise<unknown>,
	what: () => string
): WorkEditor<V> {
	return {
		form: form as DraftForm<V, unknown>,
		load: () => form.load(initial),
		discard: () => form.discardDraft(initial),
		save: () => form.submit(write, { what: what() })
	};
}

/** Only the messages of `fields`, in that order (the order of the form), or the value. */
function ordered<T>(result: Result<T>, fields: readonly string[]): Result<T> {
	if (result.ok) return result;
	const errors = result.fields ?? {};
	return invalid(
		Object.fromEntries(fields.flatMap((field) => (errors[field] ? [[field, errors[field]]] : [])))
	);
}

// ——— PDSA cycles ———

export type PdsaFormValues = Record<
	'title' | 'startedOn' | 'prediction' | 'happened' | 'learned' | 'decision',
	string
>;

const PDSA_FIELDS = ['title', 'startedOn', 'prediction', 'happened', 'learned', 'decision'] as const;

function checkPdsa(values: PdsaFormValues) {
	return checkedBy(pdsaInputSchema.safeParse({ ...values, decision: values.decision || null }));
}

/** Someone on the team adds a PDSA cycle to `projectId`, or changes `editing`. */
export function pdsaForm(
	workspace: Workspace,
	me: string,
	projectId: string,
	editing?: ProjectPartRow<Pdsa>
): WorkEditor<PdsaFormValues> {
	const empty: PdsaFormValues = {
		title: '',
		startedOn: today(),
		prediction: '',
		happened: '',
		learned: '',
		decision: ''
	};
	const form = new DraftForm(
		workspace.desk,
		editing ? `pdsa:edit:${editing.id}` : `pdsa:new:${projectId}`,
		empty,
		(values: PdsaFormValues) => ordered(checkPdsa(values), PDSA_FIELDS)
	);
	const doc = editing?.doc;
	return editorOf(
		form,
		doc ? { ...Object.fromEntries(PDSA_FIELDS.map((field) => [field, doc[field] ?? ''])) } : {},
		async (input) => {
			if (editing) await workspace.writer.update('pdsa', editing.id, () => input);
			else await workspace.writer.save(newDoc('pdsa', me, { projectId, ...input }));
		},
		m.prj_what_cycle
	);
}

// ——— Measures and their figures ———

export type MeasureFormValues = Record<'name' | 'unit' | 'better', string>;

const measureInputSchema = measureSchema.omit({ id: true });

/** The lead (or a coordinator) adds a measure to the project: a change to the project's own document. */
export function measureForm(workspace: Workspace, projectId: string): WorkEditor<MeasureFormValues> {
	const form = new DraftForm(
		workspace.desk,
		`measure:new:${projectId}`,
		{ name: '', unit: '', better: '' },
		(values: MeasureFormValues) =>
			ordered(checkedBy(measureInputSchema.safeParse({ ...values, better: values.better || undefined })), [
				'name',
				'unit',
				'better'
			])
	);
	return editorOf(
		form,
		{},
		(input) =>
			workspace.writer.update('project', projectId, (doc) => ({
				measures: [...doc.measures, { id: ulid(), ...input }]
			})),
		m.prj_what_measure
	);
}

export type DataPointFormValues = Record<'date' | 'value' | 'note', string>;

/** A figure as typed ("42", "3.5", "-2", "1,250"), as a number; undefined when it is not one. */
export function figureOf(text: string): number | undefined {
	const typed = text.trim().replace(/(\d),(?=\d{3}(\D|$))/g, '$1');
	return /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(typed) ? Number(typed) : undefined;
}

function checkDataPoint(values: DataPointFormValues): Result<Pick<DataPoint, 'date' | 'value' | 'note'>> {
	const value = figureOf(values.value);
	const parsed = checkedBy(dataPointInputSchema.safeParse({ ...values, value: value ?? Number.NaN }));
	if (value !== undefined) return ordered(parsed, ['date', 'value', 'note']);
	const fields = parsed.ok ? {} : (parsed.fields ?? {});
	return ordered(invalid({ ...fields, value: m.prj_error_not_a_number() }), ['date', 'value', 'note']);
}

/** Someone on the team adds a figure to one of the project's measures, or corrects `editing`. */
export function dataPointForm(
	workspace: Workspace,
	me: string,
	projectId: string,
	measureId: string,
	editing?: ProjectPartRow<DataPoint>
): WorkEditor<DataPointFormValues> {
	const form = new DraftForm(
		workspace.desk,
		editing ? `data-point:edit:${editing.id}` : `data-point:new:${projectId}:${measureId}`,
		{ date: today(), value: '', note: '' },
		checkDataPoint
	);
	const doc = editing?.doc;
	return editorOf(
		form,
		doc ? { date: doc.date, value: String(doc.value), note: doc.note } : {},
		async (input) => {
			if (editing) await workspace.writer.update('data-point', editing.id, () => input);
			else await workspace.writer.save(newDoc('data-point', me, { projectId, measureId, ...input }));
		},
		m.prj_what_figure
	);
}

/** Deletes a cycle or a figure (the deletion syncs like any change); `problem` says why it could not. */
export class PartRemoval {
	readonly attempt = new Attempt(m.prj_what_deletion());

	constructor(private readonly workspace: Workspace) {}

	remove(row: { id: string; rev: string }): Promise<boolean> {
		return this.attempt.run(() => this.workspace.writer.remove(row.id, row.rev));
	}
}

// ——— Links to a project ———

/** The choices of a "which project?" select: none, then every project on the device. */
export function projectChoices(
	projects: readonly ProjectOption[],
	none: string = m.prj_not_linked()
): { value: string; label: string }[] {
	return [
		{ value: '', label: none },
		...projects.map((project) => ({ value: project.id, label: project.title }))
	];
}
