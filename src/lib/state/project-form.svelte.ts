import {
	aimSchema,
	fieldErrors,
	INVOLVEMENT_LEVELS,
	invalid,
	PROJECT_STAGES,
	projectInputSchema,
	type Aim,
	type ProjectFields,
	type Result,
	type SessionInfo,
	type TeamMember
} from '$lib/domain';
import { m } from '$lib/paraglide/messages';
import type { ProjectRow } from '$lib/store/project-rows';
import type { Workspace } from '$lib/store/workspace';
import { documentEditor, DraftForm } from './draft-form.svelte';
import { kindOf } from './meeting-forms.svelte';
import { ProjectWrites } from './projects.svelte';

/** Setting up a project, or changing one: its lead or a coordinator. */

export type ProjectFormValues = Record<
	| 'title'
	| 'problem'
	| 'easyRead'
	| 'aimDirection'
	| 'aimMeasure'
	| 'aimBaseline'
	| 'aimTarget'
	| 'aimBy'
	| 'serviceArea'
	| 'lead'
	| 'leadKind'
	| 'leadLevel'
	| 'status'
	| 'startDate'
	| 'endDate'
	| 'stopReason'
	| 'aimReached'
	| 'aimEvidence'
	| 'membersFirstInvolved',
	string
>;

/** "Not yet": no member is involved. */
export const NOT_YET = 'not-yet';

const EMPTY: ProjectFormValues = {
	title: '',
	problem: '',
	easyRead: '',
	aimDirection: '',
	aimMeasure: '',
	aimBaseline: '',
	aimTarget: '',
	aimBy: '',
	serviceArea: '',
	lead: '',
	leadKind: 'member',
	leadLevel: '',
	status: 'proposed',
	startDate: '',
	endDate: '',
	stopReason: '',
	aimReached: '',
	aimEvidence: '',
	membersFirstInvolved: ''
};

const AIM_PARTS = {
	aimDirection: 'direction',
	aimMeasure: 'measure',
	aimBaseline: 'baseline',
	aimTarget: 'target',
	aimBy: 'by'
} as const;

function aimOf(values: ProjectFormValues): Record<keyof Aim, string> | null {
	const parts = Object.entries(AIM_PARTS).map(([field, part]) => [
		part,
		values[field as keyof ProjectFormValues].trim()
	]);
	return parts.some(([, value]) => value) ? (Object.fromEntries(parts) as Record<keyof Aim, string>) : null;
}

/** The aim, to say as one sentence, once its parts are filled in well enough to say it. */
export function aimPreview(values: ProjectFormValues): Aim | undefined {
	const parsed = aimSchema.safeParse(aimOf(values));
	return parsed.success ? parsed.data : undefined;
}

const ended = (status: string) => status === 'completed' || status === 'stopped';

/** What the form's values say, with what is not shown for the status left out. */
function fieldsOf(
	values: ProjectFormValues,
	team: readonly TeamMember[],
	measures: ProjectFields['measures']
) {
	const stage = PROJECT_STAGES.find((value) => value === values.membersFirstInvolved) ?? null;
	const aimReached = ended(values.status) ? values.aimReached || null : null;
	return {
		title: values.title,
		problem: values.problem,
		easyRead: values.easyRead,
		aim: aimOf(values),
		serviceArea: values.serviceArea,
		lead: values.lead.trim(),
		leadKind: values.leadKind,
		status: values.status,
		startDate: values.status !== 'proposed' ? values.startDate || null : null,
		endDate: ended(values.status) ? values.endDate || null : null,
		stopReason: values.status === 'stopped' ? values.stopReason : '',
		aimReached,
		aimEvidence: aimReached ? values.aimEvidence : '',
		membersFirstInvolved: stage,
		team,
		measures
	};
}

