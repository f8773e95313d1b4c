/**
 * `npm run pipeline` — the offline data build: raw extracts + catalog → static/data.
 *
 *   read     fetched API answers (data/raw/<publisher>/fetched.json → JSON-stat cubes),
 *            published figures (data/raw/published, through the CSV reader),
 *            example data (pipelines/generate, seeded) for what is not published
 *   select/tidy  the catalog picks the indicator's cells (tidy/tidy.ts, intake/published.ts)
 *   check    schema + code lists (check/validate.ts); failures go to rejects.csv
 *   merge    one row per cell: fetched > published > example data (replaced cells counted)
 *   write    Parquet + JSON dimension tables + map + manifest + rejects, into a staging
 *            folder swapped in at the end (atomic.ts): an interrupted build leaves the
 *            previous data readable.
 * Counts reconcile or the build fails:
 *   input cells = observations + missing cells + rejects + cells replaced by real figures.
 *
 * Options: --catalog <dir> (also ENSAMHET_CATALOG_DIR), --seed <n>. Output/raw folders:
 * ENSAMHET_OUT_DIR, ENSAMHET_RAW_DIR (see pipelines/paths.ts). Test hook: ENSAMHET_TEST_HOOK =
 * pause-after-parquet | crash-after-parquet stops the run after the Parquet files are staged.
 */
import { writeDatapackage } from '../write/datapackage.ts';
import fs from 'node:fs';
import path from 'node:path';
import type { Observation } from '../../src/lib/data/observation.ts';
import { loadCatalog, type Catalog } from '../catalog/load.ts';
import { beginStaging } from '../write/atomic.ts';
import { groupsFlat, groupsJson, indicatorsFlat, indicatorsJson, regionsFlat, regionsJson, sourcesFlat } from '../write/dims.ts';
import { withDuckDB } from '../duckdb.ts';
import { readFetched } from '../intake/fetched.ts';
import { readOwn } from '../intake/own.ts';
import { writeCountyMap } from '../write/county-map.ts';
import { outDir, rawDir, relativeToRepo, repoRoot, displayPath as display } from '../paths.ts';
import { loadMapping, mappingPath, publishedCsvPath, publishedToObservations, readerMappingPath, readPublishedRows } from '../intake/published.ts';
import { loadObservations, writeObservationParquet, writeRecordsParquet } from '../write/parquet.ts';
import { cellKey, makeChecker } from '../check/validate.ts';
import type { Reject, SourceRecord } from '../write/records.ts';
import { DEFAULT_SEED, generate } from '../generate/generate.ts';
import { sha256File } from '../sha256.ts';

export interface MakeDataOptions {
	catalogDir?: string;
	seed?: number;
}

export interface DataCounts {
	input_cells: number;
	observations: number;
	missing_cells: number;
	rejects: number;
	replaced_by_real: number;
}

export async function run(args: string[]): Promise<number> {
	const opts: MakeDataOptions = {};
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '--catalog' && args[i + 1]) opts.catalogDir = args[++i];
		else if (args[i] === '--seed' && args[i + 1]) opts.seed = Number(args[++i]);
		else {
			process.stderr.write(`error: unknown build argument "${args[i]}" (expected --catalog <dir>, --seed <n>)\n`);
			return 2;
		}
	}
	const started = Date.now();
	const { counts } = await makeData(opts);
	process.stdout.write(
		`pipeline: ${counts.observations} observations + ${counts.missing_cells} missing cells, ${counts.rejects} rejects (see ${relativeToRepo(path.join(outDir, 'rejects.csv'))}), ${counts.replaced_by_real} example cells replaced by real figures → ${relativeToRepo(outDir)} in ${Date.now() - started} ms\n`
	);
	return 0;
}

