/** A word-sized trend line for indicator tiles; decorative (the tile states the numbers). */
import * as Plot from '@observablehq/plot';
import type { Observation } from '$lib/data/observation';
import { SERIES } from './palette';

export function sparklineFigure(rows: readonly Observation[], _opts: unknown, document: Document): SVGSVGElement | HTMLElement {
	const shown = rows.filter((r) => r.value !== null);
	const fig = Plot.plot({
		document,
		width: 160,
		height: 40,
		margin: 4,
		axis: null,
		y: { domain: [0, Math.max(1, ...shown.map((r) => r.value ?? 0)) * 1.1] },
		marks: [
			Plot.line(shown, { x: 'period_end', y: 'value', stroke: SERIES, strokeWidth: 2 }),
			Plot.dot(shown.slice(-1), { x: 'period_end', y: 'value', fill: SERIES, r: 3 })
		]
	});
	fig.setAttribute('aria-hidden', 'true');
	return fig;
}
