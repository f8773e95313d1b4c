/**
 * Scale: a municipality-level example dataset (290 municipalities × 12 indicators × each
 * indicator's groups × sex T/K/M × 20 years, is_demo = true, the observation schema), generated
 * in DuckDB with SQL and partitioned as the site partitions municipal data: one Parquet file per
 * indicator and county (`scale/indicators/<id>/<county>.parquet`, sorted by region and period,
 * zstd). Never committed: bench/.scale/.
 *
 * Measured in Chromium with the site's own code: a bench page served next to the built site's
 * `_app` (symlinked) imports the built `openBrowserDb` chunk — the same DuckDB-WASM + parquet-wasm
 * path the indicator page uses (fetch → parquet-wasm → Arrow IPC → DuckDB table → SQL).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startStaticServer } from '../scripts/static-server.ts';
import { openBenchPage, THROTTLE } from './lib/browser.ts';
import { log, median, percentile, repoRoot, round, scaleDir } from './lib/util.ts';
import { indicatorViewQuery, partOf, tableOf } from '../src/lib/data/queries.ts';
import { run } from '../src/lib/data/engine.ts';
import { dropTable } from '../src/lib/data/file-queries.ts';
import { municipalAggregateQuery, rowCountQuery, scaleGeneratorSql, scalePartitionToParquet } from '../src/lib/data/bench-queries.ts';
import { withNodeEngine } from '../src/lib/server/node-engine.ts';

const YEARS = 20;
const FIRST_YEAR = 2005;
const GENERATOR_VERSION = 1;

interface Dataset {
	root: string;
	rows: number;
	files: { indicator: string; county: string; rel: string; bytes: number }[];
	totalBytes: number;
	municipalities: { code: string; county: string }[];
	indicators: string[];
	seconds: number | null;
	reused: boolean;
}

function readJson(file: string): any {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Indicator → [group_dim, group_code][] from the site's own dimension tables. */
function groupsPerIndicator(dataDir: string): Map<string, [string, string][]> {
	const groups = readJson(path.join(dataDir, 'groups.json')) as { id: string; codes: { code: string }[] }[];
	const byDim = new Map(groups.map((g) => [g.id, g.codes.map((c) => c.code)]));
	const indicators = readJson(path.join(dataDir, 'indicators.json')) as { id: string; breakdowns: string[] }[];
	return new Map(
		indicators.map((ind) => [
			ind.id,
			[['total', 'total'] as [string, string], ...ind.breakdowns.filter((d) => d !== 'sex' && d !== 'total').flatMap((d) => (byDim.get(d) ?? []).map((c) => [d, c] as [string, string]))]
		])
	);
}

function municipalities(): { code: string; county: string }[] {
	const csv = path.join(repoRoot, 'data/catalog/municipalities.csv');
	const lines = fs.readFileSync(csv, 'utf8').trim().split(/\r?\n/);
	const head = lines[0].split(',');
	const ci = head.indexOf('municipality_code'), ki = head.indexOf('county_code');
	return lines.slice(1).map((l) => l.split(',')).map((f) => ({ code: f[ci], county: f[ki] }));
}

export async function generateScale(dataDir: string): Promise<Dataset> {
	const root = path.join(scaleDir, 'site', 'scale');
	const stampFile = path.join(scaleDir, 'scale-stamp.json');
	const munis = municipalities();
	const groups = groupsPerIndicator(dataDir);
	const indicators = [...groups.keys()];
	const stamp = JSON.stringify({ v: GENERATOR_VERSION, munis: munis.length, groups: [...groups.entries()] });
	const list = (): Dataset['files'] =>
		indicators.flatMap((id) =>
			[...new Set(munis.map((m) => m.county))].sort().map((county) => {
				const rel = `indicators/${id}/${county}.parquet`;
				return { indicator: id, county, rel, bytes: fs.statSync(path.join(root, rel)).size };
			})
		);
	if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8').startsWith(stamp.slice(0, -1))) {
		const prev = readJson(stampFile);
		const files = list();
		return { root, rows: prev.rows, files, totalBytes: files.reduce((s, f) => s + f.bytes, 0), municipalities: munis, indicators, seconds: null, reused: true };
	}
	const t = performance.now();
	fs.rmSync(root, { recursive: true, force: true });
	const counties = [...new Set(munis.map((m) => m.county))].sort();
	const rows = await withNodeEngine(root, async (engine) => {
		const ig = [...groups.entries()].flatMap(([id, gs]) => gs.map(([d, c]) => [id, d, c] as [string, string, string]));
		for (const q of scaleGeneratorSql(munis, ig, FIRST_YEAR, YEARS)) await run(engine, q);
		const [count] = await run(engine, rowCountQuery('obs'));
		for (const id of indicators) {
			fs.mkdirSync(path.join(root, 'indicators', id), { recursive: true });
			for (const county of counties) await run(engine, scalePartitionToParquet(id, county, path.join(root, 'indicators', id, `${county}.parquet`)));
		}
		return count;
	});
	const seconds = (performance.now() - t) / 1000;
	fs.writeFileSync(stampFile, stamp.slice(0, -1) + `,"rows":${rows}}`);
	const files = list();
	log(`scale: generated ${rows} rows in ${files.length} files, ${(files.reduce((s, f) => s + f.bytes, 0) / 1e6).toFixed(1)} MB, ${seconds.toFixed(1)} s`);
	return { root, rows, files, totalBytes: files.reduce((s, f) => s + f.bytes, 0), municipalities: munis, indicators, seconds, reused: false };
}