export async function makeData(opts: MakeDataOptions = {}): Promise<{ counts: DataCounts; outDir: string }> {
	const catalog = loadCatalog(opts.catalogDir);
	const seed = opts.seed ?? DEFAULT_SEED;
	const check = makeChecker(catalog);
	const rejects: Reject[] = [];
	const sources: SourceRecord[] = [];
	const inputs: { file: string; sha256: string; cells: number; kind: string }[] = [];

	// 1. Fetched API answers (real, from the producer): highest precedence.
	const fetched = readFetched(catalog, rawDir);
	rejects.push(...fetched.rejects);
	sources.push(...fetched.sources);
	inputs.push(...fetched.inputs);

	// 2. Published figures, through the CSV reader.
	const csvFile = publishedCsvPath();
	const csvSha = sha256File(csvFile);
	const published = publishedToObservations(readPublishedRows(csvFile, readerMappingPath()), loadMapping(), csvSha, catalog.groups, relativeToRepo(csvFile));
	rejects.push(...published.rejects);
	sources.push(...published.sources.map((s) => ({ ...s, kind: 'published' as const, attribution: `Källa: ${s.publisher}`, is_demo: false })));
	inputs.push({ file: relativeToRepo(csvFile), sha256: csvSha, cells: published.inputRows, kind: 'published' });
	for (const f of [readerMappingPath(), mappingPath()]) inputs.push({ file: relativeToRepo(f), sha256: sha256File(f), cells: 0, kind: 'mapping' });

	// 2b. Own survey extracts estimated with `pipeline estimate --site` (real, with their provenance).
	const own = readOwn(rawDir, sha256File);
	rejects.push(...own.rejects);
	sources.push(...own.sources);
	inputs.push(...own.inputs);

	// 3. Example data for everything else.
	const profileFile = path.join(repoRoot, 'pipelines/generate/profiles.ts');
	const demo = generate(catalog, seed);
	const profileSha = sha256File(profileFile);
	const demoSources = demo.sources.map((s) => ({
		...s,
		input_sha256: profileSha,
		kind: 'demo' as const,
		attribution: 'Exempeldata (syntetiska)',
		indicator_id: s.source_id.replace(/^demo-/, ''),
		is_demo: true
	}));
	inputs.push({ file: 'pipelines/generate/profiles.ts', sha256: profileSha, cells: demo.observations.length, kind: `demo (seed ${seed})` });
	for (const f of catalog.files) inputs.push({ file: display(f), sha256: sha256File(f), cells: 0, kind: 'catalog' });

	// Check + merge (first wins: fetched > published > demo).
	const cells = new Map<string, Observation>();
	let replaced = 0;
	const replacedBy: Record<string, number> = {};
	const take = (o: Observation, file: string, line: number) => {
		const why = check(o);
		if (why) {
			rejects.push({ file, line, key: cellKey(o), reason: why });
			return;
		}
		const k = cellKey(o);
		if (cells.has(k)) {
			replaced++;
			replacedBy[o.indicator_id] = (replacedBy[o.indicator_id] ?? 0) + 1;
			return;
		}
		cells.set(k, o);
	};
	for (const { obs, file } of fetched.observations) take(obs, file, 0);
	published.observations.forEach((o, i) => take(o, relativeToRepo(csvFile), published.lines[i]));
	for (const { obs, file, line } of own.observations) take(obs, file, line);
	for (const o of demo.observations) take(o, 'pipelines/generate/profiles.ts', 0);
	const observations = [...cells.values()];
	const usedSources = new Set(observations.map((o) => o.source_id));
	const allSources = [...sources, ...demoSources].filter((s) => usedSources.has(s.source_id));

	const missing = observations.filter((o) => o.value === null).length;
	const counts: DataCounts = {
		input_cells: fetched.inputCells + published.inputRows + own.inputRows + demo.observations.length,
		observations: observations.length - missing,
		missing_cells: missing,
		rejects: rejects.length,
		replaced_by_real: replaced
	};
	if (counts.input_cells !== counts.observations + counts.missing_cells + counts.rejects + counts.replaced_by_real)
		throw new Error(`counts do not reconcile: ${JSON.stringify(counts)} (input = observations + missing + rejects + replaced)`);

	const staging = beginStaging(outDir);
	try {
		await withDuckDB(async (con) => {
			await loadObservations(con, observations);
			await writeObservationParquet(con, staging.dir);
			await testHook(staging.dir);
			const dims = {
				indicators: indicatorsJson(catalog, observations),
				regions: regionsJson(catalog),
				groups: groupsJson(catalog),
				sources: allSources
			};
			for (const [name, value] of Object.entries(dims)) writeJson(path.join(staging.dir, `${name}.json`), value);
			await writeRecordsParquet(con, indicatorsFlat(catalog), path.join(staging.dir, 'indicators.parquet'));
			await writeRecordsParquet(con, regionsFlat(dims.regions), path.join(staging.dir, 'regions.parquet'));
			await writeRecordsParquet(con, groupsFlat(catalog), path.join(staging.dir, 'groups.parquet'));
			await writeRecordsParquet(con, sourcesFlat(allSources), path.join(staging.dir, 'sources.parquet'));
			const map = await writeCountyMap(staging.dir, catalog.regions);
			inputs.push({ file: relativeToRepo(map.input), sha256: sha256File(map.input), cells: 0, kind: 'map' });
			fs.writeFileSync(path.join(staging.dir, 'rejects.csv'), rejectsCsv(rejects));
			// Downloads on /om: the full table as CSV and a Frictionless description of every file.
			const builtAt = new Date().toISOString();
			await writeDatapackage(staging.dir, { version: '0.1.0', created: builtAt, con });
			const outputs = listFiles(staging.dir).map((f) => ({
				file: path.relative(staging.dir, f).split(path.sep).join('/'),
				sha256: sha256File(f),
				bytes: fs.statSync(f).size
			}));
			writeJson(path.join(staging.dir, 'manifest.json'), {
				built_at: builtAt,
				seed,
				counts,
				rows_per_indicator: rowsPerIndicator(catalog, observations, replacedBy),
				sources: allSources.map((s) => ({ source_id: s.source_id, kind: s.kind ?? null, publisher: s.publisher, title: s.title, url: s.url, fetched_at: s.fetched_at })),
				fetches: fetched.fetches,
				inputs,
				outputs
			});
		});
		staging.commit();
	} catch (err) {
		staging.abort();
		throw err;
	}
	return { counts, outDir };
}

