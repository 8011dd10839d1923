import { describe, expect, it } from 'vitest';
import { decideWrite } from './rules';
import { parseDocument } from './documents';
import { newDoc } from './envelope';
import { glossaryTermInputSchema } from './glossary';
import { isAcronym, markTerms, TermMatcher, type TextPart } from './glossary-terms';

const TERMS = [
	{ term: 'EOC', meaning: 'Emergency operations centre' },
	{ term: 'A&E', meaning: 'Accident and emergency' },
	{ term: 'NHS', meaning: 'National Health Service' },
	{ term: 'NHS England', meaning: 'The body that leads the NHS in England' },
	{ term: 'See and treat', meaning: 'Treated at home by the crew' },
	{ term: 'handover', meaning: 'When the crew passes a patient to the hospital' },
	{ term: '111', meaning: 'The NHS non-emergency number' },
	{ term: 'little i', meaning: 'Asked for ideas from time to time' }
];

/** The parts as `[text]` for plain text and `<term>` for a marked one. */
const shown = (parts: TextPart[]) =>
	parts.map((part) => (part.kind === 'term' ? `<${part.text}>` : part.text)).join('');

describe('markTerms', () => {
	it('marks whole words only and keeps every character of the text', () => {
		const text = 'The EOC rang 111; EOCs and PEOC and 1111 are not terms. A&E, then handover.';
		const parts = markTerms(text, TERMS);
		expect(parts.map((part) => part.text).join('')).toBe(text);
		expect(shown(parts)).toBe(
			'The <EOC> rang <111>; EOCs and PEOC and 1111 are not terms. <A&E>, then <handover>.'
		);
	});

	it('matches acronyms as written and other terms in any case', () => {
		expect(shown(markTerms('eoc Eoc EOC', TERMS))).toBe('eoc Eoc <EOC>');
		expect(shown(markTerms('Handover and HANDOVER', TERMS))).toBe('<Handover> and <HANDOVER>');
		expect(shown(markTerms('Little I', TERMS))).toBe('<Little I>');
	});

	it('gives each term its entry, and prefers the longest term', () => {
		const parts = markTerms('NHS England and the NHS', TERMS);
		expect(shown(parts)).toBe('<NHS England> and the <NHS>');
		const terms = parts.filter((part) => part.kind === 'term');
		expect(terms.map((part) => part.entry.meaning)).toEqual([
			'The body that leads the NHS in England',
			'National Health Service'
		]);
	});

	it('matches a term of several words across a line break', () => {
		expect(shown(markTerms('We did see\nand treat today', TERMS))).toBe('We did <see\nand treat> today');
	});

	it('never marks inside a web address', () => {
		const text = 'See https://example.org/EOC/handover and www.nhs.uk/NHS, then the EOC.';
		expect(shown(markTerms(text, TERMS))).toBe(
			'See https://example.org/EOC/handover and www.nhs.uk/NHS, then the <EOC>.'
		);
	});

	it('answers the text whole when there are no terms, and nothing for no text', () => {
		expect(markTerms('Plain words', [])).toEqual([{ kind: 'text', text: 'Plain words' }]);
		expect(markTerms('', TERMS)).toEqual([]);
		expect(new TermMatcher([]).empty).toBe(true);
	});

	it('takes terms with characters that mean something in a pattern', () => {
		const terms = [
			{ term: 'C++ (new)', meaning: 'A test' },
			{ term: 'Cat-1', meaning: 'Category 1' }
		];
		expect(shown(markTerms('Is C++ (new) a Cat-1?', terms))).toBe('Is <C++ (new)> a <Cat-1>?');
	});

	it('marks a 10,000-character note with 200 terms quickly', () => {
		const many = Array.from({ length: 200 }, (_, i) => ({
			term: `T${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`,
			meaning: `Term ${i}`
		}));
		const words = ['the', 'crew', 'TAA', 'EOC', 'called', 'TZG', 'handover', 'https://x.org/TAB'];
		let note = '';
		for (let i = 0; note.length < 10_000; i++) note += `${words[i % words.length]} `;
		const matcher = new TermMatcher([...TERMS, ...many]);
		const started = performance.now();
		const parts = matcher.mark(note);
		const took = performance.now() - started;
		expect(parts.filter((part) => part.kind === 'term').length).toBeGreaterThan(600);
		expect(parts.map((part) => part.text).join('')).toBe(note);
		expect(took).toBeLessThan(50);
	});
});

describe('isAcronym', () => {
	it('is two or more capitals and no small letters', () => {
		expect(['EOC', 'A&E', 'HALO', 'NEPTS'].every(isAcronym)).toBe(true);
		expect(['C1', '111', 'NHS England', 'Big I', 'handover'].some(isAcronym)).toBe(false);
	});
});

describe('glossary terms', () => {
	it('need a term with a letter or number and a plain meaning', () => {
		const result = glossaryTermInputSchema.safeParse({ term: '&', meaning: ' ' });
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((issue) => issue.path[0])).toEqual(['term', 'meaning']);
		expect(glossaryTermInputSchema.safeParse({ term: 'x'.repeat(41), meaning: 'm', note: '' }).success).toBe(
			false
		);
	});

	it('are written only by coordinators', () => {
		const doc = newDoc('glossary-term', 'member', { term: 'EOC', meaning: 'Emergency operations centre' });
		expect(parseDocument(doc).ok).toBe(true);
		const member = { name: 'member', roles: ['member' as const] };
		const coordinator = { name: 'coordinator', roles: ['member' as const, 'coordinator' as const] };
		expect(decideWrite(member, doc, undefined).ok).toBe(false);
		const own = { ...doc, author: 'coordinator' };
		expect(decideWrite(coordinator, own, undefined).ok).toBe(true);
		const changed = { ...own, meaning: 'Changed' };
		expect(decideWrite(member, { ...changed, author: 'member' }, own).ok).toBe(false);
		expect(decideWrite(coordinator, changed, own).ok).toBe(true);
	});
});
