/**
 * Trend over time: estimate line and dots, 95 % CI as a band (pooled windows drawn at their end
 * year, labelled with the whole window), the strategy period 2025–2029 shaded, the baseline
 * (latest value before 2025) ringed, and series breaks as dashed rules — the line is not drawn
 * across a break.
 *
 * Scales (issue #20): the y-axis starts at 0 unless the reader asks to zoom to the data, and then
 * the axis label says that it does not start at 0. Small multiples pass one shared `yMax`. Until a
 * value from the strategy period exists, the period is a narrow stub at the right edge (context,
 * not a fifth of the width); and a series of a single value is drawn as that value, labelled,
 * on a short axis instead of a lone dot on a ten-year one.
 */
import * as Plot from '@observablehq/plot';
import type { Observation } from '$lib/data/observation';
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
	benchmark?: readonly Observation[];
	/** Fit the y-axis to the data instead of starting at 0 (said on the axis). */
	zoom?: boolean;
	/** Shared upper end of the y-axis (small multiples on one scale). */
	yMax?: number;
}

/** The y-axis domain: [0, nice max], or the data's range with a margin when zoomed. */
export function trendYDomain(values: readonly number[], opts: Pick<TrendOptions, 'zoom' | 'yMax'>): [number, number] {
	const hi = Math.max(...values, 0);
	if (opts.zoom && values.length) {
		const lo = Math.min(...values);
		const pad = Math.max(1, (hi - lo) * 0.15);
		const step = hi - lo + 2 * pad > 20 ? 5 : 1;
		return [Math.max(0, Math.floor((lo - pad) / step) * step), Math.ceil((hi + pad) / step) * step];
	}
	const top = Math.max(10, opts.yMax ?? 0, hi * 1.15);
	return [0, Math.ceil(top / 5) * 5];
}

const STRATEGY = { start: 2025, end: 2029 };

export function trendFigure(rows: readonly Observation[], opts: TrendOptions, document: Document): SVGSVGElement | HTMLElement {
	const shown = rows.filter((r) => r.value !== null);
	const breaks = [...(opts.seriesBreaks ?? [])].sort((a, b) => a - b);
	const segment = (r: Observation) => breaks.filter((b) => r.period_start >= b).length;
	const baseline = [...shown].filter((r) => r.period_end < STRATEGY.start).at(-1);
	const years = shown.map((r) => r.period_end).concat(opts.benchmark?.map((r) => r.period_end) ?? []);
	const single = shown.length === 1 && !opts.benchmark?.some((r) => r.value !== null);
	const lastYear = Math.max(...years, STRATEGY.start - 1);
	// Single value: a short axis around it. Otherwise from the first value (at least 2020 for context).
	const x0 = (single ? lastYear - 2 : Math.min(...years, 2020)) - 0.5;
	const strategyHasData = lastYear >= STRATEGY.start;
	// Until data arrive the period is a stub of a tenth of the span (1.5–3 years), as context.
	const stub = Math.min(3, Math.max(1.5, (lastYear - x0) * 0.1));
	const x1 = strategyHasData ? Math.max(lastYear, STRATEGY.end) + 0.5 : STRATEGY.start - 0.5 + stub;
	const values = [...shown.flatMap((r) => [r.value!, ...(r.ci_low !== null && r.ci_high !== null ? [r.ci_low, r.ci_high] : [])]), ...(opts.benchmark ?? []).flatMap((r) => (r.value !== null ? [r.value] : []))];
	const yDomain = trendYDomain(values, opts);
	const zoomed = yDomain[0] > 0;
	const yLabel = `${opts.yLabel ?? '%'}${zoomed ? (opts.lang === 'sv' ? ` (axeln börjar vid ${yDomain[0]})` : ` (axis starts at ${yDomain[0]})`) : ''}`;
	const fmt = (v: number | null) => formatPercent(v, opts.lang);
	// Real first, never mixed: when one line holds real and example values, each point says which
	// it is by shape (filled circle = real, hollow diamond = example) and in its tooltip, not by colour alone.
	const mixed = shown.some((r) => r.is_demo) && shown.some((r) => !r.is_demo);
	const kindText = (r: Observation) => (!mixed ? '' : r.is_demo ? (opts.lang === 'sv' ? ' – exempeldata' : ' – example data') : opts.lang === 'sv' ? ' – verkligt värde' : ' – real value');
	const tip = (r: Observation) =>
		`${periodLabel(r)}: ${fmt(r.value)}${r.ci_low !== null ? ` (${fmt(r.ci_low)}–${fmt(r.ci_high)})` : ''}${r.n ? `, n = ${r.n}` : ''}${kindText(r)}`;

	return Plot.plot({
		document,
		width: opts.width ?? 640,
		height: opts.height ?? 300,
		marginLeft: 44,
		style: { fontSize: '13px', color: INK, background: 'transparent' },
		x: { domain: [x0, x1], tickFormat: (d: number) => (Number.isInteger(d) ? String(d) : ''), label: null, ticks: Math.max(3, Math.min(10, Math.round(x1 - x0), Math.floor((opts.width ?? 640) / 64))) },
		y: { domain: yDomain, grid: true, label: yLabel, tickFormat: (d: number) => formatPercent(d, opts.lang, 0).replace(/\s?%$/, '') },
		marks: [
			Plot.rectX([STRATEGY], { x1: STRATEGY.start - 0.5, x2: x1, fill: STRATEGY_FILL, fillOpacity: 0.6 }),
			Plot.text([opts.lang === 'sv' ? (strategyHasData ? 'Strategiperiod\n2025–2029' : 'Strategi-\nperiod\n2025–2029 →') : strategyHasData ? 'Strategy period\n2025–2029' : 'Strategy\nperiod\n2025–2029 →'], {
				...(strategyHasData ? { x: STRATEGY.start - 0.4, textAnchor: 'start' as const } : { x: x1, dx: -3, textAnchor: 'end' as const }),
				frameAnchor: 'top', dy: 6, fill: MUTED, fontSize: 11
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
			// Real points as filled circles; example points (only when the line holds both kinds) as hollow diamonds.
			...[false, true].map((demo) => {
				const pts = shown.filter((r) => (mixed ? r.is_demo === demo : !demo));
				return Plot.dot(pts, {
					x: 'period_end', y: 'value', r: 4,
					...(demo ? { symbol: 'diamond2', fill: 'white', stroke: SERIES, strokeWidth: 1.5 } : { fill: SERIES, stroke: 'white', strokeWidth: 1 }),
					title: tip,
					render: annotate(pts, (r) => ({
						value: r.value, 'ci-low': r.ci_low, 'ci-high': r.ci_high, n: r.n,
						period: periodLabel(r), demo: r.is_demo ? 'true' : 'false', kind: mixed ? (r.is_demo ? 'example' : 'real') : null
					}))
				});
			}),
			...(baseline ? [Plot.dot([baseline], { x: 'period_end', y: 'value', r: 8, stroke: INK, strokeWidth: 1.5, fill: 'none' })] : []),
			...(single
				? [Plot.text(shown, { x: 'period_end', y: 'value', text: (r: Observation) => `${fmt(r.value)}${r.ci_low !== null ? ` (${fmt(r.ci_low)}–${fmt(r.ci_high)})` : ''}`, dx: -12, textAnchor: 'end', fontSize: 15, fontWeight: 700, fill: INK, className: 'trend-single-value' })]
				: []),
			...(zoomed ? [] : [Plot.ruleY([0], { stroke: INK })])
		]
	});
}
