/**
 * The region's spine chart (after Fingertips' area profile): one row per indicator, centred on
 * the nation's value; the grey bar spans all counties (darker: the middle half), oriented so
 * that "better" is always to the right; the region's marker is coloured by its comparison.
 */
import * as Plot from '@observablehq/plot';
import type { ObservationRow } from '$lib/data/queries';
import type { Lang } from '$lib/i18n/format';
import { annotate } from './annotate';
import { INK, MUTED, OUTCOME_COLOR, OUTCOME_SYMBOL, type Outcome } from './palette';

export interface SpineRow {
	id: string;
	label: string;
	nation: number;
	value: number | null;
	min: number;
	q1: number;
	q3: number;
	max: number;
	/** -1 when higher is worse, so better is always to the right. */
	orientation: 1 | -1;
	outcome: Outcome;
}

export interface SpineOptions {
	lang: Lang;
	spine: SpineRow[];
	outcomeLabels: Record<Outcome, string>;
	width?: number;
}

export function spineFigure(_rows: readonly ObservationRow[], opts: SpineOptions, document: Document): SVGSVGElement | HTMLElement {
	// Each row is scaled by its widest distance from the nation, so every row spans [-1, 1].
	const scaled = opts.spine.map((s) => {
		const span = Math.max(Math.abs(s.max - s.nation), Math.abs(s.min - s.nation), 1e-9);
		const pos = (v: number) => (s.orientation * (v - s.nation)) / span;
		const [a, b] = [pos(s.min), pos(s.max)].sort((x, y) => x - y);
		const [c, d] = [pos(s.q1), pos(s.q3)].sort((x, y) => x - y);
		return { ...s, lo: a, hi: b, qlo: c, qhi: d, x: s.value === null ? null : pos(s.value) };
	});
	const withValue = scaled.filter((s) => s.x !== null);
	const used = [...new Set(withValue.map((s) => s.outcome))];
	const sv = opts.lang === 'sv';
	return Plot.plot({
		document,
		width: opts.width ?? 640,
		height: 60 + 30 * Math.max(1, scaled.length),
		marginLeft: Math.min(230, Math.round((opts.width ?? 640) * 0.45)),
		style: { fontSize: '13px', color: INK, background: 'transparent' },
		x: { domain: [-1.1, 1.1], ticks: [], label: sv ? '← sämre än riket · bättre än riket →' : '← worse than Sweden · better than Sweden →', labelAnchor: 'center' },
		y: { domain: scaled.map((s) => s.label), label: null },
		color: { domain: used, range: used.map((o) => OUTCOME_COLOR[o]), tickFormat: (o: Outcome) => opts.outcomeLabels[o], legend: used.length > 0 },
		symbol: { domain: used, range: used.map((o) => OUTCOME_SYMBOL[o]) },
		marks: [
			Plot.barX(scaled, { y: 'label', x1: 'lo', x2: 'hi', fill: '#DADADA', insetTop: 6, insetBottom: 6 }),
			Plot.barX(scaled, { y: 'label', x1: 'qlo', x2: 'qhi', fill: '#A8A8A8', insetTop: 6, insetBottom: 6 }),
			Plot.ruleX([0], { stroke: INK, strokeWidth: 1.5 }),
			Plot.dot(withValue, {
				y: 'label', x: 'x', r: 7, fill: 'outcome', symbol: 'outcome', stroke: 'white', strokeWidth: 1,
				title: (s: (typeof scaled)[number]) => `${s.label}: ${opts.outcomeLabels[s.outcome]}`,
				render: annotate(withValue, (s) => ({ indicator: s.id, value: s.value, benchmark: s.nation, outcome: s.outcome }))
			}),
			Plot.text([sv ? 'Riket' : 'Sweden'], { x: 0, frameAnchor: 'top', dy: -2, fill: MUTED, fontSize: 11 })
		]
	});
}
