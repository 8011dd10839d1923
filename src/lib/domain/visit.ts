import { z } from 'zod';
import { accountNameSchema } from './accounts';
import { baseDocShape, docIdSchema } from './common';

/** Site visits: a visit planned to a site, the observations made on it, and the report grouping them. */

export const SITE_TYPES = [
	'999-control-room',
	'111-centre',
	'ambulance-station',
	'hospital-handover',
	'vehicle',
	'other'
] as const;
export const SITE_TYPE_LABELS: Record<(typeof SITE_TYPES)[number], string> = {
	'999-control-room': '999 control room',
	'111-centre': '111 centre',
	'ambulance-station': 'Ambulance station',
	'hospital-handover': 'Hospital handover',
	vehicle: 'Vehicle',
	other: 'Other'
};

export const VISIT_STATUSES = ['planned', 'in-progress', 'done'] as const;
export const VISIT_STATUS_LABELS: Record<(typeof VISIT_STATUSES)[number], string> = {
	planned: 'Planned',
	'in-progress': 'In progress',
	done: 'Done'
};

export const VISIT_TEMPLATES = ['general', 'mock-cqc'] as const;
export type VisitTemplate = (typeof VISIT_TEMPLATES)[number];

/** The CQC's five key questions, with prompts for a mock inspection. */
export const KEY_QUESTIONS = ['safe', 'effective', 'caring', 'responsive', 'well-led'] as const;
export type KeyQuestion = (typeof KEY_QUESTIONS)[number];
export const KEY_QUESTION_GUIDE: Record<KeyQuestion, { label: string; prompt: string }> = {
	safe: {
		label: 'Safe',
		prompt:
			'Are people protected from abuse and avoidable harm? Look at equipment checks, infection control, staffing.'
	},
	effective: {
		label: 'Effective',
		prompt:
			'Does care achieve good outcomes? Look at guidance being followed, training, teams working together.'
	},
	caring: {
		label: 'Caring',
		prompt: 'Do staff treat people with compassion, kindness, dignity and respect?'
	},
	responsive: {
		label: 'Responsive',
		prompt: 'Are services organised to meet people’s needs? Look at waits, access, complaints.'
	},
	'well-led': {
		label: 'Well-led',
		prompt: 'Does leadership assure good care? Look at culture, openness, learning from incidents.'
	}
};

export const OBSERVATION_KINDS = ['good-practice', 'concern', 'idea', 'question'] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];
export const OBSERVATION_KIND_LABELS: Record<ObservationKind, string> = {
	'good-practice': 'Good practice',
	concern: 'Concern',
	idea: 'Idea',
	question: 'Question'
};

export const visitInputSchema = z.object({
	siteType: z.enum(SITE_TYPES, { error: 'Choose the kind of site' }),
	siteName: z
		.string()
		.trim()
		.min(1, { error: 'Enter the name of the site' })
		.max(120, { error: 'Site name must be 120 characters or fewer' }),
	date: z.iso.date({ error: 'Enter the date of the visit' }),
	visitors: z.array(accountNameSchema).max(20).default([]),
	purpose: z.string().trim().max(2_000, { error: 'Purpose must be 2,000 characters or fewer' }).default(''),
	status: z.enum(VISIT_STATUSES).default('planned'),
	template: z.enum(VISIT_TEMPLATES, { error: 'Choose a template' }).default('general')
});
export type VisitInput = z.input<typeof visitInputSchema>;

/** What the visit form writes: everything but the status, which only starting and finishing change. */
export const visitDetailsSchema = visitInputSchema.omit({ status: true });
export type VisitDetails = z.infer<typeof visitDetailsSchema>;

export const visitSchema = z.strictObject({ ...baseDocShape('visit'), ...visitInputSchema.shape });
export type Visit = z.infer<typeof visitSchema>;

export const OBSERVATION_MAX = 5_000;

export const observationInputSchema = z.object({
	text: z
		.string()
		.trim()
		.min(1, { error: 'Write what you saw or heard' })
		.max(OBSERVATION_MAX, {
			error: `Observation must be ${OBSERVATION_MAX.toLocaleString('en-GB')} characters or fewer`
		}),
	kind: z.enum(OBSERVATION_KINDS, { error: 'Choose what kind of observation this is' }),
	keyQuestion: z.enum(KEY_QUESTIONS).nullable().default(null),
	/** The co-production project this observation is evidence for, if any. */
	projectId: docIdSchema('project').nullable().default(null)
});
export type ObservationInput = z.input<typeof observationInputSchema>;
export type ObservationDetails = z.infer<typeof observationInputSchema>;

export const observationSchema = z.strictObject({
	...baseDocShape('observation'),
	visitId: docIdSchema('visit'),
	...observationInputSchema.shape
});
export type Observation = z.infer<typeof observationSchema>;

export interface ReportSection<T> {
	keyQuestion: KeyQuestion | null;
	kinds: { kind: ObservationKind; observations: T[] }[];
}

/**
 * A visit report: observations grouped by key question (in the CQC's order, then those with none) and,
 * within each, by kind (good practice first). Empty groups are left out.
 */
export function groupReport<
	T extends { keyQuestion: KeyQuestion | null; kind: ObservationKind; createdAt: string }
>(observations: readonly T[]): ReportSection<T>[] {
	const sorted = [...observations].sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
	return [...KEY_QUESTIONS, null]
		.map((keyQuestion) => ({
			keyQuestion,
			kinds: OBSERVATION_KINDS.map((kind) => ({
				kind,
				observations: sorted.filter((o) => o.keyQuestion === keyQuestion && o.kind === kind)
			})).filter((group) => group.observations.length > 0)
		}))
		.filter((section) => section.kinds.length > 0);
}
