import { m } from '$lib/paraglide/messages';

/** Names or labels one after another, with the language's separator ("a, b, c"; in Urdu "a، b، c"). */
export function listed(items: readonly string[]): string {
	return items.join(m.ppl_list_separator());
}
