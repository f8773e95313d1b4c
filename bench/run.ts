/**
 * `npm run bench` — speed and scale, measured (issue #8). Writes bench/results.json and prints
 * goals next to the figures. Figures and ratios only: it exits 0 whatever they are, and non-zero
 * only when the benchmark itself breaks.
 *
 *   1. builds      build/ (as is) and build-baseline/ (rebuilt when older than the sources)
 *   2. pipeline    `npm run pipeline` time + peak memory; PX reader vs DuckDB read_csv
 *      estimate    (own survey extracts; added by bench/estimate.ts)
 *      first_start fresh clone → npm ci → npm start until the page answers (bench/first-start.ts)
 *   3. first chart cold, throttled loads of /, /indikator/<id>, a shared link, the baseline's
 *                  /indikator/<id> and the wasm floor (bench/floor.ts); CLS, overview total bytes,
 *                  loader marks
 *   4. interaction control change → chart-updated mark, 50 times, after DuckDB is ready
 *   5. scale       ~5 M municipal rows partitioned per indicator × county; selective view and
 *                  national aggregate with DuckDB-WASM in Chromium
 *
 * Environment: BENCH_RUNS (5), BENCH_INTERACTIONS (50), BENCH_SCALE_VIEWS (40),
 * BENCH_INDICATOR (trust_others), BENCH_ONLY=pipeline,estimate,first_start,first,interaction,scale, BENCH_REBUILD=1,
 * BENCH_WAIT_QUIET (45: seconds each section may wait for other work on the machine to calm down;
 * 0 = never wait), BENCH_MERGE=1 (with BENCH_ONLY: keep the other sections' figures from the last
 * bench/results.json; `merged_over` names that run). Each section records the CPU share other work
 * took while it ran.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startStaticServer, type RunningServer } from '../scripts/static-server.ts';
import { chromiumPath, launch, THROTTLE } from './lib/browser.ts';
import { ensureBuilds } from './lib/builds.ts';
import { log, machineInfo, repoRoot, round } from './lib/util.ts';
import { startContention, waitForQuiet } from './lib/contention.ts';
import { firstChart, type FirstChartResult } from './first-chart.ts';
import { startEngineFloorServer, startFloorServer } from './floor.ts';
import { interactions } from './interaction.ts';
import { scaleBench } from './scale.ts';
import { deckBench } from './deck.ts';
import { pipelineRun, pxVsDuckdbCsv } from './pipeline.ts';
import { estimateBench } from './estimate.ts';
import { firstStart } from './first-start.ts';
import { goalsTable, printTable } from './report.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 50);
const SCALE_VIEWS = Number(process.env.BENCH_SCALE_VIEWS ?? 40);
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const want = (k: string) => !ONLY || ONLY.has(k);

/** Other work on the machine during each section (see lib/contention.ts). */
const contention: Record<string, { seconds: number; foreign_cpu_share: number | null; own_cpu_share: number | null; waited_for_quiet_s?: number }> = {};
/** Seconds each section may wait for the machine to go quiet (BENCH_WAIT_QUIET, default 45; total capped at 180). */
const QUIET_WAIT = Number(process.env.BENCH_WAIT_QUIET ?? 45);
let quietBudget = 180;

async function section<T>(name: string, fn: () => Promise<T>): Promise<T | { error: string }> {
	let waited = 0;
	if (QUIET_WAIT > 0 && quietBudget > 0) {
		const q = await waitForQuiet(Math.min(QUIET_WAIT, quietBudget));
		waited = q.waited_s;
		quietBudget -= waited;
		if (waited > 3.5) log(`waited ${waited} s for other work to calm down (last window: ${q.foreign_cpu_share === null ? '?' : Math.round(q.foreign_cpu_share * 100) + ' %'} of the CPU)`);
	}
	const t = performance.now();
	const stop = startContention();
	log(`— ${name}`);
	try {
		const r = await fn();
		const c = stop();
		contention[name] = { seconds: round((performance.now() - t) / 1000, 1)!, ...c, waited_for_quiet_s: waited };
		log(`— ${name} done in ${((performance.now() - t) / 1000).toFixed(1)} s (other work on the machine: ${c.foreign_cpu_share === null ? '?' : Math.round(c.foreign_cpu_share * 100) + ' %'} of its CPU)`);
		return r;
	} catch (err) {
		const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
		log(`— ${name} FAILED: ${msg}`);
		return { error: msg };
	}
}

