import {
	fieldErrors,
	invalid,
	opportunityInputSchema,
	parsePounds,
	penceAsPounds,
	type OpportunityInput,
	type Result,
	type SessionInfo
} from '$lib/domain';
import { m } from '$lib/paraglide/messages';
import type { OpportunityRow } from '$lib/store/involvement-rows';
import type { Workspace } from '$lib/store/workspace';
import { documentEditor, DraftForm } from './draft-form.svelte';
import { OpportunityWrites } from './opportunities.svelte';

/** Posting an involvement opportunity with its role description, or changing one: staff and coordinators. */

type TextFields =
	| 'kind'
	| 'title'
	| 'purpose'
	| 'whatYouWillDo'
	| 'timeCommitment'
	| 'startsOn'
	| 'endsOn'
	| 'closesOn'
	| 'place'
	| 'location'
	| 'skillsUseful'
	| 'support'
	| 'contact'
	| 'supervisor'
	| 'paid'
	| 'rate'
	| 'rateUnit'
	| 'expensesCovered'
	| 'accessibility'
	| 'projectId'
	| 'status';

export type OpportunityFormValues = Record<TextFields, string> &
	Record<'days' | 'times' | 'interests', string[]>;

const EMPTY: OpportunityFormValues = {
	kind: '',
	title: '',
	purpose: '',
	whatYouWillDo: '',
	timeCommitment: '',
	startsOn: '',
	endsOn: '',
	closesOn: '',
	place: '',
	location: '',
	days: [],
	times: [],
	interests: [],
	skillsUseful: '',
	support: '',
	contact: '',
	supervisor: '',
	paid: 'no',
	rate: '',
	rateUnit: 'session',
	expensesCovered: 'yes',
	accessibility: '',
	projectId: '',
	status: 'open'
};

/** The schema's input from the form: dates left empty are none, the rate read from pounds into pence. */
function inputOf(values: OpportunityFormValues) {
	const paid = values.paid === 'yes';
	const { rate: _rate, ...rest } = values;
	return {
		...rest,
		startsOn: values.startsOn || null,
		endsOn: values.endsOn || null,
		closesOn: values.closesOn || null,
		paid,
		ratePence: paid && values.rate.trim() ? (parsePounds(values.rate) ?? -1) : null,
		expensesCovered: values.expensesCovered === 'yes',
		projectId: values.kind === 'qi-project-team' && values.projectId ? values.projectId : null
	};
}

function checkOpportunityForm(values: OpportunityFormValues): Result<OpportunityInput> {
	const parsed = opportunityInputSchema.safeParse(inputOf(values));
	if (parsed.success) return { ok: true, value: parsed.data };
	const { ratePence, ...errors } = fieldErrors(parsed.error.issues);
	const rate = ratePence && values.rate.trim() ? m.inv_error_rate() : ratePence;
	return invalid(rate ? { ...errors, rate } : errors);
}

function valuesOf(row: OpportunityRow): OpportunityFormValues {
	return {
		...EMPTY,
		...row,
		startsOn: row.startsOn ?? '',
		endsOn: row.endsOn ?? '',
		closesOn: row.closesOn ?? '',
		paid: row.paid ? 'yes' : 'no',
		rate: row.ratePence === null ? '' : penceAsPounds(row.ratePence),
		expensesCovered: row.expensesCovered ? 'yes' : 'no',
		projectId: row.projectId ?? ''
	};
}

/** Posts an opportunity, or changes `editing`; `save` answers its id once saved. */
export function opportunityForm(workspace: Workspace, session: SessionInfo, editing?: OpportunityRow) {
	const writes = new OpportunityWrites(workspace, session.name);
	const form = new DraftForm<OpportunityFormValues, OpportunityInput>(
		workspace.desk,
		editing ? `opportunity:edit:${editing.id}` : 'opportunity:new',
		EMPTY,
		checkOpportunityForm
	);
	return documentEditor(
		form,
		{
			create: (input) => writes.create(input),
			change: (id, input) => writes.change(id, input),
			get what() {
				return m.inv_what_opportunity();
			}
		},
		editing && { id: editing.id, initial: valuesOf(editing) }
	);
}
