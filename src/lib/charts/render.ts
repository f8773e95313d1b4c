/**
 * One entry point for drawing any chart into a given document: linkedom's at build time (the
 * prerendered SVG in the HTML) and the browser's afterwards (live updates). The browser loads
 * this module — and Plot with it — only when a chart has to change.
 */
import type { Observation } from '$lib/data/observation';
import { groupsFigure, type GroupsOptions } from './groups';
import { mapFigure, type MapOptions } from './map';
import { regionsFigure, type RegionsOptions } from './regions';
import { sparklineFigure } from './sparkline';
import { spineFigure, type SpineOptions } from './spine';
import { trendFigure, type TrendOptions } from './trend';

export interface ChartKinds {
	trend: TrendOptions;
	sparkline: Record<string, never>;
	groups: GroupsOptions;
	regions: RegionsOptions;
	map: MapOptions;
	spine: SpineOptions;
}
export type ChartKind = keyof ChartKinds;

type Figure = (rows: readonly Observation[], opts: never, doc: Document) => SVGSVGElement | HTMLElement;
const figures: Record<ChartKind, Figure> = {
	trend: trendFigure as Figure,
	sparkline: sparklineFigure as Figure,
	groups: groupsFigure as Figure,
	regions: regionsFigure as Figure,
	map: mapFigure as Figure,
	spine: spineFigure as Figure
};

export function drawChart<K extends ChartKind>(kind: K, rows: readonly Observation[], opts: ChartKinds[K], doc: Document): SVGSVGElement | HTMLElement {
	const fig = figures[kind](rows, opts as never, doc);
	// The chart's wrapper is a labelled role="img" with a text summary and a table beside it;
	// the SVG's inner aria-labels (Plot puts them on <g>, where ARIA prohibits them) only add noise.
	for (const el of fig.querySelectorAll('[aria-label], [aria-description]')) {
		el.removeAttribute('aria-label');
		el.removeAttribute('aria-description');
	}
	for (const svg of fig.tagName.toLowerCase() === 'svg' ? [fig] : Array.from(fig.querySelectorAll('svg'))) svg.setAttribute('aria-hidden', 'true');
	return fig;
}