/** The lead, the first person on a new project's team. */
function leadOf(values: ProjectFormValues): TeamMember {
	const member = values.leadKind === 'member';
	return {
		name: values.lead.trim(),
		kind: member ? 'member' : 'staff',
		level: member ? (INVOLVEMENT_LEVELS.find((level) => level === values.leadLevel) ?? null) : null,
		joinedAt: PROJECT_STAGES.find((stage) => stage === values.membersFirstInvolved) ?? 'problem',
		role: m.prj_lead_role(),
		time: '',
		support: '',
		supervisor: '',
		skillsBring: '',
		skillsDevelop: ''
	};
}

/** Checks the form against the project's schema, each message at the field a person would change. */
function checkProjectForm(values: ProjectFormValues, editing: ProjectRow | undefined): Result<ProjectFields> {
	const errors: Record<string, string> = {};
	const creating = !editing;
	const parsed = projectInputSchema.safeParse(
		fieldsOf(values, editing?.team ?? [leadOf(values)], editing?.measures ?? [])
	);
	if (!parsed.success) {
		const { aim: _aim, team: _team, ...rest } = fieldErrors(parsed.error.issues);
		Object.assign(errors, rest);
	}
	const aim = aimOf(values);
	const aimParsed = aimSchema.safeParse(aim);
	if (aim && !aimParsed.success) {
		for (const [field, part] of Object.entries(AIM_PARTS)) {
			const message = fieldErrors(aimParsed.error.issues)[part];
			if (message) errors[field] = message;
		}
	}
	if (!values.membersFirstInvolved) errors.membersFirstInvolved = m.prj_error_first_involved();
	if (creating && values.leadKind === 'member') {
		if (!values.leadLevel) errors.leadLevel = m.prj_error_lead_level();
		if (values.membersFirstInvolved === NOT_YET) {
			errors.membersFirstInvolved = m.prj_error_lead_member();
		}
	}
	// The error summary lists the problems in the order of the form's fields.
	const ordered = Object.keys(EMPTY).flatMap((field) =>
		errors[field] ? [[field, errors[field]] as const] : []
	);
	if (ordered.length > 0 || !parsed.success) return invalid(Object.fromEntries(ordered));
	return { ok: true, value: parsed.data };
}

function valuesOf(row: ProjectRow): ProjectFormValues {
	return {
		title: row.title,
		problem: row.problem,
		easyRead: row.easyRead,
		aimDirection: row.aim?.direction ?? '',
		aimMeasure: row.aim?.measure ?? '',
		aimBaseline: row.aim?.baseline ?? '',
		aimTarget: row.aim?.target ?? '',
		aimBy: row.aim?.by ?? '',
		serviceArea: row.serviceArea,
		lead: row.lead,
		leadKind: row.leadKind,
		leadLevel: '',
		status: row.status,
		startDate: row.startDate ?? '',
		endDate: row.endDate ?? '',
		stopReason: row.stopReason,
		aimReached: row.aimReached ?? '',
		aimEvidence: row.aimEvidence,
		membersFirstInvolved: row.membersFirstInvolved ?? NOT_YET
	};
}

/** The lead (or a coordinator) sets up a project, or changes `editing`; `save` answers its id once saved. */
export function projectForm(workspace: Workspace, session: SessionInfo, editing?: ProjectRow) {
	const writes = new ProjectWrites(workspace, session);
	const form = new DraftForm<ProjectFormValues, ProjectFields>(
		workspace.desk,
		editing ? `project:edit:${editing.id}` : 'project:new',
		{ ...EMPTY, lead: session.name, leadKind: kindOf(session) },
		(values) => checkProjectForm(values, editing)
	);
	return documentEditor(
		form,
		{
			create: (fields) => writes.create(fields),
			// The team and measures are changed on their own pages: an edit here leaves them as they are now.
			change: (id, { team: _team, measures: _measures, ...details }) => writes.change(id, () => details),
			get what() {
				return m.prj_what_project();
			}
		},
		editing && { id: editing.id, initial: valuesOf(editing) }
	);
}
