/**
 * The data pipeline: wall time and peak memory of `npm run pipeline` (written to bench/.scale so
 * the site's static/data is left alone), and PX parse throughput against DuckDB's CSV reader on
 * the same numbers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { log, round, runMeasured, repoRoot, scaleDir } from './lib/util.ts';

export async function pipelineRun(): Promise<Record<string, unknown>> {
	const out = path.join(scaleDir, 'pipeline-out', 'data');
	fs.mkdirSync(path.dirname(out), { recursive: true });
	log('pipeline: npm run pipeline → bench/.scale/pipeline-out/data');
	const r = await runMeasured('npm', ['run', 'pipeline'], { env: { ...process.env, ENSAMHET_OUT_DIR: out }, timeoutMs: 300_000 });
	const stderrTail = r.stderr.split('\n').filter((l) => l && !/^\s+\S.*: /.test(l) && !l.startsWith('\t')).slice(-3);
	return {
		seconds: round(r.seconds, 2),
		peak_mb: r.peak_mb,
		exit_code: r.code,
		peak_method: r.peak_method,
		out_dir: path.relative(repoRoot, out),
		...(r.code !== 0 ? { error: stderrTail.join(' | ') } : {})
	};
}

const PX_FIXTURES = ['wwwroot/aggregations/BEXST1.PX', 'Population/BE0101A1.px', 'wwwroot/PO/PO01/TAB002.px'];
// The project's shared fixtures sit beside the repository (../shared), as in CI.
const FIXTURE_ROOT = process.env.PX_FIXTURES ?? path.resolve(repoRoot, '../shared/fixtures/px');

/** A valid PX of ~50 MB: region (290) × age (100) × sex (3) in the stub, year (92) in the heading. */
export function generatePx(file: string): { cells: number; columns: number } {
	const regions = Array.from({ length: 290 }, (_, i) => String(1000 + i * 7).padStart(4, '0'));
	const ages = Array.from({ length: 100 }, (_, i) => String(i));
	const sexes = ['1', '2', '3'];
	const years = Array.from({ length: 92 }, (_, i) => String(1933 + i));
	const q = (xs: string[]) => xs.map((x) => `"${x}"`).join(',');
	const head = [
		'CHARSET="ANSI";',
		'AXIS-VERSION="2013";',
		'CODEPAGE="utf-8";',
		'LANGUAGE="sv";',
		'DECIMALS=1;',
		'SHOWDECIMALS=1;',
		'MATRIX="BENCH01";',
		'SUBJECT-CODE="BE";',
		'SUBJECT-AREA="Benchmark";',
		'TITLE="Genererad benchmarktabell efter region, ålder, kön och år";',
		'CONTENTS="Genererad benchmarktabell";',
		'UNITS="antal";',
		'STUB="region","ålder","kön";',
		'HEADING="år";',
		`VALUES("region")=${q(regions.map((r) => `Kommun ${r}`))};`,
		`VALUES("ålder")=${q(ages.map((a) => `${a} år`))};`,
		`VALUES("kön")="män","kvinnor","totalt";`,
		`VALUES("år")=${q(years)};`,
		`CODES("region")=${q(regions)};`,
		`CODES("ålder")=${q(ages)};`,
		`CODES("kön")=${q(sexes)};`,
		`TIMEVAL("år")=TLIST(A1),${q(years)};`,
		'SOURCE="Ensamhetsmonitorn benchmark";',
		'DATA='
	].join('\n');
	const fd = fs.openSync(file, 'w');
	fs.writeSync(fd, head + '\n');
	const csv = fs.openSync(file.replace(/\.px$/i, '.csv'), 'w');
	let x = 12345;
	let cells = 0;
	for (let r = 0; r < regions.length; r++) {
		let pxChunk = '', csvChunk = '';
		for (let a = 0; a < ages.length; a++)
			for (let s = 0; s < sexes.length; s++) {
				const line: string[] = [];
				for (let y = 0; y < years.length; y++) {
					x = (x * 1103515245 + 12345) & 0x7fffffff; // LCG: deterministic, cheap
					line.push(((x % 10000) / 10).toFixed(1));
				}
				cells += line.length;
				pxChunk += line.join(' ') + '\n';
				csvChunk += line.join(',') + '\n';
			}
		fs.writeSync(fd, pxChunk);
		fs.writeSync(csv, csvChunk);
	}
	fs.writeSync(fd, ';\n');
	fs.closeSync(fd);
	fs.closeSync(csv);
	return { cells, columns: years.length };
}

