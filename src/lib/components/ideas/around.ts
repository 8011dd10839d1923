/**
 * A sentence with one element inside it (a link), kept as one message so each language can put the element
 * where its word order wants it: `around((site) => m.ideas_source({ site }))` gives the text before the
 * element and the text after it.
 */
const MARK = '\u0000';

export function around(sentence: (mark: string) => string): [before: string, after: string] {
	const [before = '', after = ''] = sentence(MARK).split(MARK);
	return [before, after];
}
