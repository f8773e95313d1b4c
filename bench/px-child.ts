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
	const { DuckDBInstance } = await import('@duckdb/node-api');
	const columns = Number(a3);
	const repeats = Number(a4 ?? 3);
	const threads = a5 ? Number(a5) : null;
	const db = await DuckDBInstance.create(':memory:', threads ? { threads: String(threads) } : {});
	const con = await db.connect();
	const cols = `{${Array.from({ length: columns }, (_, i) => `'c${i}': 'DOUBLE'`).join(', ')}}`;
	const times: number[] = [];
	let rows = 0;
	for (let i = 0; i < repeats; i++) {
		const t = performance.now();
		await con.run(`CREATE OR REPLACE TABLE t AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}', header = false, delim = ',', columns = ${cols}, nullstr = '')`);
		times.push(performance.now() - t);
		rows = Number((await con.runAndReadAll('SELECT count(*)::DOUBLE FROM t')).getRows()[0][0]);
	}
	const threadsUsed = Number((await con.runAndReadAll(`SELECT current_setting('threads')::INTEGER`)).getRows()[0][0]);
	Object.assign(out, { cells: rows * columns, rows, columns, threads: threadsUsed, times_ms: times, best_ms: Math.min(...times) });
} else {
	throw new Error(`unknown mode ${mode}`);
}
out.peak_mb = selfPeakMb();
process.stdout.write(JSON.stringify(out) + '\n');
