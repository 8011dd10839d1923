import { comingInputSchema, type ComingInput } from '$lib/domain';
import { m } from '$lib/paraglide/messages';
import type { ComingView } from '$lib/store/meeting-query';
import type { MeetingRow } from '$lib/store/meeting-rows';
import { Attempt } from './attempt.svelte';
import { checkedBy, Form } from './draft-form.svelte';
import type { MeetingWrites } from './meetings.svelte';

export interface ComingFormValues {
	needs: string[];
	note: string;
}

/**
 * A member telling a meeting's chair they are coming, and how they need information there: started from
 * what they said last time, or from the needs ticked in their profile (not its note, which may say more).
 */
export class ComingForm {
	readonly form: Form<ComingFormValues, ComingInput>;
	readonly withdrawal = new Attempt(m.mtgp_withdrawal_what());

	constructor(
		private readonly writes: MeetingWrites,
		private readonly meeting: Pick<MeetingRow, 'id' | 'chair'>,
		mine: ComingView | undefined,
		profile: { communicationNeeds: readonly string[] } | null | undefined
	) {
		const start = mine
			? { needs: [...mine.row.doc.needs], note: mine.row.doc.note }
			: // Only the needs: the profile's own words may say more than the chair needs to know.
				{ needs: [...(profile?.communicationNeeds ?? [])], note: '' };
		this.form = new Form<ComingFormValues, ComingInput>(start, (values) =>
			checkedBy(comingInputSchema.safeParse(values))
		);
	}

	save(): Promise<boolean> {
		return this.form.submit((input) => this.writes.coming(this.meeting, input), {
			what: m.mtgp_coming_what(),
			after: 'keep'
		});
	}

	withdraw(): Promise<boolean> {
		return this.withdrawal.run(() => this.writes.coming(this.meeting, undefined));
	}
}
