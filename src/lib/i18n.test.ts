import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EQUALITY_QUESTIONS } from '$lib/domain';
import {
	equalityGroup,
	equalityHint,
	equalityLegend,
	equalityOption
} from '$lib/components/recruitment/equality-text';
import { m } from '$lib/paraglide/messages';
import { locales } from '$lib/paraglide/runtime';

type Variant = { declarations?: string[]; selectors?: string[]; match?: Record<string, string> };
type Messages = Record<string, string | Variant[]>;

const read = (file: string): unknown =>
	JSON.parse(readFileSync(new URL(`../../messages/${file}`, import.meta.url), 'utf8'));

/** The message files, from project.inlang: one pattern per area of the app, `{locale}` in each. */
const AREAS = (
	read('../project.inlang/settings.json') as { 'plugin.inlang.messageFormat': { pathPattern: string[] } }
)['plugin.inlang.messageFormat'].pathPattern.map((pattern) => pattern.replace('./messages/', ''));

const messages = (locale: string): Messages =>
	Object.assign({}, ...AREAS.map((area) => read(area.replace('{locale}', locale)) as Messages)) as Messages;
const keys = (locale: string) => Object.keys(messages(locale)).filter((key) => !key.startsWith('$'));

describe('translations', () => {
	it('has every message in every language, and nothing else', () => {
		const english = keys('en').sort();
		for (const locale of locales) expect(keys(locale).sort(), locale).toEqual(english);
	});

	it('keeps each key in one file only', () => {
		const all = AREAS.flatMap((area) =>
			Object.keys(read(area.replace('{locale}', 'en')) as Messages).filter((key) => !key.startsWith('$'))
		);
		expect(all.length).toBe(new Set(all).size);
	});

	it('gives every plural message the forms each language needs', () => {
		for (const locale of locales) {
			const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
			for (const [key, message] of Object.entries(messages(locale))) {
				if (typeof message === 'string') continue;
				for (const variant of message) {
					const [selector] = variant.selectors ?? [];
					const plural = variant.declarations?.some(
						(line) => line.startsWith(`local ${selector} =`) && line.endsWith(': plural')
					);
					if (!plural) continue;
					const forms = Object.keys(variant.match ?? {});
					expect(forms, `${locale} ${key}`).toContain(`${selector}=*`);
					for (const category of categories.filter((c) => c !== 'other')) {
						expect(forms, `${locale} ${key}`).toContain(`${selector}=${category}`);
					}
				}
			}
		}
	});

	it('says for each translation whether a native speaker has checked it', () => {
		for (const locale of locales.filter((locale) => locale !== 'en')) {
			const status = read(`${locale}.status.json`) as { checked: unknown };
			expect(typeof status.checked, locale).toBe('boolean');
		}
	});

	it('puts numbers and plurals in the language asked for', () => {
		expect(m.event_mode_pin_wait({ seconds: 1 }, { locale: 'en' })).toBe(
			'Too many wrong PINs. Try again in 1 second'
		);
		expect(m.event_mode_pin_wait({ seconds: 60 }, { locale: 'en' })).toBe(
			'Too many wrong PINs. Try again in 60 seconds'
		);
		expect(m.event_mode_pin_wait({ seconds: 60 }, { locale: 'ur' })).toContain('60 سیکنڈ');
	});

	it('has the equality questions in English word for word as the domain asks them', () => {
		for (const question of EQUALITY_QUESTIONS) {
			expect(equalityLegend(question)).toBe(question.legend);
			expect(equalityHint(question)).toBe(question.hint);
			for (const option of question.options) {
				expect(equalityOption(question, option)).toBe(option.label);
				expect(equalityGroup(option)).toBe(option.group);
			}
		}
	});
});