function child(args: string[]): Record<string, any> {
	const stdout = execFileSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bench/px-child.ts'), ...args], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 24, timeout: 300_000 });
	return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

/** The same numbers as CSV: the cube's row-major values, `columns` (the last dimension's size) per line. */
async function fixtureCsv(pxFile: string, csvFile: string): Promise<number> {
	const { readPx } = await import('../pipelines/read/px/index.ts');
	const { cube } = readPx(new Uint8Array(fs.readFileSync(pxFile)), { origin: pxFile, lenient: true });
	const columns = cube.dimensions.at(-1)!.categories.length;
	const lines: string[] = [];
	for (let i = 0; i < cube.values.length; i += columns) lines.push(cube.values.slice(i, i + columns).map((v) => (v == null ? '' : String(v))).join(','));
	fs.writeFileSync(csvFile, lines.join('\n') + '\n');
	return columns;
}

export async function pxVsDuckdbCsv(): Promise<Record<string, unknown>> {
	const dir = path.join(scaleDir, 'px');
	fs.mkdirSync(dir, { recursive: true });
	const generated = path.join(dir, 'generated.px');
	let gen: { cells: number; columns: number } = { cells: 0, columns: 92 };
	const t = performance.now();
	if (!fs.existsSync(generated) || !fs.existsSync(generated.replace(/\.px$/, '.csv'))) {
		gen = generatePx(generated);
		log(`px: generated ${(fs.statSync(generated).size / 1e6).toFixed(1)} MB PX (${gen.cells} cells) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
	}
	const files: { name: string; px: string; csv: string; columns: number }[] = [];
	for (const rel of PX_FIXTURES) {
		const px = path.join(FIXTURE_ROOT, rel);
		if (!fs.existsSync(px)) continue;
		const csv = path.join(dir, rel.replaceAll('/', '_') + '.csv');
		files.push({ name: rel, px, csv, columns: await fixtureCsv(px, csv) });
	}
	files.push({ name: 'generated.px (bench/.scale/px)', px: generated, csv: generated.replace(/\.px$/, '.csv'), columns: gen.columns });
	const rows: Record<string, unknown>[] = [];
	for (const f of files) {
		log(`px: ${f.name}`);
		const px = child(['px', f.px, '3']);
		const csv = child(['csv', f.csv, String(f.columns), '3']);
		const csv1 = child(['csv', f.csv, String(f.columns), '3', '1']);
		const rate = (r: any) => ({
			best_ms: round(r.best_ms, 1),
			cells_per_s: Math.round(r.cells / (r.best_ms / 1000)),
			mb_per_s: round(r.bytes / 1e6 / (r.best_ms / 1000), 1),
			peak_mb: r.peak_mb,
			bytes: r.bytes,
			cells: r.cells,
			times_ms: r.times_ms.map((t: number) => round(t, 1))
		});
		const p = rate(px), c = rate(csv), c1 = rate(csv1);
		rows.push({
			file: f.name,
			px: p,
			duckdb_csv: { ...c, threads: csv.threads },
			duckdb_csv_1_thread: c1,
			// Against DuckDB's faster configuration (on 2 cores its 2-thread CSV reader is often slower).
			ratio: round(p.cells_per_s / Math.max(c.cells_per_s, c1.cells_per_s), 2),
			ratio_vs_default_threads: round(p.cells_per_s / c.cells_per_s, 2),
			ratio_vs_1_thread: round(p.cells_per_s / c1.cells_per_s, 2)
		});
	}
	const big = rows.at(-1) as any;
	return {
		method:
			'best of 3 in a fresh child process each; PX = readPx(bytes) (decode+lex+cube), DuckDB = read_csv materialised into a table (all values parsed to DOUBLE), default threads and 1 thread; ratio = PX cells/s ÷ the faster DuckDB configuration (on the generated 50 MB file); same numbers, same rows × columns; peak = VmHWM of the child (includes Node/DuckDB baseline)',
		files: rows,
		ratio: big?.ratio ?? null,
		ratio_vs_default_threads: big?.ratio_vs_default_threads ?? null,
		ratio_vs_1_thread: big?.ratio_vs_1_thread ?? null,
		px_cells_per_s: big?.px.cells_per_s ?? null,
		px_mb_per_s: big?.px.mb_per_s ?? null,
		px_peak_mb: big?.px.peak_mb ?? null,
		ratio_largest_fixture: (rows[0] as any)?.ratio ?? null
	};
}
