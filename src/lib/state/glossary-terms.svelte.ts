import { createContext } from 'svelte';
import { TermMatcher } from '$lib/domain/glossary-terms';
import { loadGlossary, type GlossaryRow } from '$lib/store/glossary';
import type { Workspace } from '$lib/store/workspace';
import { Live } from './live.svelte';

/** The glossary's terms for every page, kept out of the zod bundle: the layout imports this. */

/**
 * The glossary's terms compiled once for the app, to mark them wherever it shows text: one query of the
 * desk, whatever the number of texts on a page (GlossaryText, Markdown find it in the context).
 */
export class GlossaryTerms {
	readonly rows: Live<GlossaryRow[], Workspace | undefined>;
	readonly matcher = $derived.by(() => new TermMatcher(this.rows.value));

	constructor(workspace: () => Workspace | undefined) {
		this.rows = new Live(
			workspace,
			async (ws) => (ws ? loadGlossary(ws.desk) : []),
			[],
			// Signed out: no terms, and no database code to load for them.
			(ws) => !ws
		);
	}
}

export const [getGlossaryTerms, setGlossaryTerms] = createContext<GlossaryTerms>();

/** The id of the element that holds a term's plain meaning, once for the page (GlossaryMeanings). */
export function meaningId(termId: string): string {
	return `meaning-${termId.replace(/[^\w-]/g, '-')}`;
}
