import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import { ideaInputSchema, fieldErrors } from '$lib/domain';
import { language } from '$lib/i18n.svelte';
import { OUTSIDE, say } from './domain-words';

const english = (area: string) =>
	JSON.parse(readFileSync(new URL(`../../messages/${area}/en.json`, import.meta.url), 'utf8')) as Record<
		string,
		string
	>;

describe('say', () => {
	afterEach(() => language.choose('en'));

	it('knows every message in messages/domain and messages/labels', () => {
		const keys = [...Object.keys(english('domain')), ...Object.keys(english('labels'))].filter(
			(key) => !key.startsWith('$')
		);
		expect(OUTSIDE).toHaveLength(keys.length);
	});

	it('gives a validation message from the domain in the language chosen', () => {
		const parsed = ideaInputSchema.safeParse({ title: ' ', details: 'x'.repeat(10_001) });
		expect(parsed.success).toBe(false);
		const errors = fieldErrors(parsed.error?.issues ?? []);
		expect(say(errors.title ?? '')).toBe('Enter a title for your idea');
		language.choose('ur');
		expect(say(errors.title ?? '')).toBe('اپنی تجویز کا عنوان لکھیں');
		expect(say(errors.details ?? '')).toBe('زیادہ سے زیادہ 10,000 حروف لکھیں');
	});

	it('fills a shaped message with what came, said in turn', () => {
		language.choose('ur');
		expect(say('Only Sam Patel or a coordinator can change this')).toBe(
			'اسے صرف Sam Patel یا کوئی کوآرڈینیٹر بدل سکتا ہے'
		);
		expect(say('Not synced: idea:01J: You cannot write this')).toBe(
			'سرور پر نہیں گیا: idea:01J: آپ یہ نہیں لکھ سکتے'
		);
		expect(say('Photo 2: A ramp')).toBe('تصویر 2: A ramp');
		expect(say('Comment on “Ramps at every station”')).toBe('“Ramps at every station” پر تبصرہ');
	});

	it('translates every validation message a form can show', () => {
		language.choose('ur');
		const untranslated = domainMessages().filter((text) => !INTERNAL.test(text) && say(text) === text);
		expect(untranslated).toEqual([]);
	});

	it('leaves a text it does not know as it came, in English too', () => {
		language.choose('ur');
		expect(say('Ramps at every station')).toBe('Ramps at every station');
		language.choose('en');
		expect(say('Only Sam Patel or a coordinator can change this')).toBe(
			'Only Sam Patel or a coordinator can change this'
		);
	});
});

/** Messages about how documents are built, which no form can reach: only a broken client meets them. */
const INTERNAL =
	/\bids?\b|named after|names its|ciphertext|recipient|base64|iterations|hex digits|^Not a |^(refused|invalid)$|belongs to|An approval needs|^Links can|^Only mileage|^The amount must be the miles|^A claim is for|must be sealed/;

/** Every `error: '…'` and `reason: '…'` written as plain text in the domain's modules. */
function domainMessages(): string[] {
	const dir = new URL('./domain/', import.meta.url);
	const found: string[] = [];
	for (const name of readdirSync(dir).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))) {
		const file = ts.createSourceFile(name, readFileSync(new URL(name, dir), 'utf8'), ts.ScriptTarget.Latest);
		const visit = (node: ts.Node): void => {
			if (
				ts.isPropertyAssignment(node) &&
				['error', 'message', 'reason'].includes(node.name.getText(file)) &&
				ts.isStringLiteralLike(node.initializer)
			) {
				found.push(node.initializer.text);
			}
			ts.forEachChild(node, visit);
		};
		visit(file);
	}
	return found;
}
