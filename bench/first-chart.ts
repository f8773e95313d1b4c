/**
 * First chart on screen, cold and throttled: navigation start → the first chart's marks painted.
 *
 * Each run is a new browser context with the cache cleared and disabled (CDP), throttled to
 * 40 Mbit/s down / 20 Mbit/s up / 20 ms latency. A probe injected with addInitScript watches the
 * DOM with a MutationObserver from before the first byte is parsed; when the first chart's
 * `svg circle` or `svg path` exists it waits one requestAnimationFrame (the frame that paints
 * it) and records performance.now() (= ms since navigation start). Bytes before the first chart
 * are the compressed sizes (CDP encodedDataLength) of the requests that finished by then.
 * On the indicator page the run then waits for the `duckdb-ready` mark (or [data-engine=ready]).
 */
import type { Browser } from 'playwright-core';
import { openBenchPage } from './lib/browser.ts';
import { log, median, round } from './lib/util.ts';
import { measureFloor, type FloorRun } from './floor.ts';

export interface LoadRun {
	first_chart_ms: number | null;
	detected_ms: number | null;
	after_paint_ms: number | null;
	bytes_before_first_chart: number | null;
	requests_before_first_chart: number | null;
	duckdb_start_ms?: number | null;
	duckdb_ready_ms?: number | null;
	bytes_until_duckdb_ready?: number | null;
	/** First live view (the page's own query after DuckDB is ready: partition fetched, decoded, queried). */
	first_live_view_ms?: number | null;
	/** With `settle`: every compressed byte the page and its workers fetched until the network was quiet for 2 s (no interaction). */
	total_bytes?: number | null;
	/** With `settle`: CLS until then (see clsOf). */
	cls?: number | null;
	/** Marks inside the loader, ms since navigation start: `loader:*` on the page, `boot:*` in the boot worker. */
	loader_marks?: Record<string, number>;
	error?: string;
}

/** The page's `loader:*` marks and the boot worker's `boot:*` marks, on the page's clock. */
async function loaderMarks(bp: Awaited<ReturnType<typeof openBenchPage>>): Promise<Record<string, number>> {
	const out: Record<string, number> = {};
	const page = await bp.page.evaluate(() => ({
		origin: performance.timeOrigin,
		marks: performance.getEntriesByType('mark').filter((m) => /^(loader:|duckdb-)/.test(m.name)).map((m) => [m.name, m.startTime] as [string, number]),
		wasm: performance.getEntriesByType('resource').filter((r) => /duckdb-eh\.[^/]*\.wasm$/.test(r.name)).map((r) => [(r as PerformanceResourceTiming).requestStart || r.startTime, (r as PerformanceResourceTiming).responseEnd] as [number, number])[0] ?? null
	}));
	for (const [k, v] of page.marks) out[k] ??= round(v)!;
	if (page.wasm) (out['resource:wasm-request'] = round(page.wasm[0])!), (out['resource:wasm-response-end'] = round(page.wasm[1])!);
	for (const w of bp.page.workers()) {
		if (!/duckdb-boot/.test(w.url())) continue;
		const wm = await w.evaluate(() => ({ origin: performance.timeOrigin, marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as [string, number]) })).catch(() => null);
		if (wm) for (const [k, v] of wm.marks) out[k] ??= round(v + wm.origin - page.origin)!;
	}
	return out;
}

function probe(chartSelector: string): string {
	return `(() => {
	if (window.top !== window) return;
	const sel = ${JSON.stringify(chartSelector)};
	const q = sel + ' svg circle, ' + sel + ' svg path';
	const b = (window.__bench = { detected: null, painted: null, afterPaint: null, shifts: [] });
	// Layout shifts from the first byte on (CLS, as web-vitals counts it: see clsOf in first-chart.ts).
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) if (!e.hadRecentInput) b.shifts.push({ t: e.startTime, v: e.value });
		}).observe({ type: 'layout-shift', buffered: true });
	} catch {}
	const check = () => {
		if (b.detected !== null || !document.querySelector(q)) return;
		b.detected = performance.now();
		mo.disconnect();
		requestAnimationFrame(() => {
			b.painted = performance.now();
			const ch = new MessageChannel();
			ch.port1.onmessage = () => (b.afterPaint = performance.now());
			ch.port2.postMessage(0);
		});
	};
	const mo = new MutationObserver(check);
	mo.observe(document, { childList: true, subtree: true });
	document.addEventListener('DOMContentLoaded', check);
})();`;
}

