/**
 * Breakdown by group: each group's estimate as a dot with its CI as a line, against a vertical
 * rule at the whole population's value, so gaps read directly off the chart. Suppressed groups
 * are listed with their marker instead of a dot.
 */
import * as Plot from '@observablehq/plot';
import type { Observation } from '$lib/data/observation';
import { periodLabel } from '$lib/data/observation';
import { formatNumber, formatPercent, type Lang } from '$lib/i18n/format';
import { annotate } from './annotate';
import { INK, MUTED, SERIES } from './palette';

export interface GroupsOptions {
	lang: Lang;
	/** group_code → label, in display order. */
	labels: Record<string, string>;
	totalLabel: string;
	width?: number;
}

export function groupsFigure(rows: readonly Observation[], opts: GroupsOptions, document: Document): SVGSVGElement | HTMLElement {
	const total = rows.find((r) => r.group_dim === 'total');
	const groups = rows.filter((r) => r.group_dim !== 'total');
	const order = Object.keys(opts.labels);
	// Real first, never mixed: if real and example groups share the chart, example ones say so in their label.
	const mixed = groups.some((r) => r.is_demo) && groups.some((r) => !r.is_demo);
	const kind = (r: Observation) => (mixed && r.is_demo ? (opts.lang === 'sv' ? ' (exempeldata)' : ' (example data)') : '');
	const label = (r: Observation) => (r.value === null ? `${opts.labels[r.group_code] ?? r.group_code} (${r.status ?? '..'})` : (opts.labels[r.group_code] ?? r.group_code)) + kind(r);
	const sorted = [...groups].sort((a, b) => order.indexOf(a.group_code) - order.indexOf(b.group_code));
	const shown = sorted.filter((r) => r.value !== null);
	const xDomain = groupsXDomain([...shown.flatMap((r) => [r.value!, r.ci_low ?? r.value!, r.ci_high ?? r.value!]), ...(total?.value != null ? [total.value] : [])]);
	const fromZero = xDomain[0] === 0;
	const fmt = (v: number | null) => formatPercent(v, opts.lang);
	return Plot.plot({
		document,
		width: opts.width ?? 640,
		height: 40 + 34 * Math.max(1, sorted.length),
		marginLeft: Math.min(170, Math.round((opts.width ?? 640) * 0.4)),
		// Room for the axis label at the 16 px text projector screens get (PlotView).
		marginBottom: 40,
		style: { fontSize: '13px', color: INK, background: 'transparent' },
		x: { labelOffset: 34, domain: xDomain, grid: true, label: fromZero ? '%' : opts.lang === 'sv' ? `% (axeln börjar vid ${xDomain[0]})` : `% (axis starts at ${xDomain[0]})`, tickFormat: (d: number) => formatPercent(d, opts.lang, 0).replace(/\s?%$/, '') },
		y: { domain: sorted.map(label), label: null },
		marks: [
			...(total?.value != null
				? [
						Plot.ruleX([total.value], { stroke: MUTED, strokeDasharray: '4,3' }),
						Plot.text([`${opts.totalLabel} ${fmt(total.value)}`], { x: total.value, frameAnchor: 'top', dy: -2, textAnchor: 'start', dx: 4, fill: MUTED, fontSize: 11 })
					]
				: []),
			Plot.ruleY(shown.filter((r) => r.ci_low !== null), { y: label, x1: 'ci_low', x2: 'ci_high', stroke: SERIES, strokeWidth: 3, strokeOpacity: 0.45 }),
			Plot.dot(shown, {
				y: label, x: 'value', r: 5, fill: SERIES, stroke: 'white',
				title: (r: Observation) => `${label(r)}, ${periodLabel(r)}: ${fmt(r.value)}${r.ci_low !== null ? ` (${fmt(r.ci_low)}–${fmt(r.ci_high)})` : ''}${r.n ? `, n = ${formatNumber(r.n, opts.lang, 0)}` : ''}`,
				render: annotate(shown, (r) => ({ group: r.group_code, value: r.value, 'ci-low': r.ci_low, 'ci-high': r.ci_high, n: r.n, demo: String(r.is_demo) }))
			}),
			...(fromZero ? [Plot.ruleX([0], { stroke: INK })] : [])
		]
	});
}

/**
 * Dots and intervals encode position, not length, so the axis need not start at 0: it does when
 * the smallest value is near 0 (within a quarter of the largest), and otherwise fits the data,
 * so that groups are not squeezed against one edge. The axis label then says where it starts.
 */
export function groupsXDomain(values: readonly number[]): [number, number] {
	const hi = Math.max(10, ...values);
	const lo = values.length ? Math.min(...values) : 0;
	const top = Math.ceil((hi * 1.05) / 5) * 5;
	if (lo <= hi * 0.25) return [0, top];
	return [Math.floor((lo - (hi - lo) * 0.1) / 5) * 5, top];
}
