/**
 * `npm run bench [-- --docs 10000 --devices 200 --saves 100 --push 3 --sync-runs 5 --out bench/results.json --report-only]`
 *
 * Runs the benchmark (bench.ts), prints a table and writes the figures as JSON. Exits 1 when a budget is
 * missed, unless `--report-only`.
 */
import { parseArgs } from 'node:util';
import { FULL_SIZE, formatTable, runBench, type BenchOptions } from './bench';

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			docs: { type: 'string', default: String(FULL_SIZE) },
			devices: { type: 'string', default: '200' },
			saves: { type: 'string', default: '100' },
			push: { type: 'string', default: '3' },
			'sync-runs': { type: 'string', default: '5' },
			out: { type: 'string', default: 'bench/results.json' },
			'report-only': { type: 'boolean', default: false }
		}
	});
	const count = (name: string, value: string) => {
		const n = Number.parseInt(value, 10);
		if (!Number.isFinite(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
		return n;
	};
	const options: BenchOptions = {
		docs: count('docs', values.docs),
		devices: count('devices', values.devices),
		saves: count('saves', values.saves),
		pushPerDevice: count('push', values.push),
		syncRuns: count('sync-runs', values['sync-runs']),
		out: values.out
	};
	const results = await runBench(options);
	const { table, missed } = formatTable(results);
	console.log(`\n${table}\n\nWrote ${options.out}`);
	if (results.server.errorSamples.length > 0)
		console.log(`Errors:\n  ${results.server.errorSamples.join('\n  ')}`);
	if (missed.length > 0 && !values['report-only']) {
		console.error(`Missed budgets: ${missed.join(', ')}`);
		process.exitCode = 1;
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
