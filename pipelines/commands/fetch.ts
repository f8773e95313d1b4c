/**
 * `npm run pipeline -- fetch [indicator …] [--catalog <dir>] [--no-build] [--dry-run [--year YYYY]]`
 *
 * --dry-run prints, per indicator, the requests the fetch would send and the cells it would
 * keep (fetch-dry-run.ts), and sends nothing. --year fixes "this year" (Kolada's year range).
 *
 * For each indicator (default: all in the catalog) whose catalog source names an API and a
 * table: build the table spec from the catalog (publisher's base URL, table, selection), call
 * the fetch client, which saves every raw answer under data/raw/<publisher>/ and appends to
 * data/raw/<publisher>/manifest.json; then save the merged cube as
 * data/raw/<publisher>/<indicator>.json-stat.json and index it in
 * data/raw/<publisher>/fetched.json, and rebuild static/data (the build reads the index).
 *
 * A source that cannot be reached fails with one clear line and leaves its previous files
 * and the built data as they were; the other sources still run. Indicators whose table is
 * not known yet (catalog verification "?") are listed as skipped.
 *
 * Environment:
 *   ENSAMHET_API_BASE            replaces every publisher's base URL (tests, proxies)
 *   ENSAMHET_API_BASE_<ID>       one publisher's base URL (ID upper case, '-' → '_'), e.g.
 *                                ENSAMHET_API_BASE_FOHM=http://127.0.0.1:8080/fohm-app…/api/v1
 *   ENSAMHET_FETCH_TRIES         tries per request (default: the client's policy)
 *   ENSAMHET_CATALOG_DIR / ENSAMHET_RAW_DIR / ENSAMHET_OUT_DIR  as for the build
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadCatalog, type Indicator, type Municipality, type Publisher } from '../catalog/load.ts';
import type { SourceSpec } from '../catalog/schema.ts';
import { cubeToJsonStat } from '../cube/to-jsonstat.ts';
import { fetchTable, type Selection, type TableSpec } from '../fetch/index.ts';
import { writeFileAtomic } from '../fetch/manifest.ts';
import { tableName } from '../fetch/query.ts';
import { FETCH_INDEX, readFetchIndex, type FetchedEntry } from '../intake/fetched.ts';
import { rawDir, relativeToRepo, repoRoot } from '../paths.ts';
import { makeData } from './make-data.ts';
import { dryRunText } from './fetch-dry-run.ts';

export interface FetchPlan {
	indicator: Indicator;
	spec: TableSpec | null;
	/** Why nothing is fetched for this indicator (spec null). */
	skip?: string;
}

export function baseUrlFor(pub: Publisher, api: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
	const own = env[`ENSAMHET_API_BASE_${pub.id.toUpperCase().replace(/-/g, '_')}`];
	return own ?? env.ENSAMHET_API_BASE ?? pub.api_base[api];
}

/** What planFetch needs from the catalog besides the indicators. */
export interface PlanContext {
	publishers: Publisher[];
	/** For Kolada sources limited to municipalities (source.api_geography). */
	municipalities?: Municipality[];
	env?: NodeJS.ProcessEnv;
	/** Today, for Kolada's year range (first_year … this year). */
	now?: Date;
}

/** Does the selection name the derived category by its text (code resolved from the metadata)? */
function selectsByText(sel: SourceSpec['selection'], label: string): boolean {
	return Object.values(sel).some((s) => typeof s === 'object' && !Array.isArray(s) && s.filter === 'text' && s.values.includes(label));
}

