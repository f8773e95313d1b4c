/** Goals next to measured figures. Ratios, not verdicts: the bench never fails on a figure. */

export interface GoalRow {
	key: string;
	goal: string;
	target: string;
	measured: string;
	/** measured ÷ target; `direction` says whether the goal is a ceiling or a floor. */
	ratio_to_target: number | null;
	direction: 'at most' | 'at least';
}

const kb = (b: number | null | undefined) => (b == null ? '—' : `${(b / 1024).toFixed(1)} KB`);
const ms = (x: number | null | undefined) => (x == null ? '—' : `${x} ms`);
const r2 = (x: number) => Math.round(x * 100) / 100;

/** Which bench section (results.contention key) a goal's figure comes from. */
export function sectionOfGoal(key: string): string {
	if (key.startsWith('interaction')) return 'interactions';
	if (key.startsWith('scale')) return 'scale';
	if (key.startsWith('pipeline')) return 'PX vs DuckDB read_csv';
	if (key.startsWith('estimate')) return 'estimate';
	if (key.startsWith('first_start')) return 'first start (fresh clone, npm ci, npm start)';
	return 'first chart (cold, throttled)';
}

export function goalsTable(res: Record<string, any>): GoalRow[] {
	const rows: GoalRow[] = [];
	const add = (key: string, goal: string, direction: GoalRow['direction'], target: number, value: number | null | undefined, fmt: (x: number | null | undefined) => string, tfmt = fmt) =>
		rows.push({ key, goal, target: `${direction === 'at most' ? '≤' : '≥'} ${tfmt(target)}`, measured: fmt(value), ratio_to_target: value == null ? null : r2(value / target), direction });
	add('first_chart_ms.indicator', 'First chart, indicator page (median, cold, 40 Mbit/s)', 'at most', 500, res.first_chart_ms?.indicator, ms);
	add('first_chart_ms.overview', 'First chart, overview page (median, cold, 40 Mbit/s)', 'at most', 500, res.first_chart_ms?.overview, ms);
	add('first_chart_speedup_vs_baseline', 'Speed-up vs baseline (DuckDB-drawn first chart)', 'at least', 8, res.first_chart_speedup_vs_baseline, (x) => (x == null ? '—' : `${x}×`));
	add('bytes_before_first_chart.indicator', 'Bytes before first chart, indicator (compressed)', 'at most', 150 * 1024, res.bytes_before_first_chart?.indicator, kb);
	add('bytes_before_first_chart.overview', 'Bytes before first chart, overview (compressed)', 'at most', 150 * 1024, res.bytes_before_first_chart?.overview, kb);
	add('duckdb_ready_vs_floor', `DuckDB ready ÷ wasm floor (${ms(res.duckdb_ready_ms)} ÷ ${ms(res.wasm_floor_ms)}, cold, 40 Mbit/s)`, 'at most', 1.3, res.duckdb_ready_vs_floor, (x) => (x == null ? '—' : `${x}×`));
	add('cls', 'Layout shift (CLS, worst of overview / indicator / shared link)', 'at most', 0.05, res.cls, (x) => (x == null ? '—' : String(x)));
	add('overview_total_bytes', 'Overview, all bytes without interaction (compressed)', 'at most', 300 * 1024, res.overview_total_bytes, kb);
	add('interaction_ms.p95', 'Control change → chart updated, p95 (50 changes)', 'at most', 30, res.interaction_ms?.p95, ms);
	add('first_start_s', 'First start: fresh clone → npm ci → npm start serves', 'at most', 90, res.first_start_s, (x) => (x == null ? '—' : `${x} s`));
	add('first_start.npm_start_s', 'First start, node_modules installed: npm start on the fresh clone serves', 'at most', 90, res.first_start?.npm_start_s, (x) => (x == null ? '—' : `${x} s`));
	add('scale.selective_bytes_fraction', 'Selective view: share of all municipal bytes', 'at most', 0.05, res.scale?.selective_bytes_fraction, (x) => (x == null ? '—' : `${(x * 100).toFixed(2)} %`));
	add('scale.selective_ms.p95', 'Selective view, p95 (fetch+decode+query, warm engine)', 'at most', 300, res.scale?.selective_ms?.p95, ms);
	add('pipeline.px_vs_duckdb_csv.ratio', 'PX reader ÷ DuckDB read_csv (cells/s, 50 MB file)', 'at least', 0.5, res.pipeline?.px_vs_duckdb_csv?.ratio, (x) => (x == null ? '—' : `${x}×`));
	return rows;
}