/**
 * Cumulative Layout Shift as web-vitals defines it: shifts grouped into session windows (a gap
 * under 1 s, at most 5 s long); CLS is the largest window's sum.
 */
export function clsOf(shifts: readonly { t: number; v: number }[]): number {
	let best = 0, sum = 0, first = -Infinity, prev = -Infinity;
	for (const s of [...shifts].sort((a, b) => a.t - b.t)) {
		if (s.t - prev < 1000 && s.t - first < 5000) sum += s.v;
		else (sum = s.v), (first = s.t);
		prev = s.t;
		best = Math.max(best, sum);
	}
	return Math.round(best * 10000) / 10000;
}

/** Waits until no request has finished or started for `quietMs` (bounded by `maxMs`). */
async function networkQuiet(bp: Awaited<ReturnType<typeof openBenchPage>>, quietMs: number, maxMs: number): Promise<void> {
	const t0 = Date.now();
	let last = '', since = Date.now();
	while (Date.now() - t0 < maxMs) {
		const n = `${bp.requests.size}:${[...bp.requests.values()].filter((r) => r.end !== null).length}`;
		if (n !== last) (last = n), (since = Date.now());
		else if (Date.now() - since >= quietMs) return;
		await new Promise((r) => setTimeout(r, 100));
	}
}

export async function measureLoad(browser: Browser, url: string, chartSelector: string, opts: { waitDuckdb: boolean; settle?: boolean }): Promise<LoadRun> {
	const bp = await openBenchPage(browser, { throttle: true, initScript: probe(chartSelector) });
	try {
		await bp.page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
		await bp.page.waitForFunction(() => (window as any).__bench?.painted != null, null, { timeout: 60_000, polling: 50 });
		const p = await bp.page.evaluate(() => ({ ...(window as any).__bench, origin: performance.timeOrigin }));
		const before = bp.bytesFinishedBefore(p.origin + p.painted);
		const run: LoadRun = {
			first_chart_ms: round(p.painted),
			detected_ms: round(p.detected),
			after_paint_ms: round(p.afterPaint),
			bytes_before_first_chart: before.bytes,
			requests_before_first_chart: before.requests
		};
		if (opts.waitDuckdb) {
			await bp.page.waitForFunction(
				() => performance.getEntriesByName('duckdb-ready').length > 0 || document.querySelector('[data-engine="ready"],[data-engine="error"]') !== null,
				null,
				{ timeout: 60_000, polling: 'raf' }
			);
			const d = await bp.page.evaluate(() => ({
				start: performance.getEntriesByName('duckdb-start')[0]?.startTime ?? null,
				ready: performance.getEntriesByName('duckdb-ready')[0]?.startTime ?? null,
				engine: document.querySelector('[data-engine]')?.getAttribute('data-engine') ?? null,
				now: performance.now()
			}));
			if (d.engine === 'error' && d.ready === null) run.error = 'engine reported error';
			run.duckdb_start_ms = round(d.start);
			run.duckdb_ready_ms = round(d.ready ?? (d.engine === 'ready' ? d.now : null));
			run.bytes_until_duckdb_ready = run.duckdb_ready_ms === null ? null : bp.bytesFinishedBefore(p.origin + run.duckdb_ready_ms).bytes;
			// The page's first query after the engine starts: wait for it (bounded) to report the first live view.
			await bp.page
				.waitForFunction(() => performance.getEntriesByName('view-query:end').length > 0, null, { timeout: 15_000, polling: 'raf' })
				.catch(() => {});
			run.first_live_view_ms = round(await bp.page.evaluate(() => performance.getEntriesByName('view-query:end')[0]?.startTime ?? null));
			run.loader_marks = await loaderMarks(bp);
		}
		if (opts.settle) {
			await networkQuiet(bp, 2000, 20_000);
			await bp.page.waitForTimeout(300);
			const shifts = await bp.page.evaluate(() => (window as any).__bench.shifts as { t: number; v: number }[]);
			run.cls = clsOf(shifts);
			run.total_bytes = bp.bytesFinishedBefore(Date.now() + 1).bytes;
		}
		return run;
	} catch (err) {
		return { first_chart_ms: null, detected_ms: null, after_paint_ms: null, bytes_before_first_chart: null, requests_before_first_chart: null, error: String(err instanceof Error ? err.message.split('\n')[0] : err) };
	} finally {
		await bp.close();
	}
}

