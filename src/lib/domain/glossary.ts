import { z } from 'zod';
import { baseDocShape } from './common';
import type { TypeRule } from './type-rules';

/**
 * The network's glossary: the terms (mostly acronyms) its members meet, each with a plain meaning and an
 * optional longer note. Coordinators keep it; wherever text is shown a known term is marked (`markTerms`)
 * and explains itself on tap or focus.
 */

const limit = (max: number, label: string) => ({
	error: `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`
});

export const glossaryTermInputSchema = z.object({
	term: z
		.string({ error: 'Enter the term' })
		.trim()
		.min(1, { error: 'Enter the term' })
		.max(40, limit(40, 'The term'))
		.regex(/[\p{L}\p{N}]/u, { error: 'The term must have a letter or a number in it' }),
	meaning: z
		.string({ error: 'Say what it means in plain words' })
		.trim()
		.min(1, { error: 'Say what it means in plain words' })
		.max(300, limit(300, 'The plain meaning')),
	note: z.string().trim().max(1_000, limit(1_000, 'The longer note')).default('')
});
export type GlossaryTermInput = z.input<typeof glossaryTermInputSchema>;

export const glossaryTermSchema = z.strictObject({
	...baseDocShape('glossary-term'),
	...glossaryTermInputSchema.shape
});
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;

/** Spread into `documentSchemas` (documents.ts). */
export const GLOSSARY_SCHEMAS = { 'glossary-term': glossaryTermSchema } as const;
export type GlossaryDocType = keyof typeof GLOSSARY_SCHEMAS;

/** Spread into `TYPE_RULES` (type-rules.ts): coordinators keep the glossary. */
export const GLOSSARY_TYPE_RULES: Readonly<Record<GlossaryDocType, TypeRule>> = {
	'glossary-term': {
		createRoles: ['coordinator'],
		createRefusal: 'Only coordinators can add to the glossary',
		changeRoles: ['coordinator'],
		changeRefusal: 'Only coordinators can change the glossary'
	}
};
