import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../domain/documents';
import { markTerms } from '../../domain/glossary-terms';
import { decideWrite } from '../../domain/rules';
import { DEMO_ACCOUNTS } from './accounts';
import { demoGlossary } from './glossary';

const now = Date.now();
const terms = demoGlossary(now);

describe('the demo glossary', () => {
	it('is valid terms the coordinator could have written, each once, none dated after now', () => {
		const coordinator = DEMO_ACCOUNTS.find((account) => account.name === 'coordinator');
		expect(coordinator).toBeDefined();
		for (const doc of terms) {
			expect(parseDocument(doc), doc.term).toMatchObject({ ok: true });
			expect(decideWrite({ name: 'coordinator', roles: coordinator?.roles ?? [] }, doc, undefined).ok).toBe(
				true
			);
			expect(Date.parse(doc.createdAt)).toBeLessThanOrEqual(now);
		}
		const keys = terms.map((doc) => doc.term.toLowerCase());
		expect(new Set(keys).size).toBe(keys.length);
		expect(terms.length).toBeGreaterThanOrEqual(25);
	});

	it('explains the jargon in the demo network’s own words', () => {
		const text = 'The EOC sent a CFR; the call-back script uses jargon like "category 2" and A&E.';
		const marked = markTerms(text, terms).filter((part) => part.kind === 'term');
		expect(marked.map((part) => part.text)).toEqual(['EOC', 'CFR', 'category 2', 'A&E']);
	});
});
