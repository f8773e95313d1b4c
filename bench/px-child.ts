/**
 * One parser, one file, in its own process so its peak memory is its own:
 *   node --import tsx bench/px-child.ts px  <file.px>  [repeats]
 *   node --import tsx bench/px-child.ts csv <file.csv> <columns> [repeats] [threads]
 * Prints one JSON line: best and all times (ms), cells, bytes, peak RSS (VmHWM, MB).
 * PX: readPx on bytes already in memory (decode + lex + build the cube, strict).
 * CSV: DuckDB read_csv materialised into a table (so every value is parsed), file in page cache.
 */
import fs from 'node:fs';
import { selfPeakMb } from './lib/util.ts';

const [mode, file, a3, a4, a5] = process.argv.slice(2);
const out: Record<string, unknown> = { mode, file, bytes: fs.statSync(file).size };

if (mode === 'px') {
	const { readPx } = await import('../pipelines/read/px/index.ts');
	const repeats = Number(a3 ?? 3);
	const bytes = new Uint8Array(fs.readFileSync(file));
	const times: number[] = [];
	let cells = 0;
	for (let i = 0; i < repeats; i++) {
		const t = performance.now();
		const { cube } = readPx(bytes, { origin: file, lenient: true });
		times.push(performance.now() - t);
		cells = cube.values.length;
	}
	Object.assign(out, { cells, times_ms: times, best_ms: Math.min(...times) });
} else if (mode === 'csv') {
	const { run } = await import('../src/lib/data/engine.ts');
	const { csvBaselineSql, rowCountQuery, threadsQuery } = await import('../src/lib/data/bench-queries.ts');
	const { withNodeEngine } = await import('../src/lib/server/node-engine.ts');
	const columns = Number(a3);
	const repeats = Number(a4 ?? 3);
	const threads = a5 ? Number(a5) : undefined;
	const times: number[] = [];
	let rows = 0;
	const threadsUsed = await withNodeEngine(
		'.',
		async (engine) => {
			// Asked first, so that opening the database is not in the first timing.
			const [used] = await run(engine, threadsQuery);
			for (let i = 0; i < repeats; i++) {
				const t = performance.now();
				await run(engine, csvBaselineSql(file, columns));
				times.push(performance.now() - t);
				[rows] = await run(engine, rowCountQuery('t'));
			}
			return used;
		},
		{ threads }
	);
	Object.assign(out, { cells: rows * columns, rows, columns, threads: threadsUsed, times_ms: times, best_ms: Math.min(...times) });
} else {
	throw new Error(`unknown mode ${mode}`);
}
out.peak_mb = selfPeakMb();
process.stdout.write(JSON.stringify(out) + '\n');
