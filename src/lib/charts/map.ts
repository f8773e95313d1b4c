/**
 * Counties as a map (@svg-maps/sweden, CC BY 4.0, attribution shown), filled by comparison
 * outcome with the same colours as the ranked chart; counties without a value are hatched grey.
 * Each county is a labelled path, so screen readers can list them.
 */
import type { Observation } from '$lib/data/observation';
import { formatPercent } from '$lib/i18n/format';
import { OUTCOME_COLOR, type Outcome } from './palette';
import type { CountyChartOptions } from './regions';

export interface MapShapes {
	viewBox: string;
	attribution: string;
	counties: Record<string, { path: string; name?: string } & Record<string, unknown>>;
}

export interface MapOptions extends CountyChartOptions {
	shapes: MapShapes;
}

const SVG = 'http://www.w3.org/2000/svg';

export function mapFigure(rows: readonly Observation[], opts: MapOptions, document: Document): SVGSVGElement {
	const byRegion = new Map(rows.map((r) => [r.region_code, r]));
	const svg = document.createElementNS(SVG, 'svg') as SVGSVGElement;
	const [, , w, h] = opts.shapes.viewBox.split(/\s+/).map(Number);
	svg.setAttribute('xmlns', SVG);
	svg.setAttribute('viewBox', `0 0 ${w} ${h + 24}`);
	svg.setAttribute('width', String(w));
	svg.setAttribute('height', String(h + 24));
	svg.setAttribute('font-family', 'system-ui, sans-serif');
	const defs = document.createElementNS(SVG, 'defs');
	defs.innerHTML = `<pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#eeeeee"/><line x1="0" y1="0" x2="0" y2="6" stroke="#9e9e9e" stroke-width="2"/></pattern>`;
	svg.appendChild(defs);
	for (const [code, shape] of Object.entries(opts.shapes.counties)) {
		const r = byRegion.get(code);
		const outcome: Outcome = opts.outcomes[code] ?? 'not-compared';
		const path = document.createElementNS(SVG, 'path');
		path.setAttribute('d', shape.path);
		path.setAttribute('fill', r?.value == null ? 'url(#hatch)' : OUTCOME_COLOR[outcome]);
		path.setAttribute('stroke', code === opts.highlight ? '#000000' : '#ffffff');
		path.setAttribute('stroke-width', code === opts.highlight ? '3' : '1');
		path.setAttribute('data-region', code);
		if (r?.value != null) path.setAttribute('data-value', String(r.value));
		path.setAttribute('data-outcome', outcome);
		const title = document.createElementNS(SVG, 'title');
		title.textContent = `${opts.names[code] ?? code}: ${r?.value == null ? (r?.status ?? '–') : formatPercent(r.value, opts.lang)} — ${opts.outcomeLabels[outcome]}`;
		path.appendChild(title);
		svg.appendChild(path);
	}
	const credit = document.createElementNS(SVG, 'text');
	credit.setAttribute('x', '4');
	credit.setAttribute('y', String(h + 18));
	credit.setAttribute('font-size', '11');
	credit.setAttribute('fill', '#595959');
	credit.textContent = opts.shapes.attribution;
	svg.appendChild(credit);
	return svg;
}