function rowsPerIndicator(catalog: Catalog, observations: readonly Observation[], replacedBy: Record<string, number>) {
	const out: Record<string, { rows: number; real: number; demo: number; missing: number; replaced_by_real: number }> = {};
	for (const i of catalog.indicators) out[i.id] = { rows: 0, real: 0, demo: 0, missing: 0, replaced_by_real: replacedBy[i.id] ?? 0 };
	for (const o of observations) {
		const r = out[o.indicator_id];
		r.rows++;
		if (o.is_demo) r.demo++;
		else r.real++;
		if (o.value === null) r.missing++;
	}
	return out;
}

async function testHook(stagingDir: string): Promise<void> {
	const hook = process.env.ENSAMHET_TEST_HOOK;
	if (!hook) return;
	fs.writeFileSync(path.join(stagingDir, '.hook-reached'), String(process.pid));
	if (hook === 'crash-after-parquet') process.exit(70);
	if (hook === 'pause-after-parquet') await new Promise((r) => setTimeout(r, 120_000));
}

function listFiles(dir: string): string[] {
	const out: string[] = [];
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) out.push(...listFiles(p));
		else if (!e.name.startsWith('.')) out.push(p);
	}
	return out.sort();
}



function writeJson(file: string, value: unknown): void {
	fs.writeFileSync(file, JSON.stringify(value) + '\n');
}

function rejectsCsv(rejects: readonly Reject[]): string {
	const q = (s: string | number) => `"${String(s).replaceAll('"', '""')}"`;
	return ['file,line,key,reason', ...rejects.map((r) => [r.file, r.line, r.key, r.reason].map(q).join(','))].join('\n') + '\n';
}
