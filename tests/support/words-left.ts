/**
 * Lists the English words still written into code under a path, file by file:
 * `node --import tsx tests/support/words-left.ts src/lib/components/ideas`.
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { wordsInComponent, wordsInModule } from './words-in-code';

const under = process.argv[2] ?? 'src';
const files = execSync(`git ls-files -- '${under}'`, { encoding: 'utf8' })
	.split('\n')
	.filter((file) => /\.(svelte|ts)$/.test(file) && !file.endsWith('.test.ts'))
	.filter((file) => !/src\/lib\/(domain|server|store|sync|paraglide)\//.test(file));
let total = 0;
for (const file of files) {
	const source = readFileSync(file, 'utf8');
	const found = file.endsWith('.svelte') ? wordsInComponent(source) : wordsInModule(source, file);
	for (const word of found) console.log(`${file}:${word.line} ${JSON.stringify(word.text).slice(0, 100)}`);
	total += found.length;
}
console.log(`${total} left under ${under}`);