/**
 * Repeat visit: same throttling, but the HTTP cache is on. A first load fills it (hashed assets
 * are served `immutable`); the second navigation is measured: first chart and DuckDB ready.
 */
export async function measureRepeatVisit(browser: Browser, url: string, chartSelector: string): Promise<{ first_chart_ms: number | null; duckdb_ready_ms: number | null; bytes_until_duckdb_ready: number | null; error?: string }> {
	const bp = await openBenchPage(browser, { throttle: true, initScript: probe(chartSelector) });
	try {
		await bp.cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
		const ready = () => bp.page.waitForFunction(() => performance.getEntriesByName('duckdb-ready').length > 0, null, { timeout: 60_000, polling: 'raf' });
		await bp.page.goto(url, { waitUntil: 'load', timeout: 60_000 });
		await ready();
		await bp.page.waitForTimeout(300);
		bp.requests.clear();
		await bp.page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
		await bp.page.waitForFunction(() => (window as any).__bench?.painted != null, null, { timeout: 60_000, polling: 50 });
		await ready();
		const p = await bp.page.evaluate(() => ({ painted: (window as any).__bench.painted, ready: performance.getEntriesByName('duckdb-ready')[0].startTime, origin: performance.timeOrigin }));
		return { first_chart_ms: round(p.painted), duckdb_ready_ms: round(p.ready), bytes_until_duckdb_ready: bp.bytesFinishedBefore(p.origin + p.ready).bytes };
	} catch (err) {
		return { first_chart_ms: null, duckdb_ready_ms: null, bytes_until_duckdb_ready: null, error: String(err instanceof Error ? err.message.split('\n')[0] : err) };
	} finally {
		await bp.close();
	}
}

export interface FirstChartTargets {
	overview: string;
	indicator: string;
	baseline: string | null;
	/** The floor page (bench/floor.ts): compileStreaming of the same wasm, nothing else. */
	floor: string | null;
	/** A blank page running the site's loader to DuckDB ready (bench/floor.ts). */
	engineFloor: string | null;
	/** The indicator page with a non-default view in its URL (a shared link), for CLS while the charts catch up. */
	shared: string;
}

export interface FirstChartResult {
	first_chart_ms: { overview: number | null; indicator: number | null; baseline_indicator: number | null };
	bytes_before_first_chart: { overview: number | null; indicator: number | null; baseline_indicator: number | null };
	duckdb_ready_ms: number | null;
	duckdb_ready_ms_baseline: number | null;
	wasm_floor_ms: number | null;
	duckdb_ready_vs_floor: number | null;
	engine_floor_ms: number | null;
	first_live_view_ms: number | null;
	/** Median of each loader mark over the indicator runs, ms since navigation start, in time order. */
	loader_marks_ms: Record<string, number>;
	first_chart_speedup_vs_baseline: number | null;
	repeat_visit: { first_chart_ms: number | null; duckdb_ready_ms: number | null; runs: Awaited<ReturnType<typeof measureRepeatVisit>>[] };
	/** Median CLS per page (web-vitals session windows), measured until the network is quiet. */
	cls: { overview: number | null; indicator: number | null; indicator_shared_link: number | null };
	/** Median of every compressed byte the overview fetches without interaction. */
	overview_total_bytes: number | null;
	runs: { overview: LoadRun[]; indicator: LoadRun[]; baseline_indicator: LoadRun[]; floor: FloorRun[]; shared: LoadRun[]; engine_floor: FloorRun[] };
}

