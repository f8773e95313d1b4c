/**
 * Trend over time: estimate line and dots, 95 % CI as a band (pooled windows drawn at their end
 * year, labelled with the whole window), the strategy period 2025–2029 shaded, the baseline
 * (latest value before 2025) ringed, and series breaks as dashed rules — the line is not drawn
 * across a break.
 */
import * as Plot from '@observablehq/plot';
import type { ObservationRow } from '$lib/data/queries';
import { periodLabel } from '$lib/data/observation';
import { formatPercent, type Lang } from '$lib/i18n/format';
import { annotate } from './annotate';
import { CI_FILL, INK, MUTED, SERIES, STRATEGY_FILL } from './palette';

export interface TrendOptions {
	lang: Lang;
	width?: number;
	height?: number;
	seriesBreaks?: readonly number[];
	yLabel?: string;
	/** Comparison series (e.g. the nation behind a region), drawn thin and grey. */
	benchmark?: readonly ObservationRow[];
}

const STRATEGY = { start: 2025, end: 2029 };

export function trendFigure(rows: readonly ObservationRow[], opts: TrendOptions, document: Document): SVGSVGElement | HTMLElement {
	const shown = rows.filter((r) => r.value !== null);
	const breaks = [...(opts.seriesBreaks ?? [])].sort((a, b) => a - b);
	const segment = (r: ObservationRow) => breaks.filter((b) => r.period_start >= b).length;
	const baseline = [...shown].filter((r) => r.period_end < STRATEGY.start).at(-1);
	const years = shown.map((r) => r.period_end).concat(opts.benchmark?.map((r) => r.period_end) ?? []);
	const x0 = Math.min(...years, 2020) - 0.5;
	const x1 = Math.max(...years, STRATEGY.end) + 0.5;
	const yMax = Math.max(10, ...shown.map((r) => r.ci_high ?? r.value ?? 0), ...(opts.benchmark ?? []).map((r) => r.value ?? 0));
	const fmt = (v: number | null) => formatPercent(v, opts.lang);
	// Real first, never mixed: when one line holds real and example values, each point says which
	// it is by shape (filled circle = real, hollow diamond = example) and in its tooltip, not by colour alone.
	const mixed = shown.some((r) => r.is_demo) && shown.some((r) => !r.is_demo);
	const kindText = (r: ObservationRow) => (!mixed ? '' : r.is_demo ? (opts.lang === 'sv' ? ' – exempeldata' : ' – example data') : opts.lang === 'sv' ? ' – verkligt värde' : ' – real value');
	const tip = (r: ObservationRow) =>
		`${periodLabel(r)}: ${fmt(r.value)}${r.ci_low !== null ? ` (${fmt(r.ci_low)}–${fmt(r.ci_high)})` : ''}${r.n ? `, n = ${r.n}` : ''}${kindText(r)}`;

	return Plot.plot({
		document,
		width: opts.width ?? 640,
		height: opts.height ?? 300,
		marginLeft: 44,
		style: { fontSize: '13px', color: INK, background: 'transparent' },
		x: { domain: [x0, x1], tickFormat: (d: number) => (Number.isInteger(d) ? String(d) : ''), label: null, ticks: Math.max(3, Math.min(10, Math.round(x1 - x0), Math.floor((opts.width ?? 640) / 64))) },
		y: { domain: [0, Math.ceil((yMax * 1.15) / 5) * 5], grid: true, label: opts.yLabel ?? '%', tickFormat: (d: number) => formatPercent(d, opts.lang, 0).replace(/\s?%$/, '') },
		marks: [
			Plot.rectX([STRATEGY], { x1: STRATEGY.start - 0.5, x2: x1, fill: STRATEGY_FILL, fillOpacity: 0.6 }),
			Plot.text([opts.lang === 'sv' ? 'Strategiperiod\n2025–2029' : 'Strategy period\n2025–2029'], {
				x: STRATEGY.start - 0.4, frameAnchor: 'top', dy: 6, textAnchor: 'start', fill: MUTED, fontSize: 11
			}),
			...(breaks.length
				? [
						Plot.ruleX(breaks.map((b) => b - 0.5), { stroke: MUTED, strokeDasharray: '4,3' }),
						Plot.text(breaks, { x: (b: number) => b - 0.5, frameAnchor: 'bottom', dy: -4, text: () => (opts.lang === 'sv' ? 'Seriebrott' : 'Series break'), fill: MUTED, fontSize: 11, textAnchor: 'start', dx: 3 })
					]
				: []),
			Plot.areaY(shown.filter((r) => r.ci_low !== null), { x: 'period_end', y1: 'ci_low', y2: 'ci_high', z: segment, fill: CI_FILL, fillOpacity: 0.45, curve: 'linear' }),
			...(opts.benchmark?.length
				? [Plot.line(opts.benchmark.filter((r) => r.value !== null), { x: 'period_end', y: 'value', z: segment, stroke: MUTED, strokeWidth: 1.5, strokeDasharray: '2,2' })]
				: []),
			Plot.line(shown, { x: 'period_end', y: 'value', z: segment, stroke: SERIES, strokeWidth: 2.5 }),
			...(mixed
				? [
						Plot.text([opts.lang === 'sv' ? '● verkligt värde   ◇ exempeldata' : '● real value   ◇ example data'], {
							frameAnchor: 'top-left', dx: 4, dy: 6, textAnchor: 'start', fill: INK, fontSize: 11
						})
					]
				: []),
			Plot.dot(shown, {
				x: 'period_end', y: 'value', r: 4, strokeWidth: 1.5,
				symbol: (r: ObservationRow) => (mixed && r.is_demo ? 'diamond2' : 'circle'),
				fill: (r: ObservationRow) => (mixed && r.is_demo ? 'white' : SERIES),
				stroke: (r: ObservationRow) => (mixed && r.is_demo ? SERIES : 'white'),
				title: tip,
				render: annotate(shown, (r) => ({
					value: r.value, 'ci-low': r.ci_low, 'ci-high': r.ci_high, n: r.n,
					period: periodLabel(r), demo: r.is_demo ? 'true' : 'false', kind: mixed ? (r.is_demo ? 'example' : 'real') : null
				}))
			}),
			...(baseline ? [Plot.dot([baseline], { x: 'period_end', y: 'value', r: 8, stroke: INK, strokeWidth: 1.5, fill: 'none' })] : []),
			Plot.ruleY([0], { stroke: INK })
		]
	});
}
