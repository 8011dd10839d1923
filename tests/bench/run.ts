/**
 * `npm run bench [-- --docs 10000 --devices 200 --saves 100 --push 3 --sync-runs 5 --out bench/results.json --report-only]`
 * `npm run bench -- --only measures [--docs 10000 --samples 9]`
 *
 * Runs the benchmark (bench.ts), prints a table and writes the figures as JSON. Exits 1 when a budget is
 * missed, unless `--report-only`. `--only measures` times only the measures page (and writes nothing).
 */
import { parseArgs } from 'node:util';
import { BUDGETS, FULL_SIZE, formatTable, runBench, runMeasuresBench, type BenchOptions } from './bench';

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			docs: { type: 'string', default: String(FULL_SIZE) },
			devices: { type: 'string', default: '200' },
			saves: { type: 'string', default: '100' },
			push: { type: 'string', default: '3' },
			'sync-runs': { type: 'string', default: '5' },
			out: { type: 'string', default: 'bench/results.json' },
			'report-only': { type: 'boolean', default: false },
			only: { type: 'string' },
			samples: { type: 'string', default: '5' }
		}
	});
	const count = (name: string, value: string) => {
		const n = Number.parseInt(value, 10);
		if (!Number.isFinite(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
		return n;
	};
	if (values.only !== undefined) {
		if (values.only !== 'measures') throw new Error('--only takes one scenario: measures');
		await measuresOnly(count('docs', values.docs), count('samples', values.samples), values['report-only']);
		return;
	}
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

/** Times the measures page alone and judges its budget (at full size). */
async function measuresOnly(docs: number, samples: number, reportOnly: boolean): Promise<void> {
	const measures = await runMeasuresBench(docs, samples);
	const budget = BUDGETS.find((entry) => entry.label === 'Measures page, first chart');
	const goal = budget?.goal ?? Number.POSITIVE_INFINITY;
	console.log(
		`\nMeasures page (${docs.toLocaleString('en-GB')} ideas, ${JSON.stringify(measures.network)}):\n` +
			`  first chart ${measures.firstChartMs} ms (median; samples ${measures.firstChartSamples.join(', ')})\n` +
			`  every chart ${measures.everyChartMs} ms (median; samples ${measures.everyChartSamples.join(', ')})\n` +
			`  each chart's median: ${JSON.stringify(measures.chartMs)}`
	);
	if (docs >= FULL_SIZE && measures.firstChartMs > goal && !reportOnly) {
		console.error(`Missed budget: first chart over ${goal} ms`);
		process.exitCode = 1;
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
