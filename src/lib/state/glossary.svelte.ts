import { glossaryTermInputSchema, newDoc } from '$lib/domain';
import { m } from '$lib/paraglide/messages';
import { loadGlossaryList, type GlossaryRow } from '$lib/store/glossary';
import type { Synced } from '$lib/store/meeting-query';
import { withStatuses } from '$lib/store/status';
import type { Workspace } from '$lib/store/workspace';
import { checkedBy, DraftForm } from './draft-form.svelte';
import { Live } from './live.svelte';

/** Rune state for the glossary: its terms (live from the desk), and a coordinator keeping them. */

/** Every term A to Z with its sync status (the glossary page). */
export function glossaryList(workspace: Workspace): Live<Synced<GlossaryRow>[]> {
	return new Live(
		() => undefined,
		() => loadGlossaryList(workspace.desk),
		[]
	);
}

/** One term, with its sync status: null when it is not on this device. */
export function glossaryEntry(
	workspace: Workspace,
	id: () => string
): Live<Synced<GlossaryRow> | null | undefined, string> {
	return new Live(
		id,
		async (current) => {
			const row = await workspace.desk.glossary.get(current);
			return row ? ((await withStatuses(workspace.desk, [row]))[0] ?? null) : null;
		},
		undefined
	);
}

export type GlossaryFormValues = Record<'term' | 'meaning' | 'note', string>;

/** A coordinator adds a term, or changes `editing`; `save` answers whether it was saved. */
export function glossaryForm(workspace: Workspace, me: string, editing?: GlossaryRow) {
	const form = new DraftForm<GlossaryFormValues, ReturnType<typeof glossaryTermInputSchema.parse>>(
		workspace.desk,
		editing ? `glossary-term:edit:${editing.id}` : 'glossary-term:new',
		{ term: '', meaning: '', note: '' },
		(values) => checkedBy(glossaryTermInputSchema.safeParse(values))
	);
	const initial = editing ? { term: editing.term, meaning: editing.meaning, note: editing.note } : {};
	return {
		form,
		load: () => form.load(initial),
		discard: () => form.discardDraft(initial),
		save: () =>
			form.submit(
				async (input) => {
					if (editing) await workspace.writer.update('glossary-term', editing.id, () => input);
					else await workspace.writer.save(newDoc('glossary-term', me, input));
				},
				{ what: m.gls_this_term() }
			)
	};
}