/** The built chunk that exports `openBrowserDb` (src/lib/data/duckdb-browser.ts). */
function findDbChunk(buildDir: string): string | null {
	const dir = path.join(buildDir, '_app/immutable/chunks');
	for (const f of fs.readdirSync(dir)) {
		if (f.endsWith('.js') && /as openBrowserDb\}/.test(fs.readFileSync(path.join(dir, f), 'utf8'))) return `/_app/immutable/chunks/${f}`;
	}
	return null;
}

/** Deterministic pick of municipalities, indicators: a spread over counties. */
function picks(ds: Dataset, n: number): { id: string; muni: string; county: string }[] {
	const out: { id: string; muni: string; county: string }[] = [];
	for (let i = 0; i < n; i++) {
		const m = ds.municipalities[(i * 97 + 13) % ds.municipalities.length];
		out.push({ id: ds.indicators[i % ds.indicators.length], muni: m.code, county: m.county });
	}
	return out;
}

export async function scaleBench(browser: Browser, buildDir: string, dataDir: string, iterations: number): Promise<Record<string, unknown>> {
	const ds = await generateScale(dataDir);
	const site = path.dirname(ds.root);
	const appLink = path.join(site, '_app');
	fs.rmSync(appLink, { force: true, recursive: false });
	fs.symlinkSync(path.join(buildDir, '_app'), appLink);
	fs.writeFileSync(path.join(site, 'index.html'), '<!doctype html><meta charset="utf-8"><title>scale bench</title><p>scale bench</p>\n');
	const chunk = findDbChunk(buildDir);
	const perFile = ds.files.map((f) => f.bytes);
	const base: Record<string, unknown> = {
		rows: ds.rows,
		municipalities: ds.municipalities.length,
		indicators: ds.indicators.length,
		partitions: ds.files.length,
		total_bytes: ds.totalBytes,
		partition_bytes: { min: Math.min(...perFile), median: median(perFile), max: Math.max(...perFile) },
		generate_seconds: ds.seconds === null ? 'reused (same generator + inputs)' : round(ds.seconds, 1),
		layout: 'bench/.scale/site/scale/indicators/<id>/<county>.parquet (zstd, sorted by region_code, period)'
	};
	if (!chunk) return { ...base, error: 'openBrowserDb chunk not found in the build' };
	const server = await startStaticServer({ root: site });
	const bp = await openBenchPage(browser, { throttle: false });
	try {
		const page = bp.page;
		await page.goto(server.url + '/index.html');
		const tOpen = await page.evaluate(async (chunkUrl) => {
			const t = performance.now();
			const m = await import(chunkUrl);
			(window as any).__db = await m.openBrowserDb(() => {});
			return performance.now() - t;
		}, chunk);
		// Engine warm; from here each view is a real fetch (cache disabled) over the throttled link.
		await bp.cdp.send('Network.emulateNetworkConditions', THROTTLE);
		const selective: { ms: number; fetch_decode_ms: number; query_ms: number; rows: number; bytes: number }[] = [];
		for (const p of picks(ds, iterations)) {
			const rel = `indicators/${p.id}/${p.county}.parquet`;
			// The site's own query for one municipality's trend (src/lib/data/queries.ts), not a copy.
			const q = indicatorViewQuery({ indicator: p.id, region: p.muni, sex: 'T', groupDim: 'total', groupPeriod: null, countyPeriod: null });
			const r = await page.evaluate(
				async ({ url, table, sql, drop }) => {
					const db = (window as any).__db;
					const t0 = performance.now();
					await db.loadParquet(url, table);
					const t1 = performance.now();
					const rows = await db.query(sql);
					const t2 = performance.now();
					await db.query(drop);
					return { ms: t2 - t0, fetch_decode_ms: t1 - t0, query_ms: t2 - t1, rows };
				},
				{ url: `/scale/${rel}`, table: tableOf(p.id), sql: q.sql, drop: dropTable(tableOf(p.id)).sql }
			);
			const trendRows = partOf(r.rows.map((row: Record<string, unknown>) => q.map(row)), 'trend').length;
			selective.push({ ms: r.ms, fetch_decode_ms: r.fetch_decode_ms, query_ms: r.query_ms, rows: trendRows, bytes: ds.files.find((f) => f.rel === rel)!.bytes });
		}
		// National aggregate: one indicator, one year, all 290 municipalities = all 21 county files.
		const natId = ds.indicators.find((id) => id === 'lonely_often_always') ?? ds.indicators[0];
		const natFiles = ds.files.filter((f) => f.indicator === natId);
		const national: { ms: number; load_ms: number; query_ms: number; municipalities: number; value: number }[] = [];
		for (let pass = 0; pass < 3; pass++) {
			national.push(
				await page.evaluate(
					async ({ urls, prefix, sql, drops }) => {
						const db = (window as any).__db;
						const t0 = performance.now();
						await Promise.all(urls.map((u: string, i: number) => db.loadParquet(u, `${prefix}_${i}`)));
						const t1 = performance.now();
						const [row] = await db.query(sql);
						const t2 = performance.now();
						for (const drop of drops) await db.query(drop);
						return { ms: t2 - t0, load_ms: t1 - t0, query_ms: t2 - t1, municipalities: Number(row.municipalities), value: Number(row.value) };
					},
					{
						urls: natFiles.map((f) => `/scale/${f.rel}`),
						prefix: `nat${pass}`,
						sql: municipalAggregateQuery(`nat${pass}`, natFiles.length, FIRST_YEAR + YEARS - 1).sql,
						drops: natFiles.map((_, i) => dropTable(`nat${pass}_${i}`).sql)
					}
				)
			);
		}
		const ms = selective.map((s) => s.ms);
		const natBytes = natFiles.reduce((s, f) => s + f.bytes, 0);
		return {
			...base,
			method:
				"Chromium, the built site's own openBrowserDb chunk (DuckDB-WASM eh + parquet-wasm) on a bench page served by scripts/static-server.ts; engine opened first (warm), then per view: fetch (cache disabled, 40/20 Mbit/s, 20 ms) → parquet-wasm → DuckDB table → SQL for one municipality's trend",
			engine_open_ms_unthrottled: round(tOpen),
			selective_bytes_fraction: round(median(selective.map((s) => s.bytes))! / ds.totalBytes, 5),
			selective_bytes: { median: median(selective.map((s) => s.bytes)), max: Math.max(...selective.map((s) => s.bytes)) },
			selective_ms: {
				n: ms.length,
				p50: round(percentile(ms, 50)),
				p95: round(percentile(ms, 95)),
				max: round(Math.max(...ms)),
				fetch_decode_p50: round(percentile(selective.map((s) => s.fetch_decode_ms), 50)),
				query_p50: round(percentile(selective.map((s) => s.query_ms), 50))
			},
			national_aggregate_ms: round(median(national.map((n) => n.ms))),
			national_aggregate: {
				indicator: natId,
				year: FIRST_YEAR + YEARS - 1,
				files: natFiles.length,
				bytes: natBytes,
				bytes_fraction: round(natBytes / ds.totalBytes, 4),
				load_ms_median: round(median(national.map((n) => n.load_ms))),
				query_ms_median: round(median(national.map((n) => n.query_ms))),
				municipalities: national[0]?.municipalities,
				runs_ms: national.map((n) => round(n.ms))
			},
			selective_runs: selective.map((s) => ({ ms: round(s.ms), bytes: s.bytes, rows: s.rows }))
		};
	} finally {
		await bp.close();
		await server.close();
	}
}
