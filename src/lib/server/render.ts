/** Build-time chart rendering: Plot draws into a linkedom document; the page inlines the SVG. */
import { parseHTML } from 'linkedom';
import type { ObservationRow } from '$lib/data/queries';
import { drawChart, type ChartKind, type ChartKinds } from '$lib/charts/render';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

/**
 * BENCH_BASELINE=1 builds the site the way most DuckDB-WASM dashboards work — no prerendered
 * chart and no prerendered rows; the first chart waits for DuckDB — so `npm run bench` can
 * measure what prerendering buys in the same run.
 */
export const baselineBuild = process.env.BENCH_BASELINE === '1';

export function renderSvg<K extends ChartKind>(kind: K, rows: readonly ObservationRow[], opts: ChartKinds[K]): string {
	if (baselineBuild) return '';
	return drawChart(kind, rows, opts, document as unknown as Document).outerHTML;
}

/** A chart's first view: its rows and its prerendered SVG (both empty in the baseline build). */
export function firstView<K extends ChartKind>(kind: K, rows: ObservationRow[], options: ChartKinds[K]) {
	return { rows: baselineBuild ? [] : rows, options, svg: renderSvg(kind, rows, options) };
}
