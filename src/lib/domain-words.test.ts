import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
	fieldErrors,
	ideaInputSchema,
	keyPassphraseProblem,
	MEETING_FIELD_LABELS,
	passwordProblem,
	PROJECT_FIELD_LABELS
} from '$lib/domain';
import { summariseFromStart, summariseIdeas } from '$lib/domain/measure-summaries';
import { growthSeries } from '$lib/domain/network-measures';
import { pChart, summarisePChart } from '$lib/domain/p-chart';
import { pinProblem } from '$lib/domain/pin';
import { bigISeries, coproducedFromStartSeries } from '$lib/domain/project-measures';
import { summariseTimeGiven, timeGivenSeries } from '$lib/domain/time-given-measures';
import { ideaSeries, meetingSeries } from '$lib/domain/work-measures';
import { language } from '$lib/i18n.svelte';
import { loadOutsideWords, say } from './domain-words.svelte';
import { OUTSIDE } from './outside-words';

const english = (area: string) =>
	JSON.parse(readFileSync(new URL(`../../messages/${area}/en.json`, import.meta.url), 'utf8')) as Record<
		string,
		string
	>;

describe('say', () => {
	beforeAll(() => loadOutsideWords());
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
		// What people typed is never taken for the domain's words, even when it looks like them.
		expect(say('Idea: May Day parade')).toBe('تجویز: May Day parade');
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

describe('say, for the labels and sentences the domain makes', () => {
	afterEach(() => language.choose('en'));

	const span = { by: 'month', from: '2026-01-01', to: '2026-03-31' } as const;

	it('names every field the conflict page shows', () => {
		language.choose('ur');
		const names = Object.values({ ...MEETING_FIELD_LABELS, ...PROJECT_FIELD_LABELS });
		expect(names.filter((name) => say(name) === name)).toEqual([]);
		expect(say(MEETING_FIELD_LABELS.chairKind ?? '')).toBe('صدر رکن ہے یا عملہ');
	});

	it('heads every measure table, its columns and its periods', () => {
		const series = [
			growthSeries([], [], span),
			meetingSeries({ meetings: [], items: [], actions: [] }, span),
			ideaSeries([], [], span),
			timeGivenSeries({ given: [], posted: [], selected: [] }, span),
			coproducedFromStartSeries([], { by: 'quarter', from: '2026-01-01', to: '2026-06-30' }),
			bigISeries([{ period: '2026-01', x: 1, n: 2 }])
		];
		language.choose('ur');
		const words = series.flatMap(({ title, columns, rows }) => [
			title,
			...columns.map((column) => column.label),
			...rows.map((row) => row.label)
		]);
		expect(words.filter((text) => say(text) === text)).toEqual([]);
		expect(say('Hours travelling')).toBe('سفر کے گھنٹے');
		expect(say('April to June 2026')).toBe('اپریل تا جون 2026');
	});

	it('says a chart’s summary with its numbers and periods in the language chosen', () => {
		const rows = [
			{
				period: '2026-Q1',
				label: 'January to March 2026',
				started: 4,
				fromStart: 3,
				later: 1,
				noMembers: 0,
				share: 0.75
			},
			{
				period: '2026-Q2',
				label: 'April to June 2026',
				started: 0,
				fromStart: 0,
				later: 0,
				noMembers: 0,
				share: null
			}
		];
		const fromStart = summariseFromStart(rows, 'quarter');
		expect(fromStart).toBe(
			'Of 4 projects started over 2 quarters, January to March 2026 through April to June 2026, 3 (75%) involved members from the start and 1 brought them in later.'
		);
		language.choose('ur');
		expect(say(fromStart)).toBe(
			'2 سہ ماہیوں میں، جنوری تا مارچ 2026 سے اپریل تا جون 2026 تک شروع ہونے والے 4 منصوبوں میں سے 3 (75%) نے اراکین کو شروع سے شامل کیا اور 1 نے انہیں بعد میں شامل کیا۔'
		);
		const ideas = summariseIdeas({
			title: '',
			columns: [],
			rows: [{ period: '2026-01', label: '', raised: 5, outcomes: 2, medianDays: 1 }],
			medianDays: 1
		});
		expect(say(ideas)).toBe(
			'5 تجاویز پیش کی گئیں اور 2 کو نتیجہ دیا گیا ("آپ نے کہا، ہم نے کیا")، ان میں سے آدھی کو تجویز کے 1 دن کے اندر۔'
		);
	});

	it('says a summary made of several sentences, one after another', () => {
		const given = [{ member: 'sam', on: '2026-02-03', minutes: 90, kind: 'travel' as const }];
		const time = summariseTimeGiven(timeGivenSeries({ given, posted: ['2026-01-05'], selected: [] }, span));
		const chart = pChart([
			{ period: '2026-01', x: 2, n: 5 },
			{ period: '2026-02', x: 0, n: 0 },
			{ period: '2026-03', x: 3, n: 6 }
		]);
		const bigI = summarisePChart(chart, { subject: 'Big I', of: 'active projects' });
		language.choose('ur');
		expect(say(time)).toBe('1 رکن نے 1.5 گھنٹے دیے، زیادہ تر سفر میں؛ 1 موقع شائع ہوا اور 0 لوگ منتخب ہوئے۔');
		expect(say(bigI)).toBe(
			'اوسطاً فعال منصوبوں میں سے 45% میں Big I تھا۔ کوئی غیر معمولی اتار چڑھاؤ نہیں: تناسب اپنی حدود کے اندر رہا۔ ' +
				'فعال منصوبوں کے بغیر 1 مہینہ شمار میں نہیں۔ یہ حدیں عارضی ہیں؛ پکی حدوں کے لیے 20 مہینے کے اعداد درکار ہیں۔'
		);
	});

	it('knows every problem a password, a PIN or a passphrase can have', () => {
		const problems = [
			...['pin', 'passwords', 'coordinator-key'].flatMap(returnedTexts),
			passwordProblem('short'),
			passwordProblem('x'.repeat(300)),
			passwordProblem('password'),
			pinProblem('12'),
			keyPassphraseProblem('short'),
			keyPassphraseProblem('y'.repeat(300))
		].filter((text): text is string => text !== undefined);
		language.choose('ur');
		expect(problems.filter((text) => say(text) === text)).toEqual([]);
		expect(say(pinProblem('12') ?? '')).toBe('PIN میں 4 سے 12 تک ہندسے ہونے چاہییں');
	});
});

/** Every plain `return '…'` in a domain module: the problems it gives as they are written. */
function returnedTexts(module: string): string[] {
	const name = `${module}.ts`;
	const source = readFileSync(new URL(`./domain/${name}`, import.meta.url), 'utf8');
	const file = ts.createSourceFile(name, source, ts.ScriptTarget.Latest);
	const found: string[] = [];
	const visit = (node: ts.Node): void => {
		if (ts.isReturnStatement(node) && node.expression && ts.isStringLiteral(node.expression)) {
			found.push(node.expression.text);
		}
		ts.forEachChild(node, visit);
	};
	visit(file);
	return found;
}

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
