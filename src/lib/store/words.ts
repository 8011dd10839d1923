/** Splits text into lower-case words for the offline search index (accents folded, 2+ characters). */
export function words(...texts: string[]): string[] {
	const found = new Set<string>();
	for (const text of texts) {
		const folded = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
		for (const word of folded.split(/[^\p{L}\p{N}]+/u)) if (word.length >= 2) found.add(word);
	}
	return [...found];
}

/** The words an idea is found by (its comments' words find it too: `commentWords`). */
export function ideaWords(idea: { title: string; details: string; area: string; tags: string[] }): string[] {
	return words(idea.title, idea.details, idea.area, ...idea.tags);
}

/** The words a visible comment adds to its idea's. */
export function commentWords(comment: { body: string }): string[] {
	return words(comment.body);
}
