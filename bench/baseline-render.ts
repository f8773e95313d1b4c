/**
 * The benchmark's baseline build (BENCH_BASELINE=1, see vite.config.ts) replaces
 * src/lib/server/render.ts with this module: no prerendered chart and no prerendered rows, so the
 * first chart waits for DuckDB — the way most DuckDB-WASM dashboards work — and `npm run bench`
 * can measure what prerendering buys in the same run. Production code has no baseline branch.
 */
import type { ChartKind, ChartKinds } from '../src/lib/charts/render';
import type { Observation } from '../src/lib/data/observation';

export function renderSvg<K extends ChartKind>(_kind: K, _rows: readonly Observation[], _opts: ChartKinds[K]): string {
	return '';
}

export function firstView<K extends ChartKind>(_kind: K, _rows: Observation[], options: ChartKinds[K]) {
	return { rows: [] as Observation[], options, svg: '' };
}