/** Rounds interleave the three pages so drift (thermal, other load) spreads over all of them. */
export async function firstChart(browser: Browser, targets: FirstChartTargets, runs: number): Promise<FirstChartResult> {
	const out: FirstChartResult['runs'] = { overview: [], indicator: [], baseline_indicator: [], floor: [], shared: [], engine_floor: [] };
	// One unmeasured warm-up load per page: the server's file cache and Chromium's process pool.
	await measureLoad(browser, targets.overview, '#featured-plot', { waitDuckdb: false });
	for (let i = 0; i < runs; i++) {
		out.overview.push(await measureLoad(browser, targets.overview, '#featured-plot', { waitDuckdb: false, settle: true }));
		out.indicator.push(await measureLoad(browser, targets.indicator, '#trend-plot', { waitDuckdb: true, settle: true }));
		out.shared.push(await measureLoad(browser, targets.shared, '#trend-plot', { waitDuckdb: true, settle: true }));
		if (targets.baseline) out.baseline_indicator.push(await measureLoad(browser, targets.baseline, '#trend-plot', { waitDuckdb: true }));
		if (targets.floor) out.floor.push(await measureFloor(browser, targets.floor));
		if (targets.engineFloor) out.engine_floor.push(await measureFloor(browser, targets.engineFloor, 'engine-done'));
		const last = (k: 'overview' | 'indicator' | 'baseline_indicator') => out[k].at(-1)?.first_chart_ms ?? '—';
		log(`first chart run ${i + 1}/${runs}: overview ${last('overview')} ms (${Math.round((out.overview.at(-1)?.total_bytes ?? 0) / 1024)} KB in all, CLS ${out.overview.at(-1)?.cls ?? '—'}), indicator ${last('indicator')} ms (duckdb ${out.indicator.at(-1)?.duckdb_ready_ms ?? '—'} ms; floor ${out.floor.at(-1)?.wasm_floor_ms ?? '—'} ms; loader on a blank page ${out.engine_floor.at(-1)?.wasm_floor_ms ?? '—'} ms; CLS ${out.indicator.at(-1)?.cls ?? '—'}, shared link ${out.shared.at(-1)?.cls ?? '—'}), baseline ${last('baseline_indicator')} ms`);
	}
	const repeat: Awaited<ReturnType<typeof measureRepeatVisit>>[] = [];
	for (let i = 0; i < Math.min(3, runs); i++) repeat.push(await measureRepeatVisit(browser, targets.indicator, '#trend-plot'));
	log(`repeat visits (HTTP cache on): duckdb ready ${repeat.map((r) => r.duckdb_ready_ms ?? '—').join(', ')} ms`);
	const med = (rs: LoadRun[], k: keyof LoadRun) => round(median(rs.map((r) => r[k] as number).filter((x) => x != null)));
	const medCls = (rs: LoadRun[]) => round(median(rs.map((r) => r.cls).filter((x): x is number => x != null)), 4);
	const ind = med(out.indicator, 'first_chart_ms');
	const ready = med(out.indicator, 'duckdb_ready_ms');
	const floor = round(median(out.floor.map((r) => r.wasm_floor_ms).filter((x): x is number => x != null)));
	const markNames = [...new Set(out.indicator.flatMap((r) => Object.keys(r.loader_marks ?? {})))];
	const loaderMarks = Object.fromEntries(
		markNames
			.map((k) => [k, round(median(out.indicator.map((r) => r.loader_marks?.[k]).filter((x): x is number => x != null)))] as const)
			.filter((e): e is readonly [string, number] => e[1] !== null)
			.sort((a, b) => a[1] - b[1])
	);
	const base = med(out.baseline_indicator, 'first_chart_ms');
	return {
		first_chart_ms: { overview: med(out.overview, 'first_chart_ms'), indicator: ind, baseline_indicator: base },
		bytes_before_first_chart: {
			overview: med(out.overview, 'bytes_before_first_chart'),
			indicator: med(out.indicator, 'bytes_before_first_chart'),
			baseline_indicator: med(out.baseline_indicator, 'bytes_before_first_chart')
		},
		duckdb_ready_ms: ready,
		duckdb_ready_ms_baseline: med(out.baseline_indicator, 'duckdb_ready_ms'),
		wasm_floor_ms: floor,
		duckdb_ready_vs_floor: ready && floor ? round(ready / floor, 2) : null,
		engine_floor_ms: round(median(out.engine_floor.map((r) => r.wasm_floor_ms).filter((x): x is number => x != null))),
		first_live_view_ms: med(out.indicator, 'first_live_view_ms'),
		loader_marks_ms: loaderMarks,
		cls: { overview: medCls(out.overview), indicator: medCls(out.indicator), indicator_shared_link: medCls(out.shared) },
		overview_total_bytes: med(out.overview, 'total_bytes'),
		first_chart_speedup_vs_baseline: ind && base ? round(base / ind, 2) : null,
		repeat_visit: {
			first_chart_ms: round(median(repeat.map((r) => r.first_chart_ms).filter((x): x is number => x != null))),
			duckdb_ready_ms: round(median(repeat.map((r) => r.duckdb_ready_ms).filter((x): x is number => x != null))),
			runs: repeat
		},
		runs: out
	};
}