export function planFetch(indicators: Indicator[], ctx: PlanContext): FetchPlan[] {
	const env = ctx.env ?? process.env;
	const thisYear = (ctx.now ?? new Date()).getUTCFullYear();
	return indicators.flatMap((ind): FetchPlan[] => {
		const src = ind.source;
		if (src.api === 'none') return [{ indicator: ind, spec: null, skip: 'the source has no API' }];
		if (!src.table) return [{ indicator: ind, spec: null, skip: `table id not known yet (verification ${ind.verification.level}): ${ind.verification.note}` }];
		if (src.derived && src.derived.code === null && !selectsByText(src.selection, src.derived.label.sv))
			return [{ indicator: ind, spec: null, skip: `category code of "${src.derived.label.sv}" not known yet` }];
		const pub = ctx.publishers.find((p) => p.id === src.publisher);
		const baseUrl = pub ? baseUrlFor(pub, src.api, env) : undefined;
		if (!pub || !baseUrl) return [{ indicator: ind, spec: null, skip: `no base URL for ${src.api} of publisher "${src.publisher}"` }];
		const tables = [
			{ table: src.table, selection: src.selection, groups: src.groups, total_texts: src.total_texts },
			...(src.national_tables ?? []),
			...(src.alternative_tables ?? []).map((t) => ({ table: t.table, selection: t.selection, groups: undefined, total_texts: undefined }))
		];
		return tables.map((t) => {
			// The schema checked the filter names (item, all, top, text, agg:…, vs:…).
			const selection = { ...t.selection } as Selection;
			if (src.api === 'kolada-v3') {
				// Kolada needs years (or municipalities) in the URL. Ask from the first year up to
				// this year and let the answer decide which years exist (N07418 has 2024 before the
				// catalog lists it).
				if (!selection.year && !selection.period)
					selection.year = Array.from({ length: Math.max(1, thisYear - ind.first_year + 1) }, (_, i) => String(ind.first_year + i));
				// A source used for municipalities only asks for exactly those: no nation or county
				// row can come back and replace the published figures.
				const levels = src.api_geography;
				if (levels && levels.every((l) => l === 'municipality') && !selection.municipality)
					selection.municipality = (ctx.municipalities ?? []).map((m) => m.municipality_code);
			}
			const totalTexts = t.total_texts && t.groups ? Object.fromEntries(Object.keys(t.groups).map((v) => [v, t.total_texts!])) : undefined;
			return {
				indicator: ind,
				spec: { api: src.api as TableSpec['api'], baseUrl, table: t.table, lang: 'sv', selection, publisher: src.publisher, ...(totalTexts ? { totalTexts } : {}) }
			};
		});
	});
}

/** File name of a fetched table's cube: the indicator id, plus the table name for breakdown tables. */
export function cubeFileName(ind: Indicator, table: string): string {
	if (table === ind.source.table) return `${ind.id}.json-stat.json`;
	const base = table.split('/').pop()!.replace(/\.px$/i, '');
	return `${ind.id}.${base}.json-stat.json`;
}

