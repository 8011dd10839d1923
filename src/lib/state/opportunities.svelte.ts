import {
	interestInputSchema,
	invalid,
	newDoc,
	posterPrivateId,
	selectionInputSchema,
	success,
	timeGivenInputSchema,
	type ContentOf,
	type Opportunity,
	type OpportunityInput,
	type SelectionOutcome,
	type SessionInfo,
	type TimeKind
} from '$lib/domain';
import { m } from '$lib/paraglide/messages';
import type { OpportunityRow } from '$lib/store/involvement-rows';
import type { Person } from '$lib/store/meeting-query';
import {
	loadOpportunities,
	loadOpportunity,
	loadOpportunityRow,
	type OpportunityFilter,
	type OpportunityListItem,
	type OpportunityView
} from '$lib/store/opportunity-query';
import type { Workspace } from '$lib/store/workspace';
import { checkedBy, Form } from './draft-form.svelte';
import { Live } from './live.svelte';

/** Rune state for involvement opportunities: what pages read (live from the desk) and what people do. */

/** Whether this person may post opportunities (staff and coordinators). */
export function postsOpportunities(session: Pick<SessionInfo, 'roles'>): boolean {
	return session.roles.includes('staff') || session.roles.includes('coordinator');
}

/** Whether this person may choose people for `opportunity` and record their time: its poster or a coordinator. */
export function choosesFor(
	session: Pick<SessionInfo, 'name' | 'roles'>,
	opportunity: OpportunityRow
): boolean {
	return session.roles.includes('coordinator') || opportunity.author === session.name;
}

export function opportunityList(
	workspace: Workspace,
	me: Person,
	filter: () => OpportunityFilter
): Live<OpportunityListItem[] | undefined, OpportunityFilter> {
	return new Live(filter, (current) => loadOpportunities(workspace.desk, current, me), undefined);
}

/** One opportunity with its people: undefined until read and when it is not on this device. */
export function opportunityDetail(
	workspace: Workspace,
	me: Person,
	id: () => string
): Live<OpportunityView | undefined, string> {
	return new Live(id, (opportunityId) => loadOpportunity(workspace.desk, opportunityId, me), undefined);
}

/** An opportunity's own row, for its form: null when it is not on this device, undefined until read. */
export function opportunityRecord(
	workspace: Workspace,
	id: () => string
): Live<OpportunityRow | null | undefined, string> {
	return new Live(id, (opportunityId) => loadOpportunityRow(workspace.desk, opportunityId), undefined);
}

type About = Pick<Opportunity, 'author'> & { id: string };

/** Everything people do with opportunities, written on this device first. */
export class OpportunityWrites {
	constructor(
		private readonly workspace: Workspace,
		private readonly me: string
	) {}

	/** Posts an opportunity; answers its id. */
	async create(content: OpportunityInput): Promise<string> {
		const doc = newDoc('opportunity', this.me, content);
		await this.workspace.writer.save(doc);
		return doc._id;
	}

	async change(id: string, content: OpportunityInput): Promise<void> {
		await this.workspace.writer.update('opportunity', id, () => content as Partial<Opportunity>);
	}

	/** Says this person is interested, with a note to the poster (again: the note changes). */
	async interested(opportunity: About, note: string): Promise<void> {
		await this.put('interest', opportunity, this.me, { note });
	}

	/** Takes this person's interest back. */
	async withdraw(opportunity: About): Promise<void> {
		const id = posterPrivateId('interest', opportunity.author, this.me, opportunity.id);
		const existing = await this.workspace.ledger.get(id);
		if (existing) await this.workspace.writer.remove(id, existing._rev);
	}

	/** The poster's answer to `member`: selected or not, with a message. */
	async select(
		opportunity: About,
		member: string,
		outcome: SelectionOutcome,
		message: string
	): Promise<void> {
		await this.put('selection', opportunity, member, { outcome, message });
	}

	/** The time `member` gave, recorded afterwards (a correction replaces it). */
	async recordTime(opportunity: About, member: string, time: TimeRecord): Promise<void> {
		await this.put('time-given', opportunity, member, time);
	}

	/** Writes one of the documents between a poster and a member, over the one already there. */
	private async put<K extends 'interest' | 'selection' | 'time-given'>(
		type: K,
		opportunity: About,
		member: string,
		content: Omit<ContentOf<K>, 'opportunityId' | 'poster' | 'member'>
	): Promise<void> {
		const id = posterPrivateId(type, opportunity.author, member, opportunity.id);
		const existing = await this.workspace.ledger.get(id);
		const ids = { opportunityId: opportunity.id, poster: opportunity.author, member };
		await this.workspace.writer.save(
			newDoc(type, this.me, { ...ids, ...content } as ContentOf<K>, { id }),
			existing?._rev
		);
	}
}

export interface TimeRecord {
	minutes: number;
	kind: TimeKind;
	on: string;
}

/** Hours as typed ("2.5", "1 ½" is not understood) in whole minutes, or undefined. */
export function hoursAsMinutes(text: string): number | undefined {
	const trimmed = text.trim();
	if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
	return Math.round(Number(trimmed) * 60);
}

/** The note that goes with "I'm interested". */
export function interestForm(note = '') {
	return new Form<{ note: string }, string>({ note }, (values) => {
		const checked = checkedBy(interestInputSchema.safeParse(values));
		return checked.ok ? success(checked.value.note) : checked;
	});
}

/** The poster's answer to one person. */
export function selectionForm(outcome = '', message = '') {
	return new Form<{ outcome: string; message: string }, { outcome: SelectionOutcome; message: string }>(
		{ outcome, message },
		(values) => checkedBy(selectionInputSchema.safeParse(values))
	);
}

/** The time one person gave: hours typed as "2.5", kept as whole minutes. */
export function timeForm(initial?: TimeRecord) {
	return new Form<{ hours: string; kind: string; on: string }, TimeRecord>(
		{
			hours: initial ? String(initial.minutes / 60) : '',
			kind: initial?.kind ?? 'taking-part',
			on: initial?.on ?? ''
		},
		({ hours, ...values }) => {
			const minutes = hoursAsMinutes(hours);
			if (minutes === undefined) return invalid({ hours: m.inv_error_hours() });
			const checked = checkedBy(timeGivenInputSchema.safeParse({ ...values, minutes }));
			if (checked.ok || !checked.fields?.minutes) return checked;
			const { minutes: tooFew, ...others } = checked.fields;
			return invalid({ ...others, hours: tooFew });
		}
	);
}
