/**
 * Control change → chart updated, on the indicator page, once DuckDB is ready. Not throttled
 * (the data a control needs is already in DuckDB after the first load; see `refresh` in the page).
 *
 * The page's controls are discovered with `main select`. Selects that navigate to another page
 * (the indicator picker: its options are indicator ids, or the pathname changes) are left out.
 * Each interaction picks the next select round-robin and moves it to its next enabled option;
 * in the page, t0 = performance.now() just before the value is set and `change` is dispatched,
 * and a PerformanceObserver for 'mark' resolves on the first `chart-updated:*` mark after t0.
 * Marks keep arriving for ~250 ms more, so the time to the last chart is recorded too.
 */
import type { Browser } from 'playwright-core';
import { log, percentile, round } from './lib/util.ts';

/** Runs in the page: change select #index to its next enabled option, time to chart-updated marks. */
export const IN_PAGE_CHANGE = `(index) =>
					new Promise((resolve) => {
						const s = document.querySelectorAll('main select')[index] ?? null;
						if (!s || s.disabled) return resolve({ value: '', first: null, last: null, charts: [], skipped: 'disabled' });
						const opts = [...s.options];
						let next = s.selectedIndex;
						for (let k = 1; k <= opts.length; k++) {
							const j = (s.selectedIndex + k) % opts.length;
							if (!opts[j].disabled) {
								next = j;
								break;
							}
						}
						if (next === s.selectedIndex) return resolve({ value: '', first: null, last: null, charts: [], skipped: 'no other option' });
						const charts = [];
						let first = null, last = null, queried = null;
						let quiet;
						const finish = () => {
							obs.disconnect();
							clearTimeout(timeout);
							resolve({ value: opts[next].value, first: first === null ? null : first - t0, last: last === null ? null : last - t0, queried: queried === null ? null : queried - t0, charts });
						};
						const obs = new PerformanceObserver((list) => {
							for (const e of list.getEntries()) {
								if (e.name === 'view-query:end' && e.startTime >= t0 && queried === null) queried = e.startTime;
								if (!e.name.startsWith('chart-updated:') || e.startTime < t0) continue;
								if (first === null) first = e.startTime;
								last = Math.max(last ?? 0, e.startTime);
								charts.push(e.name.slice('chart-updated:'.length));
							}
							clearTimeout(quiet);
							quiet = setTimeout(finish, 250);
						});
						obs.observe({ type: 'mark' });
						const timeout = setTimeout(finish, 5000);
						const t0 = performance.now();
						s.selectedIndex = next;
						s.dispatchEvent(new Event('change', { bubbles: true }));
					})`;

export interface InteractionRun {
	select: string;
	value: string;
	first_ms: number | null;
	/** Control change → the view's rows are in (the page's `view-query:end` mark): the query's share; the rest is drawing. */
	query_ms: number | null;
	last_ms: number | null;
	charts: string[];
}

