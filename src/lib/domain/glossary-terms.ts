/**
 * Finding a glossary's terms in text, with no schemas: the app's layout marks terms on every page, so this
 * stays out of the zod bundle (the `glossary-term` document type is in glossary.ts).
 */
/** What `markTerms` needs of a glossary entry. */
export interface TermEntry {
	term: string;
	meaning: string;
}

/** A piece of text: plain, or a known term as written in the text with its glossary entry. */
export type TextPart<E extends TermEntry = TermEntry> =
	{ kind: 'text'; text: string } | { kind: 'term'; text: string; entry: E };

/** Terms of two or more capitals and no small letters ("EOC", "A&E") match only as written. */
export function isAcronym(term: string): boolean {
	return !/\p{Ll}/u.test(term) && (term.match(/\p{Lu}/gu) ?? []).length >= 2;
}

const escape = (char: string) => char.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/** A term as a pattern: spaces match any run of white space; letters match either case unless an acronym. */
function termPattern(term: string, exact: boolean): string {
	return term
		.split(/\s+/)
		.map((word) =>
			Array.from(word, (char) => {
				const lower = char.toLowerCase();
				const upper = char.toUpperCase();
				if (exact || lower === upper || lower.length > 1 || upper.length > 1) return escape(char);
				return `[${lower}${upper}]`;
			}).join('')
		)
		.join('\\s+');
}

const normal = (text: string) => text.trim().replace(/\s+/g, ' ');
const keyOf = (text: string, exact: boolean) => (exact ? normal(text) : normal(text).toLowerCase());

/** Web addresses, whose words are never marked. */
const ADDRESS = String.raw`(?:https?:\/\/|www\.)[^\s<>"]*[^\s<>".,;:!?)\]'’]`;
const WORD_CHAR = String.raw`[\p{L}\p{N}\p{M}_]`;

/** Terms compiled once into one pattern, to mark any number of texts (`markTerms`). */
export class TermMatcher<E extends TermEntry = TermEntry> {
	private readonly pattern: RegExp | undefined;
	private readonly exact = new Map<string, E>();
	private readonly loose = new Map<string, E>();

	constructor(entries: Iterable<E>) {
		const patterns: Array<[string, string]> = [];
		for (const entry of entries) {
			const exact = isAcronym(entry.term);
			const map = exact ? this.exact : this.loose;
			const key = keyOf(entry.term, exact);
			if (!key || map.has(key)) continue;
			map.set(key, entry);
			patterns.push([key, termPattern(key, exact)]);
		}
		// Longest first, so "NHS England" wins over "NHS" where both are known.
		patterns.sort(([a], [b]) => b.length - a.length);
		this.pattern =
			patterns.length === 0
				? undefined
				: new RegExp(
						`(${ADDRESS})|(?<!${WORD_CHAR})(?:${patterns.map(([, p]) => p).join('|')})(?!${WORD_CHAR})`,
						'gu'
					);
	}

	/** Whether there is any term to mark. */
	get empty(): boolean {
		return this.pattern === undefined;
	}

	/** `text` split into plain parts and known terms, in order; joined, the parts are `text` again. */
	mark(text: string): TextPart<E>[] {
		if (!this.pattern || !text) return text ? [{ kind: 'text', text }] : [];
		const parts: TextPart<E>[] = [];
		let plain = '';
		let last = 0;
		for (const match of text.matchAll(this.pattern)) {
			const found = match[0];
			const entry = match[1] === undefined ? this.entryFor(found) : undefined;
			plain += text.slice(last, match.index);
			last = match.index + found.length;
			if (!entry) {
				plain += found;
				continue;
			}
			if (plain) parts.push({ kind: 'text', text: plain });
			plain = '';
			parts.push({ kind: 'term', text: found, entry });
		}
		plain += text.slice(last);
		if (plain) parts.push({ kind: 'text', text: plain });
		return parts;
	}

	private entryFor(found: string): E | undefined {
		return this.exact.get(keyOf(found, true)) ?? this.loose.get(keyOf(found, false));
	}
}

/**
 * `text` split into plain parts and the glossary's terms: whole words only, acronyms of two or more
 * capitals as written and other terms in any case, the longest term first, never inside a web address.
 * To mark many texts with the same terms, make one `TermMatcher` and call its `mark`.
 */
export function markTerms<E extends TermEntry>(text: string, terms: Iterable<E>): TextPart<E>[] {
	return new TermMatcher(terms).mark(text);
}
