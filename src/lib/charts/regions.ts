/**
 * Counties ranked by value with their CIs, against a vertical rule at the nation's value for the
 * same period; each dot's colour and shape say how it compares (outcomes computed by the stats
 * module and passed in — the chart never decides significance itself).
 */
import * as Plot from '@observablehq/plot';
import type { ObservationRow } from '$lib/data/queries';
import { formatPercent, type Lang } from '$lib/i18n/format';
import { annotate } from './annotate';
import { INK, MUTED, OUTCOME_COLOR, OUTCOME_SYMBOL, type Outcome } from './palette';

export interface RegionsOptions {
	lang: Lang;
	names: Record<string, string>;
	outcomes: Record<string, Outcome>;
	outcomeLabels: Record<Outcome, string>;
	benchmarkLabel: string;
	highlight?: string;
	width?: number;
}

export function regionsFigure(rows: readonly ObservationRow[], opts: RegionsOptions, document: Document): SVGSVGElement | HTMLElement {
	const nation = rows.find((r) => r.region_code === '00');
	const counties = rows.filter((r) => r.region_code !== '00');
	const shown = counties.filter((r) => r.value !== null).sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
	const missing = counties.filter((r) => r.value === null);
	// Real first, never mixed: when real and example counties share the chart, example ones are labelled so by name (not colour alone).
	const mixed = counties.some((r) => r.is_demo) && counties.some((r) => !r.is_demo);
	const name = (r: ObservationRow) => (opts.names[r.region_code] ?? r.region_code) + (mixed && r.is_demo ? (opts.lang === 'sv' ? ' (exempeldata)' : ' (example data)') : '');
	const outcome = (r: ObservationRow): Outcome => opts.outcomes[r.region_code] ?? 'not-compared';
	const xMax = Math.max(10, ...shown.map((r) => r.ci_high ?? r.value ?? 0));
	const fmt = (v: number | null) => formatPercent(v, opts.lang);
	const used = [...new Set(shown.map(outcome))];
	return Plot.plot({
		document,
		width: opts.width ?? 520,
		height: 50 + 22 * Math.max(1, shown.length + missing.length),
		marginLeft: Math.min(178, Math.round((opts.width ?? 520) * 0.42)),
		style: { fontSize: '13px', color: INK, background: 'transparent' },
		x: { domain: [0, Math.ceil((xMax * 1.1) / 5) * 5], grid: true, label: '%', tickFormat: (d: number) => formatPercent(d, opts.lang, 0).replace(/\s?%$/, '') },
		y: { domain: [...shown.map(name), ...missing.map((r) => `${name(r)} (${r.status ?? '..'})`)], label: null },
		color: { domain: used, range: used.map((o) => OUTCOME_COLOR[o]), tickFormat: (o: Outcome) => opts.outcomeLabels[o], legend: used.length > 0 },
		symbol: { domain: used, range: used.map((o) => OUTCOME_SYMBOL[o]) },
		marks: [
			...(nation?.value != null
				? [
						Plot.ruleX([nation.value], { stroke: INK, strokeDasharray: '4,3' }),
						Plot.text([`${opts.benchmarkLabel} ${fmt(nation.value)}`], { x: nation.value, frameAnchor: 'top', dy: -2, dx: 4, textAnchor: 'start', fill: MUTED, fontSize: 11 })
					]
				: []),
			Plot.ruleY(shown.filter((r) => r.ci_low !== null), { y: name, x1: 'ci_low', x2: 'ci_high', stroke: (r: ObservationRow) => OUTCOME_COLOR[outcome(r)], strokeOpacity: 0.5, strokeWidth: 2 }),
			...(opts.highlight ? [Plot.ruleY(shown.filter((r) => r.region_code === opts.highlight), { y: name, stroke: '#F0C808', strokeWidth: 18, strokeOpacity: 0.35 })] : []),
			Plot.dot(shown, {
				// 'times' (not compared) is drawn by its stroke alone: give it the outcome's colour, or the mark is invisible.
				y: name, x: 'value', r: 5, fill: (r: ObservationRow) => outcome(r), symbol: (r: ObservationRow) => outcome(r),
				stroke: (r: ObservationRow) => (outcome(r) === 'not-compared' ? OUTCOME_COLOR['not-compared'] : 'white'), strokeWidth: (r: ObservationRow) => (outcome(r) === 'not-compared' ? 2 : 0.8),
				title: (r: ObservationRow) => `${name(r)}: ${fmt(r.value)}${r.ci_low !== null ? ` (${fmt(r.ci_low)}–${fmt(r.ci_high)})` : ''} — ${opts.outcomeLabels[outcome(r)]}`,
				render: annotate(shown, (r) => ({ region: r.region_code, value: r.value, 'ci-low': r.ci_low, 'ci-high': r.ci_high, outcome: outcome(r), demo: String(r.is_demo), kind: mixed ? (r.is_demo ? 'example' : 'real') : null }))
			}),
			Plot.ruleX([0], { stroke: INK })
		]
	});
}