export async function interactions(browser: Browser, url: string, indicatorIds: string[], count: number): Promise<Record<string, unknown>> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
	const page = await context.newPage();
	try {
		await page.goto(url, { waitUntil: 'load' });
		await page.waitForFunction(() => performance.getEntriesByName('duckdb-ready').length > 0 || document.querySelector('[data-engine="ready"]'), null, { timeout: 60_000 });
		// The page's own first refresh after DuckDB starts: let it settle (its data loaded, charts redrawn).
		await page.waitForFunction(() => performance.getEntriesByType('mark').some((m) => m.name.startsWith('chart-updated:')), null, { timeout: 10_000 }).catch(() => {});
		await page.waitForTimeout(500);
		const pathname = new URL(page.url()).pathname;
		const selects = await page.evaluate((ids) => {
			const all = [...document.querySelectorAll('main select')] as HTMLSelectElement[];
			return all.map((s, i) => {
				const values = [...s.options].map((o) => o.value);
				const label = (s.getAttribute('aria-label') ?? s.closest('label')?.firstChild?.textContent ?? s.name ?? `select ${i}`).replace(/\s+/g, ' ').trim().slice(0, 40);
				const navigates = values.length > 0 && values.filter((v) => ids.includes(v)).length >= values.length / 2;
				return { index: i, label, options: values.length, disabled: s.disabled, navigates };
			});
		}, indicatorIds);
		const usable = selects.filter((s) => !s.disabled && !s.navigates && s.options > 1).map((s) => s.index);
		if (usable.length === 0) return { error: 'no usable controls (main select) on the page', selects, runs: [] };
		const runs: InteractionRun[] = [];
		const excluded = new Set<number>();
		for (let i = 0, attempts = 0; runs.length < count && attempts < count * 3; attempts++, i++) {
			const live = usable.filter((u) => !excluded.has(u));
			if (live.length === 0) break;
			const index = live[i % live.length];
			// A string, not a function: tsx's keepNames would inject __name into the page.
			const r: { value: string; first: number | null; last: number | null; queried: number | null; charts: string[]; skipped?: string } = await page.evaluate(`(${IN_PAGE_CHANGE})(${index})`);
			if (new URL(page.url()).pathname !== pathname) {
				// This control navigates: not a chart update on this page. Go back, leave it out.
				excluded.add(index);
				await page.goto(url, { waitUntil: 'load' });
				await page.waitForFunction(() => performance.getEntriesByName('duckdb-ready').length > 0, null, { timeout: 60_000 });
				continue;
			}
			if (r.skipped) continue;
			runs.push({ select: selects[index].label, value: r.value, first_ms: round(r.first, 2), query_ms: round(r.queried, 2), last_ms: round(r.last, 2), charts: r.charts });
		}
		const firsts = runs.map((r) => r.first_ms).filter((x): x is number => x !== null);
		const lasts = runs.map((r) => r.last_ms).filter((x): x is number => x !== null);
		const timeouts = runs.filter((r) => r.first_ms === null).length;
		// Where the time goes: the query (rows in) and the drawing after it (first chart updated − rows in), per control.
		const queries = runs.map((r) => r.query_ms).filter((x): x is number => x !== null);
		const draws = runs.filter((r) => r.first_ms !== null && r.query_ms !== null).map((r) => r.first_ms! - r.query_ms!);
		const byControl = Object.fromEntries(
			[...new Set(runs.map((r) => r.select))].map((label) => {
				const mine = runs.filter((r) => r.select === label);
				const f = mine.map((r) => r.first_ms).filter((x): x is number => x !== null);
				const q = mine.map((r) => r.query_ms).filter((x): x is number => x !== null);
				return [label, { n: mine.length, p50: round(percentile(f, 50), 1), p95: round(percentile(f, 95), 1), query_p50: round(percentile(q, 50), 1) }];
			})
		);
		log(`interactions: ${runs.length} (${timeouts} without a chart-updated mark within 5 s), p50 ${round(percentile(firsts, 50))} ms, p95 ${round(percentile(firsts, 95))} ms (query p95 ${round(percentile(queries, 95))} ms, drawing p95 ${round(percentile(draws, 95))} ms)`);
		for (const [label, c] of Object.entries(byControl)) log(`  ${label}: n ${c.n}, p50 ${c.p50} ms, p95 ${c.p95} ms, query p50 ${c.query_p50} ms`);
		return {
			throttling: 'none',
			n: runs.length,
			no_update_within_5s: timeouts,
			p50: round(percentile(firsts, 50), 1),
			p95: round(percentile(firsts, 95), 1),
			max: round(Math.max(...firsts), 1),
			query_p50: round(percentile(queries, 50), 1),
			query_p95: round(percentile(queries, 95), 1),
			draw_p50: round(percentile(draws, 50), 1),
			draw_p95: round(percentile(draws, 95), 1),
			by_control: byControl,
			all_charts_p50: round(percentile(lasts, 50), 1),
			all_charts_p95: round(percentile(lasts, 95), 1),
			controls: selects.map((s) => ({ ...s, used: usable.includes(s.index) && !excluded.has(s.index) })),
			runs
		};
	} finally {
		await context.close();
	}
}