function pad(s: string, n: number): string {
	return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

export function printTable(res: Record<string, any>): void {
	const rows: string[][] = [['Goal', 'Target', 'Measured', 'Measured ÷ target', 'Other CPU*']];
	const sectionOf = sectionOfGoal;
	for (const g of res.goals as GoalRow[]) {
		const c = res.contention?.[sectionOf(g.key)]?.foreign_cpu_share;
		rows.push([g.goal, g.target, g.measured, g.ratio_to_target == null ? '—' : `${g.ratio_to_target} (${g.direction === 'at most' ? 'lower is better' : 'higher is better'})`, c == null ? '?' : `${Math.round(c * 100)} %`]);
	}
	const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
	const line = (r: string[]) => '| ' + r.map((c, i) => pad(c, widths[i])).join(' | ') + ' |';
	const out = [line(rows[0]), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.slice(1).map(line)];
	const m = res.machine ?? {};
	const other: string[] = [];
	const fc = res.first_chart_ms;
	if (fc) other.push(`first chart baseline indicator: ${ms(fc.baseline_indicator)} (median); DuckDB ready in baseline: ${ms(res.duckdb_ready_ms_baseline)}`);
	if (res.engine_floor_ms != null) other.push(`wasm floor ${ms(res.wasm_floor_ms)}; the same loader on a blank page ${ms(res.engine_floor_ms)}; the site ${ms(res.duckdb_ready_ms)}`);
	if (res.loader_marks_ms) other.push(`loader marks (median ms since navigation start): ${Object.entries(res.loader_marks_ms).filter(([k]) => k !== 'note').map(([k, v]) => `${k} ${v}`).join(', ')}`);
	if (res.first_start) other.push(`first start: clone ${res.first_start.git_clone_s ?? '—'} s, npm ci ${res.first_start.npm_ci_s ?? '—'} s, npm start ${res.first_start.npm_start_s ?? '—'} s; load average before ${res.first_start.loadavg_before?.join(' / ')}, after ${res.first_start.loadavg_after?.join(' / ')}${res.first_start.error ? ' ERROR ' + res.first_start.error : ''}`);
	if (res.repeat_visit_ms) other.push(`repeat visit (HTTP cache on, same throttling): first chart ${ms(res.repeat_visit_ms.first_chart)}, DuckDB ready ${ms(res.repeat_visit_ms.duckdb_ready)}`);
	const it = res.interaction_ms;
	if (it && !it.error) other.push(`interaction: p50 ${ms(it.p50)}, p95 ${ms(it.p95)}, all charts redrawn p50 ${ms(it.all_charts_p50)} / p95 ${ms(it.all_charts_p95)} (n=${it.n}, no throttling)`);
	const sc = res.scale;
	if (sc && !sc.error)
		other.push(
			`scale: ${sc.rows} rows, ${sc.partitions} partitions, ${(sc.total_bytes / 1e6).toFixed(1)} MB; selective p50 ${ms(sc.selective_ms?.p50)}; national aggregate (${sc.national_aggregate?.files} files, ${kb(sc.national_aggregate?.bytes)}) ${ms(sc.national_aggregate_ms)} (query alone ${ms(sc.national_aggregate?.query_ms_median)})`
		);
	const p = res.pipeline;
	if (p) {
		other.push(`pipeline: ${p.seconds ?? '—'} s, peak ${p.peak_mb ?? '—'} MB (${p.peak_method ?? ''})${p.error ? ' ERROR ' + p.error : ''}`);
		const px = p.px_vs_duckdb_csv;
		if (px?.files)
			for (const f of px.files)
				other.push(
					`  ${f.file}: PX ${(f.px.cells_per_s / 1e6).toFixed(2)} M cells/s ${f.px.mb_per_s} MB/s peak ${f.px.peak_mb} MB | DuckDB CSV ${(f.duckdb_csv.cells_per_s / 1e6).toFixed(2)} M cells/s (${f.duckdb_csv.threads} thr), ${(f.duckdb_csv_1_thread.cells_per_s / 1e6).toFixed(2)} M (1 thr) peak ${f.duckdb_csv.peak_mb} MB | ratio ${f.ratio}`
				);
	}
	if (res.contention)
		other.push(
			'* Other CPU: share of the machine\'s CPU taken by work other than the bench while that section ran (shared 2-core machine; above ~25 % the figure is inflated). By section: ' +
				Object.entries(res.contention as Record<string, any>).map(([k, v]) => `${k} ${v.foreign_cpu_share === null ? '?' : Math.round(v.foreign_cpu_share * 100) + ' %'}`).join(', ')
		);
	const errors = Object.entries(res).filter(([, v]) => v && typeof v === 'object' && 'error' in (v as object)).map(([k, v]) => `${k}: ${(v as any).error}`);
	process.stdout.write(
		[
			'',
			`Ensamhetsmonitorn benchmark — ${m.date} — ${m.cpus} CPU (${m.cpu_model}), ${m.memory_mb} MB, Node ${m.node}, ${m.chromium}`,
			`load average (1/5/15 min) at start ${m.loadavg_at_start?.join(' / ')}, at end ${m.loadavg_at_end?.join(' / ')} (includes the bench's own load)`,
			...(['site', 'baseline'] as const).map((k) => {
				const b = res.builds?.[k];
				if (!b) return `${k}: ?`;
				const state = b.error ? `rebuild FAILED (${b.error.slice(0, 120)}); measured the previous build` : b.rebuilt ? `rebuilt now in ${b.seconds} s` : 'as found';
				return `build ${b.dir}/: built ${b.built_at}, ${state}${b.stale ? ', older than the current sources' : ''}`;
			}),
			'',
			...out,
			'',
			...other,
			...(errors.length ? ['', 'errors:', ...errors.map((e) => '  ' + e)] : [])
		].join('\n') + '\n'
	);
}
