/**
 * Counties ranked by value with their CIs, against a vertical rule at the nation's value for the
 * same period; each dot's colour and shape say how it compares (outcomes computed by the stats
 * module and passed in — the chart never decides significance itself).
 */
import * as Plot from '@observablehq/plot';
import type { Observation } from '$lib/data/observation';
import { periodLabel } from '$lib/data/observation';
import { formatNumber, formatPercent, type Lang } from '$lib/i18n/format';
import { annotate } from './annotate';
import type { Polarity } from '$lib/data/catalog';
import { inferPolarity, markColor, outcomeScales } from './outcome-key';
import { INK, MUTED, type Outcome } from './palette';

/** What both county charts (the dot chart and the map) are told: names, outcomes and the highlighted county. */
export interface CountyChartOptions {
	lang: Lang;
	names: Record<string, string>;
	outcomes: Record<string, Outcome>;
	outcomeLabels: Record<Outcome, string>;
	highlight?: string;
}

export interface RegionsOptions extends CountyChartOptions {
	benchmarkLabel: string;
	width?: number;
	/** The indicator's direction: which outcomes the legend lists (inferred from the outcomes if absent). */
	polarity?: Polarity;
}

export function regionsFigure(rows: readonly Observation[], opts: RegionsOptions, document: Document): SVGSVGElement | HTMLElement {
	const nation = rows.find((r) => r.region_code === '00');
	const counties = rows.filter((r) => r.region_code !== '00');
	const shown = counties.filter((r) => r.value !== null).sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
	const missing = counties.filter((r) => r.value === null);
	// Real first, never mixed: when real and example counties share the chart, example ones are labelled so by name (not colour alone).
	const mixed = counties.some((r) => r.is_demo) && counties.some((r) => !r.is_demo);
	const name = (r: Observation) => (opts.names[r.region_code] ?? r.region_code) + (mixed && r.is_demo ? (opts.lang === 'sv' ? ' (exempeldata)' : ' (example data)') : '');
	const outcome = (r: Observation): Outcome => opts.outcomes[r.region_code] ?? 'not-compared';
	const xMax = Math.max(10, ...shown.map((r) => r.ci_high ?? r.value ?? 0));
	const xTop = Math.ceil((xMax * 1.1) / 5) * 5;
	const fmt = (v: number | null) => formatPercent(v, opts.lang);
	const polarity = opts.polarity ?? inferPolarity(Object.values(opts.outcomes));
	return Plot.plot({
		document,
		width: opts.width ?? 520,
		height: 50 + 22 * Math.max(1, shown.length + missing.length),
		// Room for the longest name (about 9 px a character at the 16 px of projector screens), at most half the width.
		marginBottom: 40,
		marginLeft: Math.min(Math.round((opts.width ?? 520) * 0.5), 14 + 9 * Math.max(8, ...[...shown, ...missing].map((r) => name(r).length + (r.value === null ? 5 : 0)))),
		style: { fontSize: '13px', color: INK, background: 'transparent' },
		x: { labelOffset: 34, domain: [0, xTop], grid: true, label: '%', tickFormat: (d: number) => formatPercent(d, opts.lang, 0).replace(/\s?%$/, '') },
		y: { domain: [...shown.map(name), ...missing.map((r) => `${name(r)} (${r.status ?? '..'})`)], label: null },
		...outcomeScales(polarity, opts.outcomeLabels),
		marks: [
			...(nation?.value != null
				? [
						Plot.ruleX([nation.value], { stroke: INK, strokeDasharray: '4,3' }),
						// Label on the side with room: right of the rule in the left half, left of it in the right half.
						Plot.text([`${opts.benchmarkLabel} ${fmt(nation.value)}`], { x: nation.value, frameAnchor: 'top', dy: -2, ...(nation.value > xTop / 2 ? { dx: -4, textAnchor: 'end' as const } : { dx: 4, textAnchor: 'start' as const }), fill: MUTED, fontSize: 11 })
					]
				: []),
			Plot.ruleY(shown.filter((r) => r.ci_low !== null), { y: name, x1: 'ci_low', x2: 'ci_high', stroke: (r: Observation) => markColor(outcome(r)), strokeOpacity: 0.5, strokeWidth: 2 }),
			...(opts.highlight ? [Plot.ruleY(shown.filter((r) => r.region_code === opts.highlight), { y: name, stroke: '#F0C808', strokeWidth: 18, strokeOpacity: 0.35 })] : []),
			Plot.dot(shown, {
				// One function for fill, stroke and symbol: Plot's legend then draws the marks' own shapes.
				y: name, x: 'value', r: 5, fill: outcome, stroke: outcome, symbol: outcome, strokeWidth: 1.5,
				title: (r: Observation) => `${name(r)}, ${periodLabel(r)}: ${fmt(r.value)}${r.ci_low !== null ? ` (${fmt(r.ci_low)}–${fmt(r.ci_high)})` : ''}${r.n ? `, n = ${formatNumber(r.n, opts.lang, 0)}` : ''} — ${opts.outcomeLabels[outcome(r)]}`,
				render: annotate(shown, (r) => ({ region: r.region_code, value: r.value, 'ci-low': r.ci_low, 'ci-high': r.ci_high, outcome: outcome(r), demo: String(r.is_demo), kind: mixed ? (r.is_demo ? 'example' : 'real') : null }))
			}),
			Plot.ruleX([0], { stroke: INK })
		]
	});
}
