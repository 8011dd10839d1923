import type { DataPoint, Measure, Pdsa } from '$lib/domain';
import type { Desk } from './desk';
import type { Synced } from './meeting-query';
import type { ProjectPartRow, ProjectRow } from './project-rows';
import { withStatuses } from './status';

/**
 * Reading what a project's team does from the desk: its PDSA cycles, its measures with their figures, and
 * the projects on the device as others link to them (ideas taken forward, observations, meetings).
 */

/** A project as something else names it. */
export interface ProjectOption {
	id: string;
	title: string;
}

export interface CycleView extends Synced<ProjectPartRow<Pdsa>> {
	/** Its number in the project, counting from the first started ("PDSA 1"). */
	number: number;
}

export interface MeasureView {
	measure: Measure;
	/** Its figures, oldest first. */
	points: Synced<ProjectPartRow<DataPoint>>[];
}

export interface ProjectWork {
	/** Newest first. */
	cycles: CycleView[];
	/** In the order the project lists them. */
	measures: MeasureView[];
}

/** Every project on the device, by title, for choosing one to link to and for naming a linked one. */
export async function loadProjectOptions(desk: Desk): Promise<ProjectOption[]> {
	const projects = await desk.projects.toArray();
	return projects
		.map(({ id, title }) => ({ id, title }))
		.sort((a, b) => a.title.localeCompare(b.title, 'en-GB') || (a.id < b.id ? -1 : 1));
}

function byStart(a: ProjectPartRow<Pdsa>, b: ProjectPartRow<Pdsa>): number {
	const [x, y] = [a.doc, b.doc];
	if (x.startedOn !== y.startedOn) return x.startedOn < y.startedOn ? -1 : 1;
	return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;
}

function byDate(a: ProjectPartRow<DataPoint>, b: ProjectPartRow<DataPoint>): number {
	if (a.doc.date !== b.doc.date) return a.doc.date < b.doc.date ? -1 : 1;
	return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;
}

/** A project's cycles (numbered in the order they started, listed newest first) and measures with figures. */
export async function loadProjectWork(desk: Desk, project: ProjectRow): Promise<ProjectWork> {
	const [cycleRows, pointRows] = await Promise.all([
		desk.projectParts.where('[projectId+type]').equals([project.id, 'pdsa']).toArray(),
		desk.projectParts.where('[projectId+type]').equals([project.id, 'data-point']).toArray()
	]);
	const started = (cycleRows as ProjectPartRow<Pdsa>[]).sort(byStart);
	const points = await withStatuses(desk, (pointRows as ProjectPartRow<DataPoint>[]).sort(byDate));
	const cycles = (await withStatuses(desk, started)).map((cycle, i) => ({ ...cycle, number: i + 1 }));
	return {
		cycles: cycles.reverse(),
		measures: project.measures.map((measure) => ({
			measure,
			points: points.filter((point) => point.row.doc.measureId === measure.id)
		}))
	};
}

/** One of a project's documents (a cycle, a figure) as a row: null when it is not on this device. */
export async function loadProjectPart<D extends Pdsa | DataPoint>(
	desk: Desk,
	type: D['type'],
	id: string
): Promise<ProjectPartRow<D> | null> {
	const row = await desk.projectParts.get(id);
	return row?.type === type ? (row as ProjectPartRow<D>) : null;
}
