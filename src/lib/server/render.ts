/** Build-time chart rendering: Plot draws into a linkedom document; the page inlines the SVG. */
import { parseHTML } from 'linkedom';
import type { Observation } from '$lib/data/observation';
import { drawChart, type ChartKind, type ChartKinds } from '$lib/charts/render';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

export function renderSvg<K extends ChartKind>(kind: K, rows: readonly Observation[], opts: ChartKinds[K]): string {
	return drawChart(kind, rows, opts, document as unknown as Document).outerHTML;
}

/** A chart's first view: its rows and its prerendered SVG. */
export function firstView<K extends ChartKind>(kind: K, rows: Observation[], options: ChartKinds[K]) {
	return { rows, options, svg: renderSvg(kind, rows, options) };
}
