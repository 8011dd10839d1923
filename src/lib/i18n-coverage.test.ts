import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wordsInComponent, wordsInModule } from '../../tests/support/words-in-code';

/**
 * Every word a person reads on a screen is a message (messages/), so it can be in the language they chose.
 * This looks for English still written into components, pages and the modules behind them. The domain,
 * store, sync and server write English for everyone; `say` (domain-words.svelte.ts) translates what they send.
 */
const root = new URL('../../', import.meta.url);
const files = execFileSync('git', ['ls-files', 'src/routes', 'src/lib'], { cwd: root, encoding: 'utf8' })
	.split('\n')
	.filter((file) => /\.(svelte|ts)$/.test(file) && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
	.filter((file) => !/^src\/lib\/(domain|store|sync|server|paraglide)\//.test(file));

describe('words on screen', () => {
	it('finds the files it checks', () => {
		expect(files.length).toBeGreaterThan(150);
	});

	it('has no English written into components, pages or state', () => {
		const left = files.flatMap((file) => {
			const source = readFileSync(new URL(file, root), 'utf8');
			const found = file.endsWith('.svelte') ? wordsInComponent(source) : wordsInModule(source, file);
			return found.map((word) => `${file}:${word.line} ${word.text.slice(0, 60)}`);
		});
		expect(left).toEqual([]);
	});
});
