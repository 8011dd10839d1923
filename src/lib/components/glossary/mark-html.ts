import type { TermEntry, TermMatcher, TextPart } from '$lib/domain';

/** Where terms are never marked: a link's text (a button cannot sit in a link) and code. */
const UNMARKED = 'a, code, pre';

export const TERM_PLACEHOLDER = 'data-app-term';

/**
 * Sanitised HTML (Markdown's) with the known terms in its text put in placeholders,
 * `<span data-app-term="<n>">term</span>`, for a `Term` to be mounted in each: the terms by `n`. Text in
 * links and code is left as it is; every other node is kept as it was.
 */
export function markHtml<E extends TermEntry>(
	html: string,
	matcher: TermMatcher<E>
): { html: string; terms: Extract<TextPart<E>, { kind: 'term' }>[] } {
	const terms: Extract<TextPart<E>, { kind: 'term' }>[] = [];
	if (matcher.empty) return { html, terms };
	const template = document.createElement('template');
	template.innerHTML = html;
	const walker = document.createTreeWalker(template.content, NodeFilter.SHOW_TEXT);
	const texts: Text[] = [];
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		if (!node.parentElement?.closest(UNMARKED)) texts.push(node as Text);
	}
	for (const text of texts) {
		const parts = matcher.mark(text.data);
		if (!parts.some((part) => part.kind === 'term')) continue;
		text.replaceWith(
			...parts.map((part) => {
				if (part.kind === 'text') return part.text;
				const placeholder = document.createElement('span');
				placeholder.setAttribute(TERM_PLACEHOLDER, String(terms.length));
				placeholder.textContent = part.text;
				terms.push(part);
				return placeholder;
			})
		);
	}
	return { html: template.innerHTML, terms };
}