function pickIndicator(buildDir: string): string {
	const wanted = process.env.BENCH_INDICATOR ?? 'trust_others';
	const dir = path.join(buildDir, 'indikator');
	if (fs.existsSync(path.join(dir, `${wanted}.html`))) return wanted;
	const first = fs.readdirSync(dir).find((f) => f.endsWith('.html'));
	if (!first) throw new Error(`no indicator pages in ${dir}`);
	return first.replace(/\.html$/, '');
}

const started = performance.now();
// BENCH_MERGE=1 with BENCH_ONLY: re-measure some sections and keep the others from the last results.json.
const previous = process.env.BENCH_MERGE === '1' && fs.existsSync(path.join(repoRoot, 'bench/results.json')) ? JSON.parse(fs.readFileSync(path.join(repoRoot, 'bench/results.json'), 'utf8')) : null;
const results: Record<string, any> = { ...(previous ?? {}), machine: machineInfo(chromiumPath()), ...(previous ? { merged_over: previous.machine?.date ?? null } : {}) };
// Only the first-chart section compares against the baseline: other runs do not wait minutes to rebuild it.
const builds = await ensureBuilds({ baseline: want('first') });
results.builds = builds;
const siteDir = path.join(repoRoot, builds.site.dir);
const baselineDir = path.join(repoRoot, builds.baseline.dir);
const dataDir = fs.existsSync(path.join(repoRoot, 'static/data/groups.json')) ? path.join(repoRoot, 'static/data') : path.join(siteDir, 'data');
const indicator = pickIndicator(siteDir);
const indicatorIds: string[] = JSON.parse(fs.readFileSync(path.join(dataDir, 'indicators.json'), 'utf8')).map((i: { id: string }) => i.id);
results.config = {
	runs: RUNS,
	interactions: INTERACTIONS,
	scale_views: SCALE_VIEWS,
	indicator_page: `/indikator/${indicator}`,
	throttling: { ...THROTTLE, note: '40 Mbit/s down, 20 Mbit/s up, 20 ms latency (CDP Network.emulateNetworkConditions)' },
	server: 'scripts/static-server.ts (ranges, clean URLs, precompressed .br/.gz by Accept-Encoding); nginx not used'
};

// CPU-heavy Node work first, so it does not share the two cores with Chromium.
if (want('pipeline')) {
	const run = await section('pipeline', pipelineRun);
	const px = await section('PX vs DuckDB read_csv', pxVsDuckdbCsv);
	results.pipeline = { ...run, px_vs_duckdb_csv: px };
}
// Own survey extracts (issue #12): the `own` engineer's bench/estimate.ts fills results.estimate here.
// if (want('estimate')) results.estimate = await section('estimate', () => estimateBench(...));
if (want('first_start')) {
	const fs1 = await section('first start (fresh clone, npm ci, npm start)', firstStart);
	const { first_start_s, ...rest } = fs1 as Record<string, any>;
	results.first_start_s = first_start_s ?? null;
	results.first_start = rest;
}