export async function run(args: string[]): Promise<number> {
	let catalogDir: string | undefined;
	let rebuild = true;
	let dryRun = false;
	let year: number | undefined;
	const wanted: string[] = [];
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '--catalog' && args[i + 1]) catalogDir = args[++i];
		else if (args[i] === '--no-build') rebuild = false;
		else if (args[i] === '--dry-run') dryRun = true;
		else if (args[i] === '--year' && /^\d{4}$/.test(args[i + 1] ?? '')) year = Number(args[++i]);
		else if (args[i].startsWith('-')) {
			process.stderr.write(`error: unknown fetch option "${args[i]}" (expected --catalog <dir>, --no-build, --dry-run, --year <YYYY>)\n`);
			return 2;
		} else wanted.push(args[i]);
	}
	if (catalogDir) process.env.ENSAMHET_CATALOG_DIR = path.resolve(catalogDir);
	const catalog = loadCatalog(catalogDir);
	const unknown = wanted.filter((w) => !catalog.indicators.some((i) => i.id === w));
	if (unknown.length) {
		process.stderr.write(`error: unknown indicator(s): ${unknown.join(', ')} (catalog: ${catalog.indicators.map((i) => i.id).join(', ')})\n`);
		return 2;
	}
	const chosen = wanted.length ? catalog.indicators.filter((i) => wanted.includes(i.id)) : catalog.indicators;
	const planCtx: PlanContext = { publishers: catalog.publishers, municipalities: catalog.municipalities, ...(year ? { now: new Date(Date.UTC(year, 6, 1)) } : {}) };
	if (dryRun) {
		// Metadata a previous fetch saved (v1: <publisher>/<lang>/<table>.json) makes the bodies exact.
		const saved = (spec: TableSpec) => {
			const file = path.join(rawDir, spec.publisher ?? '', spec.lang, `${tableName(spec)}.json`);
			return fs.existsSync(file) ? { meta: JSON.parse(fs.readFileSync(file, 'utf8')) as unknown, file: relativeToRepo(file).startsWith('..') ? file : relativeToRepo(file) } : undefined;
		};
		process.stdout.write(dryRunText(planFetch(chosen, planCtx), saved));
		return 0;
	}
	const tries = process.env.ENSAMHET_FETCH_TRIES ? Number(process.env.ENSAMHET_FETCH_TRIES) : undefined;
	const root = rawDir.startsWith(repoRoot + path.sep) ? repoRoot : path.dirname(rawDir);
	let ok = 0;
	let failed = 0;
	for (const plan of planFetch(chosen, planCtx)) {
		const id = plan.indicator.id;
		if (!plan.spec) {
			process.stdout.write(`fetch: ${id}: skipped — ${plan.skip}\n`);
			continue;
		}
		const spec = plan.spec;
		const pubDir = path.join(rawDir, spec.publisher!);
		const where = `${spec.api} ${spec.baseUrl} ${spec.table}`;
		try {
			const res = await fetchTable(spec, {
				outDir: pubDir,
				manifestPath: path.join(pubDir, 'manifest.json'),
				repoRoot: root,
				retry: tries ? { maxTries: tries } : undefined
			});
			const cubeFile = cubeFileName(plan.indicator, spec.table);
			await writeFileAtomic(path.join(pubDir, cubeFile), JSON.stringify(cubeToJsonStat(res.cube, 'sv')) + '\n');
			const entry: FetchedEntry = {
				indicator: id,
				publisher: spec.publisher!,
				api: spec.api,
				base_url: spec.baseUrl,
				table: spec.table,
				url: String(res.cube.extra.fetchedFrom ?? `${spec.baseUrl}/${spec.table}`),
				fetched_at: new Date().toISOString(),
				cube_file: cubeFile,
				files: res.files,
				calls: res.calls,
				...(Object.keys(res.totalCodes).length ? { total_codes: [...new Set(Object.values(res.totalCodes))] } : {})
			};
			const indexFile = path.join(pubDir, FETCH_INDEX);
			const index = readFetchIndex(indexFile).filter((e) => !(e.indicator === id && e.table === spec.table));
			await writeFileAtomic(indexFile, JSON.stringify([...index, entry], null, '\t') + '\n');
			ok++;
			process.stdout.write(`fetch: ${id} (${spec.table}): ${res.cube.values.length} cells in ${res.calls} call(s) from ${where} → ${relativeToRepo(pubDir)}\n`);
		} catch (err) {
			failed++;
			const msg = err instanceof Error ? err.message : String(err);
			process.stderr.write(`fetch: ${id}: FAILED to fetch from ${spec.publisher} (${where}): ${msg}. Previous raw files and built data are unchanged.\n`);
		}
	}
	if (ok && rebuild) {
		const { counts } = await makeData({ catalogDir });
		process.stdout.write(`fetch: rebuilt static data: ${counts.observations} observations, ${counts.missing_cells} missing cells, ${counts.rejects} rejects\n`);
	} else if (!ok) process.stdout.write(`fetch: nothing fetched; the built data is unchanged\n`);
	return failed ? 1 : 0;
}
