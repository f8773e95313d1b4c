/**
 * `npm run pipeline` — the offline data build: raw extracts + catalog → static/data.
 *
 *   read     fetched API answers (data/raw/<publisher>/fetched.json → JSON-stat cubes),
 *            dropped extracts (data/raw/<publisher>/*.intake.yaml: PX, PxWeb, JSON-stat, CSV, xlsx),
 *            published figures (data/raw/published, through the CSV reader),
 *            example data (pipelines/generate, seeded) for what is not published
 *   select/tidy  the catalog picks the indicator's cells (tidy/tidy.ts, intake/published.ts)
 *   check    schema + code lists (check/validate.ts); failures go to rejects.csv;
 *            suppression (check/suppress.ts): n < min_n and the both-sexes rule, for every source
 *   merge    one row per cell: fetched > extracts > published > example data (replaced cells
 *            counted); real first, never mixed (check/no-mixing.ts): where an indicator has any
 *            real value at a level (nation, county, municipality) and period, no example value
 *            is kept there
 *   write    Parquet + JSON dimension tables + map + manifest + rejects, into a staging
 *            folder swapped in at the end (atomic.ts): an interrupted build leaves the
 *            previous data readable.
 * Counts reconcile or the build fails:
 *   input cells = observations + missing cells + rejects + cells replaced by real figures
 *   (replaced = example cells for the same cell as a real figure, plus example cells withheld where
 *   real figures exist at the same indicator, level and period: counted also as example_withheld).
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
import { withNodeEngine } from '../../src/lib/server/node-engine.ts';
import { readFetched } from '../intake/fetched.ts';
import { readOwn } from '../intake/own.ts';
import { readExtracts } from '../intake/extracts.ts';
import { withholdExampleWhereReal } from '../check/no-mixing.ts';
import { suppress } from '../check/suppress.ts';
import { coverage } from '../write/coverage.ts';
import { writeCountyMap } from '../write/county-map.ts';
import { outDir, rawDir, relativeToRepo, repoRoot, displayPath as display } from '../paths.ts';
import { englishPublishedSource } from '../catalog/english-names.ts';
import { loadMapping, mappingPath, publishedCsvPath, publishedToObservations, readerMappingPath, readPublishedRows } from '../intake/published.ts';
import { loadObservations, writeObservationParquet, writeRecordsParquet } from '../write/parquet.ts';
import { cellKey, makeChecker } from '../check/validate.ts';
import type { Reject, SourceRecord } from '../write/records.ts';
import { DEFAULT_SEED, EXAMPLE_CALIBRATION, generate } from '../generate/generate.ts';
import { neutraliseFormula } from '../../src/lib/export/formula.ts';
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
	/** Example (or duplicate) cells not kept because of real figures; includes example_withheld. */
	replaced_by_real: number;
	/** Of replaced_by_real: example cells withheld because real values exist for the indicator at that level and period. */
	example_withheld: number;
	/** Cells shown as ".." by the build's suppression rule (counted among missing cells; listed in rejects.csv). */
	suppressed: number;
	/** Real observations (is_demo = false) with a value. */
	real: number;
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
		`pipeline: ${counts.observations} observations (${counts.real} real) + ${counts.missing_cells} missing cells (${counts.suppressed} suppressed), ${counts.rejects} rejects (see ${relativeToRepo(path.join(outDir, 'rejects.csv'))}), ${counts.replaced_by_real} example cells replaced by real figures (${counts.example_withheld} of them withheld where real figures exist at the same level and period) → ${relativeToRepo(outDir)} in ${Date.now() - started} ms\n`
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

	// 2. Dropped extracts with an intake mapping (any format), through the same select/tidy.
	const extracts = await readExtracts(catalog, rawDir);
	rejects.push(...extracts.rejects);
	sources.push(...extracts.sources);
	inputs.push(...extracts.inputs);

	// 3. Published figures, through the CSV reader.
	const csvFile = publishedCsvPath();
	const csvSha = sha256File(csvFile);
	const published = publishedToObservations(readPublishedRows(csvFile, readerMappingPath()), loadMapping(), csvSha, catalog.groups, relativeToRepo(csvFile));
	rejects.push(...published.rejects);
	sources.push(...published.sources.map((s) => ({ ...s, ...englishPublishedSource(s, catalog.publishers, relativeToRepo(csvFile)), kind: 'published' as const, attribution: `Källa: ${s.publisher}`, is_demo: false })));
	inputs.push({ file: relativeToRepo(csvFile), sha256: csvSha, cells: published.inputRows, kind: 'published' });
	for (const f of [readerMappingPath(), mappingPath()]) inputs.push({ file: relativeToRepo(f), sha256: sha256File(f), cells: 0, kind: 'mapping' });

	// 2b. Own survey extracts estimated with `pipeline estimate --site` (real, with their provenance).
	const own = readOwn(rawDir, sha256File);
	rejects.push(...own.rejects);
	sources.push(...own.sources);
	inputs.push(...own.inputs);

	// 4. Example data for everything else.
	const profileFile = path.join(repoRoot, EXAMPLE_CALIBRATION);
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
	inputs.push({ file: EXAMPLE_CALIBRATION, sha256: profileSha, cells: demo.observations.length, kind: `demo (seed ${seed})` });
	for (const f of catalog.files) inputs.push({ file: display(f), sha256: sha256File(f), cells: 0, kind: 'catalog' });

	// Check + merge (first wins: fetched > extracts > published > demo).
	const cells = new Map<string, Observation>();
	const origin = new Map<string, { file: string; location: string }>();
	let replaced = 0;
	const replacedBy: Record<string, number> = {};
	const take = (o: Observation, file: string, line: number, location = line ? `line ${line}` : '') => {
		const why = check(o);
		if (why) {
			rejects.push({ file, line, key: cellKey(o), reason: why });
			return;
		}
		const k = cellKey(o);
		const kept = cells.get(k);
		if (kept) {
			if (!o.is_demo) {
				// Two real sources for one cell: the first (by precedence) is kept; the other is listed, never silently dropped.
				const at = origin.get(k)!;
				const same = kept.value === o.value && kept.ci_low === o.ci_low && kept.ci_high === o.ci_high;
				rejects.push({ file, line, key: k, reason: `same cell as ${at.file}${at.location ? ` (${at.location})` : ''}, which is read first; ${same ? 'the values are equal' : `its value ${kept.value} is kept, this one is ${o.value}`}` });
				return;
			}
			replaced++;
			replacedBy[o.indicator_id] = (replacedBy[o.indicator_id] ?? 0) + 1;
			return;
		}
		cells.set(k, o);
		if (!o.is_demo) origin.set(k, { file, location });
	};
	for (const { obs, file } of fetched.observations) take(obs, file, 0);
	for (const e of extracts.observations) take(e.obs, e.file, e.line, e.location);
	published.observations.forEach((o, i) => take(o, relativeToRepo(csvFile), published.lines[i]));
	for (const { obs, file, line } of own.observations) take(obs, file, line);
	const demoCandidates: Observation[] = [];
	for (const o of demo.observations) {
		const k = cellKey(o);
		if (cells.has(k)) {
			replaced++;
			replacedBy[o.indicator_id] = (replacedBy[o.indicator_id] ?? 0) + 1;
		} else demoCandidates.push(o);
	}
	// Real first, never mixed: no example value where real values exist at the same indicator × level × period.
	const realCells = [...cells.values()];
	const { kept: demoKept, withheld } = withholdExampleWhereReal(realCells, demoCandidates);
	for (const o of withheld) replacedBy[o.indicator_id] = (replacedBy[o.indicator_id] ?? 0) + 1;
	for (const o of demoKept) take(o, EXAMPLE_CALIBRATION, 0);
	// Suppression by the build, for every source (n < min_n; both sexes when either is below).
	const supp = suppress(catalog.indicators, [...cells.values()]);
	for (const r of supp.suppressed) rejects.push({ file: origin.get(cellKey(r.obs))?.file ?? EXAMPLE_CALIBRATION, line: 0, key: cellKey(r.obs), reason: r.reason });
	const observations = [...cells.values()];
	const usedSources = new Set(observations.map((o) => o.source_id));
	const allSources = [...sources, ...demoSources].filter((s) => usedSources.has(s.source_id));

	const missing = observations.filter((o) => o.value === null).length;
	const counts: DataCounts = {
		input_cells: fetched.inputCells + extracts.inputCells + published.inputRows + own.inputRows + demo.observations.length,
		observations: observations.length - missing,
		missing_cells: missing,
		rejects: rejects.length - supp.suppressed.length,
		replaced_by_real: replaced + withheld.length,
		example_withheld: withheld.length,
		suppressed: supp.suppressed.length,
		real: observations.filter((o) => !o.is_demo && o.value !== null).length
	};
	if (counts.input_cells !== counts.observations + counts.missing_cells + counts.rejects + counts.replaced_by_real)
		throw new Error(`counts do not reconcile: ${JSON.stringify(counts)} (input = observations + missing + rejects + replaced)`);

	const staging = beginStaging(outDir);
	try {
		await withNodeEngine(staging.dir, async (engine) => {
			await loadObservations(engine, observations);
			await writeObservationParquet(engine, staging.dir);
			await testHook(staging.dir);
			const dims = {
				indicators: indicatorsJson(catalog, observations),
				regions: regionsJson(catalog),
				groups: groupsJson(catalog),
				sources: allSources
			};
			for (const [name, value] of Object.entries(dims)) writeJson(path.join(staging.dir, `${name}.json`), value);
			await writeRecordsParquet(engine, indicatorsFlat(catalog), path.join(staging.dir, 'indicators.parquet'));
			await writeRecordsParquet(engine, regionsFlat(dims.regions), path.join(staging.dir, 'regions.parquet'));
			await writeRecordsParquet(engine, groupsFlat(catalog), path.join(staging.dir, 'groups.parquet'));
			await writeRecordsParquet(engine, sourcesFlat(allSources), path.join(staging.dir, 'sources.parquet'));
			const map = await writeCountyMap(staging.dir, catalog.regions);
			inputs.push({ file: relativeToRepo(map.input), sha256: sha256File(map.input), cells: 0, kind: 'map' });
			fs.writeFileSync(path.join(staging.dir, 'rejects.csv'), rejectsCsv(rejects));
			// Where each real observation was read: file and line / sheet row / cube cell.
			fs.writeFileSync(path.join(staging.dir, 'provenance.csv'), provenanceCsv(observations, origin, allSources));
			writeJson(path.join(staging.dir, 'coverage.json'), coverage(catalog, observations));
			// Downloads on /om: the full table as CSV and a Frictionless description of every file.
			const builtAt = new Date().toISOString();
			await writeDatapackage(staging.dir, { version: '0.1.0', created: builtAt, engine });
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
				real_rows_per_file: realRowsPerFile(observations, origin),
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

function realRowsPerFile(observations: readonly Observation[], origin: Map<string, { file: string }>): Record<string, number> {
	const out: Record<string, number> = {};
	for (const o of observations) {
		if (o.is_demo || o.value === null) continue;
		const f = (origin.get(cellKey(o))?.file ?? '?').split('#')[0];
		out[f] = (out[f] ?? 0) + 1;
	}
	return out;
}

function provenanceCsv(observations: readonly Observation[], origin: Map<string, { file: string; location: string }>, sources: readonly SourceRecord[]): string {
	const q = (s: string | number) => (/[",\n]/.test(String(s)) ? `"${String(s).replaceAll('"', '""')}"` : String(s));
	const byId = new Map(sources.map((s) => [s.source_id, s]));
	const lines = ['indicator_id,region_code,period_start,period_end,sex,group_dim,group_code,source_id,file,sha256,table,location'];
	for (const o of observations) {
		if (o.is_demo) continue;
		const at = origin.get(cellKey(o));
		const s = byId.get(o.source_id);
		lines.push([o.indicator_id, o.region_code, o.period_start, o.period_end, o.sex, o.group_dim, o.group_code, o.source_id, at?.file ?? s?.input_file ?? '', s?.input_sha256 ?? '', s?.table ?? s?.title ?? '', at?.location ?? ''].map(q).join(','));
	}
	return lines.join('\n') + '\n';
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

export function rejectsCsv(rejects: readonly Reject[]): string {
	// Keys and reasons quote source files: formula-looking text is neutralised like every CSV the site writes.
	const q = (s: string | number) => `"${(typeof s === 'number' ? String(s) : neutraliseFormula(s)).replaceAll('"', '""')}"`;
	return ['file,line,key,reason', ...rejects.map((r) => [r.file, r.line, r.key, r.reason].map(q).join(','))].join('\n') + '\n';
}