let browser: Browser | null = null;
const servers: RunningServer[] = [];
try {
	browser = await launch();
	const site = await startStaticServer({ root: siteDir });
	servers.push(site);
	if (want('first')) {
		let baselineUrl: string | null = null;
		if (fs.existsSync(path.join(baselineDir, 'index.html'))) {
			const base = await startStaticServer({ root: baselineDir });
			servers.push(base);
			baselineUrl = `${base.url}/indikator/${indicator}`;
		}
		const floor = await startFloorServer(siteDir);
		servers.push(floor.server);
		const engineFloor = await startEngineFloorServer(siteDir);
		servers.push(engineFloor.server);
		const fc = await section('first chart (cold, throttled)', () =>
			firstChart(browser!, { overview: `${site.url}/`, indicator: `${site.url}/indikator/${indicator}`, baseline: baselineUrl, floor: floor.url, engineFloor: engineFloor.url, shared: `${site.url}/indikator/${indicator}?region=21&kon=K` }, RUNS)
		);
		if ('error' in fc) results.first_chart = fc;
		else {
			const r = fc as FirstChartResult;
			results.first_chart_ms = { overview: r.first_chart_ms.overview, indicator: r.first_chart_ms.indicator, baseline_indicator: r.first_chart_ms.baseline_indicator };
			results.bytes_before_first_chart = r.bytes_before_first_chart;
			results.duckdb_ready_ms = r.duckdb_ready_ms;
			results.duckdb_ready_ms_baseline = r.duckdb_ready_ms_baseline;
			results.wasm_floor_ms = r.wasm_floor_ms;
			results.duckdb_ready_vs_floor = r.duckdb_ready_vs_floor;
			results.engine_floor_ms = r.engine_floor_ms;
			results.engine_floor_note = 'DuckDB ready on a blank page with the same preload and loader (no site): duckdb_ready_ms ÷ this is what the page adds, this ÷ wasm_floor_ms is DuckDB’s own start after the compile';
			results.first_live_view_ms = r.first_live_view_ms;
			const clsValues = Object.values(r.cls).filter((x): x is number => x != null);
			results.cls = clsValues.length ? Math.max(...clsValues) : null;
			results.cls_by_page = { ...r.cls, note: 'median per page, web-vitals session windows, until the network was quiet for 2 s; cls = the worst page; shared link = ?region=21&kon=K' };
			results.overview_total_bytes = r.overview_total_bytes;
			results.loader_marks_ms = { ...r.loader_marks_ms, note: 'median per mark over the cold indicator runs, ms since navigation start; loader:* on the page, boot:* in the boot worker (src/lib/data/duckdb-browser.ts)' };
			results.first_chart_speedup_vs_baseline = r.first_chart_speedup_vs_baseline;
			results.repeat_visit_ms = { first_chart: r.repeat_visit.first_chart_ms, duckdb_ready: r.repeat_visit.duckdb_ready_ms, note: 'indicator page, second navigation with the HTTP cache on, same throttling' };
			results.runs = { ...(results.runs ?? {}), first_chart: r.runs, repeat_visit: r.repeat_visit.runs };
		}
	}
	if (want('interaction')) {
		const it = await section('interactions', () => interactions(browser!, `${site.url}/indikator/${indicator}`, indicatorIds, INTERACTIONS));
		const { runs, ...summary } = it as Record<string, any>;
		results.interaction_ms = summary;
		if (runs) results.runs = { ...(results.runs ?? {}), interaction: runs };
	}
	// Own survey extracts (#12): 1 M respondents in Node, R's survey package, /egna-data with 200 000 (bench/estimate.ts).
	if (want('estimate')) results.estimate = await section('estimate', () => estimateBench(async () => (await import('./estimate-browser.ts')).estimateBrowser(browser!, site.url)));
	if (want('scale')) {
		const sc = await section('scale', () => scaleBench(browser!, siteDir, dataDir, SCALE_VIEWS));
		const { selective_runs, ...summary } = sc as Record<string, any>;
		results.scale = summary;
		if (selective_runs) results.runs = { ...(results.runs ?? {}), scale_selective: selective_runs };
	}
	if (want('deck')) results.deck_ms = await section('slide deck (region 21)', () => deckBench(browser!, `${site.url}/region/21`));
} finally {
	await browser?.close();
	for (const s of servers) await s.close();
}

results.machine.loadavg_at_end = (await import('node:os')).loadavg().map((x) => Math.round(x * 100) / 100);
results.contention = { ...(previous?.contention ?? {}), ...contention };
results.goals = goalsTable(results);
results.bench_seconds = round((performance.now() - started) / 1000, 1);
const file = path.join(repoRoot, 'bench/results.json');
fs.writeFileSync(file, JSON.stringify(results, null, '\t') + '\n');
printTable(results);
process.stdout.write(`\nwrote ${path.relative(process.cwd(), file)} in ${results.bench_seconds} s\n`);
