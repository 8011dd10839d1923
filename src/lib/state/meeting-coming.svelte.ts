import { comingInputSchema, type ComingInput } from '$lib/domain';
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
 * what they said last time, or from their profile's communication needs.
 */
export class ComingForm {
	readonly form: Form<ComingFormValues, ComingInput>;
	readonly withdrawal = new Attempt('Taking it back');

	constructor(
		private readonly writes: MeetingWrites,
		private readonly meeting: Pick<MeetingRow, 'id' | 'chair'>,
		mine: ComingView | undefined,
		profile: { communicationNeeds: readonly string[]; communicationNote: string } | null | undefined
	) {
		const start = mine
			? { needs: [...mine.row.doc.needs], note: mine.row.doc.note }
			: {
					needs: [...(profile?.communicationNeeds ?? [])],
					note: profile?.communicationNote.slice(0, 300) ?? ''
				};
		this.form = new Form<ComingFormValues, ComingInput>(start, (values) =>
			checkedBy(comingInputSchema.safeParse(values))
		);
	}

	save(): Promise<boolean> {
		return this.form.submit((input) => this.writes.coming(this.meeting, input), {
			what: 'Your answer',
			after: 'keep'
		});
	}

	withdraw(): Promise<boolean> {
		return this.withdrawal.run(() => this.writes.coming(this.meeting, undefined));
	}
}
