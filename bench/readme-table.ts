/**
 * `npm run bench:readme`: regenerates the README's speed table from bench/results.json (never by
 * hand). Replaces the text between `<!-- speed-table:start -->` and `<!-- speed-table:end -->`.
 * Each row: goal, target, the measured median, and the share of the CPU that other work took
 * while that section ran (the machine is shared; above ~25 % the figure is inflated).
 */
import fs from 'node:fs';
import path from 'node:path';
import { goalsTable, sectionOfGoal, type GoalRow } from './report.ts';
import { repoRoot } from './lib/util.ts';

const START = '<!-- speed-table:start -->';
const END = '<!-- speed-table:end -->';

export function speedTable(res: Record<string, any>): string {
	const goals: GoalRow[] = goalsTable(res);
	const pct = (x: number | null | undefined) => (x == null ? '?' : `${Math.round(x * 100)} %`);
	const met = (g: GoalRow) => (g.ratio_to_target == null ? '—' : (g.direction === 'at most' ? g.ratio_to_target <= 1 : g.ratio_to_target >= 1) ? 'yes' : '**no**');
	const m = res.machine ?? {};
	const lines = [
		`Measured ${String(m.date ?? '?').slice(0, 16).replace('T', ' ')} UTC on ${m.cpus ?? '?'} CPU (${m.cpu_model ?? '?'}), ${m.chromium ?? 'Chromium'}; load average at start ${m.loadavg_at_start?.join(' / ') ?? '?'}. Medians of ${res.config?.runs ?? '?'} runs.`,
		'',
		'| goal | target | measured | met | other CPU |',
		'|---|---|---|---|---|',
		...goals.map((g) => `| ${g.goal} | ${g.target} | ${g.measured} | ${met(g)} | ${pct(res.contention?.[sectionOfGoal(g.key)]?.foreign_cpu_share)} |`)
	];
	const extra: string[] = [];
	if (res.engine_floor_ms != null && res.wasm_floor_ms && res.duckdb_ready_ms)
		extra.push(
			`- Where DuckDB-ready time goes: wasm floor ${res.wasm_floor_ms} ms → the same loader on a blank page ${res.engine_floor_ms} ms (${(res.engine_floor_ms / res.wasm_floor_ms).toFixed(2)}×: DuckDB's own start and open after the compile) → the site ${res.duckdb_ready_ms} ms (${(res.duckdb_ready_ms / res.engine_floor_ms).toFixed(2)}×: what the page adds).`
		);
	if (res.repeat_visit_ms) extra.push(`- Repeat visit (HTTP cache on): DuckDB ready ${res.repeat_visit_ms.duckdb_ready ?? '—'} ms; first live view (cold) ${res.first_live_view_ms ?? '—'} ms.`);
	if (res.cls_by_page) extra.push(`- CLS by page: overview ${res.cls_by_page.overview ?? '—'}, indicator ${res.cls_by_page.indicator ?? '—'}, shared link ${res.cls_by_page.indicator_shared_link ?? '—'}.`);
	const steps = readySteps(res);
	if (steps) extra.push(`- DuckDB ready, step by step (cold, medians of the loader marks, ms): ${steps}.`);
	const it = res.interaction_ms;
	if (it && !it.error) {
		const split = it.query_p50 != null ? `; of that the query (rows in) p50 ${it.query_p50} ms / p95 ${it.query_p95 ?? '—'} ms, the drawing after it p50 ${it.draw_p50 ?? '—'} ms / p95 ${it.draw_p95 ?? '—'} ms` : '';
		const per = it.by_control ? ` By control (p95): ${Object.entries(it.by_control as Record<string, { p95: number | null }>).map(([k, v]) => `${k} ${v.p95 ?? '— (nothing to redraw)'}`).join(', ')}.` : '';
		extra.push(`- Interaction: p50 ${it.p50 ?? '—'} ms, p95 ${it.p95 ?? '—'} ms${split}.${per}`);
	}
	if (res.loader_marks_ms)
		extra.push(
			`- Loader marks (cold, median ms since navigation start): ${Object.entries(res.loader_marks_ms)
				.filter(([k]) => k !== 'note')
				.map(([k, v]) => `\`${k}\` ${v}`)
				.join(', ')}.`
		);
	if (res.first_start) extra.push(`- First start: clone ${res.first_start.git_clone_s ?? '—'} s + npm ci ${res.first_start.npm_ci_s ?? '—'} s + npm start ${res.first_start.npm_start_s ?? '—'} s (load average ${res.first_start.loadavg_before?.join(' / ') ?? '?'}).`);
	return [...lines, ...(extra.length ? ['', ...extra] : [])].join('\n');
}

/**
 * The time to DuckDB ready cut at the loader's marks (medians; the marks are medians each, so the
 * steps only approximately add up): the compile on the page against the bare compile (the floor),
 * WebAssembly.instantiate, DuckDB's own runtime start in the worker, then open + connect + SET.
 */
export function readySteps(res: Record<string, any>): string | null {
	const m = res.loader_marks_ms;
	if (!m || res.wasm_floor_ms == null) return null;
	const d = (a: number | undefined, b: number | undefined) => (a == null || b == null ? '—' : String(Math.round(b - a)));
	return [
		`wasm floor (bare compile) ${Math.round(res.wasm_floor_ms)}`,
		`compiled on the page at ${m['loader:wasm-compiled'] != null ? Math.round(m['loader:wasm-compiled']) : '—'} (+${d(res.wasm_floor_ms, m['loader:wasm-compiled'])} over the floor)`,
		`module handed to the worker → instantiated ${d(m['boot:instantiate'], m['boot:instantiated'])}`,
		`DuckDB's runtime start in the worker (instantiated → first reply) ${d(m['boot:instantiated'], m['boot:reply-1'])}`,
		`open + connect + SET ${d(m['boot:reply-1'], m['loader:opened'])}`,
		`ready at ${res.duckdb_ready_ms != null ? Math.round(res.duckdb_ready_ms) : '—'}`
	].join(' → ');
}

export function updateReadme(readme: string, table: string): string {
	const a = readme.indexOf(START), b = readme.indexOf(END);
	if (a < 0 || b < a) throw new Error(`README.md: markers ${START} … ${END} not found (they frame the speed table)`);
	return readme.slice(0, a + START.length) + '\n' + table + '\n' + readme.slice(b);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const resultsFile = path.join(repoRoot, 'bench/results.json');
	if (!fs.existsSync(resultsFile)) throw new Error(`${resultsFile}: missing; run npm run bench first`);
	const res = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
	const readmeFile = path.join(repoRoot, 'README.md');
	fs.writeFileSync(readmeFile, updateReadme(fs.readFileSync(readmeFile, 'utf8'), speedTable(res)));
	process.stdout.write(`README.md: speed table regenerated from bench/results.json (${res.machine?.date ?? '?'})\n`);
}
