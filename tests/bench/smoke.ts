/**
 * `npm run test:bench-smoke`: the benchmark at a small size (300 ideas, 10 devices, 2 first syncs), run by CI
 * after `npm test`.
 * It proves the harness still runs end to end against the current app: it completes, writes its file, and
 * every figure in it is a finite number. Budgets are judged only by the full `npm run bench`.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatTable, runBench } from './bench';

const REQUIRED = [
	'docs',
	'sync.appSeconds',
	'sync.signInSeconds',
	'sync.startSeconds',
	'sync.rawPouchSeconds',
	'sync.ratio',
	'sync.installingSeconds',
	'sync.installingRatio',
	'save.p50Ms',
	'save.p95Ms',
	'save.committedP95Ms',
	'save.listedP95Ms',
	'list.firstRowsMs',
	'list.searchMs',
	'coldStartMs',
	'measures.firstChartMs',
	'measures.everyChartMs',
	'firstLoadJsGzipBytes',
	'server.devices',
	'server.errors',
	'server.p95Ms',
	'server.rssMb',
	'server.peakRssMb'
];

/** Paths of every number in `value` that is not finite. */
function nonFinite(value: unknown, path = ''): string[] {
	if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
	if (Array.isArray(value)) return value.flatMap((item, i) => nonFinite(item, `${path}[${i}]`));
	if (typeof value === 'object' && value !== null)
		return Object.entries(value).flatMap(([key, item]) => nonFinite(item, path ? `${path}.${key}` : key));
	return [];
}

function at(value: unknown, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>(
			(node, key) =>
				typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined,
			value
		);
}

async function main(): Promise<void> {
	const dir = await mkdtemp(join(tmpdir(), 'coproduce-bench-smoke-'));
	const out = join(dir, 'results.json');
	const started = Date.now();
	try {
		const results = await runBench({ docs: 300, devices: 10, saves: 5, pushPerDevice: 2, syncRuns: 2, out });
		const written: unknown = JSON.parse(await readFile(out, 'utf8'));
		const problems = [
			...REQUIRED.filter((path) => typeof at(written, path) !== 'number').map((path) => `${path} is missing`),
			...nonFinite(written).map((path) => `${path} is not a finite number`)
		];
		if (at(written, 'docs') !== 300) problems.push('docs is not 300');
		if (at(written, 'server.devices') !== 10) problems.push('server.devices is not 10');
		const runs = at(written, 'sync.runs');
		if (!Array.isArray(runs) || runs.length !== 2) problems.push('sync.runs does not hold the 2 first syncs');
		console.log(formatTable(results).table);
		console.log(`\nbench smoke in ${Math.round((Date.now() - started) / 1000)} s`);
		if (problems.length > 0) {
			console.error(`Bench smoke failed:\n  ${problems.join('\n  ')}`);
			console.log('0 passed, 1 failed');
			process.exitCode = 1;
		} else {
			console.log('1 passed, 0 failed');
		}
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(error);
	console.log('0 passed, 1 failed');
	process.exit(1);
});
