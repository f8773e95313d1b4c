/** Build-time chart rendering: Plot draws into a linkedom document; the page inlines the SVG. */
import { parseHTML } from 'linkedom';
import type { ObservationRow } from '$lib/data/queries';
import { drawChart, type ChartKind, type ChartKinds } from '$lib/charts/render';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

export function renderSvg<K extends ChartKind>(kind: K, rows: readonly ObservationRow[], opts: ChartKinds[K]): string {
	return drawChart(kind, rows, opts, document as unknown as Document).outerHTML;
}
